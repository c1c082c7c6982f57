import type { z } from 'zod';
import {
  CRITERIA_SET_FORMAT,
  CRITERIA_SET_FORMAT_VERSION,
  CriteriaSet,
  type CriteriaDecision,
  type Criterion,
} from './criteria-set';
import { getLegalBasis, LEGAL_BASIS_IDS } from './legal-basis';
import { allCriteria, highestPoints, levelsByCase } from './criteria-set-walk';

/**
 * Validation of a criteria set beyond its shape: the arithmetic of the official form and every
 * cross-reference. Each issue has a stable `code` (translated in the UI with `params`), an English
 * message that names the criterion/group/part and says what to fix, and the JSON path, which the
 * XLSX importer maps back to a sheet and row.
 */

export const CRITERIA_ISSUE_CODES = [
  'NOT_A_CRITERIA_SET',
  'UNSUPPORTED_FORMAT_VERSION',
  'UNKNOWN_DECISION',
  'MISSING_FIELD',
  'UNKNOWN_FIELD',
  'INVALID_VALUE',
  'NO_LEVELS',
  'INVALID_STAR_MARK',
  'PART_COUNT',
  'PART_ORDER',
  'PART_MAX_LEGAL',
  'PART_MAX_SUM',
  'TOTAL_NOT_100',
  'TOTAL_NOT_SUM',
  'GROUP_MAX_SUM',
  'DUPLICATE_GROUP_CODE',
  'DUPLICATE_CRITERION_CODE',
  'CRITERION_CODE_GROUP',
  'CRITERION_MAX_LEVEL',
  'PARENT_MAX_SUM',
  'PARENT_INCONSISTENT',
  'STAR_IN_TEXT',
  'STAR_MARK_DUPLICATE',
  'STAR_MARK_ORDER',
  'CASE_UNKNOWN',
  'CASE_MISSING',
  'CASE_EMPTY',
  'RULE_TARGET',
  'RULE_LEVEL_REF',
  'RULE_CASES',
  'DUPLICATE_RULE_ID',
  'ANOMALY_TARGET',
] as const;
export type CriteriaIssueCode = (typeof CRITERIA_ISSUE_CODES)[number];

export interface CriteriaIssue {
  code: CriteriaIssueCode;
  message: string;
  path: (string | number)[];
  /** The criterion concerned, when there is one. */
  criterionCode?: string;
  params: Record<string, string | number>;
}

/** Part maxima of a legal basis as a map (Điều 3 of 26/2026: 40/25/35; 1048: 35/25/40). */
export function legalPartMaxima(decision: CriteriaDecision): Record<'A' | 'B' | 'C', number> {
  const m = { A: 0, B: 0, C: 0 };
  for (const p of getLegalBasis(decision).parts) m[p.code] = p.max;
  return m;
}

export type CriteriaCheckResult = { ok: true; set: CriteriaSet } | { ok: false; issues: CriteriaIssue[] };

/** Parses and checks a criteria set; never throws. */
export function checkCriteriaSet(raw: unknown): CriteriaCheckResult {
  const head = checkHead(raw);
  if (head) return { ok: false, issues: [head] };
  const parsed = CriteriaSet.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => fromZodIssue(i, raw)) };
  const issues = checkArithmetic(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, set: parsed.data };
}

/** Before the detailed schema: is this a criteria set at all, and of a version we read? */
function checkHead(raw: unknown): CriteriaIssue | null {
  if (
    raw === null ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    (raw as { format?: unknown }).format !== CRITERIA_SET_FORMAT
  ) {
    return issue(
      'NOT_A_CRITERIA_SET',
      [],
      `This is not an OCOP criteria set file: "format" must be "${CRITERIA_SET_FORMAT}". Export a set from the app (or use the template) to see the expected layout.`,
      {},
    );
  }
  const v = (raw as { formatVersion?: unknown }).formatVersion;
  if (v !== CRITERIA_SET_FORMAT_VERSION) {
    return issue(
      'UNSUPPORTED_FORMAT_VERSION',
      ['formatVersion'],
      `formatVersion ${JSON.stringify(v)} is not supported: this app reads formatVersion ${CRITERIA_SET_FORMAT_VERSION}. Update the app or re-export the file.`,
      { found: String(v), expected: CRITERIA_SET_FORMAT_VERSION },
    );
  }
  return null;
}

