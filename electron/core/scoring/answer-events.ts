import type Database from 'better-sqlite3';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { criteriaIndex } from '../../../shared/ocop/sheet-rules';
import { stmt } from '../db/sync-db';
import type { SyncWrite } from '../handlers';

/**
 * The write primitive of a sheet: one change = one row appended to `score_answer_event` (with
 * the state it replaces, for undo) + the current state updated, in the caller's transaction.
 * Everything that changes answers goes through here — the member's autosave, undo, the
 * re-scoring carry-over, the paper commit and the import — so the history is always complete.
 * Synchronous, on prepared statements (see sync-db.ts), on the SyncWrite of the change: its
 * rollback hook forgets the cached undo stacks if the transaction does not commit.
 */

/** What appending an event needs of the change's SyncWrite (syncWrite, or syncWriteIn(w) inside a Kysely write). */
export type EventWriter = Pick<SyncWrite, 'sqlite' | 'onRollback'>;

export type Change =
  | { kind: 'level'; code: string; levelIndex: number | null }
  | { kind: 'note'; code: string; note: string }
  | { kind: 'declaration'; ruleId: string; value: { holds: boolean; reason: string | null } | null }
  | { kind: 'opinion'; opinion: string };

export type ChangeKind = Change['kind'];

type LevelState = { levelIndex: number | null; points: number | null };
export type State = LevelState | { note: string } | { holds: boolean; reason: string | null } | { opinion: string } | null;

export interface Applied {
  seq: number;
  kind: ChangeKind;
  target: string;
  before: State;
  after: State;
}

const targetOf = (c: Change): string => (c.kind === 'declaration' ? c.ruleId : c.kind === 'opinion' ? '' : c.code);

/** The stored state the change replaces. */
export function currentState(sqlite: Database.Database, sheetId: number, c: Change): State {
  switch (c.kind) {
    case 'level': {
      const r = stmt(sqlite, 'SELECT level_index, points FROM score_answer WHERE sheet_id = (? + 0) AND criterion_code = ?').get(
        sheetId,
        c.code,
      ) as { level_index: number | null; points: number | null } | undefined;
      return { levelIndex: r?.level_index ?? null, points: r?.points ?? null };
    }
    case 'note': {
      const r = stmt(sqlite, 'SELECT note FROM score_answer WHERE sheet_id = (? + 0) AND criterion_code = ?').get(
        sheetId,
        c.code,
      ) as { note: string } | undefined;
      return { note: r?.note ?? '' };
    }
    case 'declaration': {
      const r = stmt(sqlite, 'SELECT holds, reason FROM score_declaration WHERE sheet_id = (? + 0) AND rule_id = ?').get(
        sheetId,
        c.ruleId,
      ) as { holds: number; reason: string | null } | undefined;
      return r ? { holds: r.holds === 1, reason: r.reason } : null;
    }
    case 'opinion': {
      const r = stmt(sqlite, 'SELECT opinion FROM score_sheet WHERE id = ?').get(sheetId) as { opinion: string };
      return { opinion: r.opinion };
    }
  }
}

function nextState(set: CriteriaSet, c: Change): State {
  switch (c.kind) {
    case 'level': {
      if (c.levelIndex === null) return { levelIndex: null, points: null };
      // The caller has checked the level exists (checkAnswer).
      const level = criteriaIndex(set).byCode.get(c.code)!.criterion.levels[c.levelIndex]!;
      return { levelIndex: c.levelIndex, points: level.points };
    }
    case 'note':
      return { note: c.note };
    case 'declaration':
      return c.value === null ? null : { holds: c.value.holds, reason: c.value.reason };
    case 'opinion':
      return { opinion: c.opinion };
  }
}

const same = (a: State, b: State): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Appends the event and updates the current state; null when the change changes nothing.
 * `before` may be passed when the caller already read it (the autosave path has the sheet loaded).
 */
