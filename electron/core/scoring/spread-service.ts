import type { Kysely } from 'kysely';
import type { ProductSheets, ProductSpread, RescoringRound, SessionSpread } from '../../../shared/api/channels/scoring';
import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import { evaluateSpread } from '../../../shared/ocop/spread';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import type { Write } from '../handlers';
import { insertRescoringRound, roundsOf } from './rescoring-repo';
import { listSheets, toSummary, type Sheet } from './sheet-repo';
import { agendaOf, assertScoringOpen, currentRounds, isScoringRole, sessionMembers, type AgendaRow } from './session-access';
import { getSession, recusalsOf } from '../sessions/session-repo';

type In<C extends Channel> = ChannelParsedInput<C>;

/**
 * Spread (chênh lệch) of members' totals per product against the council's Quy chế limit, and
 * the re-scoring rounds the chair opens when it is exceeded. The sheets that count are each
 * member's latest submitted sheet (an earlier round's is superseded when the member resubmits;
 * both stay stored). Disqualified sheets have no meaningful total and are counted apart.
 *
 * Independence before discussion: when the council's rule says members do not see others'
 * scores before submitting, a member who has not submitted a product's sheet gets only their
 * own — enforced here, not only hidden by the screen.
 */

/** Whether the viewer may see other members' sheets of this product. */
function othersVisible(
  seeBeforeSubmit: boolean,
  viewerMemberId: number | undefined,
  sheets: Sheet[],
  registrationId: number,
): boolean {
  if (viewerMemberId === undefined || seeBeforeSubmit) return true;
  return sheets.some((s) => s.registrationId === registrationId && s.memberId === viewerMemberId && s.status !== 'draft');
}

export async function productSheets(ctx: CoreContext, input: In<'scoring:productSheets'>): Promise<ProductSheets> {
  const { db } = ctx;
  const session = await getSession(db, input.sessionId);
  const rules = session.rules;
  const sheets = await listSheets(db, { sessionId: input.sessionId, registrationId: input.registrationId });
  const visible = othersVisible(rules.membersSeeOthersBeforeSubmit, input.viewerMemberId, sheets, input.registrationId);
  const shown = visible ? sheets : sheets.filter((s) => s.memberId === input.viewerMemberId);
  return { othersHidden: !visible, sheets: shown.map(toSummary) };
}

function productSpread(
  a: AgendaRow,
  sheets: Sheet[],
  expected: number,
  round: number,
  rounds: RescoringRound[],
  rule: { limit: number; limitAllowed: boolean },
  hidden: boolean,
): ProductSpread {
  const counting = sheets.filter((s) => s.registrationId === a.registrationId && s.status === 'submitted');
  const scored = hidden ? [] : counting.filter((s) => !s.disqualified);
  const totals = scored.map((s) => ({
    memberId: s.memberId,
    fullName: s.memberName,
    sheetId: s.id,
    totalPoints: s.totalPoints,
    rescoringRound: s.rescoringRound,
    keptPrevious: s.keptPrevious,
  }));
  const result =
    totals.length > 0
      ? evaluateSpread(
          totals.map((t) => ({ memberId: t.memberId, totalCenti: t.totalPoints * 100 })),
          rule,
        )
      : null;
  return {
    registrationId: a.registrationId,
    productName: a.productName,
    currentRound: round,
    expected,
    totals,
    disqualifiedCount: hidden ? 0 : counting.length - scored.length,
    spread: result ? result.spreadCenti / 100 : null,
    min: result ? result.minCenti / 100 : null,
    max: result ? result.maxCenti / 100 : null,
    withinLimit: result && totals.length >= 2 ? result.withinLimit : null,
    hidden,
    rounds,
  };
}

/** The scoring:spread query. */
export const spread = (ctx: CoreContext, input: In<'scoring:spread'>): Promise<SessionSpread> => sessionSpread(ctx.db, input);

/** Spread per product, read through `db` (a change reads it inside its own transaction). */
export async function sessionSpread(
  db: Kysely<DB>,
  input: { sessionId: number; viewerMemberId?: number },
): Promise<SessionSpread> {
  const session = await getSession(db, input.sessionId);
  const rules = session.rules;
  const rule = { limit: rules.spreadLimit, limitAllowed: rules.spreadLimitAllowed };
  const agenda = await agendaOf(db, input.sessionId);
  const sheets = await listSheets(db, { sessionId: input.sessionId });
  const members = (await sessionMembers(db, input.sessionId)).filter((m) => isScoringRole(m.role) && m.present !== false);
  const recusals = await recusalsOf(db, input.sessionId);
  const current = await currentRounds(db, input.sessionId);
  const rounds = await roundsOf(db, input.sessionId);
  let anyHidden = false;
  const products = agenda.map((a) => {
    const hidden = !othersVisible(rules.membersSeeOthersBeforeSubmit, input.viewerMemberId, sheets, a.registrationId);
    anyHidden ||= hidden;
    const expected = members.filter((m) => !recusals.get(a.registrationId)?.has(m.memberId)).length;
    return productSpread(
      a,
      sheets,
      expected,
      current.get(a.registrationId) ?? 0,
      rounds.get(a.registrationId) ?? [],
      rule,
      hidden,
    );
  });
  return { limit: rule.limit, limitAllowed: rule.limitAllowed, hidden: anyHidden, products };
}

/** The chair opens the next re-scoring round for one product; every member may then revise. */
export async function openRescoring(w: Write, input: In<'scoring:openRescoring'>): Promise<ProductSpread> {
  const { trx } = w;
  const session = await getSession(trx, input.sessionId);
  assertScoringOpen(session, 're-scoring');
  const chair = (await sessionMembers(trx, input.sessionId)).find((m) => m.memberId === input.chairMemberId);
  const isChair =
    chair !== undefined && (session.chairMemberId !== null ? session.chairMemberId === chair.memberId : chair.role === 'chair');
  if (!isChair)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Only the chair of session ${input.sessionId} opens a re-scoring round; member ${input.chairMemberId} is not the session's chair`,
      { chairMemberId: input.chairMemberId },
    );
  const before = (await sessionSpread(trx, { sessionId: input.sessionId })).products.find(
    (p) => p.registrationId === input.registrationId,
  );
  if (!before)
    throw new CoreError('NOT_FOUND', `Registration ${input.registrationId} is not on the agenda of session ${input.sessionId}`, {
      registrationId: input.registrationId,
    });
  if (before.totals.length === 0)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `No member has submitted a sheet for "${before.productName}" yet; there is nothing to score again`,
      { registrationId: input.registrationId },
    );
  const roundNo = before.currentRound + 1;
  await insertRescoringRound(trx, {
    sessionId: input.sessionId,
    registrationId: input.registrationId,
    roundNo,
    openedByMemberId: input.chairMemberId,
    reason: input.reason,
    spreadPoints: before.spread,
    openedAt: w.at.toISOString(),
    actor: w.actor,
  });
  await w.audit({
    action: 'scoring.rescoring.open',
    entity: 'registration',
    entityId: input.registrationId,
    before: {
      round: before.currentRound,
      spread: before.spread,
      totals: before.totals.map((t) => ({ memberId: t.memberId, totalPoints: t.totalPoints })),
    },
    after: { round: roundNo, reason: input.reason, openedBy: chair!.fullName, sessionId: input.sessionId },
  });
  const after = await sessionSpread(trx, { sessionId: input.sessionId });
  return after.products.find((p) => p.registrationId === input.registrationId)!;
}