const issue = (
  code: CriteriaIssueCode,
  path: (string | number)[],
  message: string,
  params: Record<string, string | number>,
  criterionCode?: string,
): CriteriaIssue =>
  criterionCode === undefined ? { code, message, path, params } : { code, message, path, params, criterionCode };

/** Where a JSON path points, in words: "criterion 2.3 (part A, group 2), level 1". */
export function describePath(
  raw: unknown,
  path: readonly PropertyKey[],
): { where: string; criterionCode?: string; field: string } {
  let node: unknown = raw;
  const words: string[] = [];
  let criterionCode: string | undefined;
  let field = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const parentKey = path[i - 1];
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const code = node !== null && typeof node === 'object' ? (node as { code?: unknown }).code : undefined;
    const shownCode = typeof code === 'string' ? code : typeof key === 'number' ? `#${key + 1}` : '';
    if (typeof key === 'number' && parentKey === 'parts') words.push(`part ${shownCode}`);
    else if (typeof key === 'number' && parentKey === 'groups') words.push(`group ${shownCode}`);
    else if (typeof key === 'number' && parentKey === 'criteria') {
      words.push(`criterion ${shownCode}`);
      if (typeof code === 'string') criterionCode = code;
    } else if (typeof key === 'number' && parentKey === 'levels') words.push(`level ${key + 1}`);
    else if (typeof key === 'number' && parentKey === 'rules')
      words.push(
        `rule ${typeof (node as { id?: unknown } | undefined)?.id === 'string' ? (node as { id: string }).id : `#${key + 1}`}`,
      );
    else if (typeof key === 'number' && parentKey === 'anomalies') words.push(`anomaly #${key + 1}`);
    else if (typeof key === 'number') words.push(`item ${key + 1} of "${String(parentKey)}"`);
    else if (!['parts', 'groups', 'criteria', 'levels', 'rules', 'anomalies'].includes(String(key)) || i === path.length - 1)
      field = String(key);
  }
  return { where: words.length > 0 ? words.join(', ') : 'the set', ...(criterionCode ? { criterionCode } : {}), field };
}

function fromZodIssue(i: z.core.$ZodIssue, raw: unknown): CriteriaIssue {
  const { where, criterionCode, field } = describePath(raw, i.path);
  const last = i.path.at(-1);
  const params = { where, field };
  if (i.code === 'unrecognized_keys') {
    const keys = i.keys.join('", "');
    return issue(
      'UNKNOWN_FIELD',
      i.path as (string | number)[],
      `${where}: unknown field "${keys}". Remove it or check its spelling against docs/formats/criteria-set.md.`,
      { ...params, field: keys },
      criterionCode,
    );
  }
  if (i.code === 'invalid_type' && i.input === undefined) {
    return issue(
      'MISSING_FIELD',
      i.path as (string | number)[],
      `${where}: the field "${field}" is missing. Add it (see docs/formats/criteria-set.md).`,
      params,
      criterionCode,
    );
  }
  if (last === 'levels' && i.code === 'too_small') {
    return issue(
      'NO_LEVELS',
      i.path as (string | number)[],
      `${where} has no answer levels. Add at least one level ("□" option) with its points.`,
      params,
      criterionCode,
    );
  }
  if (last === 'minForStars') {
    return issue(
      'INVALID_STAR_MARK',
      i.path as (string | number)[],
      `${where}: the star mark must be 3, 4 or 5 (for ***, ****, *****), or left out.`,
      params,
      criterionCode,
    );
  }
  if (last === 'parts' && (i.code === 'too_small' || i.code === 'too_big')) {
    return issue(
      'PART_COUNT',
      i.path as (string | number)[],
      `A criteria set has exactly three parts A, B and C; this file has ${Array.isArray((raw as { parts?: unknown }).parts) ? (raw as { parts: unknown[] }).parts.length : 0}.`,
      { count: Array.isArray((raw as { parts?: unknown }).parts) ? (raw as { parts: unknown[] }).parts.length : 0 },
    );
  }
  if (i.path.length === 1 && last === 'decision') {
    return issue(
      'UNKNOWN_DECISION',
      ['decision'],
      `"decision" must be one of ${LEGAL_BASIS_IDS.join(', ')} (the legal basis whose part maxima and star bands apply).`,
      { found: String((raw as { decision?: unknown }).decision) },
    );
  }
  return issue(
    'INVALID_VALUE',
    i.path as (string | number)[],
    `${where}: "${field}" is not valid: ${i.message}.`,
    { ...params, detail: i.message },
    criterionCode,
  );
}

