import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CriteriaSet } from './criteria-set';
import { evaluateMinima, type MinimaSheet } from './minima';
import { RulesInputError } from './rules-error';
import { compileSet, type FlatSetInput } from './set-input';
import { miniCriteriaSetInput } from './test/mini-criteria-set';
import { choicesWith, set7, topChoices } from './testing/rules-fixtures';

const s = (memberId: number, points: Record<string, number> = {}): MinimaSheet => ({ memberId, choices: choicesWith(points) });

describe('star minima (dấu sao) on set 7', () => {
  it('compiles the marks: a mark on N stars also binds every higher star', () => {
    const c = compileSet(set7);
    const req = (code: string) => Array.from(c.requiredCenti.slice(c.index.get(code)! * 3, c.index.get(code)! * 3 + 3));
    expect(req('1.5')).toEqual([0, 200, 300]); // 2(4★), 3(5★)
    expect(req('2.3')).toEqual([100, 300, 300]); // 1(3★), 3(4★)
    expect(req('1.6')).toEqual([0, 100, 100]); // 1(4★)
    expect(req('1.2')).toEqual([0, 0, 0]);
    // DOMAIN §3.2: set 7 has 28 marked levels, here on 18 criteria.
    expect(set7.criteria.flatMap((x) => x.levels).filter((l) => l.minForStars).length).toBe(28);
    expect(c.marked.length).toBe(18);
  });

  it('no shortfall at the top levels: cap 5', () => {
    expect(evaluateMinima(set7, [s(1), s(2), s(3)])).toEqual({ cap: 5, shortfalls: [] });
  });

  it('a criterion below its 4★ mark caps at 3★ and is reported with the required points', () => {
    const r = evaluateMinima(set7, [s(1, { '1.5': 1 }), s(2, { '1.5': 1 }), s(3, { '1.5': 1 })]);
    expect(r.cap).toBe(3);
    expect(r.shortfalls).toEqual([
      { code: '1.5', requiredStars: 4, requiredCenti: 200, actual: { sumCenti: 300, count: 3 }, failingMemberIds: [1, 2, 3] },
    ]);
  });

  it('several marks on one criterion: caps at the highest star whose required level is met', () => {
    // 1.5: 2 points meets the 4★ mark but not the 5★ mark (3 points).
    expect(evaluateMinima(set7, [s(1, { '1.5': 2 })]).cap).toBe(4);
    // 2.3 [1(3★), 2, 3(4★)]: 2 points meets 3★ only.
    expect(evaluateMinima(set7, [s(1, { '2.3': 2 })]).cap).toBe(3);
    // 3.5 [1(3★), 2(4★), 3]: 2 points meets both.
    expect(evaluateMinima(set7, [s(1, { '3.5': 2 })]).cap).toBe(5);
    // 2.2 [0, 1, 2(3★), 3]: 1 point misses the 3★ mark: cap 2.
    const r = evaluateMinima(set7, [s(1, { '2.2': 1 })]);
    expect(r.cap).toBe(2);
    expect(r.shortfalls[0]).toMatchObject({ code: '2.2', requiredStars: 3, requiredCenti: 200 });
  });

  it('lists every shortfall, lowest required star first, then in set order', () => {
    const r = evaluateMinima(set7, [s(1, { '6.5': 3, '1.5': 1, '2.2': 1, '4.1': 3 })]);
    expect(r.cap).toBe(2);
    expect(r.shortfalls.map((x) => [x.code, x.requiredStars])).toEqual([
      ['2.2', 3],
      ['1.5', 4],
      ['4.1', 5],
      ['6.5', 5],
    ]);
  });

  it("'mean' rule: the members' mean on the criterion must reach the marked points, exactly", () => {
    // 1.5 needs 2 points for 4★: 2, 2, 2 meets it exactly; 2, 2, 1 (mean 1,67) does not.
    expect(evaluateMinima(set7, [s(1, { '1.5': 2 }), s(2, { '1.5': 2 }), s(3, { '1.5': 2 })]).cap).toBe(4);
    const r = evaluateMinima(set7, [s(1, { '1.5': 2 }), s(2, { '1.5': 2 }), s(3, { '1.5': 1 })]);
    expect(r.cap).toBe(3);
    expect(r.shortfalls[0]!.actual).toEqual({ sumCenti: 500, count: 3 });
    // 3, 3, 0: mean 2 meets 4★ even though member 3 chose 0.
    const mixed = [s(1), s(2), s(3, { '1.5': 0 })];
    const meanRule = evaluateMinima(set7, mixed, 'mean');
    expect(meanRule.cap).toBe(4);
    expect(meanRule.shortfalls[0]).toMatchObject({ code: '1.5', requiredStars: 5, failingMemberIds: [3] });
    // 'every_member': member 3's own level is below the 4★ mark.
    const every = evaluateMinima(set7, mixed, 'every_member');
    expect(every.cap).toBe(3);
    expect(every.shortfalls[0]).toMatchObject({ code: '1.5', requiredStars: 4, failingMemberIds: [3] });
  });

  it('a criterion not evaluated (stopped sheet) counts 0 and misses its marks', () => {
    const choices = { ...topChoices(), '8': null };
    const r = evaluateMinima(set7, [{ memberId: 1, choices, stopped: true }]);
    expect(r.cap).toBe(2);
    expect(r.shortfalls[0]).toMatchObject({ code: '8', requiredStars: 3, actual: { sumCenti: 0, count: 1 } });
  });

  it('works on custom sets with half points', () => {
    const set: FlatSetInput = {
      criteria: [
        { code: '1.1', part: 'A', levels: [{ points: 0 }, { points: 0.5, minForStars: 3 }, { points: 1.25, minForStars: 4 }] },
      ],
    };
    const one = (id: number, level: number): MinimaSheet => ({ memberId: id, choices: { '1.1': level } });
    // mean of 1.25, 0.5 = 0.875 < 1.25 → 3★ cap.
    expect(evaluateMinima(set, [one(1, 2), one(2, 1)]).cap).toBe(3);
    expect(evaluateMinima(set, [one(1, 2), one(2, 2)]).cap).toBe(5);
    expect(evaluateMinima(set, [one(1, 0)]).shortfalls[0]).toMatchObject({ requiredStars: 3, requiredCenti: 50 });
  });

  it('reads a criteria set in the app model (nested parts → groups → criteria)', () => {
    const mini = CriteriaSet.parse(miniCriteriaSetInput);
    const c = compileSet(mini);
    expect(c.codes).toEqual(['1.1', '1.2', '5.1', '5.2', '6.1', '6.2', '7', '8']);
    expect(c.partCodes).toEqual(['A', 'B', 'C']);
    // Criterion 7 is [0,1,3,5(4★)]: level 2 (3 points) misses the 4★ mark.
    const choices = { '1.1': 2, '1.2': 2, '5.1': 4, '5.2': 2, '6.1': 2, '6.2': 2, '7': 2, '8': 2 };
    expect(evaluateMinima(mini, [{ memberId: 7, choices }]).cap).toBe(3);
  });

  it('rejects bad input with stable codes and messages that name the place', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(RulesInputError);
        return [(e as RulesInputError).code, (e as Error).message];
      }
      throw new Error('expected an error');
    };
    expect(err(() => evaluateMinima(set7, [{ memberId: 4, choices: { '9.9': 0 } }]))).toEqual([
      'UNKNOWN_CRITERION',
      'Sheet of member 4: criterion "9.9" is not in the criteria set',
    ]);
    expect(err(() => evaluateMinima(set7, [{ memberId: 4, choices: { '1.7': 2 } }]))).toEqual([
      'UNKNOWN_LEVEL',
      'Sheet of member 4: criterion 1.7 has no level #2 (it has 2 levels, numbered from 0)',
    ]);
    expect(err(() => evaluateMinima(set7, []))).toEqual(['NO_SHEETS', 'Star minima need at least one scoring sheet']);
    expect(err(() => evaluateMinima(set7, [s(1)], 'majority' as never))[0]).toBe('INVALID_RULE');
    const bad = (levels: object[]) => err(() => compileSet({ criteria: [{ code: 'x', part: 'A', levels }] } as FlatSetInput));
    expect(bad([{ points: 1, minForStars: 2 }])).toEqual([
      'INVALID_SET',
      'Criterion x level 1: minForStars must be 3, 4 or 5, got 2',
    ]);
    expect(bad([{ points: 0.125 }])[1]).toContain('points of criterion x level 1 0.125 has more than 2 decimals');
    expect(bad([])).toEqual(['INVALID_SET', 'Criterion x has no levels']);
    expect(
      err(() =>
        compileSet({
          criteria: [
            { code: 'a', part: 'A', levels: [{ points: 1 }] },
            { code: 'a', part: 'A', levels: [{ points: 1 }] },
          ],
        }),
      ),
    ).toEqual(['INVALID_SET', 'Criterion code "a" appears twice']);
  });

  it('matches the definition on random sets and sheets (property)', () => {
    const level = fc.record({
      points: fc.integer({ min: 0, max: 5 }),
      minForStars: fc.option(fc.constantFrom(3, 4, 5), { nil: undefined }),
    });
    const arb = fc
      .array(fc.array(level, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })
      .chain((crit) =>
        fc.tuple(
          fc.constant(crit),
          fc.array(fc.tuple(...crit.map((ls) => fc.integer({ min: 0, max: ls.length - 1 }))), { minLength: 1, maxLength: 6 }),
          fc.constantFrom('mean' as const, 'every_member' as const),
        ),
      );
    fc.assert(
      fc.property(arb, ([crit, rows, rule]) => {
        const set: FlatSetInput = { criteria: crit.map((levels, i) => ({ code: `c${i}`, part: 'A', levels })) };
        const sheets = rows.map((row, m) => ({
          memberId: m + 1,
          choices: Object.fromEntries(row.map((li, i) => [`c${i}`, li])),
        }));
        // Definition: N★ is allowed when every mark with ≤ N stars is reached (mean or each member).
        const reached = (ci: number, markPoints: number) => {
          const pts = rows.map((row) => crit[ci]![row[ci]!]!.points);
          return rule === 'mean' ? pts.reduce((a, b) => a + b, 0) >= markPoints * pts.length : pts.every((p) => p >= markPoints);
        };
        const allowed = (n: number) =>
          crit.every((levels, ci) =>
            levels.every((l) => l.minForStars === undefined || l.minForStars > n || reached(ci, l.points)),
          );
        const expected = [5, 4, 3, 2].find(allowed) ?? 2;
        expect(evaluateMinima(set, sheets, rule).cap).toBe(expected);
      }),
    );
  });
});
