import type { CriteriaRule, CriteriaSet, Criterion, PartCode } from './criteria-set';
import { allCriteria, type PlacedCriterion } from './criteria-set-walk';

/**
 * The rules of ONE member's scoring sheet (phiếu đánh giá) under a criteria set: which criteria
 * apply, what a disqualifying finding or a "stops the evaluation" answer does, whether the
 * sheet is complete, and the part and overall totals.
 *
 * Pure and synchronous: the core runs it on every save and on submit, the renderer on every
 * key press (running totals), the paper-entry grid on every typed level, so all three agree.
 *
 * What the member records, besides one level per criterion:
 *  - a DECLARATION per rule that needs the evaluator's judgement (`declarationRules`):
 *    disqualify ("Bị loại nếu …": holds = found, a reason is required), stop with a condition
 *    trigger ("Nếu có tạp chất … sẽ không đánh giá các bước tiếp theo": holds = found), and
 *    conditional ("Chỉ áp dụng khi có câu chuyện sản phẩm": holds = false means the condition is
 *    absent and the criterion is skipped). An undeclared rule is "not found" / "present": the
 *    normal case needs no click.
 *  - nothing for a case choice (set 26 "Lựa chọn một trong hai trường hợp"): the chosen level
 *    carries its case.
 *
 * Interpretations (docs/decisions/0005-scoring-sheet-rules.md):
 *  - A skipped or stopped criterion is "not evaluated": it is not required, and any answer it
 *    still holds is kept in the data but counted as 0 in the totals.
 *  - A disqualified sheet is complete without further answers (the dossier is excluded), but it
 *    keeps and shows the answers already given.
 *  - Several stops may hold at once; the criteria they name are united.
 */

/** What the member declared about one rule. */
export interface RuleDeclaration {
  /** disqualify/stop: the condition was found. conditional: the condition holds (false = absent, skip). */
  holds: boolean;
  /** Why (required when a disqualifying condition is found). */
  reason: string | null;
}

/** A sheet's content as the rules see it: level index per criterion code, declaration per rule id. */
export interface SheetContent {
  answers: ReadonlyMap<string, number>;
  declarations: ReadonlyMap<string, RuleDeclaration>;
}

export type CriterionStatus =
  /** A level is chosen and counts. */
  | 'answered'
  /** Applicable but no level chosen yet. */
  | 'missing'
  /** Conditional criterion whose condition is declared absent. */
  | 'skipped'
  /** Named by a stop rule that holds ("không đánh giá các bước tiếp theo"). */
  | 'stopped';

export interface CriterionState {
  code: string;
  part: PartCode;
  groupCode: string;
  /** 0-based position in form order. */
  index: number;
  status: CriterionStatus;
  /** The stored level, even when the criterion is skipped or stopped (kept, not counted). */
  levelIndex: number | null;
  /** Points counted in the totals (0 unless answered). */
  points: number;
  /** The case of the chosen level (set 26), else null. */
  case: string | null;
  /** Ids of the rules that skip or stop this criterion. */
  notEvaluatedBecause: string[];
}

export interface PartTotal {
  code: PartCode;
  points: number;
  max: number;
}

export interface SheetEvaluation {
  criteria: CriterionState[];
  parts: PartTotal[];
  total: number;
  max: number;
  /** Disqualify rules declared as found (with their reasons). */
  disqualifiedBy: { ruleId: string; reason: string | null }[];
  disqualified: boolean;
  /** Stop rules that hold: by a declaration or by a chosen level. */
  stoppedBy: string[];
  stopped: boolean;
  /** Codes of applicable criteria without an answer, in form order. */
  missing: string[];
  /** Problems that block submission other than missing answers (e.g. a disqualification without reason). */
  problems: SheetProblem[];
  /** Ready to submit: nothing missing (unless disqualified) and no problems. */
  complete: boolean;
  answeredCount: number;
  applicableCount: number;
}

export type SheetProblem =
  | { code: 'DISQUALIFY_REASON_REQUIRED'; ruleId: string }
  | { code: 'UNKNOWN_CRITERION'; criterionCode: string }
  | { code: 'LEVEL_OUT_OF_RANGE'; criterionCode: string; levelIndex: number; levelCount: number }
  | { code: 'UNKNOWN_RULE'; ruleId: string };