/** The arithmetic of the form and every cross-reference, on a set whose shape is valid. */
export function checkArithmetic(set: CriteriaSet): CriteriaIssue[] {
  const out: CriteriaIssue[] = [];
  const legal = legalPartMaxima(set.decision);

  const partSum = set.parts.reduce((s, p) => s + p.max, 0);
  if (set.total !== 100)
    out.push(
      issue(
        'TOTAL_NOT_100',
        ['total'],
        `The set's total is ${set.total}; every OCOP criteria set totals 100 points. Correct "total" and the part maxima.`,
        { total: set.total },
      ),
    );
  if (partSum !== set.total)
    out.push(
      issue('TOTAL_NOT_SUM', ['total'], `The part maxima add up to ${partSum}, but "total" is ${set.total}. Make them equal.`, {
        sum: partSum,
        total: set.total,
      }),
    );

  const seenGroups = new Set<string>();
  const seenCriteria = new Set<string>();
  set.parts.forEach((part, pi) => {
    const expectedCode = (['A', 'B', 'C'] as const)[pi]!;
    if (part.code !== expectedCode)
      out.push(
        issue('PART_ORDER', ['parts', pi, 'code'], `Part ${pi + 1} is "${part.code}"; the parts must be A, B, C in that order.`, {
          index: pi + 1,
          found: part.code,
          expected: expectedCode,
        }),
      );
    if (part.max !== legal[part.code]) {
      out.push(
        issue(
          'PART_MAX_LEGAL',
          ['parts', pi, 'max'],
          `Part ${part.code} has maximum ${part.max}, but ${set.decision} sets Part ${part.code} at ${legal[part.code]} points. Correct the part maximum.`,
          { part: part.code, max: part.max, expected: legal[part.code], decision: set.decision },
        ),
      );
    }
    const groupSum = part.groups.reduce((s, g) => s + g.max, 0);
    if (groupSum !== part.max)
      out.push(
        issue(
          'PART_MAX_SUM',
          ['parts', pi, 'max'],
          `Part ${part.code} has maximum ${part.max}, but its groups add up to ${groupSum}. Correct the part maximum or the group maxima.`,
          { part: part.code, max: part.max, sum: groupSum },
        ),
      );

    part.groups.forEach((group, gi) => {
      const gpath = ['parts', pi, 'groups', gi];
      if (seenGroups.has(group.code))
        out.push(
          issue(
            'DUPLICATE_GROUP_CODE',
            [...gpath, 'code'],
            `Group code ${group.code} appears more than once. Each group has its own number.`,
            { group: group.code },
          ),
        );
      seenGroups.add(group.code);
      const critSum = group.criteria.reduce((s, c) => s + c.max, 0);
      if (critSum !== group.max)
        out.push(
          issue(
            'GROUP_MAX_SUM',
            [...gpath, 'max'],
            `Group ${group.code} "${group.title}" has maximum ${group.max}, but its criteria add up to ${critSum}. Correct the group maximum or the criteria maxima.`,
            { group: group.code, max: group.max, sum: critSum },
          ),
        );

      group.criteria.forEach((c, ci) => {
        const cpath = [...gpath, 'criteria', ci];
        if (seenCriteria.has(c.code))
          out.push(
            issue(
              'DUPLICATE_CRITERION_CODE',
              [...cpath, 'code'],
              `Criterion code ${c.code} appears more than once. Give each criterion its own code.`,
              { code: c.code },
              c.code,
            ),
          );
        seenCriteria.add(c.code);
        if (c.code !== group.code && !c.code.startsWith(`${group.code}.`)) {
          out.push(
            issue(
              'CRITERION_CODE_GROUP',
              [...cpath, 'code'],
              `Criterion ${c.code} is in group ${group.code}; its code must be ${group.code} or start with "${group.code}." — move it to its group or correct the code.`,
              { code: c.code, group: group.code },
              c.code,
            ),
          );
        }
        if (c.parent && !c.code.startsWith(`${c.parent.code}.`)) {
          out.push(
            issue(
              'CRITERION_CODE_GROUP',
              [...cpath, 'parent', 'code'],
              `Criterion ${c.code} names parent ${c.parent.code}, but its code does not start with "${c.parent.code}.".`,
              { code: c.code, group: c.parent.code },
              c.code,
            ),
          );
        }
        checkCriterion(c, cpath, out);
      });
    });
  });

  checkParents(set, out);
  checkRules(set, out);
  checkAnomalies(set, out);
  return out;
}

