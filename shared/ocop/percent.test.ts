import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeHundredths, formatChange, formatPercent, percentHundredths } from './percent';

describe('percentages to two decimals with a decimal comma', () => {
  it('rounds half up on exact integers', () => {
    expect(formatPercent(1, 3)).toBe('33,33');
    expect(formatPercent(2, 3)).toBe('66,67');
    expect(formatPercent(1, 8)).toBe('12,50');
    expect(formatPercent(1, 16)).toBe('6,25');
    expect(formatPercent(1, 32)).toBe('3,13'); // 3,125 → half up
    expect(formatPercent(1, 6)).toBe('16,67');
    expect(formatPercent(0, 5)).toBe('0,00');
    expect(formatPercent(5, 5)).toBe('100,00');
    expect(formatPercent(1, 3, 'en')).toBe('33.33');
  });
  it('has no share of nothing', () => {
    expect(percentHundredths(0, 0)).toBe(null);
    expect(formatPercent(0, 0)).toBe('–');
  });
  it('refuses negative or fractional counts', () => {
    expect(() => percentHundredths(-1, 3)).toThrow(/whole numbers/);
    expect(() => percentHundredths(1.5, 3)).toThrow(/whole numbers/);
  });
  it('equals the decimal rounding of the exact fraction for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), (total, c) => {
        const count = c % (total + 1);
        const h = percentHundredths(count, total)!;
        // exact: h/10000 ≤ count/total + 1/20000 and ≥ count/total − 1/20000 (half up)
        expect(2 * (h * total - count * 10_000)).toBeLessThanOrEqual(total);
        expect(2 * (count * 10_000 - h * total)).toBeLessThan(total);
      }),
    );
  });
  it('year-over-year change', () => {
    expect(formatChange(40, 50)).toBe('+25,00');
    expect(formatChange(50, 40)).toBe('-20,00');
    expect(formatChange(3, 3)).toBe('0,00');
    expect(formatChange(0, 7)).toBe('–');
    expect(changeHundredths(3, 4)).toBe(3333);
  });
});
