/**
 * How fragile is a product's star? (issue 7 §3)
 *
 *  1. Near an edge: the exact mean lies within a margin (default 1 point) of a band edge.
 *  2. Single changes: every (member, criterion, one level up or down) that would change the final
 *     star, through the band or through the star minima, so the chair can confirm consciously.
 *
 * Incremental: moving one member one level on one criterion changes the sum by the level's point
 * delta d. The new band needs only sum + d; the new cap needs only that criterion's new cap and
 * the lowest cap among the other criteria (kept as lowest + second lowest); the new spread needs
 * the two highest and two lowest totals. Each candidate is O(1), so 300 products × 9 members ×
 * 35 criteria × 2 directions (~190 000 candidates) stay far below the 100 ms budget.
 *
 * Limits: criteria a stopped sheet did not evaluate are not varied (the knock-out itself is not
 * re-judged); nothing is reported for a disqualified product.
 */
import { bandEdgesCenti, getLegalBasis, type Star } from './legal-basis';
import { criterionCapFromSum } from './minima';
import { buildProductState, type ProductState, type RankProductInput } from './product-state';
import { rankFromState, type ProductRanking } from './ranking';
import { toCenti, type Mean } from './score';
import { isSpreadWithin, spreadLimitCenti } from './spread';

export interface SensitivityOptions {
  /** Flag means within this many points of a band edge (inclusive). Default 1. */
  readonly marginPoints?: number;
}

export const DEFAULT_SENSITIVITY_MARGIN = 1;

export interface EdgeProximity {
  readonly edgeCenti: number;
  /** |mean − edge|, exact. */
  readonly distance: Mean;
  /** 'above' includes a mean exactly on the edge (it already has that band). */
  readonly side: 'above' | 'below';
}

export interface StarChange {
  readonly memberId: number;
  readonly criterionCode: string;
  readonly fromLevel: number;
  readonly toLevel: number;
  readonly direction: 'up' | 'down';
  readonly deltaCenti: number;
  readonly newMean: Mean;
  readonly newBandStar: Star;
  readonly newCap: Star;
  readonly newFinalStar: Star;
  /** Whether the spread rule would still (or now) be met after the change. */
  readonly spreadWithinLimitAfter: boolean;
}

export interface SensitivityResult {
  readonly marginCenti: number;
  /** Nearest band edge within the margin, or null. */
  readonly nearEdge: EdgeProximity | null;
  /** Single one-level changes that change the final star; by member, criterion, down before up. */
  readonly changes: readonly StarChange[];
}

export function nearestEdgeWithin(mean: Mean, edgesCenti: readonly number[], marginCenti: number): EdgeProximity | null {
  let best: EdgeProximity | null = null;
  for (const edge of edgesCenti) {
    const diff = mean.sumCenti - edge * mean.count;
    const dist = Math.abs(diff);
    if (dist > marginCenti * mean.count) continue;
    if (best === null || dist < best.distance.sumCenti) {
      best = { edgeCenti: edge, distance: { sumCenti: dist, count: mean.count }, side: diff >= 0 ? 'above' : 'below' };
    }
  }
  return best;
}

/** Lowest and second-lowest of a list, with the index of the lowest. */
function lowestTwo(values: ArrayLike<number>, count: number): { min: number; at: number; second: number } {
  let min = Infinity;
  let at = -1;
  let second = Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v < min) {
      second = min;
      min = v;
      at = i;
    } else if (v < second) second = v;
  }
  return { min, at, second };
}

