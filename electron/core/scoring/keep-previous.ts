import type { Kysely } from 'kysely';
import type { SheetView } from '../../../shared/api/channels/scoring';
import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import type { Write } from '../handlers';
import { createRoundSheet } from './assignment-service';
import { listSheets, loadSheetContent, getSheet, sheetOpinion, type Sheet } from './sheet-repo';
import { sheetViewIn, submitDraft } from './sheet-service';
import { assertScoringOpen, assignedItem, checkPin, currentRound, scoringMember } from './session-access';
import { getSession } from '../sessions/session-repo';

type In<C extends Channel> = ChannelParsedInput<C>;

/**
 * "Giữ nguyên phiếu": in a re-scoring round, a member keeps their previous sheet unchanged in
 * one action. The round gets a submitted copy of that sheet, marked kept_previous (migration
 * 0013b), so it counts in the new round like a revision would, and everyone can see it was a
 * deliberate confirmation rather than a missing re-score. A draft the member already changed is
 * not thrown away: they submit it as a revision (with the reason) or undo the changes first.
 */
export async function keepPreviousSheet(w: Write, input: In<'scoring:keepPrevious'>): Promise<SheetView> {
  const { trx } = w;
  const session = await getSession(trx, input.sessionId);
  assertScoringOpen(session, 'a kept sheet');
  const m = await scoringMember(trx, input.sessionId, input.memberId);
  // A paired device proved the PIN when it paired (and is scoped to its own member), as for scoring:open.
  if (w.device?.memberId !== input.memberId) checkPin(m, input.pin);
  const item = await assignedItem(trx, input.sessionId, input.registrationId, m);
  const round = await currentRound(trx, input.sessionId, input.registrationId);
  if (round === 0)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `No re-scoring round is open for "${item.productName}"; there is no previous sheet to keep — score the product`,
      { registrationId: input.registrationId },
    );
  const key = { sessionId: input.sessionId, registrationId: input.registrationId, memberId: input.memberId };
  const sheets = await listSheets(trx, key);
  if (sheets.some((s) => s.rescoringRound === round && s.status !== 'draft'))
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${m.fullName} has already submitted a sheet for "${item.productName}" in re-scoring round ${round}`,
      { registrationId: input.registrationId, round },
    );
  const previous = sheets
    .filter((s) => s.rescoringRound < round && s.status === 'submitted')
    .sort((a, b) => b.rescoringRound - a.rescoringRound)[0];
  if (!previous)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${m.fullName} has no submitted sheet for "${item.productName}" from an earlier round to keep; score the product instead`,
      { registrationId: input.registrationId, round },
    );
  const draft = sheets.find((s) => s.status === 'draft' && s.rescoringRound === round);
  const sheetId =
    draft?.id ??
    (await createRoundSheet(w, {
      ...key,
      member: m,
      criteriaSetVersionId: item.criteriaSetVersionId,
      round,
      latest: previous,
    }));
  const changed = await differences(trx, previous.id, sheetId);
  if (changed.length > 0)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The draft of round ${round} already differs from the previous sheet (${changed.join(', ')}); submit it as a revision with the reason, or undo those changes to keep the previous sheet`,
      { registrationId: input.registrationId, round, changed },
    );
  const row: Sheet = await getSheet(trx, sheetId);
  await submitDraft(w, row, { revisionReason: undefined, actor: m.fullName, keptPrevious: true });
  return sheetViewIn(w, sheetId);
}

/** What differs between two sheets: criterion codes, declaration rule ids, "opinion". */
async function differences(db: Kysely<DB>, aId: number, bId: number): Promise<string[]> {
  const [a, b] = await Promise.all([loadSheetContent(db, aId), loadSheetContent(db, bId)]);
  const answers = (x: typeof a) =>
    new Map(
      x.answers.filter((r) => r.levelIndex !== null || r.note !== '').map((r) => [r.criterionCode, `${r.levelIndex}|${r.note}`]),
    );
  const decls = (x: typeof a) => new Map(x.declarations.map((d) => [d.ruleId, `${d.holds}|${d.reason ?? ''}`]));
  const out = new Set<string>();
  for (const [ma, mb] of [
    [answers(a), answers(b)],
    [decls(a), decls(b)],
  ] as const) {
    for (const k of new Set([...ma.keys(), ...mb.keys()])) if (ma.get(k) !== mb.get(k)) out.add(k);
  }
  if ((await sheetOpinion(db, aId)) !== (await sheetOpinion(db, bId))) out.add('opinion');
  return [...out].sort();
}
