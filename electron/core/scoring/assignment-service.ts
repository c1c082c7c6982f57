import type { Kysely } from 'kysely';
import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import type { Assignments, ScoringMember, SessionProgress, SheetView } from '../../../shared/api/channels/scoring';
import { evaluateSheet } from '../../../shared/ocop/sheet-rules';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { syncWriteIn, type Write } from '../handlers';
import { applyChange, type Change } from './answer-events';
import { criteriaSetOf } from './criteria-cache';
import { roundReasons } from './rescoring-repo';
import { insertSheet, listSheets, loadSheetContent, setDerived, sheetOpinion, toSummary, type Sheet } from './sheet-repo';
import { sheetViewIn } from './sheet-service';
import {
  agendaOf,
  assertScoringOpen,
  assignedItem,
  checkPin,
  currentRound,
  currentRounds,
  isScoringRole,
  scoringMember,
  sessionMembers,
  type AgendaRow,
  type SessionMemberRow,
} from './session-access';
import { getSession, recusalsOf } from '../sessions/session-repo';

type In<C extends Channel> = ChannelParsedInput<C>;

/** The scoring:members query. */
export const listScoringMembers = (ctx: CoreContext, input: In<'scoring:members'>): Promise<ScoringMember[]> =>
  scoringMembers(ctx.db, input.sessionId);

/** Members who can score in the session (scoring roles), with how far each has got. */
async function scoringMembers(db: Kysely<DB>, sessionId: number): Promise<ScoringMember[]> {
  await getSession(db, sessionId);
  const members = (await sessionMembers(db, sessionId)).filter((m) => isScoringRole(m.role));
  const agenda = await agendaOf(db, sessionId);
  const recusals = await recusalsOf(db, sessionId);
  const rounds = await currentRounds(db, sessionId);
  const sheets = await listSheets(db, { sessionId });
  return members.map((m) =>
    toScoringMember(
      m,
      agenda.filter((a) => !recusals.get(a.registrationId)?.has(m.memberId)),
      rounds,
      sheets,
    ),
  );
}

/** Whether the member has a sheet (submitted or superseded) in the product's current round. */
const submittedIn = (sheets: readonly Sheet[], memberId: number, registrationId: number, round: number): boolean =>
  sheets.some(
    (s) => s.memberId === memberId && s.registrationId === registrationId && s.rescoringRound === round && s.status !== 'draft',
  );

function toScoringMember(
  m: SessionMemberRow,
  mine: readonly AgendaRow[],
  rounds: ReadonlyMap<number, number>,
  sheets: Sheet[],
): ScoringMember {
  // A product counts as done when the member's sheet of its current round is in: a re-scoring
  // round the member has not answered makes it pending again.
  const submitted = new Set(
    mine
      .filter((a) => submittedIn(sheets, m.memberId, a.registrationId, rounds.get(a.registrationId) ?? 0))
      .map((a) => a.registrationId),
  );
  return {
    memberId: m.memberId,
    fullName: m.fullName,
    role: m.role,
    present: m.present,
    hasPin: m.hasPin,
    assignedCount: mine.length,
    submittedCount: submitted.size,
    // What the re-scoring asks of this member: every open round they have not answered.
    revisionPending: mine
      .map((a) => ({ registrationId: a.registrationId, productName: a.productName, round: rounds.get(a.registrationId) ?? 0 }))
      .filter((p) => p.round > 0 && !submittedIn(sheets, m.memberId, p.registrationId, p.round)),
  };
}

/** Checks a member's PIN (when the member has one); the member on success. */
export async function identify(ctx: CoreContext, input: In<'scoring:identify'>): Promise<ScoringMember> {
  const m = await scoringMember(ctx.db, input.sessionId, input.memberId);
  checkPin(m, input.pin);
  return (await scoringMembers(ctx.db, input.sessionId)).find((x) => x.memberId === input.memberId)!;
}

/** The member's sheets per product: the draft if any, else the latest round's. */
function sheetFor(sheets: Sheet[], registrationId: number): Sheet | null {
  const mine = sheets.filter((s) => s.registrationId === registrationId);
  return mine.find((s) => s.status === 'draft') ?? mine.sort((a, b) => b.rescoringRound - a.rescoringRound)[0] ?? null;
}