function checkCriterion(c: Criterion, cpath: (string | number)[], out: CriteriaIssue[]): void {
  c.levels.forEach((l, li) => {
    if (l.text.includes('*')) {
      out.push(
        issue(
          'STAR_IN_TEXT',
          [...cpath, 'levels', li, 'text'],
          `Criterion ${c.code}, level ${li + 1}: the text still contains "*". Remove the star marker from the text and set the level's star mark (3, 4 or 5) instead.`,
          { code: c.code, level: li + 1 },
          c.code,
        ),
      );
    }
  });

  // Cases (set 26): every level belongs to one declared case, and every case has levels.
  if (c.cases) {
    c.levels.forEach((l, li) => {
      if (l.case === undefined)
        out.push(
          issue(
            'CASE_MISSING',
            [...cpath, 'levels', li, 'case'],
            `Criterion ${c.code} has cases, but level ${li + 1} does not say which case it belongs to. Set its case to one of: ${c.cases!.join(' | ')}.`,
            { code: c.code, level: li + 1 },
            c.code,
          ),
        );
      else if (!c.cases!.includes(l.case))
        out.push(
          issue(
            'CASE_UNKNOWN',
            [...cpath, 'levels', li, 'case'],
            `Criterion ${c.code}, level ${li + 1}: case "${l.case}" is not one of the criterion's cases (${c.cases!.join(' | ')}).`,
            { code: c.code, level: li + 1, case: l.case },
            c.code,
          ),
        );
    });
    c.cases.forEach((k, ki) => {
      if (!c.levels.some((l) => l.case === k))
        out.push(
          issue(
            'CASE_EMPTY',
            [...cpath, 'cases', ki],
            `Criterion ${c.code}: case "${k}" has no levels. Add its levels or remove the case.`,
            { code: c.code, case: k },
            c.code,
          ),
        );
    });
  } else {
    c.levels.forEach((l, li) => {
      if (l.case !== undefined)
        out.push(
          issue(
            'CASE_UNKNOWN',
            [...cpath, 'levels', li, 'case'],
            `Criterion ${c.code}, level ${li + 1} names case "${l.case}", but the criterion declares no cases. Add the cases to the criterion or remove the level's case.`,
            { code: c.code, level: li + 1, case: l.case },
            c.code,
          ),
        );
    });
  }

  for (const group of levelsByCase(c)) {
    if (group.levels.length === 0) continue;
    const top = highestPoints(group.levels.map((x) => x.level));
    if (top !== c.max) {
      const inCase = group.case ? ` in case "${group.case}"` : '';
      out.push(
        issue(
          'CRITERION_MAX_LEVEL',
          [...cpath, 'max'],
          `Criterion ${c.code} has maximum ${c.max}, but its highest level${inCase} gives ${top} points. The maximum must equal the highest level: correct one of them.`,
          { code: c.code, max: c.max, highest: top },
          c.code,
        ),
      );
    }
    // Star marks: at most one level per star count, and a higher star never asks for fewer points.
    const marked = group.levels.filter((x) => x.level.minForStars !== undefined);
    const byStar = new Map<number, number>();
    for (const { level, index } of marked) {
      const s = level.minForStars!;
      if (byStar.has(s))
        out.push(
          issue(
            'STAR_MARK_DUPLICATE',
            [...cpath, 'levels', index, 'minForStars'],
            `Criterion ${c.code}: two levels are marked as the minimum for ${s} stars. Keep the mark on one level only.`,
            { code: c.code, stars: s },
            c.code,
          ),
        );
      byStar.set(s, level.points);
    }
    for (const [s, pts] of byStar) {
      for (const [s2, pts2] of byStar) {
        if (s < s2 && pts > pts2) {
          out.push(
            issue(
              'STAR_MARK_ORDER',
              [...cpath, 'levels'],
              `Criterion ${c.code}: the minimum for ${s} stars (${pts} points) is higher than the minimum for ${s2} stars (${pts2} points). A higher star rank cannot ask for less; check the star marks.`,
              { code: c.code, stars: s, points: pts, stars2: s2, points2: pts2 },
              c.code,
            ),
          );
        }
      }
    }
  }
}

