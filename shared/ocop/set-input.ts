/**
 * The part of a criteria set the ranking rules need: criteria with their part and answer levels
 * (points, star marks, set-26 cases). Structural, so both the criteria model
 * (shared/ocop/criteria-set.ts, nested parts → groups → criteria) and a flat list fit.
 *
 * A set is compiled once into flat integer arrays (cached per set object) because ranking a
 * session touches ~95 000 answers and sensitivity looks at every one-level change.
 */
import { RulesInputError } from './rules-error';
import { toCenti } from './score';

export type MinForStars = 3 | 4 | 5;

export interface RankableLevel {
  readonly points: number;
  /** The level carries a dấu sao: minimum on this criterion for that many stars. */
  readonly minForStars?: number | null;
  /** Set 26: the level belongs to one of two alternative cases. */
  readonly case?: string | null;
}

export interface RankableCriterion {
  readonly code: string;
  readonly part: string;
  readonly levels: readonly RankableLevel[];
}

export interface FlatSetInput {
  readonly criteria: readonly RankableCriterion[];
}

export interface NestedSetInput {
  readonly parts: readonly {
    readonly code: string;
    readonly groups: readonly { readonly criteria: readonly Omit<RankableCriterion, 'part'>[] }[];
  }[];
}

export type RankableSet = FlatSetInput | NestedSetInput;

/** Marks for 3★, 4★, 5★ → slot 0, 1, 2 of `requiredCenti`. */
export const MARKED_STARS: readonly MinForStars[] = [3, 4, 5];

export interface CompiledSet {
  readonly codes: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly partCodes: readonly string[];
  /** criterion → index into partCodes */
  readonly partOf: Int32Array;
  /** criterion → points (centi) of each level */
  readonly levelCenti: readonly Int32Array[];
  /**
   * criterion × 3: points (centi) required on that criterion for 3★, 4★, 5★ — the highest marked
   * level with that many stars or fewer (a 5★ product must also meet the 4★ mark). 0 = no mark.
   */
  readonly requiredCenti: Int32Array;
  /** Criteria with at least one mark. */
  readonly marked: Int32Array;
  /** criterion → level → neighbouring level index (same case), −1 when none. */
  readonly levelBelow: readonly Int32Array[];
  readonly levelAbove: readonly Int32Array[];
  /**
   * The codes in the order `Object.keys` lists them for choices written in set order (integer-like
   * keys such as "7" first, ascending — a JS rule), and the criterion index of each: lets
   * compileChoices read a whole sheet with Object.keys/Object.values instead of 34 keyed lookups.
   */
  readonly keyOrder: readonly string[];
  readonly keyOrderIndex: Int32Array;
}

const isFlat = (set: RankableSet): set is FlatSetInput => Array.isArray((set as FlatSetInput).criteria);
const isNested = (set: RankableSet): set is NestedSetInput => Array.isArray((set as NestedSetInput).parts);

export function flattenSet(set: RankableSet): RankableCriterion[] {
  if (isFlat(set)) return [...set.criteria];
  if (isNested(set)) {
    return set.parts.flatMap((part) =>
      part.groups.flatMap((group) => group.criteria.map((c) => ({ code: c.code, part: part.code, levels: c.levels }))),
    );
  }
  throw new RulesInputError('INVALID_SET', 'Criteria set has neither `criteria` nor `parts`');
}

const cache = new WeakMap<object, CompiledSet>();

export function compileSet(set: RankableSet): CompiledSet {
  const cached = cache.get(set);
  if (cached) return cached;
  const compiled = compileUncached(flattenSet(set));
  cache.set(set, compiled);
  return compiled;
}

function neighbours(levels: readonly RankableLevel[], step: 1 | -1): Int32Array {
  const out = new Int32Array(levels.length).fill(-1);
  for (let i = 0; i < levels.length; i++) {
    const kase = levels[i]!.case ?? null;
    for (let j = i + step; j >= 0 && j < levels.length; j += step) {
      if ((levels[j]!.case ?? null) === kase) {
        out[i] = j;
        break;
      }
    }
  }
  return out;
}

