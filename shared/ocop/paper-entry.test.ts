import { describe, expect, it } from 'vitest';
import { findCriterion } from './criteria-set-walk';
import {
  checkWrittenTotal,
  diffPaperEntries,
  levelNumber,
  mergePaperEntries,
  parseTypedLevel,
  type PaperEntryContent,
} from './paper-entry';
import { miniCriteriaSet } from './test/mini-criteria-set';

const set = miniCriteriaSet();
const crit = (code: string) => findCriterion(set, code)!.criterion;

const entry = (
  answers: Record<string, number>,
  writtenTotal: number | null,
  decl: Record<string, { holds: boolean; reason?: string }> = {},
): PaperEntryContent => ({
  answers: new Map(Object.entries(answers)),
  declarations: new Map(Object.entries(decl).map(([k, v]) => [k, { holds: v.holds, reason: v.reason ?? null }])),
  writtenTotal,
});
const TOP = { '1.1': 2, '1.2': 2, '5.1': 4, '5.2': 2, '6.1': 2, '6.2': 2, '7': 3, '8': 2 };

describe('parseTypedLevel', () => {
  it('reads 1-based level numbers as printed on the paper', () => {
    expect(parseTypedLevel(crit('1.1'), '1')).toEqual({ ok: true, levelIndex: 0 });
    expect(parseTypedLevel(crit('1.1'), ' 3 ')).toEqual({ ok: true, levelIndex: 2 });
    expect(parseTypedLevel(crit('5.1'), '5')).toEqual({ ok: true, levelIndex: 4 });
    expect(levelNumber(4)).toBe(5);
  });
  it('numbers both cases of a case criterion in printed order', () => {
    expect(parseTypedLevel(crit('8'), '6')).toEqual({ ok: true, levelIndex: 5 });
    expect(crit('8').levels[5]!.case).toBe('Trường hợp 2: Điểm dịch vụ');
  });
  it('an empty cell clears the row', () => {
    expect(parseTypedLevel(crit('1.1'), '')).toEqual({ ok: true, levelIndex: null });
  });
  it('refuses 0, a number past the last level, and non-numbers', () => {
    expect(parseTypedLevel(crit('1.1'), '0')).toEqual({ ok: false, reason: 'OUT_OF_RANGE', levelCount: 3 });
    expect(parseTypedLevel(crit('1.1'), '4')).toEqual({ ok: false, reason: 'OUT_OF_RANGE', levelCount: 3 });
    expect(parseTypedLevel(crit('1.1'), 'a')).toEqual({ ok: false, reason: 'NOT_A_NUMBER', levelCount: 3 });
    expect(parseTypedLevel(crit('1.1'), '-1')).toEqual({ ok: false, reason: 'NOT_A_NUMBER', levelCount: 3 });
    expect(parseTypedLevel(crit('1.1'), '1.5')).toEqual({ ok: false, reason: 'NOT_A_NUMBER', levelCount: 3 });
  });
});

describe('checkWrittenTotal', () => {
  it('agrees when the written total equals the computed one', () => {
    expect(checkWrittenTotal(set, entry(TOP, 25))).toEqual({ computed: 25, written: 25, agrees: true, difference: 0 });
  });
  it('reports the difference when it does not', () => {
    expect(checkWrittenTotal(set, entry(TOP, 24))).toEqual({ computed: 25, written: 24, agrees: false, difference: 1 });
    expect(checkWrittenTotal(set, entry({ ...TOP, '7': 2 }, 25))).toMatchObject({ computed: 23, agrees: false, difference: -2 });
  });
  it('has nothing to check when the member wrote no total', () => {
    expect(checkWrittenTotal(set, entry(TOP, null))).toEqual({ computed: 25, written: null, agrees: null, difference: null });
  });
  it('computes with the sheet rules: a skipped criterion does not count', () => {
    expect(checkWrittenTotal(set, entry(TOP, 23, { 'conditional:5.2:1': { holds: false } })).agrees).toBe(true);
  });
});