/** Rules on which the member records a judgement (disqualify, stop with a condition, conditional). */
export function declarationRules(set: CriteriaSet): CriteriaRule[] {
  return set.rules.filter(
    (r) => r.kind === 'disqualify' || r.kind === 'conditional' || (r.kind === 'stop' && r.trigger.type === 'condition'),
  );
}

export const isDeclarable = (r: CriteriaRule): boolean =>
  r.kind === 'disqualify' || r.kind === 'conditional' || (r.kind === 'stop' && r.trigger.type === 'condition');

export const emptySheet = (): SheetContent => ({ answers: new Map(), declarations: new Map() });

/**
 * The criteria of a set in form order and by code, computed once per set object: the autosave
 * path evaluates a sheet on every answer, and a set never changes once parsed.
 */
const indexCache = new WeakMap<CriteriaSet, { placed: PlacedCriterion[]; byCode: Map<string, PlacedCriterion> }>();
export function criteriaIndex(set: CriteriaSet): { placed: PlacedCriterion[]; byCode: Map<string, PlacedCriterion> } {
  let ix = indexCache.get(set);
  if (!ix) {
    const placed = allCriteria(set);
    ix = { placed, byCode: new Map(placed.map((p) => [p.criterion.code, p])) };
    indexCache.set(set, ix);
  }
  return ix;
}

/** Why an answer cannot be stored; null when it can. Used by the core before every save. */
export function checkAnswer(set: CriteriaSet, code: string, levelIndex: number): SheetProblem | null {
  const placed = criteriaIndex(set).byCode.get(code);
  if (!placed) return { code: 'UNKNOWN_CRITERION', criterionCode: code };
  const n = placed.criterion.levels.length;
  if (!Number.isInteger(levelIndex) || levelIndex < 0 || levelIndex >= n)
    return { code: 'LEVEL_OUT_OF_RANGE', criterionCode: code, levelIndex, levelCount: n };
  return null;
}

/** Why a declaration cannot be stored; null when it can. */
export function checkDeclaration(set: CriteriaSet, ruleId: string, d: RuleDeclaration): SheetProblem | null {
  const rule = set.rules.find((r) => r.id === ruleId);
  if (!rule || !isDeclarable(rule)) return { code: 'UNKNOWN_RULE', ruleId };
  if (rule.kind === 'disqualify' && d.holds && !(d.reason ?? '').trim()) return { code: 'DISQUALIFY_REASON_REQUIRED', ruleId };
  return null;
}

/** Stop rules that hold for this content: declared found, or one of their trigger levels chosen. */
function holdingStops(set: CriteriaSet, content: SheetContent): Extract<CriteriaRule, { kind: 'stop' }>[] {
  const out: Extract<CriteriaRule, { kind: 'stop' }>[] = [];
  for (const r of set.rules) {
    if (r.kind !== 'stop') continue;
    if (r.trigger.type === 'condition') {
      if (content.declarations.get(r.id)?.holds === true) out.push(r);
    } else if (r.trigger.levels.some((l) => content.answers.get(l.criterionCode) === l.levelIndex)) {
      out.push(r);
    }
  }
  return out;
}

/** The criteria a holding stop rule takes out of the evaluation. */
function stoppedCodes(rule: Extract<CriteriaRule, { kind: 'stop' }>, placed: readonly PlacedCriterion[]): string[] {
  const at = placed.findIndex((p) => p.criterion.code === rule.criterionCode);
  // A rule naming a criterion the set lacks is refused by the criteria checks; stop nothing.
  if (at < 0) return [];
  return rule.skip === 'following'
    ? placed.slice(at + 1).map((p) => p.criterion.code)
    : placed.filter((p) => p.criterion.code !== rule.criterionCode).map((p) => p.criterion.code);
}

const caseOf = (c: Criterion, levelIndex: number | null): string | null =>
  levelIndex === null ? null : (c.levels[levelIndex]?.case ?? null);