function compileUncached(criteria: RankableCriterion[]): CompiledSet {
  if (criteria.length === 0) throw new RulesInputError('INVALID_SET', 'Criteria set has no criteria');
  const index = new Map<string, number>();
  const partCodes: string[] = [];
  const partOf = new Int32Array(criteria.length);
  const levelCenti: Int32Array[] = [];
  const requiredCenti = new Int32Array(criteria.length * 3);
  const marked: number[] = [];
  criteria.forEach((c, ci) => {
    if (typeof c.code !== 'string' || c.code.trim() === '') {
      throw new RulesInputError('INVALID_SET', `Criterion #${ci + 1} has no code`, { position: ci });
    }
    if (index.has(c.code)) throw new RulesInputError('INVALID_SET', `Criterion code "${c.code}" appears twice`, { code: c.code });
    index.set(c.code, ci);
    if (typeof c.part !== 'string' || c.part === '') {
      throw new RulesInputError('INVALID_SET', `Criterion ${c.code} has no part`, { code: c.code });
    }
    let p = partCodes.indexOf(c.part);
    if (p < 0) p = partCodes.push(c.part) - 1;
    partOf[ci] = p;
    if (!Array.isArray(c.levels) || c.levels.length === 0) {
      throw new RulesInputError('INVALID_SET', `Criterion ${c.code} has no levels`, { code: c.code });
    }
    const pts = new Int32Array(c.levels.length);
    c.levels.forEach((level, li) => {
      try {
        pts[li] = toCenti(level.points, `points of criterion ${c.code} level ${li + 1}`);
      } catch (e) {
        throw new RulesInputError('INVALID_SET', (e as Error).message, { code: c.code, level: li });
      }
      if (pts[li]! < 0)
        throw new RulesInputError('INVALID_SET', `Criterion ${c.code} level ${li + 1} has negative points`, {
          code: c.code,
          level: li,
        });
      const mark = level.minForStars;
      if (mark === undefined || mark === null) return;
      if (mark !== 3 && mark !== 4 && mark !== 5) {
        throw new RulesInputError(
          'INVALID_SET',
          `Criterion ${c.code} level ${li + 1}: minForStars must be 3, 4 or 5, got ${String(mark)}`,
          { code: c.code, level: li },
        );
      }
      // The mark on N stars applies to N★ and every higher star.
      for (let s = mark - 3; s < 3; s++) requiredCenti[ci * 3 + s] = Math.max(requiredCenti[ci * 3 + s]!, pts[li]!);
    });
    if (c.levels.some((l) => l.minForStars != null)) marked.push(ci);
    levelCenti.push(pts);
  });
  const isArrayIndex = (k: string) => /^(0|[1-9]\d{0,8})$/u.test(k);
  const byKey = criteria.map((c, ci) => [c.code, ci] as const);
  const keyed = [
    ...byKey.filter(([k]) => isArrayIndex(k)).sort((a, b) => Number(a[0]) - Number(b[0])),
    ...byKey.filter(([k]) => !isArrayIndex(k)),
  ];
  return {
    keyOrder: keyed.map(([k]) => k),
    keyOrderIndex: Int32Array.from(keyed.map(([, ci]) => ci)),
    codes: criteria.map((c) => c.code),
    index,
    partCodes,
    partOf,
    levelCenti,
    requiredCenti,
    marked: Int32Array.from(marked),
    levelBelow: criteria.map((c) => neighbours(c.levels, -1)),
    levelAbove: criteria.map((c) => neighbours(c.levels, 1)),
  };
}

/**
 * A member's counted choices: criterion code → index of the chosen level (printed order, from 0).
 * Only levels that count go here: a criterion the sheet did not evaluate (skipped by a
 * "Chỉ áp dụng khi…" note, stopped by a knock-out, or left after a disqualification) is null or
 * absent and counts 0 points. Whether a sheet is complete is the scoring rules' job
 * (sheet-rules.ts), checked before a sheet can be submitted.
 */
export type Choices = Readonly<Record<string, number | null | undefined>>;

/** Chosen level index per criterion (−1 = not evaluated). */
export function compileChoices(set: CompiledSet, choices: Choices, who: string): Int32Array {
  const C = set.codes.length;
  const out = new Int32Array(C);
  // Fast path: every criterion present, keys in the usual order.
  const keys = Object.keys(choices);
  let fast = keys.length === C;
  for (let i = 0; fast && i < C; i++) fast = keys[i] === set.keyOrder[i];
  if (fast) {
    const values = Object.values(choices);
    for (let i = 0; i < C; i++) {
      const ci = set.keyOrderIndex[i]!;
      const li = values[i];
      if (li === undefined || li === null) out[ci] = -1;
      else if (Number.isInteger(li) && li >= 0 && li < set.levelCenti[ci]!.length) out[ci] = li;
      else throw levelError(set, ci, li, who);
    }
    return out;
  }
  let present = 0;
  // Read by the set's codes (fast property access); unknown codes are searched for only when
  // the choices hold more keys than the set has matches.
  for (let ci = 0; ci < C; ci++) {
    const code = set.codes[ci]!;
    const li = choices[code];
    if (li === undefined || li === null) {
      out[ci] = -1;
      if (li === null || Object.hasOwn(choices, code)) present++;
      continue;
    }
    present++;
    if (!Number.isInteger(li) || li < 0 || li >= set.levelCenti[ci]!.length) throw levelError(set, ci, li, who);
    out[ci] = li;
  }
  if (keys.length !== present) {
    const unknown = keys.find((code) => !set.index.has(code))!;
    throw new RulesInputError('UNKNOWN_CRITERION', `${who}: criterion "${unknown}" is not in the criteria set`, {
      code: unknown,
    });
  }
  return out;
}

/** Pre-compiled choices (see SubmittedSheet.levels), checked as compileChoices checks keyed ones; returned as given. */
export function checkLevels(set: CompiledSet, levels: Int32Array, who: string): Int32Array {
  const C = set.codes.length;
  if (!(levels instanceof Int32Array) || levels.length !== C) {
    throw new RulesInputError(
      'INVALID_LEVELS',
      `${who}: compiled levels must hold one entry per criterion of the set (${C}), got ${levels instanceof Int32Array ? levels.length : typeof levels}`,
      { expected: C },
    );
  }
  for (let ci = 0; ci < C; ci++) {
    const li = levels[ci]!;
    if (li < -1 || li >= set.levelCenti[ci]!.length) throw levelError(set, ci, li, who);
  }
  return levels;
}

function levelError(set: CompiledSet, ci: number, li: unknown, who: string): RulesInputError {
  const code = set.codes[ci]!;
  const n = set.levelCenti[ci]!.length;
  return new RulesInputError(
    'UNKNOWN_LEVEL',
    `${who}: criterion ${code} has no level #${String(li)} (it has ${n} levels, numbered from 0)`,
    { code, level: li },
  );
}

/** Points (centi) of a chosen level, 0 when the criterion was not evaluated. */
export const chosenCenti = (set: CompiledSet, ci: number, level: number): number => (level < 0 ? 0 : set.levelCenti[ci]![level]!);
