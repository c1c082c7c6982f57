import type { Kysely, Transaction } from 'kysely';
import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import type { SaveResult, SheetAnswer, SheetDeclaration, SheetView, UndoResult } from '../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import {
  checkAnswer,
  checkDeclaration,
  evaluateSheet,
  isDeclarable,
  type SheetContent,
  type SheetEvaluation,
} from '../../../shared/ocop/sheet-rules';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import type { SyncWrite, Write } from '../handlers';
import { applyChange, restoringChange, undoTarget, type Applied, type Change, type State } from './answer-events';
import { criteriaSetOf, criteriaSetSync } from './criteria-cache';
import {
  earlierSubmittedIds,
  getSheet,
  laterSheetId,
  loadSheetContent,
  loadSheetContentSync,
  markSubmitted,
  markSuperseded,
  previousSheetId,
  reopenSheet,
  sheetAnswers,
  sheetSync,
  toSummary,
  writeDerivedSync,
  type Sheet,
} from './sheet-repo';
import { priorResult, priorResultSync, recordOp, recordOpSync, type OpKey } from './client-op';
import { withReadLock } from '../db/sync-db';

type In<C extends Channel> = ChannelParsedInput<C>;

/**
 * A member's sheet from opening to submission: autosave of every answer, note, declaration and
 * opinion (one event + audit each), undo, submit with the completeness check, unlock.
 */

/** Who the history names: the member on their own sheet, the caller (the operator) on a paper sheet. */
export const sheetActor = (row: Pick<Sheet, 'source' | 'memberName'>, w: { actor: string }): string =>
  row.source === 'member' ? row.memberName : w.actor;

