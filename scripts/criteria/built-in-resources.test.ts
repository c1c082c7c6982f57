import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteriaContentHash } from '../../electron/core/criteria/content-hash';
import { ProductClassificationTree, setForClassification } from '../../shared/ocop/criteria-classification';
import { CriteriaSet } from '../../shared/ocop/criteria-set';
import { checkCriteriaSet } from '../../shared/ocop/criteria-set-check';
import { allCriteria, highestPoints, isMandatory, levelsByCase, starMarkedLevelCount } from '../../shared/ocop/criteria-set-walk';
import { LEGAL_BASES } from '../../shared/ocop/legal-basis';
import { buildCriteriaResources, RESOURCE_DIR } from './build';

const root = path.resolve(import.meta.dirname, '../..');
const sourceDir = path.resolve(root, '..', 'shared', 'ocop', 'criteria');
const readJson = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

const index = readJson(`${RESOURCE_DIR}/index.json`) as {
  sets: { file: string; setKey: string; setNo: number; contentHash: string; criteria: number; starMarkedLevels: number }[];
};
const sets = index.sets.map((row) => ({ row, set: CriteriaSet.parse(readJson(`${RESOURCE_DIR}/${row.file}`)) }));

/**
 * ../shared/ocop/criteria/README.md §7 "Per-set statistics": criteria, marked levels, mandatory
 * criteria, Part C groups, criteria with notes. (Notes: the README counts the transcriber's remark on
 * implied levels as a note; the app keeps that remark as an anomaly, see below.)
 *
 * One cell of that table is stale: set 3 lists 17 mandatory criteria (total 388), but the README's
 * own §6 says criterion 5.1's spaced "* * * *" marker was converted to `minForStars: 4` with
 * `mandatory: true`, and the set file has 18 mandatory criteria (total 389). We follow the file and
 * the §6 text; the marked-level count (27) in the same row already includes the conversion. The
 * totals line under the table (574 marked levels, 388 mandatory) predates the conversion too: the
 * table's own column adds up to 575.
 */
const README_STATS: Record<number, [criteria: number, marked: number, mandatory: number, cGroups: number, notes: number]> = {
  1: [32, 22, 16, 7, 12],
  2: [31, 26, 17, 6, 11],
  3: [32, 27, 18, 7, 12],
  4: [32, 27, 18, 7, 12],
  5: [31, 26, 17, 6, 10],
  6: [32, 26, 17, 6, 10],
  7: [32, 28, 18, 6, 11],
  8: [32, 28, 18, 6, 11],
  9: [31, 28, 18, 6, 11],
  10: [32, 27, 18, 6, 11],
  11: [32, 23, 16, 6, 11],
  12: [32, 25, 18, 6, 12],
  13: [34, 21, 14, 6, 11],
  14: [29, 21, 14, 5, 10],
  15: [29, 24, 17, 5, 10],
  16: [29, 20, 14, 5, 9],
  17: [29, 23, 16, 5, 9],
  18: [31, 20, 13, 9, 10],
  19: [30, 20, 13, 9, 11],
  20: [30, 20, 13, 9, 11],
  21: [28, 20, 14, 4, 9],
  22: [28, 18, 13, 4, 9],
  23: [26, 20, 13, 5, 7],
  24: [26, 16, 12, 4, 7],
  25: [25, 16, 12, 4, 7],
  26: [32, 3, 2, 12, 4],
};

