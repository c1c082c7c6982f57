import { describe, expect, it } from 'vitest';
import { memberPatterns, type ScoredProduct } from './leniency';

const product = (...totals: [number, number][]): ScoredProduct => ({
  members: totals.map(([memberKey, points]) => ({
    memberKey,
    totalCenti: points * 100,
    partCenti: { A: points * 40, B: points * 25, C: points * 35 },
  })),
});

describe('leniency monitoring', () => {
  it('averages each member’s deviation from the council mean, overall and per part', () => {
    // Member 1 always 6 above the other two: mean = x + 2, so member 1 deviates +4, others −2.
    const products = Array.from({ length: 6 }, (_, i) => product([1, 76 + i], [2, 70 + i], [3, 70 + i]));
    const [m1, m2, m3] = memberPatterns(products, { thresholdPoints: 4, minProducts: 5 });
    expect(m1).toMatchObject({ memberKey: 1, products: 6, above: 6, below: 0, flag: 'lenient' });
    expect(m1!.meanDeviation).toBeCloseTo(4, 10);
    expect(m1!.partDeviation.A).toBeCloseTo(1.6, 10);
    expect(m1!.partDeviation.C).toBeCloseTo(1.4, 10);
    expect(m2!.meanDeviation).toBeCloseTo(-2, 10);
    expect(m2!.flag).toBe(null);
    expect(m3!.flag).toBe(null);
  });

  it('flags exactly at the threshold, not below it', () => {
    const at = Array.from({ length: 5 }, () => product([1, 80], [2, 72], [3, 72])); // +5.333…, −2.667
    expect(memberPatterns(at, { thresholdPoints: 5.33, minProducts: 5 })[0]!.flag).toBe('lenient');
    expect(memberPatterns(at, { thresholdPoints: 5.34, minProducts: 5 })[0]!.flag).toBe(null);
    // Threshold 2: member 2 and 3 sit 2.667 below on every product → harsh.
    expect(memberPatterns(at, { thresholdPoints: 2, minProducts: 5 })[1]!.flag).toBe('harsh');
  });

  it('needs enough products and a consistent side', () => {
    const few = Array.from({ length: 4 }, () => product([1, 90], [2, 70]));
    expect(memberPatterns(few, { thresholdPoints: 1, minProducts: 5 })[0]!.flag).toBe(null);
    // One huge outlier lifts the average but the member is above on only 1 of 5 products.
    const outlier = [product([1, 100], [2, 50]), ...Array.from({ length: 4 }, () => product([1, 69], [2, 70]))];
    const p = memberPatterns(outlier, { thresholdPoints: 3, minProducts: 5 })[0]!;
    expect(p.meanDeviation).toBeGreaterThan(3);
    expect(p.flag).toBe(null);
  });

  it('ignores products scored by one member only', () => {
    expect(memberPatterns([product([1, 80])], { thresholdPoints: 1, minProducts: 1 })).toEqual([]);
  });

  it('refuses a nonsensical threshold', () => {
    expect(() => memberPatterns([], { thresholdPoints: 0, minProducts: 5 })).toThrow(/thresholdPoints/);
    expect(() => memberPatterns([], { thresholdPoints: 3, minProducts: 0 })).toThrow(/minProducts/);
  });
});
