/**
 * The "dấu sao" cap (Phụ lục II of 26/2026: "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp
 * độ sao"). A level marked *** / **** / ***** is the minimum on that criterion for 3★ / 4★ / 5★.
 *
 * Interpretation (DOMAIN §10.1, ADR 0009): a criterion allows N★ when its result reaches every
 * mark of N stars or fewer; the cap is the highest N every criterion allows, and the final star
 * is min(band star, cap). Missing a 3★ mark caps at 2★.
 *
 * Council rule (Quy chế):
 *  - 'mean' (default): the mean points of the scoring members on the criterion must reach the
 *    marked level's points (exact: sum ≥ points · n);
 *  - 'every_member': every scoring member's chosen level must reach the marked level's points.
 * Points are compared, not level positions: "reach the marked level" means scoring at least
 * what that level is worth, which is also what a mean can be compared with.
 */
import type { Star } from './legal-basis';
import { RulesInputError } from './rules-error';
import { compileChoices, compileSet, type Choices, type CompiledSet, type MinForStars, type RankableSet } from './set-input';
import type { Mean } from './score';

export type MinimaRule = 'mean' | 'every_member';
export const MINIMA_RULES: readonly MinimaRule[] = ['mean', 'every_member'];

export interface MinimaSheet {
  readonly memberId: number;
  readonly choices: Choices;
  readonly stopped?: boolean;
}

export interface MinimaShortfall {
  readonly code: string;
  /** The lowest star whose mark this criterion misses ("chưa đạt mức yêu cầu tối thiểu của 4 sao"). */
  readonly requiredStars: MinForStars;
  /** Points of the marked level, in centi-points. */
  readonly requiredCenti: number;
  /** Mean points of the scoring members on this criterion (exact). */
  readonly actual: Mean;
  /** Members whose own level is below the requirement (all of them matter under 'every_member'). */
  readonly failingMemberIds: readonly number[];
}

export interface MinimaResult {
  /** Highest star the minima allow (2–5). */
  readonly cap: Star;
  /** Every criterion that misses a mark, lowest required star first, then in set order. */
  readonly shortfalls: readonly MinimaShortfall[];
}

/** Highest star (2–5) a criterion allows when `sum` points were scored by `n` members (mean rule). */
export function criterionCapFromSum(set: CompiledSet, ci: number, sum: number, n: number): Star {
  const base = ci * 3;
  if (sum < set.requiredCenti[base]! * n) return 2;
  if (sum < set.requiredCenti[base + 1]! * n) return 3;
  if (sum < set.requiredCenti[base + 2]! * n) return 4;
  return 5;
}

/**
 * Cap per criterion (5 for unmarked criteria). `points[m][ci]` = centi-points member m scored.
 * This is the kernel ranking and sensitivity share.
 */
export function criterionCaps(set: CompiledSet, points: readonly Int32Array[], rule: MinimaRule): Int8Array {
  const caps = new Int8Array(set.codes.length).fill(5);
  const n = points.length;
  for (const ci of set.marked) {
    if (rule === 'mean') {
      let sum = 0;
      for (let m = 0; m < n; m++) sum += points[m]![ci]!;
      caps[ci] = criterionCapFromSum(set, ci, sum, n);
    } else {
      let cap: Star = 5;
      for (let m = 0; m < n; m++) {
        const c = criterionCapFromSum(set, ci, points[m]![ci]!, 1);
        if (c < cap) cap = c;
      }
      caps[ci] = cap;
    }
  }
  return caps;
}

export function shortfallsFrom(
  set: CompiledSet,
  points: readonly Int32Array[],
  memberIds: readonly number[],
  caps: Int8Array,
): MinimaShortfall[] {
  const out: MinimaShortfall[] = [];
  for (const ci of set.marked) {
    const cap = caps[ci]!;
    if (cap >= 5) continue;
    const requiredStars = (cap + 1) as MinForStars;
    const requiredCenti = set.requiredCenti[ci * 3 + (requiredStars - 3)]!;
    let sum = 0;
    const failing: number[] = [];
    points.forEach((row, m) => {
      sum += row[ci]!;
      if (row[ci]! < requiredCenti) failing.push(memberIds[m]!);
    });
    out.push({
      code: set.codes[ci]!,
      requiredStars,
      requiredCenti,
      actual: { sumCenti: sum, count: points.length },
      failingMemberIds: failing,
    });
  }
  // Stable sort keeps set order within the same star.
  return out.sort((a, b) => a.requiredStars - b.requiredStars);
}

export function capOf(caps: Int8Array): Star {
  let cap = 5;
  for (let i = 0; i < caps.length; i++) if (caps[i]! < cap) cap = caps[i]!;
  return cap as Star;
}

/** Points matrix (members × criteria, centi) of compiled choices. */
export function pointsMatrix(set: CompiledSet, levels: readonly Int32Array[]): Int32Array[] {
  const out: Int32Array[] = new Array(levels.length);
  // One buffer per product, a row view per member: a session ranks 2 700 sheets, and a typed
  // array with its own backing store per sheet cost more to allocate and collect than to fill.
  const C = set.codes.length;
  const buffer = new Int32Array(levels.length * C);
  for (let m = 0; m < levels.length; m++) {
    const row = levels[m]!;
    const pts = buffer.subarray(m * C, (m + 1) * C);
    for (let ci = 0; ci < row.length; ci++) {
      const li = row[ci]!;
      pts[ci] = li < 0 ? 0 : set.levelCenti[ci]![li]!;
    }
    out[m] = pts;
  }
  return out;
}

export function checkMinimaRule(rule: unknown): asserts rule is MinimaRule {
  if (!MINIMA_RULES.includes(rule as MinimaRule)) {
    throw new RulesInputError('INVALID_RULE', `Minima rule must be 'mean' or 'every_member', got ${JSON.stringify(rule)}`);
  }
}

/** Star-minima cap of one product from the scoring members' sheets. */
export function evaluateMinima(setInput: RankableSet, sheets: readonly MinimaSheet[], rule: MinimaRule = 'mean'): MinimaResult {
  checkMinimaRule(rule);
  if (sheets.length === 0) throw new RulesInputError('NO_SHEETS', 'Star minima need at least one scoring sheet');
  const set = compileSet(setInput);
  const ordered = [...sheets].sort((a, b) => a.memberId - b.memberId);
  const levels = ordered.map((s) => compileChoices(set, s.choices, `Sheet of member ${s.memberId}`));
  const points = pointsMatrix(set, levels);
  const caps = criterionCaps(set, points, rule);
  return {
    cap: capOf(caps),
    shortfalls: shortfallsFrom(
      set,
      points,
      ordered.map((s) => s.memberId),
      caps,
    ),
  };
}