export function assertDraft(row: Sheet): void {
  if (row.status === 'submitted')
    throw new CoreError(
      'IMMUTABLE',
      `Sheet ${row.id} of ${row.memberName} is submitted and locked; ask the chair or secretary to unlock it to change an answer`,
      { sheetId: row.id, status: row.status },
    );
  if (row.status === 'superseded')
    throw new CoreError(
      'IMMUTABLE',
      `Sheet ${row.id} of ${row.memberName} belongs to an earlier scoring round and is kept as it was`,
      { sheetId: row.id, status: row.status },
    );
  if (row.sessionStatus !== 'in_progress')
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The session of sheet ${row.id} is ${row.sessionStatus.replace('_', ' ')}; answers can only change while it is in progress`,
      { sheetId: row.id, sessionStatus: row.sessionStatus },
    );
}

function applyToContent(content: SheetContent, c: Change): SheetContent {
  const answers = new Map(content.answers);
  const declarations = new Map(content.declarations);
  if (c.kind === 'level') {
    if (c.levelIndex === null) answers.delete(c.code);
    else answers.set(c.code, c.levelIndex);
  } else if (c.kind === 'declaration') {
    if (c.value === null) declarations.delete(c.ruleId);
    else declarations.set(c.ruleId, c.value);
  }
  return { answers, declarations };
}

/** Refuses a change the criteria set or the sheet rules do not allow, naming what to fix. */
export function validateChange(set: CriteriaSet, evaluation: () => SheetEvaluation, c: Change): void {
  if (c.kind === 'level' || c.kind === 'note') {
    const probe = checkAnswer(set, c.code, c.kind === 'level' && c.levelIndex !== null ? c.levelIndex : 0);
    if (probe?.code === 'UNKNOWN_CRITERION')
      throw new CoreError('VALIDATION', `criterionCode: the criteria set "${set.name}" has no criterion "${c.code}"`, {
        field: 'criterionCode',
        value: c.code,
      });
    if (probe?.code === 'LEVEL_OUT_OF_RANGE')
      throw new CoreError(
        'VALIDATION',
        `levelIndex: criterion ${c.code} has ${probe.levelCount} levels (0 to ${probe.levelCount - 1}); ${probe.levelIndex} is not one of them`,
        { field: 'levelIndex', value: probe.levelIndex },
      );
    if (c.kind === 'level' && c.levelIndex !== null) {
      const state = evaluation().criteria.find((x) => x.code === c.code)!;
      if (state.status === 'skipped' || state.status === 'stopped') {
        throw new CoreError(
          'FORBIDDEN_STATE',
          `Criterion ${c.code} is not evaluated on this sheet (${state.notEvaluatedBecause.join(', ')}); change that answer or declaration first`,
          { criterionCode: c.code, rules: state.notEvaluatedBecause },
        );
      }
    }
  }
  if (c.kind === 'declaration') {
    const rule = set.rules.find((r) => r.id === c.ruleId);
    if (!rule || !isDeclarable(rule))
      throw new CoreError(
        'VALIDATION',
        `ruleId: the criteria set "${set.name}" has no rule "${c.ruleId}" on which a member declares`,
        { field: 'ruleId', value: c.ruleId },
      );
    if (c.value !== null) {
      const p = checkDeclaration(set, c.ruleId, c.value);
      if (p?.code === 'DISQUALIFY_REASON_REQUIRED')
        throw new CoreError('VALIDATION', `reason: a disqualifying finding (${c.ruleId}) needs the reason written down`, {
          field: 'reason',
          ruleId: c.ruleId,
        });
    }
  }
}

const AUDIT_ACTION: Record<Change['kind'], string> = {
  level: 'scoring.answer',
  note: 'scoring.note',
  declaration: 'scoring.declaration',
  opinion: 'scoring.opinion',
};

/** Audits one applied change (the answer event, with its sequence number). */
function auditChange(w: SyncWrite, actor: string, sheetId: number, a: Applied, undoOf?: number): void {
  w.audit({
    actor,
    action: undoOf === undefined ? AUDIT_ACTION[a.kind] : 'scoring.undo',
    entity: 'score_sheet',
    entityId: sheetId,
    before: { target: a.target, kind: a.kind, value: a.before },
    after: { target: a.target, kind: a.kind, value: a.after, seq: a.seq, ...(undoOf === undefined ? {} : { undoes: undoOf }) },
  });
}

function saveResult(sheetId: number, seq: number | null, at: string, e: SheetEvaluation, canUndo: boolean): SaveResult {
  return {
    sheetId,
    seq,
    savedAt: at,
    totalPoints: e.total,
    parts: e.parts.map((p) => ({ code: p.code, points: p.points, max: p.max })),
    answeredCount: e.answeredCount,
    applicableCount: e.applicableCount,
    complete: e.complete,
    disqualified: e.disqualified,
    stopped: e.stopped,
    canUndo,
  };
}

const CHANNEL_OF: Record<Change['kind'], string> = {
  level: 'scoring:setAnswer',
  note: 'scoring:setNote',
  declaration: 'scoring:setDeclaration',
  opinion: 'scoring:setOpinion',
};

const opKey = (opId: string | undefined, sheetId: number, channel: string, w: Pick<Write, 'device'>): OpKey | null =>
  opId === undefined ? null : { opId, sheetId, channel, deviceId: w.device?.deviceId ?? null };

/** Autosave of one level (null clears it). */
export const setAnswer = (w: SyncWrite, input: In<'scoring:setAnswer'>): SaveResult =>
  saveChange(w, input, { kind: 'level', code: input.criterionCode, levelIndex: input.levelIndex });

export const setNote = (w: SyncWrite, input: In<'scoring:setNote'>): SaveResult =>
  saveChange(w, input, { kind: 'note', code: input.criterionCode, note: input.note });

export function setDeclaration(w: SyncWrite, input: In<'scoring:setDeclaration'>): SaveResult {
  // A rule that holds with a blank reason is stored without one (the rule asks none, or checkDeclaration refuses it).
  const reason = input.holds === true && input.reason !== null && input.reason.trim() === '' ? null : input.reason;
  return saveChange(w, input, {
    kind: 'declaration',
    ruleId: input.ruleId,
    value: input.holds === null ? null : { holds: input.holds, reason },
  });
}

export const setOpinion = (w: SyncWrite, input: In<'scoring:setOpinion'>): SaveResult =>
  saveChange(w, input, { kind: 'opinion', opinion: input.opinion });

/**
 * The autosave path: validate, append the event, update the current state and the sheet, audit — one transaction.
 * With an opId the change is applied once: sent again, it gets the recorded answer (client-op.ts).
 */
function saveChange(w: SyncWrite, input: { sheetId: number; opId?: string | undefined }, c: Change): SaveResult {
  const key = opKey(input.opId, input.sheetId, CHANNEL_OF[c.kind], w);
  if (key) {
    const prior = priorResultSync<SaveResult>(w.sqlite, key);
    if (prior) return prior;
  }
  const result = applySave(w, input.sheetId, c);
  if (key) recordOpSync(w.sqlite, key, result, result.savedAt);
  return result;
}

function applySave(w: SyncWrite, sheetId: number, c: Change): SaveResult {
  const sqlite = w.sqlite;
  const row = sheetSync(sqlite, sheetId);
  assertDraft(row);
  const set = criteriaSetSync(sqlite, row.criteriaSetVersionId, row.setHash);
  const { answers, declarations, content } = loadSheetContentSync(sqlite, sheetId);
  validateChange(set, () => evaluateSheet(set, content), c);
  const at = w.at.toISOString();
  const actor = sheetActor(row, w);
  const applied = applyChange(
    w,
    { id: sheetId, set },
    c,
    { at, actor },
    { before: stateFromLoaded(answers, declarations, row.opinion, c) },
  );
  const after = evaluateSheet(set, applyToContent(content, c));
  if (applied === null) return saveResult(sheetId, null, row.updatedAt, after, undoTarget(sqlite, sheetId) !== null);
  writeDerivedSync(sqlite, sheetId, after, at);
  auditChange(w, actor, sheetId, applied);
  return saveResult(sheetId, applied.seq, at, after, true);
}

/** The state a change replaces, from the sheet already loaded (saves a query per answer). */
function stateFromLoaded(answers: SheetAnswer[], declarations: SheetDeclaration[], opinion: string, c: Change): State {
  switch (c.kind) {
    case 'level': {
      const a = answers.find((x) => x.criterionCode === c.code);
      return { levelIndex: a?.levelIndex ?? null, points: a?.points ?? null };
    }
    case 'note':
      return { note: answers.find((x) => x.criterionCode === c.code)?.note ?? '' };
    case 'declaration': {
      const d = declarations.find((x) => x.ruleId === c.ruleId);
      return d ? { holds: d.holds, reason: d.reason } : null;
    }
    case 'opinion':
      return { opinion };
  }
}

/** Reverts the latest change not yet undone (repeatable); with an opId, once. */
export function undoLast(w: SyncWrite, input: In<'scoring:undo'>): UndoResult {
  const key = opKey(input.opId, input.sheetId, 'scoring:undo', w);
  if (key) {
    const prior = priorResultSync<UndoResult>(w.sqlite, key);
    if (prior) return prior;
  }
  const result = applyUndo(w, input.sheetId);
  if (key) recordOpSync(w.sqlite, key, result, result.savedAt);
  return result;
}

function applyUndo(w: SyncWrite, sheetId: number): UndoResult {
  const sqlite = w.sqlite;
  const row = sheetSync(sqlite, sheetId);
  assertDraft(row);
  const set = criteriaSetSync(sqlite, row.criteriaSetVersionId, row.setHash);
  const target = undoTarget(sqlite, sheetId);
  if (target === null) {
    const { content } = loadSheetContentSync(sqlite, sheetId);
    return { ...saveResult(sheetId, null, row.updatedAt, evaluateSheet(set, content), false), undone: null };
  }
  const at = w.at.toISOString();
  const actor = sheetActor(row, w);
  const applied = applyChange(w, { id: sheetId, set }, restoringChange(target), { at, actor, undoesSeq: target.seq })!;
  const e = evaluateSheet(set, loadSheetContentSync(sqlite, sheetId).content);
  writeDerivedSync(sqlite, sheetId, e, at);
  auditChange(w, actor, sheetId, applied, target.seq);
  const canUndo = undoTarget(sqlite, sheetId) !== null;
  return {
    ...saveResult(sheetId, applied.seq, at, e, canUndo),
    undone: { kind: target.kind, target: target.target, restored: target.before },
  };
}

/** The sheet as the member sees it (a query). */
export const sheetView = (ctx: CoreContext, input: In<'scoring:get'>): Promise<SheetView> =>
  sheetViewOf(ctx.db, input.sheetId, () => withReadLock(ctx, () => undoTarget(ctx.sqlite, input.sheetId) !== null));

/** The sheet as a change leaves it, read inside the change's transaction (it holds the connection). */
export const sheetViewIn = (w: Write, sheetId: number): Promise<SheetView> =>
  sheetViewOf(w.trx, sheetId, async () => undoTarget(w.ctx.sqlite, sheetId) !== null);

async function sheetViewOf(db: Kysely<DB>, sheetId: number, canUndo: () => Promise<boolean>): Promise<SheetView> {
  const row = await getSheet(db, sheetId);
  const set = await criteriaSetOf(db, row.criteriaSetVersionId);
  const { answers, declarations, content } = await loadSheetContent(db, sheetId);
  const e = evaluateSheet(set, content);
  let previous: SheetView['previous'] = null;
  if (row.rescoringRound > 0) {
    const prev = await previousSheetId(db, row);
    if (prev !== undefined) previous = { sheet: toSummary(await getSheet(db, prev)), answers: await sheetAnswers(db, prev) };
  }
  return {
    // Answers as stored; totals from the rules (the stored columns mirror them).
    sheet: toSummary(row),
    answers: answers.filter((a) => a.levelIndex !== null || a.note !== ''),
    declarations,
    parts: e.parts.map((p) => ({ code: p.code, points: p.points, max: p.max })),
    max: e.max,
    missing: e.missing,
    canUndo: row.status === 'draft' && (await canUndo()),
    previous,
  };
}

/** Completeness check, then the sheet locks; an earlier round's sheet of the member is superseded. */
export async function submitSheet(w: Write, input: In<'scoring:submit'>): Promise<SheetView> {
  const key = opKey(input.opId, input.sheetId, 'scoring:submit', w);
  // Submitted already by this very request (its answer was lost): the sheet as it is now.
  if (!(key && (await priorResult(w.trx, key)))) {
    const row = await getSheet(w.trx, input.sheetId);
    await submitDraft(w, row, { revisionReason: input.revisionReason, actor: sheetActor(row, w), keptPrevious: false });
    if (key) await recordOp(w.trx, key, { submittedAt: w.at.toISOString() }, w.at.toISOString());
  }
  return sheetViewIn(w, input.sheetId);
}

/**
 * Submits a draft inside the caller's transaction: completeness check, lock, supersede the
 * member's earlier round, audit. A re-scoring sheet needs the reason for the revision, unless it
 * is submitted as "kept the previous sheet" (keep-previous.ts), which records that instead.
 */
export async function submitDraft(
  w: Write,
  row: Sheet,
  opts: { revisionReason: string | undefined; actor: string; keptPrevious: boolean },
): Promise<void> {
  const trx = w.trx;
  const sheetId = row.id;
  const { revisionReason, keptPrevious } = opts;
  assertDraft(row);
  const set = await criteriaSetOf(trx, row.criteriaSetVersionId);
  const { answers, declarations, content } = await loadSheetContent(trx, sheetId);
  const e = evaluateSheet(set, content);
  if (!e.complete) {
    const what =
      e.problems.length > 0 ? e.problems.map((p) => p.code).join(', ') : `no level chosen for criteria ${e.missing.join(', ')}`;
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Sheet ${sheetId} of ${row.memberName} is not complete (${what}); answer every applicable criterion before submitting`,
      { sheetId, missing: e.missing, problems: e.problems },
    );
  }
  const why = (revisionReason ?? '').trim();
  if (row.rescoringRound > 0 && why === '' && !keptPrevious) {
    throw new CoreError(
      'VALIDATION',
      `revisionReason: sheet ${sheetId} is a re-scoring (round ${row.rescoringRound}); say why the score was revised (or kept)`,
      { field: 'revisionReason' },
    );
  }
  const at = w.at.toISOString();
  const actor = opts.actor;
  await markSubmitted(trx, sheetId, e, {
    status: 'submitted',
    submittedAt: at,
    submittedBy: actor,
    revisionReason: row.rescoringRound > 0 ? why : row.revisionReason,
    keptPrevious,
    updatedAt: at,
  });
  const superseded = await supersedeEarlier(trx, row);
  await w.audit({
    actor,
    action: 'scoring.submit',
    entity: 'score_sheet',
    entityId: sheetId,
    before: { status: 'draft' },
    after: {
      status: 'submitted',
      rescoringRound: row.rescoringRound,
      revisionReason: row.rescoringRound > 0 ? why : null,
      keptPrevious,
      totalPoints: e.total,
      parts: e.parts,
      disqualified: e.disqualified,
      stopped: e.stopped,
      answers: Object.fromEntries(answers.filter((a) => a.levelIndex !== null).map((a) => [a.criterionCode, a.levelIndex])),
      declarations,
      superseded,
    },
  });
}

