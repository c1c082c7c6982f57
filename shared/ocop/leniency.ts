/**
 * Members' scoring patterns (leniency monitoring): how far each member's totals sit from the
 * council's mean on the same products, across sessions, overall and per part A/B/C.
 *
 * The council mean of a product is the plain mean of the counting sheets' totals (the mean the
 * council ranks on, the member included). A member's deviation on a product is their total minus
 * that mean; their pattern is the average over every product they scored where at least two
 * members scored. A member is flagged when, over at least `minProducts` products, the average
 * deviation reaches the threshold AND they sit on that side of the mean on at least two thirds of
 * the products — "consistently far above (lenient) or below (harsh)". One outlier product does
 * not flag anybody. This informs the chair; it never changes a result.
 */

export interface MemberScore {
  /** The person across sessions (a council member's first membership id). */
  memberKey: number;
  totalCenti: number;
  /** Part code → centi-points. */
  partCenti: Readonly<Record<string, number>>;
}

export interface ScoredProduct {
  members: readonly MemberScore[];
}

export interface LeniencyRules {
  /** Average deviation (points) from which a member is flagged. */
  thresholdPoints: number;
  /** Fewest products before anybody is flagged. */
  minProducts: number;
}

export const DEFAULT_LENIENCY_RULES: LeniencyRules = { thresholdPoints: 5, minProducts: 5 };
/** Share of products on the flagged side needed to call a pattern consistent. */
export const CONSISTENCY_SHARE = 2 / 3;

export type LeniencyFlag = 'lenient' | 'harsh';

export interface MemberPattern {
  memberKey: number;
  products: number;
  /** Average of (member total − council mean), points. */
  meanDeviation: number;
  /** Average of |member total − council mean|, points. */
  meanAbsDeviation: number;
  /** Part code → average deviation on that part, points. */
  partDeviation: Record<string, number>;
  above: number;
  below: number;
  flag: LeniencyFlag | null;
}

export function checkLeniencyRules(r: LeniencyRules): void {
  if (!Number.isFinite(r.thresholdPoints) || r.thresholdPoints <= 0 || r.thresholdPoints > 100) {
    throw new RangeError(`thresholdPoints must be above 0 and at most 100 points, got ${r.thresholdPoints}`);
  }
  if (!Number.isInteger(r.minProducts) || r.minProducts < 1 || r.minProducts > 1000) {
    throw new RangeError(`minProducts must be a whole number from 1 to 1000, got ${r.minProducts}`);
  }
}

interface Acc {
  n: number;
  sum: number;
  abs: number;
  above: number;
  below: number;
  parts: Map<string, number>;
}

export function memberPatterns(products: readonly ScoredProduct[], rules: LeniencyRules): MemberPattern[] {
  checkLeniencyRules(rules);
  const acc = new Map<number, Acc>();
  for (const p of products) {
    const k = p.members.length;
    if (k < 2) continue;
    let sum = 0;
    const partSums = new Map<string, number>();
    for (const m of p.members) {
      sum += m.totalCenti;
      for (const [part, v] of Object.entries(m.partCenti)) partSums.set(part, (partSums.get(part) ?? 0) + v);
    }
    for (const m of p.members) {
      // (total − sum/k) in points, computed as (k·total − sum)/(100·k) so it is exact before the division.
      const dev = (k * m.totalCenti - sum) / (100 * k);
      const a = acc.get(m.memberKey) ?? { n: 0, sum: 0, abs: 0, above: 0, below: 0, parts: new Map<string, number>() };
      a.n++;
      a.sum += dev;
      a.abs += Math.abs(dev);
      if (dev > 0) a.above++;
      else if (dev < 0) a.below++;
      for (const [part, s] of partSums) {
        a.parts.set(part, (a.parts.get(part) ?? 0) + (k * (m.partCenti[part] ?? 0) - s) / (100 * k));
      }
      acc.set(m.memberKey, a);
    }
  }
  return [...acc.entries()]
    .map(([memberKey, a]) => {
      const meanDeviation = a.sum / a.n;
      const partDeviation: Record<string, number> = {};
      for (const [part, s] of [...a.parts.entries()].sort(([x], [y]) => (x < y ? -1 : 1))) partDeviation[part] = s / a.n;
      let flag: LeniencyFlag | null = null;
      if (a.n >= rules.minProducts) {
        if (meanDeviation >= rules.thresholdPoints && a.above >= CONSISTENCY_SHARE * a.n) flag = 'lenient';
        else if (meanDeviation <= -rules.thresholdPoints && a.below >= CONSISTENCY_SHARE * a.n) flag = 'harsh';
      }
      return {
        memberKey,
        products: a.n,
        meanDeviation,
        meanAbsDeviation: a.abs / a.n,
        partDeviation,
        above: a.above,
        below: a.below,
        flag,
      };
    })
    .sort((x, y) => x.memberKey - y.memberKey);
}
