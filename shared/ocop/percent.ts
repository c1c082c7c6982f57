/**
 * Percentages as the provincial OCOP reports print them: two decimals, decimal comma, computed
 * exactly from the two counts (integer arithmetic, half rounded up), so "1 of 3" is 33,33 on
 * every host and the test that recomputes a report gets the very same text.
 *
 * Each share is rounded on its own; a column of shares may add up to 99,99 or 100,01. Reports
 * print the total row as 100,00 from the counts, never as the sum of rounded shares.
 */
import { formatScaled, type NumberLocale } from './format-vi';

/** count/total × 100 in hundredths of a percent (3333 = 33,33 %), half up; null when total is 0. */
export function percentHundredths(count: number, total: number): number | null {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(total) || count < 0 || total < 0) {
    throw new RangeError(`percent of ${count} in ${total}: both must be whole numbers ≥ 0`);
  }
  if (total === 0) return null;
  // count × 10 000 / total, rounded half up, without floating point.
  const scaled = count * 10_000;
  const q = Math.floor(scaled / total);
  const remainder = scaled - q * total;
  return 2 * remainder >= total ? q + 1 : q;
}

/** "33,33" (vi) or "33.33" (en); "–" when the total is 0 (no share of nothing). */
export function formatPercent(count: number, total: number, locale: NumberLocale = 'vi'): string {
  const h = percentHundredths(count, total);
  return h === null ? '–' : formatScaled(h, 2, { fixed: true, locale });
}

/**
 * Change from one count to the next in hundredths of a percent (+2500 = +25,00 %); null when
 * the earlier count is 0 (a change from nothing has no percentage).
 */
export function changeHundredths(before: number, after: number): number | null {
  if (before === 0) return null;
  const diff = after - before;
  const h = percentHundredths(Math.abs(diff), before);
  return h === null ? null : diff < 0 ? -h : h;
}

/** "+25,00", "-12,50", "0,00"; "–" when there is no earlier count. */
export function formatChange(before: number, after: number, locale: NumberLocale = 'vi'): string {
  const h = changeHundredths(before, after);
  if (h === null) return '–';
  const text = formatScaled(Math.abs(h), 2, { fixed: true, locale });
  return h > 0 ? `+${text}` : h < 0 ? `-${text}` : text;
}