/** Evaluates a sheet: statuses, totals, disqualification, stops, completeness. */
export function evaluateSheet(set: CriteriaSet, content: SheetContent): SheetEvaluation {
  const { placed } = criteriaIndex(set);
  const problems: SheetProblem[] = [];
  for (const [code, levelIndex] of content.answers) {
    const p = checkAnswer(set, code, levelIndex);
    if (p) problems.push(p);
  }
  for (const [ruleId, d] of content.declarations) {
    const p = checkDeclaration(set, ruleId, d);
    if (p) problems.push(p);
  }

  const notEvaluated = new Map<string, string[]>();
  const mark = (code: string, ruleId: string) => notEvaluated.set(code, [...(notEvaluated.get(code) ?? []), ruleId]);
  for (const r of set.rules) {
    if (r.kind === 'conditional' && content.declarations.get(r.id)?.holds === false) mark(r.criterionCode, r.id);
  }
  const stops = holdingStops(set, content);
  const stoppedSet = new Set<string>();
  for (const r of stops)
    for (const code of stoppedCodes(r, placed)) {
      stoppedSet.add(code);
      mark(code, r.id);
    }

  const disqualifiedBy = set.rules
    .filter((r) => r.kind === 'disqualify' && content.declarations.get(r.id)?.holds === true)
    .map((r) => ({ ruleId: r.id, reason: content.declarations.get(r.id)?.reason ?? null }));

  const criteria: CriterionState[] = placed.map(({ part, group, criterion, index }) => {
    const raw = content.answers.get(criterion.code);
    const levelIndex = raw !== undefined && raw >= 0 && raw < criterion.levels.length ? raw : null;
    const because = notEvaluated.get(criterion.code) ?? [];
    const status: CriterionStatus = stoppedSet.has(criterion.code)
      ? 'stopped'
      : because.length > 0
        ? 'skipped'
        : levelIndex === null
          ? 'missing'
          : 'answered';
    return {
      code: criterion.code,
      part: part.code,
      groupCode: group.code,
      index,
      status,
      levelIndex,
      points: status === 'answered' ? criterion.levels[levelIndex!]!.points : 0,
      case: caseOf(criterion, levelIndex),
      notEvaluatedBecause: because,
    };
  });

  const parts: PartTotal[] = set.parts.map((p) => ({
    code: p.code,
    max: p.max,
    points: criteria.filter((c) => c.part === p.code).reduce((s, c) => s + c.points, 0),
  }));
  const missing = criteria.filter((c) => c.status === 'missing').map((c) => c.code);
  const disqualified = disqualifiedBy.length > 0;
  const applicable = criteria.filter((c) => c.status === 'answered' || c.status === 'missing');
  return {
    criteria,
    parts,
    total: parts.reduce((s, p) => s + p.points, 0),
    max: set.total,
    disqualifiedBy,
    disqualified,
    stoppedBy: stops.map((r) => r.id),
    stopped: stops.length > 0,
    missing,
    problems,
    complete: problems.length === 0 && (disqualified || missing.length === 0),
    answeredCount: applicable.filter((c) => c.status === 'answered').length,
    applicableCount: applicable.length,
  };
}

/** Whether a criterion may receive a level now (not skipped and not stopped by another answer). */
export function isEvaluable(evaluation: SheetEvaluation, code: string): boolean {
  const c = evaluation.criteria.find((x) => x.code === code);
  return c !== undefined && (c.status === 'answered' || c.status === 'missing');
}

/** Builds sheet content from plain lists (what the database and the exchange format hold). */
export function sheetContent(
  answers: Iterable<{ criterionCode: string; levelIndex: number | null }>,
  declarations: Iterable<{ ruleId: string; holds: boolean; reason: string | null }> = [],
): SheetContent {
  const a = new Map<string, number>();
  for (const x of answers) if (x.levelIndex !== null) a.set(x.criterionCode, x.levelIndex);
  const d = new Map<string, RuleDeclaration>();
  for (const x of declarations) d.set(x.ruleId, { holds: x.holds, reason: x.reason });
  return { answers: a, declarations: d };
}
