import { describe, expect, it } from 'vitest';
import { extractRules } from './criteria-notes';
import {
  checkAnswer,
  checkDeclaration,
  declarationRules,
  emptySheet,
  evaluateSheet,
  isEvaluable,
  sheetContent,
  type SheetContent,
} from './sheet-rules';
import { miniCriteriaSet } from './test/mini-criteria-set';

const set = miniCriteriaSet();
const ALL_TOP: Record<string, number> = { '1.1': 2, '1.2': 2, '5.1': 4, '5.2': 2, '6.1': 2, '6.2': 2, '7': 3, '8': 2 };
// Points of ALL_TOP: A 3+2=5, B 5+2=7, C 2+2+5+4=13 → 25.

const content = (
  answers: Record<string, number>,
  decl: Record<string, { holds: boolean; reason?: string | null }> = {},
): SheetContent =>
  sheetContent(
    Object.entries(answers).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
    Object.entries(decl).map(([ruleId, d]) => ({ ruleId, holds: d.holds, reason: d.reason ?? null })),
  );

describe('the fixture', () => {
  it('states the same rules as criteria-notes.ts reads from its notes', () => {
    const { rules, unclassified } = extractRules(set);
    expect(unclassified).toEqual([]);
    expect(rules).toEqual(set.rules);
  });
});

describe('evaluateSheet: totals and completeness', () => {
  it('an empty sheet misses every criterion and totals 0', () => {
    const e = evaluateSheet(set, emptySheet());
    expect(e.total).toBe(0);
    expect(e.max).toBe(25);
    expect(e.missing).toEqual(['1.1', '1.2', '5.1', '5.2', '6.1', '6.2', '7', '8']);
    expect(e.complete).toBe(false);
    expect(e.answeredCount).toBe(0);
    expect(e.applicableCount).toBe(8);
  });

  it('all top levels give every part its maximum and a complete sheet', () => {
    const e = evaluateSheet(set, content(ALL_TOP));
    expect(e.parts).toEqual([
      { code: 'A', points: 5, max: 5 },
      { code: 'B', points: 7, max: 7 },
      { code: 'C', points: 13, max: 13 },
    ]);
    expect(e.total).toBe(25);
    expect(e.complete).toBe(true);
    expect(e.missing).toEqual([]);
    expect(e.problems).toEqual([]);
  });

  it('one missing answer blocks completeness and is named', () => {
    const { ['7']: _dropped, ...rest } = ALL_TOP;
    const e = evaluateSheet(set, content(rest));
    expect(e.missing).toEqual(['7']);
    expect(e.complete).toBe(false);
    expect(e.total).toBe(20);
    expect(e.answeredCount).toBe(7);
  });

  it('points come from the chosen level, not its index', () => {
    // 1.1 index 0 is 1 point; 5.1 index 3 is 3 points (index 4 is 5).
    const e = evaluateSheet(set, content({ '1.1': 0, '5.1': 3 }));
    expect(e.criteria.find((c) => c.code === '1.1')!.points).toBe(1);
    expect(e.criteria.find((c) => c.code === '5.1')!.points).toBe(3);
    expect(e.total).toBe(4);
  });

  it('reports an unknown criterion and an out-of-range level as problems and ignores them in totals', () => {
    const e = evaluateSheet(set, content({ ...ALL_TOP, '9.9': 0, '1.2': 7 }));
    expect(e.problems).toEqual(
      expect.arrayContaining([
        { code: 'UNKNOWN_CRITERION', criterionCode: '9.9' },
        { code: 'LEVEL_OUT_OF_RANGE', criterionCode: '1.2', levelIndex: 7, levelCount: 3 },
      ]),
    );
    expect(e.complete).toBe(false);
    expect(e.criteria.find((c) => c.code === '1.2')!.status).toBe('missing');
  });
});