export function applyChange(
  w: EventWriter,
  sheet: { id: number; set: CriteriaSet },
  c: Change,
  meta: { at: string; actor: string; undoesSeq?: number },
  known?: { before: State },
): Applied | null {
  const sqlite = w.sqlite;
  // Before anything is written: the cached stack may be pushed to below (or rebuilt from this
  // transaction's rows by undoTarget), and must not outlive a rollback.
  w.onRollback(forgetterOf(sqlite));
  const before = known ? known.before : currentState(sqlite, sheet.id, c);
  const after = nextState(sheet.set, c);
  // An undo is always recorded, even in the (theoretical) case that it changes nothing, so its
  // target is marked undone and the next undo moves on.
  if (same(before, after) && meta.undoesSeq === undefined) return null;
  const target = targetOf(c);
  const cachedStack = stacks.get(sqlite)?.has(sheet.id) ?? false;
  const previousLatest = cachedStack ? latestSeq(sqlite, sheet.id) : 0;
  const lvl = c.kind === 'level' ? (after as LevelState) : null;
  const decl = c.kind === 'declaration' ? (after as { holds: boolean; reason: string | null } | null) : null;
  const text = c.kind === 'note' ? c.note : c.kind === 'opinion' ? c.opinion : (decl?.reason ?? null);
  const seq = Number(
    stmt(
      sqlite,
      `INSERT INTO score_answer_event (sheet_id, kind, target, level_index, points, holds, text, before_json, undoes_seq, at, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      sheet.id,
      c.kind,
      target,
      lvl?.levelIndex ?? null,
      lvl?.points ?? null,
      decl ? (decl.holds ? 1 : 0) : null,
      text,
      before === null ? null : JSON.stringify(before),
      meta.undoesSeq ?? null,
      meta.at,
      meta.actor,
    ).lastInsertRowid,
  );

  switch (c.kind) {
    case 'level':
      stmt(
        sqlite,
        `INSERT INTO score_answer (sheet_id, criterion_code, level_index, points, last_seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (sheet_id, criterion_code) DO UPDATE SET level_index = excluded.level_index, points = excluded.points, last_seq = excluded.last_seq`,
      ).run(sheet.id, c.code, lvl!.levelIndex, lvl!.points, seq);
      break;
    case 'note':
      stmt(
        sqlite,
        `INSERT INTO score_answer (sheet_id, criterion_code, level_index, points, note, last_seq) VALUES (?, ?, NULL, NULL, ?, ?)
         ON CONFLICT (sheet_id, criterion_code) DO UPDATE SET note = excluded.note, last_seq = excluded.last_seq`,
      ).run(sheet.id, c.code, c.note, seq);
      break;
    case 'declaration':
      if (decl === null)
        stmt(sqlite, 'DELETE FROM score_declaration WHERE sheet_id = (? + 0) AND rule_id = ?').run(sheet.id, c.ruleId);
      else
        stmt(
          sqlite,
          `INSERT INTO score_declaration (sheet_id, rule_id, holds, reason, last_seq) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (sheet_id, rule_id) DO UPDATE SET holds = excluded.holds, reason = excluded.reason, last_seq = excluded.last_seq`,
        ).run(sheet.id, c.ruleId, decl.holds ? 1 : 0, decl.reason, seq);
      break;
    case 'opinion':
      stmt(sqlite, 'UPDATE score_sheet SET opinion = ? WHERE id = ?').run(c.opinion, sheet.id);
      break;
  }
  const applied: Applied = { seq, kind: c.kind, target, before, after };
  if (cachedStack) recordInStack(sqlite, sheet.id, previousLatest, applied, meta.undoesSeq);
  return applied;
}

export interface UndoTarget {
  seq: number;
  kind: ChangeKind;
  target: string;
  before: State;
}

/**
 * Undo is a stack: each undo restores the state its target replaced, so repeated undos walk
 * back in order. The stack of changes not yet undone is kept per sheet in memory (rebuilt from
 * the events when the sheet's latest event is not the one it last saw), so finding the next
 * change to undo never scans a long history of undone changes. Cleared on any failed write.
 */
interface UndoStack {
  lastSeq: number;
  effective: UndoTarget[];
}
const stacks = new WeakMap<Database.Database, Map<number, UndoStack>>();

const latestSeq = (sqlite: Database.Database, sheetId: number): number =>
  (stmt(sqlite, 'SELECT max(seq) AS m FROM score_answer_event WHERE sheet_id = (? + 0)').get(sheetId) as { m: number | null })
    .m ?? 0;

function undoStack(sqlite: Database.Database, sheetId: number): UndoStack {
  let bySheet = stacks.get(sqlite);
  if (!bySheet) stacks.set(sqlite, (bySheet = new Map()));
  const latest = latestSeq(sqlite, sheetId);
  const cached = bySheet.get(sheetId);
  if (cached && cached.lastSeq === latest) return cached;
  const rows = stmt(
    sqlite,
    'SELECT seq, kind, target, before_json, undoes_seq FROM score_answer_event WHERE sheet_id = (? + 0) ORDER BY seq',
  ).all(sheetId) as {
    seq: number;
    kind: ChangeKind;
    target: string;
    before_json: string | null;
    undoes_seq: number | null;
  }[];
  const effective: UndoTarget[] = [];
  for (const r of rows) {
    if (r.undoes_seq === null)
      effective.push({
        seq: r.seq,
        kind: r.kind,
        target: r.target,
        before: r.before_json === null ? null : (JSON.parse(r.before_json) as State),
      });
    else {
      const i = effective.findLastIndex((e) => e.seq === r.undoes_seq);
      if (i >= 0) effective.splice(i, 1);
    }
  }
  const stack = { lastSeq: latest, effective };
  bySheet.set(sheetId, stack);
  return stack;
}

/** Keeps a sheet's cached stack in step with an event just written (only when it was in step before). */
function recordInStack(
  sqlite: Database.Database,
  sheetId: number,
  previousLatest: number,
  applied: Applied,
  undoesSeq: number | undefined,
): void {
  const stack = stacks.get(sqlite)?.get(sheetId);
  if (!stack) return;
  if (stack.lastSeq !== previousLatest) {
    stacks.get(sqlite)!.delete(sheetId);
    return;
  }
  if (undoesSeq === undefined)
    stack.effective.push({ seq: applied.seq, kind: applied.kind, target: applied.target, before: applied.before });
  else {
    const i = stack.effective.findLastIndex((e) => e.seq === undoesSeq);
    if (i >= 0) stack.effective.splice(i, 1);
  }
  stack.lastSeq = applied.seq;
}

/** Forgets every cached undo stack of a connection (after a rolled-back write). */
export function forgetUndoStacks(sqlite: Database.Database): void {
  stacks.delete(sqlite);
}

/** One function per connection, so a transaction of many changes registers its rollback hook once. */
const forgetters = new WeakMap<Database.Database, () => void>();
function forgetterOf(sqlite: Database.Database): () => void {
  let f = forgetters.get(sqlite);
  if (!f) forgetters.set(sqlite, (f = () => forgetUndoStacks(sqlite)));
  return f;
}

/** The cached undo stack of a sheet, if any (tests compare it with one rebuilt from the database). */
export function cachedUndoStack(sqlite: Database.Database, sheetId: number): readonly UndoTarget[] | undefined {
  return stacks.get(sqlite)?.get(sheetId)?.effective;
}

/** The latest change of the sheet that is neither an undo nor already undone, or null. */
export function undoTarget(sqlite: Database.Database, sheetId: number): UndoTarget | null {
  return undoStack(sqlite, sheetId).effective.at(-1) ?? null;
}

/** The change that restores an undo target's previous state. */
export function restoringChange(t: UndoTarget): Change {
  switch (t.kind) {
    case 'level':
      return { kind: 'level', code: t.target, levelIndex: (t.before as LevelState | null)?.levelIndex ?? null };
    case 'note':
      return { kind: 'note', code: t.target, note: (t.before as { note: string } | null)?.note ?? '' };
    case 'declaration':
      return { kind: 'declaration', ruleId: t.target, value: t.before as { holds: boolean; reason: string | null } | null };
    case 'opinion':
      return { kind: 'opinion', opinion: (t.before as { opinion: string } | null)?.opinion ?? '' };
  }
}