/** Marks the member's submitted sheets of earlier rounds for the same product as superseded; their ids. */
export async function supersedeEarlier(
  trx: Transaction<DB>,
  row: Pick<Sheet, 'sessionId' | 'registrationId' | 'memberId' | 'rescoringRound'>,
): Promise<number[]> {
  const ids = await earlierSubmittedIds(trx, row);
  await markSuperseded(trx, ids);
  return ids;
}

/** Back to draft, with a reason (chair or secretary). Only the member's latest sheet can be unlocked. */
export async function unlockSheet(w: Write, input: In<'scoring:unlock'>): Promise<SheetView> {
  const { trx } = w;
  const sheetId = input.sheetId;
  const row = await getSheet(trx, sheetId);
  if (row.status !== 'submitted')
    throw new CoreError('FORBIDDEN_STATE', `Sheet ${sheetId} is ${row.status}; only a submitted sheet can be unlocked`, {
      sheetId,
      status: row.status,
    });
  if (row.sessionStatus !== 'in_progress')
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The session of sheet ${sheetId} is ${row.sessionStatus.replace('_', ' ')}; reopen it for more scoring before unlocking a sheet`,
      { sheetId },
    );
  const newer = await laterSheetId(trx, row);
  if (newer !== undefined)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Sheet ${sheetId} has been followed by a re-scoring sheet (${newer}); unlock that one instead`,
      { sheetId, newerSheetId: newer },
    );
  await reopenSheet(trx, sheetId, w.at.toISOString());
  await w.audit({
    action: 'scoring.unlock',
    entity: 'score_sheet',
    entityId: sheetId,
    before: { status: 'submitted', submittedAt: row.submittedAt, totalPoints: row.totalPoints },
    after: { status: 'draft', reason: input.reason },
  });
  return sheetViewIn(w, sheetId);
}