export async function assignments(ctx: CoreContext, input: In<'scoring:assignments'>): Promise<Assignments> {
  const { db } = ctx;
  const { sessionId, memberId } = input;
  const session = await getSession(db, sessionId);
  const m = await scoringMember(db, sessionId, memberId);
  const rules = session.rules;
  const agenda = await agendaOf(db, sessionId);
  const recusals = await recusalsOf(db, sessionId);
  const rounds = await currentRounds(db, sessionId);
  const sheets = await listSheets(db, { sessionId, memberId });
  const mine = agenda.filter((a) => !recusals.get(a.registrationId)?.has(memberId));
  const reasons = await roundReasons(db, sessionId);
  return {
    session: {
      id: session.id,
      title: session.title,
      date: session.date,
      status: session.status,
      councilName: session.council.name,
    },
    member: toScoringMember(m, mine, rounds, sheets),
    membersSeeOthersBeforeSubmit: rules.membersSeeOthersBeforeSubmit,
    products: mine.map((a) => {
      const round = rounds.get(a.registrationId) ?? 0;
      const sheet = sheetFor(sheets, a.registrationId);
      const submittedInRound = submittedIn(sheets, memberId, a.registrationId, round);
      const previous = sheets
        .filter((s) => s.registrationId === a.registrationId && s.rescoringRound < round && s.status === 'submitted')
        .sort((x, y) => y.rescoringRound - x.rescoringRound)[0];
      return {
        registrationId: a.registrationId,
        position: a.position,
        registrationNo: a.registrationNo,
        productName: a.productName,
        producerName: a.producerName,
        criteriaSetVersionId: a.criteriaSetVersionId,
        criteriaSetName: a.criteriaSetName,
        currentRound: round,
        sheet: sheet ? toSummary(sheet) : null,
        revisionOpen: round > 0 && !submittedInRound,
        roundReason: round > 0 ? (reasons.get(a.registrationId) ?? null) : null,
        previousTotal: round > 0 && previous ? previous.totalPoints : null,
      };
    }),
  };
}

/**
 * Opens the member's sheet for a product: their draft if one exists; else, when the chair has
 * opened a re-scoring round the member has no sheet in, a new draft for that round holding their
 * latest submitted answers (carried over as events, so the history shows where they came from);
 * else their latest sheet (read only once submitted); else a new empty draft.
 */
export async function openSheet(w: Write, input: In<'scoring:open'>): Promise<SheetView> {
  const { trx } = w;
  const session = await getSession(trx, input.sessionId);
  const m = await scoringMember(trx, input.sessionId, input.memberId);
  // A paired device proved the PIN when it paired (and is scoped to its own member).
  if (w.device?.memberId !== input.memberId) checkPin(m, input.pin);
  const item = await assignedItem(trx, input.sessionId, input.registrationId, m);
  const round = await currentRound(trx, input.sessionId, input.registrationId);
  const sheets = await listSheets(trx, {
    sessionId: input.sessionId,
    registrationId: input.registrationId,
    memberId: input.memberId,
  });
  const draft = sheets.find((s) => s.status === 'draft');
  const latest = [...sheets].sort((a, b) => b.rescoringRound - a.rescoringRound)[0];
  let id: number;
  if (draft) id = draft.id;
  else if (latest && latest.rescoringRound >= round) id = latest.id;
  else {
    assertScoringOpen(session);
    id = await createRoundSheet(w, { ...input, member: m, criteriaSetVersionId: item.criteriaSetVersionId, round, latest });
  }
  return sheetViewIn(w, id);
}

/**
 * A new draft for the product's current round: empty, or — in a re-scoring round — holding the
 * member's latest submitted answers (carried over as events, so the history shows where they came from).
 */