describe('built-in criteria sets (resources/criteria)', () => {
  it('has the 26 sets of 26/2026/QĐ-TTg in order, each passing every check', () => {
    expect(sets.map((s) => s.set.setNo)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    for (const { set } of sets) {
      const r = checkCriteriaSet(set);
      expect(r.ok ? [] : r.issues.map((i) => i.message), set.setKey).toEqual([]);
    }
  });

  it.each(sets.map((s) => [s.set.setNo!, s.set] as const))(
    'set %i: total 100 = A 40 + B 25 + C 35, each part and group adds up',
    (_no, set) => {
      expect(set.total).toBe(100);
      expect(set.parts.map((p) => [p.code, p.max])).toEqual(LEGAL_BASES['26/2026/QĐ-TTg'].parts.map((p) => [p.code, p.max]));
      for (const p of set.parts) {
        expect(p.groups.reduce((s, g) => s + g.max, 0)).toBe(p.max);
        for (const g of p.groups) expect(g.criteria.reduce((s, c) => s + c.max, 0)).toBe(g.max);
      }
      // Scoring every criterion at its top level gives exactly 100.
      expect(allCriteria(set).reduce((s, { criterion }) => s + criterion.max, 0)).toBe(100);
    },
  );

  it.each(sets.map((s) => [s.set.setNo!, s.set] as const))(
    "set %i: each criterion's maximum is its highest level (per case)",
    (_no, set) => {
      for (const { criterion: c } of allCriteria(set))
        for (const b of levelsByCase(c))
          expect(highestPoints(b.levels.map((x) => x.level)), `${set.setKey} ${c.code}`).toBe(c.max);
    },
  );

  it('star marks, mandatory criteria, Part C groups and notes per set match the README statistics', () => {
    for (const { set } of sets) {
      const crit = allCriteria(set).map((x) => x.criterion);
      const notes = crit.filter((c) => c.notes.length > 0 || c.levelsImplied === true).length;
      const got = [crit.length, starMarkedLevelCount(set), crit.filter(isMandatory).length, set.parts[2]!.groups.length, notes];
      expect(got, set.setKey).toEqual(README_STATS[set.setNo!]);
    }
    const all = sets.flatMap(({ set }) => allCriteria(set).map((x) => x.criterion));
    expect([
      all.length,
      all.reduce((n, c) => n + c.levels.length, 0),
      sets.reduce((n, s) => n + starMarkedLevelCount(s.set), 0),
      all.filter(isMandatory).length,
    ]).toEqual([787, 2579, 575, 389]);
  });

  it("the index hashes are the SHA-256 of each set's canonical content", () => {
    for (const { row, set } of sets) expect(criteriaContentHash(set), row.setKey).toBe(row.contentHash);
  });

  it('keeps the three-level criteria of sets 11 and 13, the two cases of set 26 and the recorded anomalies', () => {
    const bySet = (n: number) => sets[n - 1]!.set;
    const c611 = allCriteria(bySet(11)).find((x) => x.criterion.code === '6.1.1')!.criterion;
    expect(c611.parent).toEqual({ code: '6.1', title: 'Ngoại hình', max: 4 });
    expect(c611.levels[1]).toMatchObject({ points: 1, sourcePoints: 11 });
    expect(allCriteria(bySet(13)).filter((x) => x.criterion.parent).length).toBeGreaterThan(2);
    for (const code of ['8', '9', '15']) {
      const c = allCriteria(bySet(26)).find((x) => x.criterion.code === code)!.criterion;
      expect(c.cases).toHaveLength(2);
      expect(levelsByCase(c).every((b) => b.levels.length > 0)).toBe(true);
    }
    expect(allCriteria(bySet(7)).find((x) => x.criterion.code === '3.1')!.criterion).toMatchObject({ possibleTypo: true });
    expect(bySet(26).anomalies).toEqual([{ target: { kind: 'part', code: 'A' }, text: expect.stringContaining('(35 Điểm)') }]);
    expect(bySet(3).anomalies[0]?.target).toEqual({ kind: 'criterion', code: '5.1' });
    // The transcriber's remark on implied levels is an anomaly of that criterion, not a note of the decision.
    const c24 = allCriteria(bySet(1)).find((x) => x.criterion.code === '2.4')!.criterion;
    expect(c24.levelsImplied).toBe(true);
    expect(c24.notes).toEqual([]);
    expect(bySet(1).anomalies).toContainEqual({
      target: { kind: 'criterion', code: '2.4' },
      text: expect.stringMatching(/^Văn bản chỉ ghi điểm tối đa/),
    });
    // No star marker is left in any level text.
    for (const { set } of sets)
      for (const { criterion } of allCriteria(set)) for (const l of criterion.levels) expect(l.text).not.toContain('*');
  });

  it('reads the rules the notes state: 25 disqualifier headings, stops, story-only 5.2, set 26 cases', () => {
    const rules = sets.flatMap(({ set }) => set.rules.map((r) => ({ ...r, setNo: set.setNo })));
    const count = (kind: string) => rules.filter((r) => r.kind === kind).length;
    expect({
      disqualify: count('disqualify'),
      stop: count('stop'),
      conditional: count('conditional'),
      caseChoice: count('caseChoice'),
    }).toEqual({ disqualify: 53, stop: 18, conditional: 25, caseChoice: 3 });
    expect(rules.filter((r) => r.kind === 'disqualify' && r.criterionCode === null).map((r) => r.setNo)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    const set16 = rules.find((r) => r.setNo === 16 && r.kind === 'stop');
    expect(set16).toMatchObject({ criterionCode: '6.4', trigger: { type: 'levels' } });
    expect(
      set16?.kind === 'stop' && set16.trigger.type === 'levels' ? set16.trigger.levels.map((l) => l.criterionCode) : [],
    ).toEqual(['6.1', '6.2', '6.3', '6.4']);
    expect(rules.find((r) => r.setNo === 1 && r.kind === 'stop')).toMatchObject({ criterionCode: '6.1', skip: 'others' });
  });

  it('maps Phụ lục I (6 ngành → 17 nhóm → 26 leaves) one-to-one to the sets with their ministries', () => {
    const tree = ProductClassificationTree.parse(readJson(`${RESOURCE_DIR}/classification.json`));
    expect(tree.nganh).toHaveLength(6);
    expect(tree.nganh.map((n) => n.no)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(tree.nganh.reduce((s, n) => s + n.nhom.length, 0)).toBe(17);
    const leaves = tree.nganh.flatMap((n) => n.nhom.flatMap((m) => m.leaves));
    expect(leaves.map((l) => l.setNo)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(
      setForClassification(tree, {
        nganh: 'SẢN PHẨM THỰC PHẨM',
        nhom: 'Thực phẩm chế biến',
        phanNhom: 'Chế biến từ rau, củ, quả, hạt',
      }),
    ).toMatchObject({ setKey: 'qd26-2026/07', ministries: ['Bộ Nông nghiệp và Môi trường'] });
    expect(setForClassification(tree, { nganh: 'SẢN PHẨM THỰC PHẨM', nhom: 'Cà phê, ca cao' })).toMatchObject({
      setKey: 'qd26-2026/13',
    });
    expect(setForClassification(tree, { nganh: 'SẢN PHẨM ĐỒ UỐNG', nhom: 'Đồ uống có cồn', phanNhom: 'Bia' })).toBeUndefined();
    expect(leaves.find((l) => l.setNo === 26)?.ministries).toEqual([
      'Bộ Văn hóa, Thể thao và Du lịch',
      'Bộ Nông nghiệp và Môi trường',
    ]);
  });

  it('legal-bases.json agrees with shared/ocop/legal-basis.ts on the part maxima', () => {
    const lb = readJson(`${RESOURCE_DIR}/legal-bases.json`) as {
      decisions: { decision: keyof typeof LEGAL_BASES; parts: { code: string; max: number }[] }[];
    };
    for (const d of lb.decisions)
      expect(
        d.parts.map((p) => [p.code, p.max]),
        d.decision,
      ).toEqual(LEGAL_BASES[d.decision].parts.map((p) => [p.code, p.max]));
  });

  // CI has ../shared; a checkout without it skips only this comparison.
  it.skipIf(!fs.existsSync(path.join(sourceDir, 'index-qd26-2026.json')))(
    'the committed resources equal a fresh conversion of ../shared/ocop/criteria',
    () => {
      const built = buildCriteriaResources(sourceDir);
      for (const [rel, content] of built.files)
        expect(fs.readFileSync(path.join(root, rel), 'utf8'), `${rel} is stale: run npm run criteria:build`).toBe(content);
      // The only note the patterns leave unread is set 21's "Áp dụng bắt buộc …" (listed in the report).
      expect(built.unclassified.map((u) => `${u.setKey} ${u.criterionCode}`)).toEqual(['qd26-2026/21 7']);
    },
  );
});

describe('docs/formats/criteria-set.schema.json', () => {
  it('is the JSON Schema generated from the zod model (run npm run criteria:build after changing the model)', async () => {
    const { criteriaSetJsonSchema, JSON_SCHEMA_FILE } = await import('./json-schema');
    expect(fs.readFileSync(path.join(root, JSON_SCHEMA_FILE), 'utf8')).toBe(criteriaSetJsonSchema());
  });
});
