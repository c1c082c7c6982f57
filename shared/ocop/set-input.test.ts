import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RulesInputError } from './rules-error';
import { compileChoices, compileSet, flattenSet } from './set-input';
import { set7, topChoices } from './testing/rules-fixtures';

describe('compiled criteria sets and choices', () => {
  const set = compileSet(set7);

  it('is compiled once per set object', () => {
    expect(compileSet(set7)).toBe(set);
    expect(set.codes).toHaveLength(32);
    expect(set.partCodes).toEqual(['A', 'B', 'C']);
    // Integer-like codes come first in object key order ("7" … "11"), then the others in set order.
    expect(set.keyOrder.slice(0, 6)).toEqual(['7', '8', '9', '10', '11', '1.1']);
  });

  it('reads the same levels whatever order the keys were written in (property)', () => {
    const lv = fc.tuple(...set7.criteria.map((c) => fc.option(fc.integer({ min: 0, max: c.levels.length - 1 }), { nil: null })));
    fc.assert(
      fc.property(lv, fc.infiniteStream(fc.nat()), fc.boolean(), (levels, seeds, dropSome) => {
        const entries = set7.criteria.map((c, i) => [c.code, levels[i]] as const).filter(([, l]) => !(dropSome && l === null));
        const shuffled = entries
          .map((e) => [seeds.next().value as number, e] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, e]) => e);
        const a = compileChoices(set, Object.fromEntries(entries), 'a');
        const b = compileChoices(set, Object.fromEntries(shuffled), 'b');
        expect(Array.from(b)).toEqual(Array.from(a));
        expect(Array.from(a)).toEqual(levels.map((l) => l ?? -1));
      }),
    );
  });

  it('finds an unknown code even when the key count matches the set', () => {
    const choices: Record<string, number> = { ...topChoices() };
    delete choices['1.2'];
    choices['1.9'] = 0;
    expect(() => compileChoices(set, choices, 'Sheet of member 2')).toThrow(
      'Sheet of member 2: criterion "1.9" is not in the criteria set',
    );
    expect(() => compileChoices(set, choices, 'x')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CRITERION', details: { code: '1.9' } }),
    );
  });

  it('refuses an impossible level on both paths', () => {
    const full = { ...topChoices(), '1.7': 5 };
    expect(() => compileChoices(set, full, 'Sheet of member 3')).toThrow(
      'Sheet of member 3: criterion 1.7 has no level #5 (it has 2 levels, numbered from 0)',
    );
    const partial: Record<string, number> = { '1.7': 1.5 };
    expect(() => compileChoices(set, partial, 'S')).toThrow('S: criterion 1.7 has no level #1.5');
    expect(() => compileChoices(set, { '1.1': -1 }, 'S')).toThrow(expect.objectContaining({ code: 'UNKNOWN_LEVEL' }));
    expect(() => compileChoices(set, full, 'S')).toThrow(RulesInputError);
  });

  it('flattens a nested set in form order', () => {
    const nested = {
      parts: [
        { code: 'A', groups: [{ criteria: [{ code: '1.1', levels: [{ points: 1 }] }] }] },
        { code: 'C', groups: [{ criteria: [{ code: '7', levels: [{ points: 2 }] }] }] },
      ],
    };
    expect(flattenSet(nested)).toEqual([
      { code: '1.1', part: 'A', levels: [{ points: 1 }] },
      { code: '7', part: 'C', levels: [{ points: 2 }] },
    ]);
    expect(() => flattenSet({} as never)).toThrow('Criteria set has neither `criteria` nor `parts`');
    expect(() => compileSet({ criteria: [] })).toThrow('Criteria set has no criteria');
  });
});