export async function createRoundSheet(
  w: Write,
  input: {
    sessionId: number;
    registrationId: number;
    memberId: number;
    member: SessionMemberRow;
    criteriaSetVersionId: number;
    round: number;
    latest: Sheet | undefined;
  },
): Promise<number> {
  const { member: m, round, latest } = input;
  const sheetId = await insertSheet(w.trx, {
    sessionId: input.sessionId,
    registrationId: input.registrationId,
    memberId: input.memberId,
    criteriaSetVersionId: input.criteriaSetVersionId,
    rescoringRound: round,
    source: 'member',
    at: w.at.toISOString(),
  });
  const carriedFrom = latest && latest.status === 'submitted' ? latest : null;
  if (carriedFrom) await carryOver(w, carriedFrom.id, sheetId, carriedFrom.criteriaSetVersionId, m.fullName);
  await w.audit({
    actor: m.fullName,
    action: 'scoring.open',
    entity: 'score_sheet',
    entityId: sheetId,
    after: {
      sessionId: input.sessionId,
      registrationId: input.registrationId,
      memberId: input.memberId,
      rescoringRound: round,
      criteriaSetVersionId: input.criteriaSetVersionId,
      carriedOverFrom: carriedFrom?.id ?? null,
    },
  });
  return sheetId;
}

/** Copies a submitted sheet's answers into a new re-scoring draft, one event per value. */
async function carryOver(w: Write, fromId: number, toId: number, versionId: number, actor: string): Promise<void> {
  const db = w.trx;
  const set = await criteriaSetOf(db, versionId);
  const from = await loadSheetContent(db, fromId);
  const opinion = await sheetOpinion(db, fromId);
  const changes: Change[] = [
    ...from.declarations.map((d): Change => ({
      kind: 'declaration',
      ruleId: d.ruleId,
      value: { holds: d.holds, reason: d.reason },
    })),
    ...from.answers
      .filter((a) => a.levelIndex !== null)
      .map((a): Change => ({ kind: 'level', code: a.criterionCode, levelIndex: a.levelIndex })),
    ...from.answers.filter((a) => a.note !== '').map((a): Change => ({ kind: 'note', code: a.criterionCode, note: a.note })),
    ...(opinion ? [{ kind: 'opinion', opinion } as Change] : []),
  ];
  // Inside this Kysely transaction (it holds the connection): the sync primitive joins it.
  const sw = syncWriteIn(w);
  const meta = { at: w.at.toISOString(), actor };
  for (const c of changes) applyChange(sw, { id: toId, set }, c, meta);
  await setDerived(db, toId, evaluateSheet(set, from.content));
}

/** Who has scored what: one cell per member and agenda product. */
export async function sessionProgress(ctx: CoreContext, input: In<'scoring:progress'>): Promise<SessionProgress> {
  const { db } = ctx;
  const { sessionId } = input;
  await getSession(db, sessionId);
  const members = (await sessionMembers(db, sessionId)).filter((m) => isScoringRole(m.role));
  const agenda = await agendaOf(db, sessionId);
  const recusals = await recusalsOf(db, sessionId);
  const rounds = await currentRounds(db, sessionId);
  const sheets = await listSheets(db, { sessionId });
  const cells: SessionProgress['cells'] = [];
  for (const a of agenda)
    for (const m of members) {
      const sheet = sheetFor(
        sheets.filter((s) => s.memberId === m.memberId),
        a.registrationId,
      );
      const recused = recusals.get(a.registrationId)?.has(m.memberId) ?? false;
      const state = recused
        ? 'recused'
        : m.present === false
          ? 'absent'
          : sheet === null
            ? 'not_started'
            : sheet.status === 'draft'
              ? 'draft'
              : 'submitted';
      cells.push({
        memberId: m.memberId,
        registrationId: a.registrationId,
        state,
        answered: sheet?.answeredCount ?? 0,
        applicable: sheet?.applicableCount ?? 0,
        rescoringRound: sheet?.rescoringRound ?? 0,
        source: (sheet?.source as 'member' | 'paper' | undefined) ?? null,
      });
    }
  return {
    members: members.map((m) => ({
      memberId: m.memberId,
      fullName: m.fullName,
      role: m.role,
      present: m.present,
      submitted: cells.filter((c) => c.memberId === m.memberId && c.state === 'submitted').length,
      assigned: cells.filter((c) => c.memberId === m.memberId && c.state !== 'recused').length,
    })),
    products: agenda.map((a) => ({
      registrationId: a.registrationId,
      position: a.position,
      productName: a.productName,
      currentRound: rounds.get(a.registrationId) ?? 0,
      submitted: cells.filter((c) => c.registrationId === a.registrationId && c.state === 'submitted').length,
      expected: cells.filter((c) => c.registrationId === a.registrationId && c.state !== 'recused' && c.state !== 'absent')
        .length,
    })),
    cells,
  };
}
