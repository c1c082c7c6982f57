import { sql, type Kysely } from 'kysely';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { findCriterion } from '../../../shared/ocop/criteria-set-walk';
import type { DB } from '../db/schema';

/**
 * The write primitive of a sheet: one change = one row appended to `score_answer_event` (with
 * the state it replaces, for undo) + the current state updated, in the caller's transaction.
 * Everything that changes answers goes through here: the member's autosave, undo, the paper
 * commit and the import, so the history is always complete.
 */

export type Change =
  | { kind: 'level'; code: string; levelIndex: number | null }
  | { kind: 'note'; code: string; note: string }
  | { kind: 'declaration'; ruleId: string; value: { holds: boolean; reason: string | null } | null }
  | { kind: 'opinion'; opinion: string };

export type ChangeKind = Change['kind'];

type LevelState = { levelIndex: number | null; points: number | null };
type State = LevelState | { note: string } | { holds: boolean; reason: string | null } | { opinion: string } | null;

export interface Applied {
  seq: number;
  kind: ChangeKind;
  target: string;
  before: State;
  after: State;
}

const targetOf = (c: Change): string => (c.kind === 'declaration' ? c.ruleId : c.kind === 'opinion' ? '' : c.code);

async function currentState(db: Kysely<DB>, sheetId: number, c: Change): Promise<State> {
  switch (c.kind) {
    case 'level': {
      const r = await db.selectFrom('score_answer').select(['level_index', 'points']).where('sheet_id', '=', sheetId).where('criterion_code', '=', c.code).executeTakeFirst();
      return { levelIndex: r?.level_index ?? null, points: r?.points ?? null };
    }
    case 'note': {
      const r = await db.selectFrom('score_answer').select('note').where('sheet_id', '=', sheetId).where('criterion_code', '=', c.code).executeTakeFirst();
      return { note: r?.note ?? '' };
    }
    case 'declaration': {
      const r = await db.selectFrom('score_declaration').select(['holds', 'reason']).where('sheet_id', '=', sheetId).where('rule_id', '=', c.ruleId).executeTakeFirst();
      return r ? { holds: r.holds === 1, reason: r.reason } : null;
    }
    case 'opinion': {
      const r = await db.selectFrom('score_sheet').select('opinion').where('id', '=', sheetId).executeTakeFirstOrThrow();
      return { opinion: r.opinion };
    }
  }
}

function nextState(set: CriteriaSet, c: Change): State {
  switch (c.kind) {
    case 'level': {
      if (c.levelIndex === null) return { levelIndex: null, points: null };
      // The caller has checked the level exists (checkAnswer).
      const level = findCriterion(set, c.code)!.criterion.levels[c.levelIndex]!;
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

/** Appends the event and updates the current state; null when the change changes nothing. */
export async function applyChange(
  db: Kysely<DB>,
  sheet: { id: number; set: CriteriaSet },
  c: Change,
  meta: { at: string; actor: string; undoesSeq?: number },
): Promise<Applied | null> {
  const before = await currentState(db, sheet.id, c);
  const after = nextState(sheet.set, c);
  // An undo is always recorded, even in the (theoretical) case that it changes nothing, so its
  // target is marked undone and the next undo moves on.
  if (same(before, after) && meta.undoesSeq === undefined) return null;
  const target = targetOf(c);
  const lvl = c.kind === 'level' ? (after as LevelState) : null;
  const decl = c.kind === 'declaration' ? (after as { holds: boolean; reason: string | null } | null) : null;
  const { seq } = await db
    .insertInto('score_answer_event')
    .values({
      sheet_id: sheet.id,
      kind: c.kind,
      target,
      level_index: lvl?.levelIndex ?? null,
      points: lvl?.points ?? null,
      holds: decl ? (decl.holds ? 1 : 0) : null,
      text: c.kind === 'note' ? c.note : c.kind === 'opinion' ? c.opinion : (decl?.reason ?? null),
      before_json: before === null ? null : JSON.stringify(before),
      undoes_seq: meta.undoesSeq ?? null,
      at: meta.at,
      actor: meta.actor,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();

  switch (c.kind) {
    case 'level':
      await db
        .insertInto('score_answer')
        .values({ sheet_id: sheet.id, criterion_code: c.code, level_index: lvl!.levelIndex, points: lvl!.points, last_seq: seq })
        .onConflict((oc) => oc.columns(['sheet_id', 'criterion_code']).doUpdateSet({ level_index: lvl!.levelIndex, points: lvl!.points, last_seq: seq }))
        .execute();
      break;
    case 'note':
      await db
        .insertInto('score_answer')
        .values({ sheet_id: sheet.id, criterion_code: c.code, level_index: null, points: null, note: c.note, last_seq: seq })
        .onConflict((oc) => oc.columns(['sheet_id', 'criterion_code']).doUpdateSet({ note: c.note, last_seq: seq }))
        .execute();
      break;
    case 'declaration':
      if (decl === null) await db.deleteFrom('score_declaration').where('sheet_id', '=', sheet.id).where('rule_id', '=', c.ruleId).execute();
      else
        await db
          .insertInto('score_declaration')
          .values({ sheet_id: sheet.id, rule_id: c.ruleId, holds: decl.holds ? 1 : 0, reason: decl.reason, last_seq: seq })
          .onConflict((oc) => oc.columns(['sheet_id', 'rule_id']).doUpdateSet({ holds: decl.holds ? 1 : 0, reason: decl.reason, last_seq: seq }))
          .execute();
      break;
    case 'opinion':
      await db.updateTable('score_sheet').set({ opinion: c.opinion }).where('id', '=', sheet.id).execute();
      break;
  }
  return { seq, kind: c.kind, target, before, after };
}

export interface UndoTarget {
  seq: number;
  kind: ChangeKind;
  target: string;
  before: State;
}

/**
 * The latest change of the sheet that is neither an undo nor already undone. Undo is a stack:
 * each undo restores the state its target replaced, so repeated undos walk back in order.
 */
export async function undoTarget(db: Kysely<DB>, sheetId: number): Promise<UndoTarget | null> {
  const r = await db
    .selectFrom('score_answer_event as e')
    .select(['e.seq', 'e.kind', 'e.target', 'e.before_json'])
    .where('e.sheet_id', '=', sheetId)
    .where('e.undoes_seq', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('score_answer_event as u').select(sql`1`.as('x')).whereRef('u.undoes_seq', '=', 'e.seq'))))
    .orderBy('e.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r) return null;
  return { seq: r.seq, kind: r.kind as ChangeKind, target: r.target, before: r.before_json === null ? null : (JSON.parse(r.before_json) as State) };
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