describe('conditional criteria', () => {
  it('a conditional criterion declared absent is skipped, not required and counts 0', () => {
    const { ['5.2']: _x, ...rest } = ALL_TOP;
    const e = evaluateSheet(set, content(rest, { 'conditional:5.2:1': { holds: false } }));
    const c = e.criteria.find((x) => x.code === '5.2')!;
    expect(c.status).toBe('skipped');
    expect(c.notEvaluatedBecause).toEqual(['conditional:5.2:1']);
    expect(e.complete).toBe(true);
    expect(e.total).toBe(23);
    expect(e.applicableCount).toBe(7);
  });

  it('an answer kept on a skipped criterion is not counted', () => {
    const e = evaluateSheet(set, content(ALL_TOP, { 'conditional:5.2:1': { holds: false } }));
    const c = e.criteria.find((x) => x.code === '5.2')!;
    expect(c.levelIndex).toBe(2);
    expect(c.points).toBe(0);
    expect(e.total).toBe(23);
    expect(isEvaluable(e, '5.2')).toBe(false);
  });

  it('declared present (or not declared) keeps the criterion required', () => {
    const { ['5.2']: _x, ...rest } = ALL_TOP;
    expect(evaluateSheet(set, content(rest, { 'conditional:5.2:1': { holds: true } })).missing).toEqual(['5.2']);
    expect(evaluateSheet(set, content(rest)).missing).toEqual(['5.2']);
  });
});

describe('disqualification', () => {
  it('a disqualifying finding with a reason marks the sheet and makes it submittable without further answers', () => {
    const e = evaluateSheet(
      set,
      content({ '1.1': 0 }, { 'disqualify:1.1:1': { holds: true, reason: 'Toàn bộ nguyên liệu nhập từ nước ngoài' } }),
    );
    expect(e.disqualified).toBe(true);
    expect(e.disqualifiedBy).toEqual([{ ruleId: 'disqualify:1.1:1', reason: 'Toàn bộ nguyên liệu nhập từ nước ngoài' }]);
    expect(e.complete).toBe(true);
    expect(e.missing.length).toBe(7);
    // The answer given before the finding is kept and shown.
    expect(e.total).toBe(1);
  });

  it('needs a reason: without one it is a problem that blocks submission', () => {
    const e = evaluateSheet(set, content(ALL_TOP, { 'disqualify:set:1': { holds: true, reason: '  ' } }));
    expect(e.problems).toEqual([{ code: 'DISQUALIFY_REASON_REQUIRED', ruleId: 'disqualify:set:1' }]);
    expect(e.complete).toBe(false);
    expect(checkDeclaration(set, 'disqualify:set:1', { holds: true, reason: null })).toEqual({
      code: 'DISQUALIFY_REASON_REQUIRED',
      ruleId: 'disqualify:set:1',
    });
    expect(checkDeclaration(set, 'disqualify:set:1', { holds: true, reason: 'Giả mạo giấy chứng nhận' })).toBeNull();
  });

  it('a finding withdrawn (holds false) leaves the sheet as it was', () => {
    const e = evaluateSheet(set, content(ALL_TOP, { 'disqualify:1.1:1': { holds: false } }));
    expect(e.disqualified).toBe(false);
    expect(e.total).toBe(25);
    expect(e.complete).toBe(true);
  });
});

