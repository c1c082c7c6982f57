/**
 * Exact score arithmetic.
 *
 * Points are whole numbers in the official sets, but custom sets may use up to 2 decimals
 * (0,5 point). Binary floating point cannot hold 0,1 exactly and a mean of 9 members is rarely a
 * finite decimal, yet the star depends on whether the mean is ≥ 50. So:
 *  - points are held as integer centi-points (85,5 → 8550);
 *  - a mean is the exact fraction sum / count, never divided;
 *  - comparisons cross-multiply (mean ≥ 50 ⇔ sum ≥ 5000 · count);
 *  - rounding exists only for display and never feeds back into a decision.
 * See docs/decisions/0003-star-bands-and-rounding.md.
 */
import { formatScaled, type NumberLocale } from './format-vi';

export const CENTI_PER_POINT = 100;

/** Converts points (at most 2 decimals) to integer centi-points; throws a RangeError otherwise. */
export function toCenti(points: number, what = 'points'): number {
  if (!Number.isFinite(points)) throw new RangeError(`${what} must be a finite number, got ${points}`);
  const centi = Math.round(points * CENTI_PER_POINT);
  // Tolerance covers binary noise (0.29 * 100 = 28.999999999999996), not a third decimal.
  if (Math.abs(points * CENTI_PER_POINT - centi) > 1e-6 * Math.max(1, Math.abs(centi))) {
    throw new RangeError(`${what} ${points} has more than 2 decimals; use at most 2 (e.g. 0.25)`);
  }
  if (!Number.isSafeInteger(centi)) throw new RangeError(`${what} ${points} is too large`);
  return centi;
}

/** Centi-points back to points, for display and sorting only. */
export const centiToPoints = (centi: number): number => centi / CENTI_PER_POINT;

/** An exact average: the value is sumCenti / count centi-points. */
export interface Mean {
  readonly sumCenti: number;
  readonly count: number;
}

export function makeMean(sumCenti: number, count: number): Mean {
  if (!Number.isSafeInteger(sumCenti)) throw new RangeError(`sumCenti must be a safe integer, got ${sumCenti}`);
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a whole number ≥ 1, got ${count}`);
  return { sumCenti, count };
}

export function sumOf(valuesCenti: readonly number[]): number {
  let sum = 0;
  for (const v of valuesCenti) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`centi-points must be integers, got ${v}`);
    sum += v;
  }
  if (!Number.isSafeInteger(sum)) throw new RangeError('sum of centi-points overflows');
  return sum;
}

/** Arithmetic mean of centi-point values; throws on an empty list (there is no mean of nobody). */
export function meanOf(valuesCenti: readonly number[]): Mean {
  if (valuesCenti.length === 0) throw new RangeError('Cannot take the mean of no values');
  return makeMean(sumOf(valuesCenti), valuesCenti.length);
}

const sign = (x: number): -1 | 0 | 1 => (x < 0 ? -1 : x > 0 ? 1 : 0);

/** Sign of (mean − centi), exactly. */
export function compareMeanToCenti(mean: Mean, centi: number): -1 | 0 | 1 {
  return sign(mean.sumCenti - centi * mean.count);
}

/** mean ≥ threshold, exactly (mean ≥ 50 ⇔ sum ≥ 5000 · count). */
export const meanAtLeastCenti = (mean: Mean, centi: number): boolean => mean.sumCenti >= centi * mean.count;

/** Sign of (a − b), exactly. */
export function compareMeans(a: Mean, b: Mean): -1 | 0 | 1 {
  return sign(a.sumCenti * b.count - b.sumCenti * a.count);
}

export const meansEqual = (a: Mean, b: Mean): boolean => compareMeans(a, b) === 0;

/** |mean − centi| as an exact mean (e.g. the distance to a band edge). */
export function distanceToCenti(mean: Mean, centi: number): Mean {
  return { sumCenti: Math.abs(mean.sumCenti - centi * mean.count), count: mean.count };
}

/** The mean in points as a float — for charts and sorting, never for a decision. */
export const meanToNumber = (mean: Mean): number => mean.sumCenti / (mean.count * CENTI_PER_POINT);

/**
 * round(mean in points × 10^decimals), half away from zero, exactly:
 * 72,45 with 1 decimal → 725 (72,5).
 */
export function roundMeanScaled(mean: Mean, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`decimals must be a whole number from 0 to 6, got ${decimals}`);
  }
  const numerator = Math.abs(mean.sumCenti) * 10 ** decimals;
  const denominator = mean.count * CENTI_PER_POINT;
  if (!Number.isSafeInteger(2 * numerator + denominator)) throw new RangeError('mean too large to round exactly');
  const rounded = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return mean.sumCenti < 0 ? -rounded : rounded;
}

export interface ScoreFormatOptions {
  /** Maximum decimals shown (trailing zeros trimmed unless `fixed`). Default 2. */
  readonly decimals?: number;
  readonly fixed?: boolean;
  readonly locale?: NumberLocale;
  /**
   * Band edges (centi-points). When given, a mean just below an edge is never displayed as the
   * edge: 89,996 shows "89,99", not "90", so the printed number never contradicts the star.
   */
  readonly bandEdgesCenti?: readonly number[];
}

/** The displayed value as an integer scaled by 10^decimals, with the band-edge guard applied. */
export function displayScaled(mean: Mean, decimals: number, bandEdgesCenti: readonly number[] = []): number {
  let scaled = roundMeanScaled(mean, decimals);
  for (const edge of bandEdgesCenti) {
    if (mean.sumCenti < edge * mean.count) {
      // Smallest displayable value that reads as "at the edge": ceil(edge × 10^d / 100).
      const edgeScaled = Math.ceil((edge * 10 ** decimals) / CENTI_PER_POINT);
      if (scaled >= edgeScaled) scaled = edgeScaled - 1;
    }
  }
  return scaled;
}

/** "72,4", "85,5", "90"; Vietnamese comma by default. Classification never uses this. */
export function formatMean(mean: Mean, options: ScoreFormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  return formatScaled(displayScaled(mean, decimals, options.bandEdgesCenti), decimals, {
    fixed: options.fixed ?? false,
    locale: options.locale ?? 'vi',
  });
}

/** A single centi-point value (a member's total) for display: 8550 → "85,5". */
export function formatCenti(centi: number, options: Omit<ScoreFormatOptions, 'bandEdgesCenti'> = {}): string {
  return formatMean({ sumCenti: centi, count: 1 }, options);
}

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** Median, exact: the middle value, or the mean of the two middle values. For information only. */
export function medianOf(valuesCenti: readonly number[]): Mean {
  if (valuesCenti.length === 0) throw new RangeError('Cannot take the median of no values');
  sumOf(valuesCenti);
  const sorted = ascending(valuesCenti);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return { sumCenti: sorted[mid]!, count: 1 };
  return { sumCenti: sorted[mid - 1]! + sorted[mid]!, count: 2 };
}

/**
 * Mean after dropping the `trimEach` lowest and `trimEach` highest values (the judging-panel
 * "drop best and worst"). For information only. Null when too few values remain.
 */
export function trimmedMeanOf(valuesCenti: readonly number[], trimEach = 1): Mean | null {
  if (!Number.isInteger(trimEach) || trimEach < 0) throw new RangeError(`trimEach must be a whole number ≥ 0, got ${trimEach}`);
  if (valuesCenti.length <= 2 * trimEach) return null;
  const sorted = ascending(valuesCenti);
  return meanOf(sorted.slice(trimEach, sorted.length - trimEach));
}
