import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { criteriaContentHash } from '../../electron/core/criteria/content-hash';
import { ROMAN, type ClassificationNganh, type ProductClassificationTree } from '../../shared/ocop/criteria-classification';
import type { CriteriaSet } from '../../shared/ocop/criteria-set';
import { allCriteria, starMarkedLevelCount } from '../../shared/ocop/criteria-set-walk';
import type { UnclassifiedNote } from '../../shared/ocop/criteria-notes';
import { nfcDeep } from '../../shared/text/normalize';
import { convertSourceSet, SourceConversionError } from './convert-source';
import { SourceIndex, SourceSet } from './source-format';

/**
 * Builds every file of resources/criteria/ from the transcription in memory, so the script can
 * write them and a test can compare them with the committed files byte for byte.
 */

export const RESOURCE_DIR = 'resources/criteria';
export const SETS_SUBDIR = 'sets';
export const GENERATED_LOADER = 'electron/core/criteria/built-in-sets.generated.ts';

export const setFileName = (setNo: number): string => `qd26-2026-${String(setNo).padStart(2, '0')}.json`;

export interface BuiltResources {
  /** Path relative to the repository → exact file content. */
  files: Map<string, string>;
  sets: CriteriaSet[];
  unclassified: (UnclassifiedNote & { setKey: string })[];
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

export function buildCriteriaResources(sourceDir: string): BuiltResources {
  const index = SourceIndex.parse(nfcDeep(readJson(path.join(sourceDir, 'index-qd26-2026.json'))));
  const files = new Map<string, string>();
  const sets: CriteriaSet[] = [];
  const unclassified: BuiltResources['unclassified'] = [];
  const indexRows: unknown[] = [];

  for (const entry of [...index.sets].sort((a, b) => a.setNo - b.setNo)) {
    const parsed = SourceSet.safeParse(readJson(path.join(sourceDir, entry.file)));
    if (!parsed.success)
      throw new SourceConversionError(`${entry.file} does not have the transcription's shape: ${z.prettifyError(parsed.error)}`);
    const { set, unclassified: notes } = convertSourceSet(parsed.data);
    // The index's counts must match the set file (README §3, last check).
    const criteria = allCriteria(set).length;
    const marked = starMarkedLevelCount(set);
    if (
      criteria !== entry.criteria ||
      marked !== entry.starMarkedLevels ||
      set.setNo !== entry.setNo ||
      parsed.data.anomalies.length !== entry.anomalies
    ) {
      throw new SourceConversionError(
        `${entry.file}: counts disagree with index-qd26-2026.json (criteria ${criteria}/${entry.criteria}, marked levels ${marked}/${entry.starMarkedLevels}, anomalies ${parsed.data.anomalies.length}/${entry.anomalies})`,
      );
    }
    sets.push(set);
    unclassified.push(...notes.map((n) => ({ setKey: set.setKey, ...n })));
    const file = setFileName(set.setNo!);
    files.set(`${RESOURCE_DIR}/${SETS_SUBDIR}/${file}`, json(set));
    indexRows.push({
      file: `${SETS_SUBDIR}/${file}`,
      setKey: set.setKey,
      setNo: set.setNo,
      name: set.name,
      contentHash: criteriaContentHash(set),
      criteria,
      starMarkedLevels: marked,
      rules: set.rules.length,
      anomalies: set.anomalies.length,
    });
  }
  if (sets.length !== 26) throw new SourceConversionError(`expected 26 sets in ${sourceDir}, found ${sets.length}`);

  files.set(
    `${RESOURCE_DIR}/index.json`,
    json({ format: 'ocop-criteria-index', decision: index.decision, effective: index.effective, sets: indexRows }),
  );
  files.set(`${RESOURCE_DIR}/classification.json`, json(classificationOf(sets)));
  files.set(`${RESOURCE_DIR}/legal-bases.json`, json(legalBasesOf(sourceDir)));
  files.set(`${RESOURCE_DIR}/extraction-report.json`, json(reportOf(sets, unclassified)));
  files.set(GENERATED_LOADER, loaderModule(sets));
  return { files, sets, unclassified };
}

/** Phụ lục I as a tree, in set order (the leaves map one-to-one, in order, to the sets). */
export function classificationOf(sets: CriteriaSet[]): ProductClassificationTree {
  const nganh: ClassificationNganh[] = [];
  for (const s of sets) {
    const c = s.classification!;
    let n = nganh.find((x) => x.name === c.nganh);
    if (!n) nganh.push((n = { no: ROMAN[nganh.length]!, name: c.nganh, nhom: [] }));
    let m = n.nhom.find((x) => x.name === c.nhom);
    if (!m) n.nhom.push((m = { name: c.nhom, leaves: [] }));
    m.leaves.push({ phanNhom: c.phanNhom, setKey: s.setKey, setNo: s.setNo!, setName: s.name, ministries: c.ministries });
  }
  return {
    decision: '26/2026/QĐ-TTg',
    annex: 'Phụ lục I',
    mappingNote:
      'Các lá của Phụ lục I (ngành › nhóm › phân nhóm) được ghép với 26 bộ tiêu chí của Phụ lục II theo thứ tự (một-một), như bản chép ../shared/ocop/criteria ghi nhận.',
    nganh,
  };
}

const DecisionsMeta = z.object({
  decisions: z.array(
    z
      .object({
        decision: z.string(),
        signed: z.string(),
        effective: z.string().optional(),
        status: z.string(),
        replaces: z.array(z.string()).optional(),
        amendedBy: z.array(z.string()).optional(),
        replacedBy: z.string().optional(),
        parts: z.array(z.object({ code: z.string(), title: z.string(), max: z.int() })),
        criteriaAnnex: z.string().optional(),
        sources: z.array(z.string()).optional(),
      })
      .loose(),
  ),
});

/** Facts of the three decisions for display (part titles, status of the source); the rules themselves are in shared/ocop/legal-basis.ts. */
function legalBasesOf(sourceDir: string): unknown {
  const meta = DecisionsMeta.parse(nfcDeep(readJson(path.join(sourceDir, 'decisions-meta.json'))));
  return {
    format: 'ocop-legal-bases',
    decisions: meta.decisions.map((d) => ({
      decision: d.decision,
      signed: d.signed,
      effective: d.effective ?? null,
      status: d.status,
      replaces: d.replaces ?? [],
      amendedBy: d.amendedBy ?? [],
      replacedBy: d.replacedBy ?? null,
      parts: d.parts.map((p) => ({ code: p.code, title: p.title, max: p.max })),
      criteriaAnnex: d.criteriaAnnex ?? null,
      sources: d.sources ?? [],
    })),
  };
}

/** What a person must review against the signed PDF (README §5 check 7) and the notes no pattern read. */
function reportOf(sets: CriteriaSet[], unclassified: BuiltResources['unclassified']): unknown {
  const review: unknown[] = [];
  for (const s of sets) {
    for (const { criterion: c } of allCriteria(s)) {
      if (c.possibleTypo)
        review.push({ setKey: s.setKey, code: c.code, issue: 'possibleTypo', points: c.levels.map((l) => l.points) });
      if (c.levelsImplied) review.push({ setKey: s.setKey, code: c.code, issue: 'levelsImplied' });
      c.levels.forEach((l, i) => {
        if (l.pointsBlankInSource)
          review.push({ setKey: s.setKey, code: c.code, level: i + 1, issue: 'pointsBlankInSource', points: l.points });
        if (l.sourcePoints !== undefined)
          review.push({
            setKey: s.setKey,
            code: c.code,
            level: i + 1,
            issue: 'corrected',
            points: l.points,
            sourcePoints: l.sourcePoints,
          });
      });
    }
  }
  const rulesByPattern: Record<string, number> = {};
  for (const s of sets) for (const r of s.rules) rulesByPattern[r.pattern] = (rulesByPattern[r.pattern] ?? 0) + 1;
  return {
    format: 'ocop-criteria-extraction-report',
    rulesByPattern,
    unclassifiedNotes: unclassified,
    review,
    anomalies: sets.flatMap((s) => s.anomalies.map((a) => ({ setKey: s.setKey, ...a }))),
  };
}

/** Static imports of every set file, so the built-in sets are bundled into the core (no file paths at run time). */
function loaderModule(sets: CriteriaSet[]): string {
  const lines = [
    '/* Generated by scripts/build-criteria.ts (npm run criteria:build) — do not edit. */',
    "import index from '../../../resources/criteria/index.json' with { type: 'json' };",
    ...sets.map(
      (s) =>
        `import s${String(s.setNo).padStart(2, '0')} from '../../../resources/criteria/${SETS_SUBDIR}/${setFileName(s.setNo!)}' with { type: 'json' };`,
    ),
    '',
    '/** The index (hashes, counts) of the built-in sets and their contents in set order, as parsed JSON (validated on load). */',
    'export const builtInIndex: unknown = index;',
    `export const builtInSetFiles: unknown[] = [${sets.map((s) => `s${String(s.setNo).padStart(2, '0')}`).join(', ')}];`,
    '',
  ];
  return lines.join('\n');
}
