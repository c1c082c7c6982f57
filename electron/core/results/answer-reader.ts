import type Database from 'better-sqlite3';
import { allCriteria } from '../../../shared/ocop/criteria-set-walk';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { compileSet } from '../../../shared/ocop/set-input';
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

interface CodeOrder {
  /** The set's criterion codes in SQLite's BINARY order (byte order; the codes are ASCII). */
  binary: string[];
  /** Position in that order → criterion index in the set's (form) order. */
  setIndex: Int32Array;
}
const codeOrderCache = new WeakMap<CriteriaSet, CodeOrder>();

function codeOrder(set: CriteriaSet): CodeOrder {
  let order = codeOrderCache.get(set);
  if (!order) {
    const compiled = compileSet(set);
    const binary = allCriteria(set)
      .map((c) => c.criterion.code)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    order = { binary, setIndex: Int32Array.from(binary, (code) => compiled.index.get(code)!) };
    codeOrderCache.set(set, order);
  }
  return order;
}

/**
 * A counting sheet that answered every criterion, with its levels in the set's order as the
 * ranking reads them (SubmittedSheet.levels). `choices` is built from the levels only the first
 * time something asks by code (product detail, a stop rule's check): ranking a whole session
 * never does, and building 2 700 keyed objects per call was the largest cost of results:session.
 */
export class CompleteSheet implements CountingSheet {
  readonly sheetId: number;
  readonly registrationId: number;
  readonly memberId: number;
  readonly rescoringRound: number;
  readonly source: CountingSheet['source'];
  readonly criteriaSetVersionId: number;
  answeredCount: number;
  declarations: CountingSheet['declarations'];
  #choices: Record<string, number> | undefined;

  constructor(
    from: CountingSheet,
    /** Level index per criterion, in the set's order. */
    readonly levels: Int32Array,
    private readonly codes: readonly string[],
  ) {
    this.sheetId = from.sheetId;
    this.registrationId = from.registrationId;
    this.memberId = from.memberId;
    this.rescoringRound = from.rescoringRound;
    this.source = from.source;
    this.criteriaSetVersionId = from.criteriaSetVersionId;
    this.answeredCount = levels.length;
    this.declarations = from.declarations;
  }

  get choices(): Record<string, number> {
    if (!this.#choices) {
      const out: Record<string, number> = {};
      for (let ci = 0; ci < this.codes.length; ci++) out[this.codes[ci]!] = this.levels[ci]!;
      this.#choices = out;
    }
    return this.#choices;
  }

  set choices(value: Record<string, number>) {
    this.#choices = value;
  }
}

/** The sheet's levels in the set's order when every criterion has one (see CompleteSheet), else undefined. */
export const storedLevels = (sheet: CountingSheet): Int32Array | undefined =>
  sheet instanceof CompleteSheet ? sheet.levels : undefined;

/** sheet_id · 64 + level_index: one small integer per answer (pluck mode, no array per row). */
const PACK = 64;

/**
 * Fills the choices of `sheets` (keyed by sheet id). A sheet that answered every criterion is
 * replaced in the map by a CompleteSheet: read the map's values after this call.
 */
export function readChoices(
  sqlite: Database.Database,
  sessionId: number,
  sheets: Map<number, CountingSheet>,
  versions: Map<number, LoadedVersion>,
  registrationId?: number,
): void {
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

  const partial: CountingSheet[] = [];
  // One buffer for the levels of every complete sheet, a view per sheet: 2 700 small typed arrays
  // with a backing store each cost milliseconds to allocate and to collect.
  const buffer = new Int32Array(packed.length);
  let used = 0;
  let i = 0;
  while (i < packed.length) {
    const sheetId = Math.floor(packed[i]! / PACK);
    const base = sheetId * PACK;
    let j = i;
    while (j < packed.length && packed[j]! - base < PACK) j++;
    const sheet = sheets.get(sheetId);
    if (sheet) {
      const version = versions.get(sheet.criteriaSetVersionId);
      const order = version ? codeOrder(version.set) : null;
      if (order && j - i === order.binary.length) {
        const levels = buffer.subarray(used, (used += order.binary.length));
        for (let k = 0; k < levels.length; k++) levels[order.setIndex[k]!] = packed[i + k]! - base;
        sheets.set(sheetId, new CompleteSheet(sheet, levels, compileSet(version!.set).codes));
      } else partial.push(sheet);
    }
    i = j;
  }

  if (partial.length === 0) return;
  const byCode = sqlite
    .prepare('SELECT criterion_code, level_index FROM score_answer WHERE sheet_id = ? AND level_index IS NOT NULL')
    .raw(true);
  for (const sheet of partial) {
    const choices: Record<string, number> = {};
    const list = byCode.all(sheet.sheetId) as [string, number][];
    for (const [code, level] of list) choices[code] = level;
    sheet.choices = choices;
    sheet.answeredCount = list.length;
  }
}

/** Every stored answer of some sheets with its points, for the results digest (not the hot path). */
export function readStoredAnswers(
  sqlite: Database.Database,
  sheetIds: readonly number[],
): Map<number, [string, number, number][]> {
  const out = new Map<number, [string, number, number][]>();
  const stmt = sqlite
    .prepare(
      'SELECT criterion_code, level_index, points FROM score_answer WHERE sheet_id = ? AND level_index IS NOT NULL ORDER BY criterion_code',
    )
    .raw(true);
  for (const id of sheetIds) out.set(id, stmt.all(id) as [string, number, number][]);
  return out;
}
