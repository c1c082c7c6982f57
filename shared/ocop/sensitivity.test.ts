import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainChangeVi } from './explain-vi';
import type { LegalBasisId } from './legal-basis';
import { rankProduct, type RankProductInput, type SubmittedSheet } from './ranking';
import { analyseSensitivity, nearestEdgeWithin, rankWithSensitivity, type StarChange } from './sensitivity';
import { compileSet, type FlatSetInput } from './set-input';
import { choicesForTotal, panelOf, rules, set7, sheet } from './testing/rules-fixtures';

const input = (sheets: SubmittedSheet[], over: Partial<RankProductInput> = {}): RankProductInput => ({
  set: set7,
  rules: rules(),
  legalBasis: '26/2026/QĐ-TTg',
  panel: panelOf(sheets.length),
  sheets,
  ...over,
});
const byTotals = (totals: number[], fixed: Record<string, number> = {}) =>
  totals.map((t, i) => sheet(i + 1, choicesForTotal(t, fixed)));
const EDGES = [3000, 5000, 7000, 9000];

describe('near a band edge', () => {
  it('flags a mean within the margin (inclusive) of an edge, above or below', () => {
    expect(nearestEdgeWithin({ sumCenti: 7050, count: 1 }, EDGES, 100)).toEqual({
      edgeCenti: 7000,
      distance: { sumCenti: 50, count: 1 },
      side: 'above',
    });
    expect(nearestEdgeWithin({ sumCenti: 26900, count: 3 }, EDGES, 100)).toEqual({
      edgeCenti: 9000,
      distance: { sumCenti: 100, count: 3 },
      side: 'below',
    });
    expect(nearestEdgeWithin({ sumCenti: 6900, count: 1 }, EDGES, 100)).toMatchObject({ edgeCenti: 7000, side: 'below' }); // exactly 1 point away
    expect(nearestEdgeWithin({ sumCenti: 6899, count: 1 }, EDGES, 100)).toBeNull();
    expect(nearestEdgeWithin({ sumCenti: 7000, count: 1 }, EDGES, 0)).toMatchObject({ side: 'above', distance: { sumCenti: 0 } });
    expect(nearestEdgeWithin({ sumCenti: 6000, count: 1 }, EDGES, 1000)).toMatchObject({ edgeCenti: 5000 }); // tie 50/70: first (lower) edge
  });

  it('uses the configured margin', () => {
    const sheets = byTotals([72, 72, 73]); // 72,33
    expect(analyseSensitivity(input(sheets)).nearEdge).toBeNull();
    expect(analyseSensitivity(input(sheets), { marginPoints: 2.5 }).nearEdge).toEqual({
      edgeCenti: 7000,
      distance: { sumCenti: 700, count: 3 },
      side: 'above',
    });
    expect(() => analyseSensitivity(input(sheets), { marginPoints: -1 })).toThrow('Sensitivity margin must be ≥ 0');
  });
});