describe('stops the evaluation', () => {
  it('a declared stop condition takes the following criteria out: not required, not counted', () => {
    const e = evaluateSheet(
      set,
      content({ '1.1': 2, '1.2': 2, '5.1': 4, '5.2': 2, '6.1': 0, '7': 3 }, { 'stop:6.1:1': { holds: true } }),
    );
    expect(e.stopped).toBe(true);
    expect(e.stoppedBy).toContain('stop:6.1:1');
    expect(e.criteria.filter((c) => c.status === 'stopped').map((c) => c.code)).toEqual(['6.2', '7', '8']);
    expect(e.missing).toEqual([]);
    expect(e.complete).toBe(true);
    // 7 was answered before the stop: kept, but 0.
    expect(e.criteria.find((c) => c.code === '7')!.levelIndex).toBe(3);
    expect(e.total).toBe(3 + 2 + 5 + 2 + 0);
    expect(isEvaluable(e, '7')).toBe(false);
    expect(isEvaluable(e, '6.1')).toBe(true);
  });

  it('choosing a trigger level stops the following criteria without any declaration', () => {
    const e = evaluateSheet(set, content({ ...ALL_TOP, '6.2': 0 }));
    expect(e.stoppedBy).toEqual(['stop:6.2:1']);
    expect(e.criteria.filter((c) => c.status === 'stopped').map((c) => c.code)).toEqual(['7', '8']);
    expect(e.parts.find((p) => p.code === 'C')!.points).toBe(2);
    expect(e.complete).toBe(true);
  });

  it('a trigger level on an earlier criterion (6.1 = 0) also fires the 6.2 rule, which stops after 6.2 only', () => {
    const e = evaluateSheet(set, content({ '1.1': 2, '1.2': 2, '5.1': 4, '5.2': 2, '6.1': 0 }));
    expect(e.stoppedBy).toEqual(['stop:6.2:1']);
    expect(e.missing).toEqual(['6.2']);
    expect(e.complete).toBe(false);
  });

  it('undoing the trigger level brings the stopped criteria back, with their kept answers', () => {
    const stopped = evaluateSheet(set, content({ ...ALL_TOP, '6.2': 0 }));
    expect(stopped.total).toBe(5 + 7 + 2);
    const back = evaluateSheet(set, content(ALL_TOP));
    expect(back.total).toBe(25);
  });
});

describe('one of two cases', () => {
  it('the chosen level carries its case; both cases give the same maximum', () => {
    const c1 = evaluateSheet(set, content({ ...ALL_TOP, '8': 2 })).criteria.find((c) => c.code === '8')!;
    const c2 = evaluateSheet(set, content({ ...ALL_TOP, '8': 5 })).criteria.find((c) => c.code === '8')!;
    expect(c1.case).toBe('Trường hợp 1: Dịch vụ do cộng đồng cung cấp');
    expect(c2.case).toBe('Trường hợp 2: Điểm dịch vụ');
    expect(c1.points).toBe(4);
    expect(c2.points).toBe(4);
  });
});

describe('checkAnswer / declarationRules', () => {
  it('accepts every level index in range and refuses the edges outside', () => {
    expect(checkAnswer(set, '5.1', 0)).toBeNull();
    expect(checkAnswer(set, '5.1', 4)).toBeNull();
    expect(checkAnswer(set, '5.1', 5)).toEqual({
      code: 'LEVEL_OUT_OF_RANGE',
      criterionCode: '5.1',
      levelIndex: 5,
      levelCount: 5,
    });
    expect(checkAnswer(set, '5.1', -1)).toMatchObject({ code: 'LEVEL_OUT_OF_RANGE' });
    expect(checkAnswer(set, '5.1', 1.5)).toMatchObject({ code: 'LEVEL_OUT_OF_RANGE' });
    expect(checkAnswer(set, '5.3', 0)).toEqual({ code: 'UNKNOWN_CRITERION', criterionCode: '5.3' });
  });

  it('lists the rules a member declares on (not level-triggered stops, not case choices)', () => {
    expect(declarationRules(set).map((r) => r.id)).toEqual([
      'disqualify:set:1',
      'disqualify:1.1:1',
      'conditional:5.2:1',
      'stop:6.1:1',
    ]);
    expect(checkDeclaration(set, 'stop:6.2:1', { holds: true, reason: null })).toEqual({
      code: 'UNKNOWN_RULE',
      ruleId: 'stop:6.2:1',
    });
    expect(checkDeclaration(set, 'nope:1', { holds: true, reason: null })).toEqual({ code: 'UNKNOWN_RULE', ruleId: 'nope:1' });
  });
});
