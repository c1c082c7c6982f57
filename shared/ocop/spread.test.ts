import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RulesInputError } from './rules-error';
import { DEFAULT_SPREAD_RULE, evaluateSpread, isSpreadWithin, spreadLimitCenti } from './spread';

const totals = (...centi: number[]) => centi.map((totalCenti, i) => ({ memberId: i + 1, totalCenti }));

describe('spread between members’ totals', () => {
  it('defaults to "at most 10 points"', () => {
    expect(DEFAULT_SPREAD_RULE).toEqual({ limit: 10, limitAllowed: true });
  });

  it('10 is fine, 10,01 needs re-scoring (limit allowed)', () => {
    const ten = evaluateSpread(totals(7000, 8000, 7500));
    expect(ten).toMatchObject({ spreadCenti: 1000, minCenti: 7000, maxCenti: 8000, withinLimit: true, limitCenti: 1000 });
    const over = evaluateSpread(totals(7000, 8001, 7500));
    expect(over).toMatchObject({ spreadCenti: 1001, withinLimit: false, lowestMemberIds: [1], highestMemberIds: [2] });
  });

  it('when the limit itself is not allowed, exactly 10 needs re-scoring and 9,99 is fine', () => {
    const rule = { limit: 10, limitAllowed: false };
    expect(evaluateSpread(totals(7000, 8000), rule).withinLimit).toBe(false);
    expect(evaluateSpread(totals(7001, 8000), rule).withinLimit).toBe(true);
  });

  it('one member has no spread; ties list every member at the extremes', () => {
    expect(evaluateSpread(totals(6500))).toMatchObject({
      spreadCenti: 0,
      withinLimit: true,
      lowestMemberIds: [1],
      highestMemberIds: [1],
    });
    const r = evaluateSpread([
      { memberId: 9, totalCenti: 6000 },
      { memberId: 3, totalCenti: 6000 },
      { memberId: 5, totalCenti: 6500 },
    ]);
    expect(r.lowestMemberIds).toEqual([3, 9]);
  });

  it('rejects bad rules and empty input with codes', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as RulesInputError).code, (e as Error).message];
      }
      return null;
    };
    expect(code(() => spreadLimitCenti({ limit: -1, limitAllowed: true }))).toEqual([
      'INVALID_RULE',
      'Spread limit must be ≥ 0, got -1',
    ]);
    expect(code(() => spreadLimitCenti({ limit: 10.001, limitAllowed: true }))).toEqual([
      'INVALID_RULE',
      'Spread limit 10.001 has more than 2 decimals; use at most 2 (e.g. 0.25)',
    ]);
    expect(code(() => spreadLimitCenti({ limit: 10 } as never))).toEqual([
      'INVALID_RULE',
      'Spread rule needs limitAllowed: true or false',
    ]);
    expect(code(() => evaluateSpread([]))).toEqual(['NO_SHEETS', 'Spread needs at least one member total']);
  });

  it('is max − min and independent of order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        (vs, limit, allowed) => {
          const rule = { limit: limit / 100, limitAllowed: allowed };
          const r = evaluateSpread(totals(...vs), rule);
          const spread = Math.max(...vs) - Math.min(...vs);
          expect(r.spreadCenti).toBe(spread);
          expect(r.withinLimit).toBe(allowed ? spread <= limit : spread < limit);
          expect(isSpreadWithin(spread, limit, allowed)).toBe(r.withinLimit);
          const reversed = evaluateSpread(totals(...vs).reverse(), rule);
          expect(reversed.spreadCenti).toBe(r.spreadCenti);
        },
      ),
    );
  });
});
