/**
 * From the scoring rules' evaluation of a submitted sheet (sheet-rules.ts) to the ranking input:
 * only 'answered' criteria count; skipped and stopped criteria keep their stored level in the
 * database but count 0, exactly as in the sheet's own totals, which are passed along and
 * re-checked by the ranking.
 */
import type { SubmittedSheet } from './product-state';
import type { SheetEvaluation } from './sheet-rules';

export function submittedSheetFromEvaluation(memberId: number, evaluation: SheetEvaluation): SubmittedSheet {
  const choices: Record<string, number | null> = {};
  for (const c of evaluation.criteria) choices[c.code] = c.status === 'answered' ? c.levelIndex : null;
  const reasons = evaluation.disqualifiedBy.map((d) => d.reason?.trim()).filter((r): r is string => !!r);
  return {
    memberId,
    choices,
    partTotals: Object.fromEntries(evaluation.parts.map((p) => [p.code, p.points])),
    disqualified: evaluation.disqualified,
    disqualificationReason: reasons.length > 0 ? reasons.join('; ') : null,
    stopped: evaluation.stopped,
  };
}
