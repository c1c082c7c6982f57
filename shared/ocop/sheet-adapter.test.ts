import { describe, expect, it } from 'vitest';
import { explainRankingVi } from './explain-vi';
import { rankProduct } from './ranking';
import { evaluateSheet, sheetContent } from './sheet-rules';
import { submittedSheetFromEvaluation } from './sheet-adapter';
import { miniCriteriaSet } from './test/mini-criteria-set';
import { panelOf, rules } from './testing/rules-fixtures';

// The mini set (25 points): 1.1 [1(3★),2,3] · 1.2 [0,1,2] · 5.1 [0,1,2,3,5(4★)] · 5.2 [0,1,2] ·
// 6.1 [0,1,2] · 6.2 [0,1,2] · 7 [0,1,3,5(4★)] · 8 two cases [0,2,4]/[0,2,4].
const answers = (levels: Record<string, number>) =>
  Object.entries(levels).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex }));
const top = { '1.1': 2, '1.2': 2, '5.1': 4, '5.2': 2, '6.1': 2, '6.2': 2, '7': 3, '8': 5 };

describe('from the scoring rules to the ranking', () => {
  const set = miniCriteriaSet();

  it('counts answered criteria only; skipped ones count 0 exactly like the sheet totals', () => {
    // Member 2 declares there is no product story: 5.2 is skipped although a level is stored.
    const e1 = evaluateSheet(set, sheetContent(answers(top)));
    const e2 = evaluateSheet(set, sheetContent(answers(top), [{ ruleId: 'conditional:5.2:1', holds: false, reason: null }]));
    expect([e1.total, e2.total]).toEqual([25, 23]);
    const s2 = submittedSheetFromEvaluation(2, e2);
    expect(s2.choices['5.2']).toBeNull();
    expect(s2.partTotals).toEqual({ A: 5, B: 5, C: 13 });
    const r = rankProduct({
      set,
      rules: rules(),
      legalBasis: '26/2026/QĐ-TTg',
      panel: panelOf(2),
      sheets: [submittedSheetFromEvaluation(1, e1), s2],
    });
    expect(r.members.map((m) => m.totalCenti)).toEqual([2500, 2300]);
    expect(r.mean).toEqual({ sumCenti: 4800, count: 2 });
    expect(r.status).toBe('complete');
  });

  it('a stop counts the criteria it removes as 0 and they miss their marks', () => {
    // Impurities found at 6.1: "không đánh giá các bước tiếp theo" → 6.2, 7, 8 not evaluated.
    const e = evaluateSheet(set, sheetContent(answers(top), [{ ruleId: 'stop:6.1:1', holds: true, reason: null }]));
    expect(e.stopped).toBe(true);
    const s = submittedSheetFromEvaluation(1, e);
    expect(s).toMatchObject({ stopped: true, choices: { '6.2': null, '7': null, '8': null } });
    const r = rankProduct({ set, rules: rules(), legalBasis: '26/2026/QĐ-TTg', panel: panelOf(1), sheets: [s] });
    expect(r.members[0]!.totalCenti).toBe(e.total * 100);
    expect(r.minimaShortfalls.map((x) => [x.code, x.requiredStars])).toEqual([['7', 4]]);
  });

  it('carries a disqualification and its reason', () => {
    const e = evaluateSheet(
      set,
      sheetContent(answers(top), [{ ruleId: 'disqualify:set:1', holds: true, reason: 'Giả mạo giấy chứng nhận ATTP' }]),
    );
    const s = submittedSheetFromEvaluation(3, e);
    expect(s).toMatchObject({ disqualified: true, disqualificationReason: 'Giả mạo giấy chứng nhận ATTP' });
    const r = rankProduct({
      set,
      rules: rules(),
      legalBasis: '26/2026/QĐ-TTg',
      panel: panelOf(3),
      sheets: [
        s,
        submittedSheetFromEvaluation(1, evaluateSheet(set, sheetContent(answers(top)))),
        submittedSheetFromEvaluation(2, evaluateSheet(set, sheetContent(answers(top)))),
      ],
    });
    expect(r.status).toBe('disqualified');
    expect(explainRankingVi(r)).toBe('Hồ sơ bị loại: Giả mạo giấy chứng nhận ATTP (theo phiếu của thành viên 3).');
  });
});
