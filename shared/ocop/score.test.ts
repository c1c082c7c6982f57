import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  centiToPoints,
  compareMeans,
  compareMeanToCenti,
  displayScaled,
  distanceToCenti,
  formatCenti,
  formatMean,
  makeMean,
  meanAtLeastCenti,
  meanOf,
  meansEqual,
  meanToNumber,
  medianOf,
  roundMeanScaled,
  sumOf,
  toCenti,
  trimmedMeanOf,
} from './score';

const EDGES = [3000, 5000, 7000, 9000];

describe('centi-points', () => {
  it('converts points with up to 2 decimals exactly', () => {
    expect(toCenti(85)).toBe(8500);
    expect(toCenti(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 in binary
    expect(toCenti(72.35)).toBe(7235);
    expect(toCenti(0)).toBe(0);
    expect(centiToPoints(8550)).toBe(85.5);
  });

  it('refuses a third decimal or a non-number, naming the field', () => {
    expect(() => toCenti(1.005, 'points of 1.1')).toThrow(
      'points of 1.1 1.005 has more than 2 decimals; use at most 2 (e.g. 0.25)',
    );
    expect(() => toCenti(Number.NaN)).toThrow('points must be a finite number, got NaN');
    expect(() => toCenti(1e300)).toThrow('too large');
  });

  it('round-trips every 2-decimal value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (c) => {
        expect(toCenti(c / 100)).toBe(c);
      }),
    );
  });
});

describe('exact mean', () => {
  it('is a fraction, never divided', () => {
    expect(meanOf([7000, 7100, 7200])).toEqual({ sumCenti: 21300, count: 3 });
    expect(() => meanOf([])).toThrow('Cannot take the mean of no values');
    expect(() => makeMean(1, 0)).toThrow('count must be a whole number ≥ 1, got 0');
    expect(() => sumOf([1.5])).toThrow('centi-points must be integers, got 1.5');
  });

  it('compares exactly where floats would not: mean ≥ 50 ⇔ sum ≥ 50·n', () => {
    // 3 members: 49.99 + 50 + 50.01 = 150 → exactly 50.
    const m = meanOf([4999, 5000, 5001]);
    expect(compareMeanToCenti(m, 5000)).toBe(0);
    expect(meanAtLeastCenti(m, 5000)).toBe(true);
    // 7 members with a mean of 69.99999…: 489.99 / 7 < 70.
    const below = makeMean(48999, 7);
    expect(meanAtLeastCenti(below, 7000)).toBe(false);
    expect(compareMeanToCenti(below, 7000)).toBe(-1);
    // 1/3 vs 0.33: 100/3 centi vs 33 centi.
    expect(compareMeans(makeMean(100, 3), makeMean(33, 1))).toBe(1);
    expect(meansEqual(makeMean(2, 4), makeMean(1, 2))).toBe(true);
    expect(distanceToCenti(makeMean(20900, 3), 7000)).toEqual({ sumCenti: 100, count: 3 });
  });

  it('agrees with rational comparison (property)', () => {
    const values = fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 10000 }), (vs, t) => {
        const m = meanOf(vs);
        const s = vs.reduce((a, b) => a + b, 0);
        expect(meanAtLeastCenti(m, t)).toBe(BigInt(s) >= BigInt(t) * BigInt(vs.length));
        expect(Math.abs(meanToNumber(m) - s / vs.length / 100)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('display rounding', () => {
  it('rounds half away from zero exactly', () => {
    expect(roundMeanScaled(makeMean(7245, 1), 1)).toBe(725); // 72.45 → 72.5
    expect(roundMeanScaled(makeMean(21700, 3), 2)).toBe(7233); // 72.333… → 72.33
    expect(roundMeanScaled(makeMean(21701, 3), 1)).toBe(723);
    expect(roundMeanScaled(makeMean(20000, 3), 2)).toBe(6667); // 66.666… → 66.67
    expect(roundMeanScaled(makeMean(-150, 1), 0)).toBe(-2);
    expect(() => roundMeanScaled(makeMean(1, 1), 7)).toThrow('decimals must be a whole number from 0 to 6, got 7');
  });

  it('formats with the Vietnamese comma, trailing zeros trimmed unless fixed', () => {
    expect(formatMean(makeMean(7240, 1), { decimals: 1 })).toBe('72,4');
    expect(formatMean(makeMean(21700, 3))).toBe('72,33');
    expect(formatMean(makeMean(9000, 1))).toBe('90');
    expect(formatMean(makeMean(8550, 1), { decimals: 2, fixed: true })).toBe('85,50');
    expect(formatMean(makeMean(8550, 1), { locale: 'en' })).toBe('85.5');
    expect(formatCenti(1001)).toBe('10,01');
  });

  it('never shows a mean just below a band edge as the edge (guard on)', () => {
    // 89.995 rounds to 90,00 but is 4★: shown as 89,99.
    const m = makeMean(17999, 2);
    expect(formatMean(m)).toBe('90');
    expect(formatMean(m, { bandEdgesCenti: EDGES })).toBe('89,99');
    // With 0 decimals, 69.6 shows 69, not 70.
    expect(formatMean(makeMean(6960, 1), { decimals: 0, bandEdgesCenti: EDGES })).toBe('69');
    // At or above the edge nothing changes.
    expect(formatMean(makeMean(9000, 1), { bandEdgesCenti: EDGES })).toBe('90');
    expect(formatMean(makeMean(6949, 1), { decimals: 0, bandEdgesCenti: EDGES })).toBe('69');
  });

  it('guarded display always reads in the same band as the exact mean (property)', () => {
    const band = (v: number) => EDGES.filter((e) => v >= e).length;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        (vs, d) => {
          const m = meanOf(vs);
          const shownCenti = (displayScaled(m, d, EDGES) * 100) / 10 ** d;
          const exactBand = EDGES.filter((e) => m.sumCenti >= e * m.count).length;
          expect(band(shownCenti)).toBe(exactBand);
          // And it is never more than one display unit away from the exact mean.
          expect(Math.abs(shownCenti - m.sumCenti / m.count)).toBeLessThanOrEqual(100 / 10 ** d + 1e-9);
        },
      ),
    );
  });
});

describe('median and trimmed mean (information only)', () => {
  it('median is exact for odd and even counts', () => {
    expect(medianOf([7000, 6000, 8000])).toEqual({ sumCenti: 7000, count: 1 });
    expect(medianOf([7000, 6000, 8000, 6500])).toEqual({ sumCenti: 13500, count: 2 });
    expect(() => medianOf([])).toThrow('no values');
  });

  it('trimmed mean drops the extremes, or is null when too few remain', () => {
    expect(trimmedMeanOf([1000, 7000, 7100, 7200, 9900])).toEqual({ sumCenti: 21300, count: 3 });
    expect(trimmedMeanOf([7000, 8000])).toBeNull();
    expect(trimmedMeanOf([7000, 8000], 0)).toEqual({ sumCenti: 15000, count: 2 });
    expect(() => trimmedMeanOf([1], -1)).toThrow('trimEach must be a whole number ≥ 0, got -1');
  });
});
