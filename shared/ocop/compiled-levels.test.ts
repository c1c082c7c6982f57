import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankWithSensitivity } from './sensitivity';
import { checkLevels, compileChoices, compileSet } from './set-input';
import { panelOf, rules, set7, sheet } from './testing/rules-fixtures';

/** SubmittedSheet.levels: the same choices already compiled (the results reader's fast path). */
describe('sheets given as compiled levels', () => {
  const set = compileSet(set7);
  const levelsOf = fc.tuple(...set7.criteria.map((c) => fc.integer({ min: 0, max: c.levels.length - 1 })));

  it('rank and sensitivity are identical to the same choices given by code (property)', () => {
    fc.assert(
      fc.property(
        fc.array(levelsOf, { minLength: 3, maxLength: 7 }),
        fc.constantFrom('mean' as const, 'every_member' as const),
        (members, minima) => {
          const keyed = members.map((lv, m) => sheet(m + 1, Object.fromEntries(set7.criteria.map((c, ci) => [c.code, lv[ci]!]))));
          const input = {
            set: set7,
            rules: rules({ minima }),
            legalBasis: '26/2026/QĐ-TTg' as const,
            panel: panelOf(members.length),
            sheets: keyed,
          };
          const compiled = keyed.map((s) => ({ memberId: s.memberId, levels: compileChoices(set, s.choices, 'x'), choices: {} }));
          expect(rankWithSensitivity({ ...input, sheets: compiled })).toEqual(rankWithSensitivity(input));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ignores `choices` when levels are given (a lazy getter is never read)', () => {
    const levels = new Int32Array(set.codes.length);
    const s = {
      memberId: 1,
      levels,
      get choices(): Record<string, number> {
        throw new Error('choices read');
      },
    };
    const r = rankWithSensitivity({ set: set7, rules: rules(), legalBasis: '26/2026/QĐ-TTg', panel: panelOf(1), sheets: [s] });
    expect(r.ranking.members[0]!.totalCenti).toBe(set7.criteria.reduce((acc, c) => acc + c.levels[0]!.points * 100, 0));
  });

  it('are checked like keyed choices: one entry per criterion, every level in range, −1 = not evaluated', () => {
    expect(checkLevels(set, new Int32Array(32).fill(-1), 'Sheet of member 3')).toHaveLength(32);
    expect(() => checkLevels(set, new Int32Array(31), 'Sheet of member 3')).toThrow(
      'Sheet of member 3: compiled levels must hold one entry per criterion of the set (32), got 31',
    );
    expect(() => checkLevels(set, new Int32Array(31), 'x')).toThrow(expect.objectContaining({ code: 'INVALID_LEVELS' }));
    const tooHigh = new Int32Array(32);
    tooHigh[0] = set.levelCenti[0]!.length;
    expect(() => checkLevels(set, tooHigh, 'Sheet of member 3')).toThrow(
      `Sheet of member 3: criterion ${set.codes[0]} has no level #${set.levelCenti[0]!.length}`,
    );
    const below = new Int32Array(32);
    below[5] = -2;
    expect(() => checkLevels(set, below, 'x')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_LEVEL', details: { code: set.codes[5], level: -2 } }),
    );
  });
});