export function sensitivityFromState(
  input: RankProductInput,
  state: ProductState,
  ranking: ProductRanking,
  options: SensitivityOptions = {},
): SensitivityResult {
  const marginCenti = toCenti(options.marginPoints ?? DEFAULT_SENSITIVITY_MARGIN, 'Sensitivity margin');
  if (marginCenti < 0) throw new RangeError(`Sensitivity margin must be ≥ 0, got ${options.marginPoints}`);
  const basis = input.legalBasis;
  const nearEdge = ranking.mean ? nearestEdgeWithin(ranking.mean, bandEdgesCenti(basis), marginCenti) : null;
  const finalStar = ranking.finalStar;
  if (finalStar === null || ranking.cap === null) return { marginCenti, nearEdge, changes: [] };

  const { set, levels, points, totals, columnSums, caps, memberIds } = state;
  const n = memberIds.length;
  const C = set.codes.length;
  const everyMember = input.rules.minima === 'every_member';

  const capLow = lowestTwo(caps, C);
  const capWithout = (ci: number) => (ci === capLow.at ? capLow.second : capLow.min);
  // every_member: per marked criterion, the lowest and second-lowest member cap.
  const memberCapLow: ({ min: number; at: number; second: number } | undefined)[] = [];
  if (everyMember) {
    const row = new Int8Array(n);
    for (const ci of set.marked) {
      for (let m = 0; m < n; m++) row[m] = criterionCapFromSum(set, ci, points[m]![ci]!, 1);
      memberCapLow[ci] = lowestTwo(row, n);
    }
  }
  // Band lower bounds, highest star first, read once instead of per candidate.
  const bands = getLegalBasis(basis).bands;
  const bandMins = bands.map((b) => b.minCenti);
  const bandStars = bands.map((b) => b.stars);
  const minOf = (star: number) => bands.find((b) => b.stars === star)?.minCenti ?? Infinity;
  const finalMinN = minOf(finalStar) * n;
  const aboveMinN = minOf(finalStar + 1) * n; // Infinity for 5★: nothing is above
  const negTotals = totals.map((t) => -t);
  const totLow = lowestTwo(totals, n);
  const totHigh = lowestTwo(negTotals, n);
  const limitCenti = spreadLimitCenti(input.rules.spread);
  const limitAllowed = input.rules.spread.limitAllowed;
  const markedSet = new Uint8Array(C);
  for (const ci of set.marked) markedSet[ci] = 1;

  const changes: StarChange[] = [];
  for (let m = 0; m < n; m++) {
    const row = levels[m]!;
    const othersMin = m === totLow.at ? totLow.second : totLow.min;
    const othersMax = -(m === totHigh.at ? totHigh.second : totHigh.min);
    for (let ci = 0; ci < C; ci++) {
      const from = row[ci]!;
      if (from < 0) continue;
      const pts = set.levelCenti[ci]!;
      // Two candidates, down then up; no arrays allocated in this loop (it runs ~190 000 times).
      for (let dir = 0; dir < 2; dir++) {
        const to = dir === 0 ? set.levelBelow[ci]![from]! : set.levelAbove[ci]![from]!;
        if (to < 0) continue;
        const delta = pts[to]! - pts[from]!;
        if (delta === 0) continue;
        const newSum = state.sum + delta;
        let newCap: number = ranking.cap;
        if (markedSet[ci]) {
          let capC: number;
          if (everyMember) {
            const low = memberCapLow[ci]!;
            const others = m === low.at ? low.second : low.min;
            capC = Math.min(others, criterionCapFromSum(set, ci, pts[to]!, 1));
          } else {
            capC = criterionCapFromSum(set, ci, columnSums[ci]! + delta, n);
          }
          newCap = Math.min(capWithout(ci), capC);
        }
        // Quick reject (most candidates): the final star falls only below its band's lower bound
        // or through the cap, and rises only when both the band and the cap rise above it.
        if (newSum >= finalMinN && newCap >= finalStar && (newCap === finalStar || newSum < aboveMinN)) continue;
        let newBand: Star = 1;
        for (let b = 0; b < bandMins.length; b++) {
          if (newSum >= bandMins[b]! * n) {
            newBand = bandStars[b]!;
            break;
          }
        }
        const newFinal = Math.min(newBand, newCap) as Star;
        if (newFinal === finalStar) continue;
        const newTotal = totals[m]! + delta;
        const newSpread = n === 1 ? 0 : Math.max(othersMax, newTotal) - Math.min(othersMin, newTotal);
        changes.push({
          memberId: memberIds[m]!,
          criterionCode: set.codes[ci]!,
          fromLevel: from,
          toLevel: to,
          direction: dir === 0 ? 'down' : 'up',
          deltaCenti: delta,
          newMean: { sumCenti: newSum, count: n },
          newBandStar: newBand,
          newCap: newCap as Star,
          newFinalStar: newFinal,
          spreadWithinLimitAfter: isSpreadWithin(newSpread, limitCenti, limitAllowed),
        });
      }
    }
  }
  return { marginCenti, nearEdge, changes };
}

export function analyseSensitivity(input: RankProductInput, options: SensitivityOptions = {}): SensitivityResult {
  return rankWithSensitivity(input, options).sensitivity;
}

/** Ranking and sensitivity from one pass over the sheets. */
export function rankWithSensitivity(
  input: RankProductInput,
  options: SensitivityOptions = {},
): { ranking: ProductRanking; sensitivity: SensitivityResult } {
  const state = buildProductState(input);
  const ranking = rankFromState(input, state);
  return { ranking, sensitivity: sensitivityFromState(input, state, ranking, options) };
}