describe('diffPaperEntries', () => {
  it('two identical entries have no mismatch', () => {
    const d = diffPaperEntries(set, entry(TOP, 25), entry(TOP, 25));
    expect(d.identical).toBe(true);
    expect(d.mismatches).toEqual([]);
    expect(d.criteria).toHaveLength(8);
  });
  it('shows each differing criterion with both values, in form order', () => {
    const d = diffPaperEntries(set, entry({ ...TOP, '7': 2, '1.2': 1 }, 25), entry(TOP, 25));
    expect(d.mismatches).toEqual(['1.2', '7']);
    expect(d.criteria.find((c) => c.code === '7')).toEqual({ code: '7', first: 2, second: 3, agree: false });
    expect(d.identical).toBe(false);
  });
  it('a row left blank in one entry is a mismatch', () => {
    const { ['6.2']: _x, ...rest } = TOP;
    const d = diffPaperEntries(set, entry(rest, 25), entry(TOP, 25));
    expect(d.criteria.find((c) => c.code === '6.2')).toEqual({ code: '6.2', first: null, second: 2, agree: false });
  });
  it('differing written totals and declarations make the entries not identical', () => {
    const t = diffPaperEntries(set, entry(TOP, 25), entry(TOP, 52));
    expect(t.mismatches).toEqual([]);
    expect(t.writtenTotal).toEqual({ first: 25, second: 52, agree: false });
    expect(t.identical).toBe(false);
    const dq = diffPaperEntries(set, entry(TOP, 25, { 'disqualify:set:1': { holds: true, reason: 'Giả mạo' } }), entry(TOP, 25));
    expect(dq.declarations).toEqual([
      { ruleId: 'disqualify:set:1', first: { holds: true, reason: 'Giả mạo' }, second: null, agree: false },
    ]);
    expect(dq.identical).toBe(false);
  });
});

describe('mergePaperEntries', () => {
  const first = entry({ ...TOP, '7': 2 }, 25);
  const second = entry(TOP, 25);

  it('refuses while a mismatch is unresolved and names it', () => {
    expect(mergePaperEntries(set, first, second, { criteria: new Map() })).toEqual({
      ok: false,
      unresolvedCriteria: ['7'],
      unresolvedDeclarations: [],
      writtenTotalUnresolved: false,
    });
  });
  it('takes the resolution for the mismatch and the agreed value elsewhere', () => {
    const r = mergePaperEntries(set, first, second, { criteria: new Map([['7', 3]]) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.fromEntries(r.content.answers)).toEqual(TOP);
    expect(checkWrittenTotal(set, r.content).agrees).toBe(true);
  });
  it('a resolution may also correct a criterion both typists got wrong, or clear one', () => {
    const r = mergePaperEntries(set, first, second, {
      criteria: new Map<string, number | null>([
        ['7', 3],
        ['1.1', 0],
        ['1.2', null],
      ]),
    });
    expect(r.ok && r.content.answers.get('1.1')).toBe(0);
    expect(r.ok && r.content.answers.has('1.2')).toBe(false);
  });
  it('requires the written total to be resolved when the entries disagree on it', () => {
    const r = mergePaperEntries(set, entry(TOP, 25), entry(TOP, 52), { criteria: new Map() });
    expect(r).toMatchObject({ ok: false, writtenTotalUnresolved: true });
    const ok = mergePaperEntries(set, entry(TOP, 25), entry(TOP, 52), { criteria: new Map(), writtenTotal: 25 });
    expect(ok.ok && ok.content.writtenTotal).toBe(25);
  });
  it('requires differing declarations to be resolved', () => {
    const a = entry(TOP, 25, { 'disqualify:set:1': { holds: true, reason: 'Giả mạo' } });
    expect(mergePaperEntries(set, a, second, { criteria: new Map() })).toMatchObject({
      ok: false,
      unresolvedDeclarations: ['disqualify:set:1'],
    });
    const r = mergePaperEntries(set, a, second, { criteria: new Map(), declarations: new Map([['disqualify:set:1', null]]) });
    expect(r.ok && r.content.declarations.size).toBe(0);
  });
});