describe('single one-level changes that change the star', () => {
  it('a mean exactly on the 70 edge: any member lowering any criterion drops it to 3★', () => {
    const { ranking, sensitivity } = rankWithSensitivity(input(byTotals([70, 70, 70])));
    expect(ranking.finalStar).toBe(4);
    expect(sensitivity.nearEdge).toMatchObject({ edgeCenti: 7000, side: 'above' });
    expect(sensitivity.changes.length).toBeGreaterThan(0);
    expect(sensitivity.changes.every((c) => c.direction === 'down' && c.newBandStar === 3 && c.newFinalStar <= 3)).toBe(true);
    const first = sensitivity.changes[0]!;
    expect(first.memberId).toBe(1);
    expect(explainChangeVi(first, ranking)).toMatch(
      /^Nếu thành viên 1 hạ tiêu chí [\d.]+ xuống một mức: 69,\d+ điểm → [23] sao\.$/u,
    );
  });

  it('a minimum met exactly on the mean: lowering it one level caps the star', () => {
    // 1.5 at 2, 2, 2 meets the 4★ mark exactly; totals 80 keep the band far from the edges.
    const sheets = [1, 2, 3].map((id) => sheet(id, choicesForTotal(80, { '1.5': 2 })));
    const { ranking, sensitivity } = rankWithSensitivity(input(sheets));
    expect(ranking.finalStar).toBe(4);
    expect(sensitivity.nearEdge).toBeNull();
    // Other marked criteria sit at their 5★ floor too; look at 1.5.
    const on15 = sensitivity.changes.filter((c) => c.criterionCode === '1.5');
    expect(on15.map((c) => [c.memberId, c.criterionCode, c.direction, c.newCap, c.newFinalStar])).toEqual([
      [1, '1.5', 'down', 3, 3],
      [2, '1.5', 'down', 3, 3],
      [3, '1.5', 'down', 3, 3],
    ]);
    expect(sensitivity.changes.every((c) => c.direction === 'down' && c.newBandStar === 4)).toBe(true);
    expect(on15[0]).toMatchObject({
      fromLevel: 2,
      toLevel: 1,
      deltaCenti: -100,
      newMean: { sumCenti: 23900, count: 3 },
      spreadWithinLimitAfter: true,
    });
  });

  it("'every_member': the one member below a mark can lift the cap by raising one level", () => {
    const sheets = [sheet(1, choicesForTotal(80)), sheet(2, choicesForTotal(80)), sheet(3, choicesForTotal(80, { '1.5': 1 }))];
    const { ranking, sensitivity } = rankWithSensitivity(input(sheets, { rules: rules({ minima: 'every_member' }) }));
    expect(ranking.finalStar).toBe(3);
    const ups = sensitivity.changes.filter((c) => c.direction === 'up');
    expect(ups.map((c) => [c.memberId, c.criterionCode, c.newFinalStar])).toEqual([[3, '1.5', 4]]);
  });

  it('reports whether the spread rule would hold after the change', () => {
    const sheets = [sheet(1, choicesForTotal(70)), sheet(2, choicesForTotal(80)), sheet(3, choicesForTotal(75))];
    const { sensitivity } = rankWithSensitivity(input(sheets));
    // Member 1 lowering anything makes the spread 10 + delta > 10.
    const m1 = sensitivity.changes.filter((c) => c.memberId === 1);
    expect(m1.length).toBeGreaterThan(0);
    expect(m1.every((c) => !c.spreadWithinLimitAfter)).toBe(true);
  });

  it('nothing for a disqualified dossier; criteria a stopped sheet did not evaluate are not varied', () => {
    const dq = byTotals([70, 70, 70]);
    dq[0] = { ...dq[0]!, disqualified: true };
    expect(analyseSensitivity(input(dq)).changes).toEqual([]);
    const stopped = byTotals([70, 70, 70]);
    const choices = { ...stopped[0]!.choices, '11': null, '10': null };
    stopped[0] = { ...stopped[0]!, choices, stopped: true };
    const r = analyseSensitivity(input(stopped));
    expect(r.changes.some((c) => c.memberId === 1 && (c.criterionCode === '11' || c.criterionCode === '10'))).toBe(false);
  });

  it('moves one level within the same case only (set 26)', () => {
    const set: FlatSetInput = {
      criteria: [
        {
          code: '8',
          part: 'C',
          levels: [
            { points: 0, case: 'TH1' },
            { points: 2, case: 'TH1' },
            { points: 4, case: 'TH1' },
            { points: 0, case: 'TH2' },
            { points: 2, case: 'TH2' },
            { points: 4, case: 'TH2' },
          ],
        },
      ],
    };
    const c = compileSet(set);
    expect(Array.from(c.levelBelow[0]!)).toEqual([-1, 0, 1, -1, 3, 4]);
    expect(Array.from(c.levelAbove[0]!)).toEqual([1, 2, -1, 4, 5, -1]);
  });
});

describe('incremental sensitivity equals brute-force re-ranking (property)', () => {
  const level = (c: (typeof set7.criteria)[number]) => fc.integer({ min: 0, max: c.levels.length - 1 });
  const sheetArb = fc
    .tuple(...set7.criteria.map(level))
    .map((lv) => Object.fromEntries(set7.criteria.map((c, i) => [c.code, lv[i]!])));
  const arb = fc.tuple(
    fc.array(sheetArb, { minLength: 1, maxLength: 5 }),
    fc.constantFrom('mean' as const, 'every_member' as const),
    fc.constantFrom<LegalBasisId>('26/2026/QĐ-TTg', '1048/QĐ-TTg'),
    fc.integer({ min: 0, max: 1500 }),
  );

  it('lists exactly the changes a full re-rank would show', () => {
    fc.assert(
      fc.property(arb, ([choices, minima, basis, limit]) => {
        const base = input(
          choices.map((c, i) => sheet(i + 1, c)),
          { rules: rules({ minima, spread: { limit: limit / 100, limitAllowed: true } }), legalBasis: basis },
        );
        const { ranking, sensitivity } = rankWithSensitivity(base);
        const expected: Partial<StarChange>[] = [];
        base.sheets.forEach((s, m) => {
          for (const c of set7.criteria) {
            const from = s.choices[c.code]!;
            for (const to of [from - 1, from + 1]) {
              if (to < 0 || to >= c.levels.length) continue;
              const changed = base.sheets.map((x, k) => (k === m ? { ...x, choices: { ...x.choices, [c.code]: to } } : x));
              const r = rankProduct({ ...base, sheets: changed });
              if (r.finalStar !== ranking.finalStar) {
                expected.push({
                  memberId: s.memberId,
                  criterionCode: c.code,
                  toLevel: to,
                  newFinalStar: r.finalStar!,
                  newBandStar: r.bandStar!,
                  newCap: r.cap!,
                  spreadWithinLimitAfter: r.spread!.withinLimit,
                });
              }
            }
          }
        });
        const got = sensitivity.changes.map(
          ({ memberId, criterionCode, toLevel, newFinalStar, newBandStar, newCap, spreadWithinLimitAfter }) => ({
            memberId,
            criterionCode,
            toLevel,
            newFinalStar,
            newBandStar,
            newCap,
            spreadWithinLimitAfter,
          }),
        );
        expect(got).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
