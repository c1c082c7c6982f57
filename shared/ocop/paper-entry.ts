import type { CriteriaSet, Criterion } from './criteria-set';
import { allCriteria } from './criteria-set-walk';
import { evaluateSheet, type RuleDeclaration, type SheetContent } from './sheet-rules';

/**
 * Entering a member's PAPER sheet (phiếu giấy) and verifying it.
 *
 * The secretary types one level NUMBER per criterion row (1 = the first "□" printed under the
 * criterion, as on the paper), then the total the member wrote at the bottom. Two checks catch
 * typing errors, as Tabbycat's two-person ballot entry does:
 *  - the computed total must equal the total written on paper;
 *  - optionally a second person enters the same sheet and every criterion where the two entries
 *    differ is shown until someone resolves it by looking at the paper again.
 */

export interface PaperEntryContent extends SheetContent {
  /** The total written on the paper, in points; null when the member wrote none. */
  writtenTotal: number | null;
}

export type TypedLevel =
  { ok: true; levelIndex: number | null } | { ok: false; reason: 'NOT_A_NUMBER' | 'OUT_OF_RANGE'; levelCount: number };

/**
 * Reads what was typed in a criterion row: "" (cleared) → null, "1".."n" → the level index.
 * Level numbers are 1-based and follow the printed order, including both cases of set 26
 * (case 1's levels first).
 */
export function parseTypedLevel(criterion: Criterion, typed: string): TypedLevel {
  const t = typed.trim();
  const n = criterion.levels.length;
  if (t === '') return { ok: true, levelIndex: null };
  if (!/^\d{1,2}$/u.test(t)) return { ok: false, reason: 'NOT_A_NUMBER', levelCount: n };
  const k = Number(t);
  if (k < 1 || k > n) return { ok: false, reason: 'OUT_OF_RANGE', levelCount: n };
  return { ok: true, levelIndex: k - 1 };
}

/** The number the paper shows for a stored level index (inverse of parseTypedLevel). */
export const levelNumber = (levelIndex: number): number => levelIndex + 1;

export interface WrittenTotalCheck {
  computed: number;
  written: number | null;
  /** null when nothing was written on the paper (nothing to check). */
  agrees: boolean | null;
  /** computed − written. */
  difference: number | null;
}

/** Compares the total computed from the entered levels (with the sheet rules) with the written one. */
export function checkWrittenTotal(set: CriteriaSet, entry: PaperEntryContent): WrittenTotalCheck {
  const computed = evaluateSheet(set, entry).total;
  if (entry.writtenTotal === null) return { computed, written: null, agrees: null, difference: null };
  return {
    computed,
    written: entry.writtenTotal,
    agrees: computed === entry.writtenTotal,
    difference: computed - entry.writtenTotal,
  };
}

export interface CriterionDiff {
  code: string;
  first: number | null;
  second: number | null;
  agree: boolean;
}

export interface DeclarationDiff {
  ruleId: string;
  first: RuleDeclaration | null;
  second: RuleDeclaration | null;
  agree: boolean;
}

export interface PaperDiff {
  /** Every criterion in form order. */
  criteria: CriterionDiff[];
  /** Every rule either entry declared on. */
  declarations: DeclarationDiff[];
  writtenTotal: { first: number | null; second: number | null; agree: boolean };
  /** Codes of the criteria where the entries differ, in form order. */
  mismatches: string[];
  /** True when nothing differs (criteria, declarations and written totals). */
  identical: boolean;
}

const sameDeclaration = (a: RuleDeclaration | null, b: RuleDeclaration | null): boolean =>
  // An undeclared rule means "not found"/"present": the same as declaring holds with the default.
  (a?.holds ?? null) === (b?.holds ?? null) && (a?.reason ?? '').trim() === (b?.reason ?? '').trim();

/** Compares two independent entries of the same paper sheet, criterion by criterion. */
export function diffPaperEntries(set: CriteriaSet, first: PaperEntryContent, second: PaperEntryContent): PaperDiff {
  const criteria = allCriteria(set).map(({ criterion }) => {
    const a = first.answers.get(criterion.code) ?? null;
    const b = second.answers.get(criterion.code) ?? null;
    return { code: criterion.code, first: a, second: b, agree: a === b };
  });
  const ruleIds = [...new Set([...first.declarations.keys(), ...second.declarations.keys()])];
  const order = new Map(set.rules.map((r, i) => [r.id, i]));
  ruleIds.sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity));
  const declarations = ruleIds.map((ruleId) => {
    const a = first.declarations.get(ruleId) ?? null;
    const b = second.declarations.get(ruleId) ?? null;
    return { ruleId, first: a, second: b, agree: sameDeclaration(a, b) };
  });
  const writtenTotal = {
    first: first.writtenTotal,
    second: second.writtenTotal,
    agree: first.writtenTotal === second.writtenTotal,
  };
  const mismatches = criteria.filter((c) => !c.agree).map((c) => c.code);
  return {
    criteria,
    declarations,
    writtenTotal,
    mismatches,
    identical: mismatches.length === 0 && declarations.every((d) => d.agree) && writtenTotal.agree,
  };
}

export interface Resolution {
  /** Level index read on the paper for each mismatching criterion (null = left blank on paper). */
  criteria: ReadonlyMap<string, number | null>;
  /** Declarations read on the paper for each mismatching rule. */
  declarations?: ReadonlyMap<string, RuleDeclaration | null>;
  /** The total read on the paper when the entries disagree on it. */
  writtenTotal?: number | null;
}

export type MergeResult =
  | { ok: true; content: PaperEntryContent }
  | { ok: false; unresolvedCriteria: string[]; unresolvedDeclarations: string[]; writtenTotalUnresolved: boolean };

/**
 * The agreed sheet: the shared value where the entries agree, the resolution where they differ.
 * Every mismatch must be resolved; a resolution for an agreeing criterion overrides it too (the
 * person re-reading the paper may find both typists wrong).
 */
export function mergePaperEntries(
  set: CriteriaSet,
  first: PaperEntryContent,
  second: PaperEntryContent,
  resolution: Resolution,
): MergeResult {
  const diff = diffPaperEntries(set, first, second);
  const unresolvedCriteria = diff.criteria.filter((c) => !c.agree && !resolution.criteria.has(c.code)).map((c) => c.code);
  const unresolvedDeclarations = diff.declarations
    .filter((d) => !d.agree && !(resolution.declarations?.has(d.ruleId) ?? false))
    .map((d) => d.ruleId);
  const writtenTotalUnresolved = !diff.writtenTotal.agree && resolution.writtenTotal === undefined;
  if (unresolvedCriteria.length > 0 || unresolvedDeclarations.length > 0 || writtenTotalUnresolved) {
    return { ok: false, unresolvedCriteria, unresolvedDeclarations, writtenTotalUnresolved };
  }
  const answers = new Map<string, number>();
  for (const c of diff.criteria) {
    const v = resolution.criteria.has(c.code) ? resolution.criteria.get(c.code)! : c.first;
    if (v !== null) answers.set(c.code, v);
  }
  const declarations = new Map<string, RuleDeclaration>();
  for (const d of diff.declarations) {
    const v = resolution.declarations?.has(d.ruleId) ? resolution.declarations.get(d.ruleId)! : d.first;
    if (v !== null) declarations.set(d.ruleId, v);
  }
  const writtenTotal = resolution.writtenTotal !== undefined ? resolution.writtenTotal : first.writtenTotal;
  return { ok: true, content: { answers, declarations, writtenTotal } };
}
