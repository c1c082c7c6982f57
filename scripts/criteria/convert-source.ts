import {
  CRITERIA_SET_FORMAT,
  CRITERIA_SET_FORMAT_VERSION,
  PartCode,
  type CriteriaAnomaly,
  type CriteriaSet,
  type Criterion,
  type CriterionLevel,
} from '../../shared/ocop/criteria-set';
import { checkCriteriaSet } from '../../shared/ocop/criteria-set-check';
import { starMarks } from '../../shared/ocop/criteria-set-walk';
import { extractRules, type UnclassifiedNote } from '../../shared/ocop/criteria-notes';
import { nfcDeep } from '../../shared/text/normalize';
import type { SourceCriterion, SourceSet } from './source-format';

/**
 * Converts one transcribed set (../shared/ocop/criteria/qd26-2026-NN-*.json) into the app's
 * model. Verbatim texts stay verbatim (NFC); derived fields of the transcription (`mandatory`,
 * `starMarks`, `corrected`) are checked against the levels and dropped, because the model derives
 * them; the transcriber's remark on implied levels becomes an anomaly of that criterion (it is
 * not text of the decision); the rules the notes state are extracted with explicit patterns.
 */

/** The transcriber's note on criteria whose levels were implied: not text of the decision. */
const IMPLIED_LEVELS_NOTE = /^Văn bản chỉ ghi điểm tối đa cho tiêu chí này/u;

export interface ConvertedSet {
  set: CriteriaSet;
  unclassified: UnclassifiedNote[];
}

export class SourceConversionError extends Error {}

export const builtInSetKey = (setNo: number): string => `qd26-2026/${String(setNo).padStart(2, '0')}`;

export function convertSourceSet(rawSource: SourceSet): ConvertedSet {
  const src = nfcDeep(rawSource);
  const where = `set ${src.setNo}`;
  if (src.decision !== '26/2026/QĐ-TTg') throw new SourceConversionError(`${where}: unexpected decision ${src.decision}`);
  const anomalies: CriteriaAnomaly[] = src.anomalies.map(anomalyOf);

  const parts = src.parts.map((p) => {
    const code = PartCode.safeParse(p.code);
    if (!code.success) throw new SourceConversionError(`${where}: unknown part ${p.code}`);
    return {
      code: code.data,
      title: p.title,
      max: p.max,
      groups: p.groups.map((g) => ({
        code: g.code,
        title: g.title,
        max: g.max,
        criteria: g.criteria.map((c) => convertCriterion(c, where, anomalies)),
      })),
    };
  });

  const c = src.classification;
  const draft: CriteriaSet = {
    format: CRITERIA_SET_FORMAT,
    formatVersion: CRITERIA_SET_FORMAT_VERSION,
    setKey: builtInSetKey(src.setNo),
    decision: '26/2026/QĐ-TTg',
    setNo: src.setNo,
    name: src.set,
    heading: src.setHeading,
    classificationLine: src.classificationLine,
    classification: { nganh: c.nganh, nhom: c.nhom, phanNhom: c.phanNhom, ministries: c.coQuanChuTriQuanLy.split(/\s*;\s*/u) },
    formHeaderFields: src.formHeaderFields,
    formFooterFields: src.formFooterFields,
    disqualifiers: src.disqualifiers,
    parts,
    total: src.total,
    starRule: src.starRule,
    rules: [],
    anomalies,
    source: {
      document: src.source.document,
      officialUrl: src.source.officialUrl,
      transcript: src.source.transcriptRead,
      method: src.source.method,
    },
  };
  const { rules, unclassified } = extractRules(draft);
  const set = { ...draft, rules };

  const checked = checkCriteriaSet(set);
  if (!checked.ok)
    throw new SourceConversionError(
      `${where} fails the criteria-set checks:\n${checked.issues.map((i) => `  [${i.code}] ${i.message}`).join('\n')}`,
    );
  return { set: checked.set, unclassified };
}

function convertCriterion(c: SourceCriterion, where: string, anomalies: CriteriaAnomaly[]): Criterion {
  const levels: CriterionLevel[] = c.levels.map((l, i) => {
    if ((l.corrected === true) !== (l.sourcePoints !== undefined))
      throw new SourceConversionError(`${where}, criterion ${c.code}, level ${i + 1}: "corrected" and "sourcePoints" disagree`);
    return {
      text: l.text,
      points: l.points,
      ...(l.minForStars !== undefined ? { minForStars: l.minForStars } : {}),
      ...(l.case !== undefined ? { case: l.case } : {}),
      ...(l.note !== undefined ? { note: l.note } : {}),
      ...(l.pointsBlankInSource ? { pointsBlankInSource: true as const } : {}),
      ...(l.sourcePoints !== undefined ? { sourcePoints: l.sourcePoints } : {}),
    };
  });
  const notes: string[] = [];
  for (const n of c.notes ?? []) {
    if (IMPLIED_LEVELS_NOTE.test(n)) {
      if (!c.levelsImplied)
        throw new SourceConversionError(`${where}, criterion ${c.code}: implied-levels remark without levelsImplied`);
      anomalies.push({ target: { kind: 'criterion', code: c.code }, text: n });
    } else notes.push(n);
  }
  const criterion: Criterion = {
    code: c.code,
    title: c.title,
    max: c.max,
    ...(c.parent ? { parent: c.parent } : {}),
    notes,
    levels,
    ...(c.cases ? { cases: c.cases } : {}),
    ...(c.possibleTypo ? { possibleTypo: true as const } : {}),
    ...(c.levelsImplied ? { levelsImplied: true as const } : {}),
  };
  // The transcription's derived fields must agree with the levels (README §5 check 5).
  const marks = starMarks(criterion);
  const expected = Object.fromEntries(Object.entries(c.starMarks ?? {}).map(([k, v]) => [k, v]));
  if (JSON.stringify(sortKeys(marks)) !== JSON.stringify(sortKeys(expected)))
    throw new SourceConversionError(
      `${where}, criterion ${c.code}: starMarks ${JSON.stringify(c.starMarks)} disagree with the levels' minForStars ${JSON.stringify(marks)}`,
    );
  if (c.mandatory !== Object.keys(marks).length > 0)
    throw new SourceConversionError(`${where}, criterion ${c.code}: mandatory=${c.mandatory} disagrees with its star marks`);
  return criterion;
}

const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** "Tiêu chí 1.2: …" → that criterion; "Phần A: …" → that part; anything else → the whole set. */
export function anomalyOf(text: string): CriteriaAnomaly {
  const crit = text.match(/^Tiêu chí\s+(\d+(?:\.\d+){0,2})\s*:/u);
  if (crit) return { target: { kind: 'criterion', code: crit[1]! }, text };
  const part = text.match(/^Phần\s+([ABC])\s*:/u);
  if (part) return { target: { kind: 'part', code: part[1] as 'A' | 'B' | 'C' }, text };
  return { target: { kind: 'set' }, text };
}
