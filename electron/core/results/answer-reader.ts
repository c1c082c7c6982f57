import type Database from 'better-sqlite3';
import { allCriteria } from '../../../shared/ocop/criteria-set-walk';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import type { CountingSheet, LoadedVersion } from './session-data';

/**
 * Reads the chosen level of every answer of a session's counting sheets: the hot path of the
 * results (300 products × 9 members ≈ 95 000 answers per call).
 *
 * Why this shape: turning 95 000 rows into JS objects with a criterion-code string each costs
 * more than the whole ranking. So the query returns one integer per row (sheet and level packed,
 * better-sqlite3's pluck mode) in primary key order — score_answer's key is (sheet_id, criterion_code), so within a sheet the rows come
 * in the binary order of the codes — and a sheet that answered every criterion of its set is
 * mapped by position onto the set's codes in that same order. Any other sheet (stopped,
 * disqualified, or with a level cleared) is read again with its codes, one small query each.
 */

const sortedCodesCache = new WeakMap<CriteriaSet, string[]>();

/** The set's criterion codes in SQLite's BINARY order (byte order; the codes are ASCII). */
function binarySortedCodes(set: CriteriaSet): string[] {
  let codes = sortedCodesCache.get(set);
  if (!codes) {
    codes = allCriteria(set)
      .map((c) => c.criterion.code)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sortedCodesCache.set(set, codes);
  }
  return codes;
}

/** sheet_id · 64 + level_index: one small integer per answer (pluck mode, no array per row). */
const PACK = 64;

export function readChoices(sqlite: Database.Database, sessionId: number, sheets: Map<number, CountingSheet>, versions: Map<number, LoadedVersion>, registrationId?: number): void {
  // Levels ≥ 64 do not exist in any set (the scoring input allows up to 50); such a row would
  // be left out here, making its sheet "partial" and read again with its codes below.
  const packed = sqlite
    .prepare(
      `SELECT a.sheet_id * ${PACK} + a.level_index FROM score_answer a
       WHERE a.sheet_id IN (SELECT id FROM score_sheet WHERE session_id = ? AND status = 'submitted' AND (? IS NULL OR registration_id = ?))
         AND a.level_index IS NOT NULL AND a.level_index < ${PACK}
       ORDER BY a.sheet_id, a.criterion_code`,
    )
    .pluck(true)
    .all(sessionId, registrationId ?? null, registrationId ?? null) as number[];
  const sheetOf = (v: number) => Math.floor(v / PACK);

  const partial: CountingSheet[] = [];
  let i = 0;
  while (i < packed.length) {
    const sheetId = sheetOf(packed[i]!);
    let j = i;
    while (j < packed.length && sheetOf(packed[j]!) === sheetId) j++;
    const sheet = sheets.get(sheetId);
    if (sheet) {
      const version = versions.get(sheet.criteriaSetVersionId);
      const codes = version ? binarySortedCodes(version.set) : null;
      if (codes && j - i === codes.length) {
        const choices: Record<string, number> = {};
        for (let k = 0; k < codes.length; k++) choices[codes[k]!] = packed[i + k]! - sheetId * PACK;
        sheet.choices = choices;
        sheet.answeredCount = codes.length;
      } else partial.push(sheet);
    }
    i = j;
  }

  if (partial.length === 0) return;
  const byCode = sqlite.prepare('SELECT criterion_code, level_index FROM score_answer WHERE sheet_id = ? AND level_index IS NOT NULL').raw(true);
  for (const sheet of partial) {
    const choices: Record<string, number> = {};
    const list = byCode.all(sheet.sheetId) as [string, number][];
    for (const [code, level] of list) choices[code] = level;
    sheet.choices = choices;
    sheet.answeredCount = list.length;
  }
}

/** Every stored answer of some sheets with its points, for the results digest (not the hot path). */
export function readStoredAnswers(sqlite: Database.Database, sheetIds: readonly number[]): Map<number, [string, number, number][]> {
  const out = new Map<number, [string, number, number][]>();
  const stmt = sqlite.prepare('SELECT criterion_code, level_index, points FROM score_answer WHERE sheet_id = ? AND level_index IS NOT NULL ORDER BY criterion_code').raw(true);
  for (const id of sheetIds) out.set(id, stmt.all(id) as [string, number, number][]);
  return out;
}
