import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEGAL_BASIS_IDS } from './legal-basis';
import { makeMean } from './score';
import { bandFor, bandStar, bandStarFromSum, bandStarOfPoints } from './stars';

describe('band star under 26/2026 (half-open bands)', () => {
  it.each([
    [0, 1],
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [72.4, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
  ] as const)('%s points → %i★', (points, star) => {
    expect(bandStarOfPoints(points, '26/2026/QĐ-TTg')).toBe(star);
  });

  it('classifies the unrounded mean: 629.99/9 = 69.9988… is 3★ although it displays as 70,00', () => {
    expect(bandStar(makeMean(62999, 9), '26/2026/QĐ-TTg')).toBe(3);
    expect(bandStar(makeMean(63000, 9), '26/2026/QĐ-TTg')).toBe(4);
    // 9 members with whole points: 809/9 = 89.888… → 4★, 810/9 = 90 → 5★.
    expect(bandStar(makeMean(80900, 9), '26/2026/QĐ-TTg')).toBe(4);
    expect(bandStar(makeMean(81000, 9), '26/2026/QĐ-TTg')).toBe(5);
  });

  it('148 uses the same edges (assumed, unverified)', () => {
    expect([29.99, 30, 69.99, 70, 89.99, 90].map((p) => bandStarOfPoints(p, '148/QĐ-TTg'))).toEqual([1, 2, 3, 4, 4, 5]);
  });
});

describe('band star under 1048 (whole-number bands 90–100 / 70–89 / 50–69 / 30–49 / < 30)', () => {
  it.each([
    [0, 1],
    [29, 1],
    [29.99, 1],
    [30, 2],
    [49, 2],
    [49.5, 2],
    [50, 3],
    [69, 3],
    [69.5, 3],
    [69.99, 3],
    [70, 4],
    [89, 4],
    [89.5, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
  ] as const)('%s points → %i★ (a mean between two written bands stays in the lower one)', (points, star) => {
    expect(bandStarOfPoints(points, '1048/QĐ-TTg')).toBe(star);
  });
});

describe('band star: range and properties', () => {
  it('refuses a mean outside 0–100', () => {
    expect(() => bandStar(makeMean(10001, 1), '26/2026/QĐ-TTg')).toThrow(
      "Mean total 100.01 is outside 0–100; check the criteria set's points",
    );
    expect(() => bandStar(makeMean(-1, 1), '26/2026/QĐ-TTg')).toThrow('outside 0–100');
    expect(() => bandStarOfPoints(70.001, '26/2026/QĐ-TTg')).toThrow('mean 70.001 has more than 2 decimals');
  });

  it('is monotone in the mean and agrees with the band table (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom(...LEGAL_BASIS_IDS),
        (a, b, n, basis) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = bandStarFromSum(lo * n, n, basis);
          const sHi = bandStarFromSum(hi * n, n, basis);
          expect(sLo).toBeLessThanOrEqual(sHi);
          const band = bandFor(basis, sLo);
          expect(lo).toBeGreaterThanOrEqual(band.minCenti);
        },
      ),
    );
  });

  it('bandFor returns the band of a star', () => {
    expect(bandFor('26/2026/QĐ-TTg', 4).minCenti).toBe(7000);
    expect(() => bandFor('26/2026/QĐ-TTg', 7 as never)).toThrow('No 7-star band under 26/2026/QĐ-TTg');
  });
});