/** Three-level sets (11, 13): one parent heading per code, with the sum of its children as maximum. */
function checkParents(set: CriteriaSet, out: CriteriaIssue[]): void {
  const parents = new Map<string, { title: string; max: number; sum: number; firstPath: (string | number)[] }>();
  set.parts.forEach((part, pi) =>
    part.groups.forEach((group, gi) =>
      group.criteria.forEach((c, ci) => {
        if (!c.parent) return;
        const path = ['parts', pi, 'groups', gi, 'criteria', ci, 'parent'];
        const seen = parents.get(c.parent.code);
        if (!seen) parents.set(c.parent.code, { title: c.parent.title, max: c.parent.max, sum: c.max, firstPath: path });
        else {
          seen.sum += c.max;
          if (seen.title !== c.parent.title || seen.max !== c.parent.max) {
            out.push(
              issue(
                'PARENT_INCONSISTENT',
                path,
                `Criterion ${c.code} names parent ${c.parent.code} as "${c.parent.title}" (max ${c.parent.max}), but an earlier criterion names it "${seen.title}" (max ${seen.max}). Use the same title and maximum.`,
                { code: c.code, parent: c.parent.code },
                c.code,
              ),
            );
          }
        }
      }),
    ),
  );
  for (const [code, p] of parents) {
    if (p.sum !== p.max)
      out.push(
        issue(
          'PARENT_MAX_SUM',
          [...p.firstPath, 'max'],
          `Heading ${code} "${p.title}" has maximum ${p.max}, but its criteria add up to ${p.sum}. Correct the heading's maximum or its criteria.`,
          { parent: code, max: p.max, sum: p.sum },
        ),
      );
  }
}

function checkRules(set: CriteriaSet, out: CriteriaIssue[]): void {
  const byCode = new Map(allCriteria(set).map((x) => [x.criterion.code, x.criterion]));
  const ids = new Set<string>();
  set.rules.forEach((r, ri) => {
    const path = ['rules', ri];
    if (ids.has(r.id))
      out.push(
        issue(
          'DUPLICATE_RULE_ID',
          [...path, 'id'],
          `Rule id "${r.id}" appears more than once. Number rules of the same kind and criterion 1, 2, 3 …`,
          { id: r.id },
        ),
      );
    ids.add(r.id);
    if (r.criterionCode === null) return;
    const c = byCode.get(r.criterionCode);
    if (!c) {
      out.push(
        issue(
          'RULE_TARGET',
          [...path, 'criterionCode'],
          `Rule ${r.id} refers to criterion ${r.criterionCode}, which is not in the set. Correct the code or remove the rule.`,
          { id: r.id, code: r.criterionCode },
        ),
      );
      return;
    }
    if (r.kind === 'stop' && r.trigger.type === 'levels') {
      r.trigger.levels.forEach((ref, li) => {
        const target = byCode.get(ref.criterionCode);
        if (!target || ref.levelIndex >= target.levels.length) {
          out.push(
            issue(
              'RULE_LEVEL_REF',
              [...path, 'trigger', 'levels', li],
              `Rule ${r.id} stops the evaluation on level ${ref.levelIndex + 1} of criterion ${ref.criterionCode}, which does not exist. Correct the reference.`,
              { id: r.id, code: ref.criterionCode, level: ref.levelIndex + 1 },
            ),
          );
        }
      });
    }
    if (r.kind === 'caseChoice' && JSON.stringify(r.cases) !== JSON.stringify(c.cases ?? [])) {
      out.push(
        issue(
          'RULE_CASES',
          [...path, 'cases'],
          `Rule ${r.id} lists cases that differ from those of criterion ${c.code}. Use the criterion's cases, in the same order.`,
          { id: r.id, code: c.code },
          c.code,
        ),
      );
    }
  });
}

function checkAnomalies(set: CriteriaSet, out: CriteriaIssue[]): void {
  const codes = new Set(allCriteria(set).map((x) => x.criterion.code));
  set.anomalies.forEach((a, ai) => {
    if (a.target.kind === 'criterion' && !codes.has(a.target.code)) {
      out.push(
        issue(
          'ANOMALY_TARGET',
          ['anomalies', ai, 'target'],
          `Anomaly #${ai + 1} is about criterion ${a.target.code}, which is not in the set. Correct the code.`,
          { index: ai + 1, code: a.target.code },
        ),
      );
    }
  });
}
