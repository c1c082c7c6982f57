import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../api';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { builtInSets } from './built-in-sets';
import { seedBuiltInSets } from './built-in-seed';
import { criteriaSetToXlsx } from './xlsx/criteria-xlsx-write';

let core: Core | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
});

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error).slice(0, 2000)}`);
  return r.value;
}

/** A built-in set under another key, so importing it creates a new set instead of matching the built-in one. */
const asCustom = (set: CriteriaSet, key = `test/${set.setKey.replace('/', '-')}`): CriteriaSet => ({
  ...structuredClone(set),
  setKey: key,
});

/** Every cell value of every sheet, for comparing two workbooks. */
async function cells(xlsx: Buffer): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    out[ws.name] = rows;
  }
  return out;
}

describe('criteria sets in the core', () => {
  it('installs the 26 built-in sets at migration, once', async () => {
    core = await memoryCore();
    const list = await ok(invoke(core.ctx, 'criteria:list', {}));
    expect(list).toHaveLength(26);
    expect(list[6]).toMatchObject({
      setKey: 'qd26-2026/07',
      decision: '26/2026/QĐ-TTg',
      setNo: 7,
      version: 1,
      builtIn: true,
      used: false,
      partMaxima: { A: 40, B: 25, C: 35 },
      total: 100,
      criterionCount: 32,
      starMarkedLevels: 28,
    });
    // Running the seed again adds nothing.
    expect(await seedBuiltInSets(core.ctx.db, new Date())).toEqual({ inserted: [] });
    expect(core.ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM criteria_set_version').get()).toEqual({ n: 26 });
    // Installing the schema is not a user action: the audit log stays empty.
    expect(await ok(invoke(core.ctx, 'audit:verify', {}))).toMatchObject({ ok: true, count: 0 });
  });

  it('opens set 7 as the official form: criterion 1.5 with its star marks', async () => {
    core = await memoryCore();
    const v = await ok(invoke(core.ctx, 'criteria:get', { id: 7 }));
    expect(v.content.name).toBe('Chế biến từ rau, củ, quả, hạt');
    const c15 = v.content.parts[0]!.groups[0]!.criteria.find((c) => c.code === '1.5')!;
    expect(c15.title).toBe('Liên kết chuỗi trong sản xuất');
    expect(c15.levels.map((l) => [l.points, l.minForStars ?? null])).toEqual([
      [0, null],
      [1, null],
      [2, 4],
      [3, 5],
    ]);
    const r = await invoke(core.ctx, 'criteria:get', { id: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('searches criterion text without accents, in titles, levels and notes', async () => {
    core = await memoryCore();
    const s = await ok(invoke(core.ctx, 'criteria:search', { query: 'lien ket chuoi' }));
    expect(s.hits.length).toBeGreaterThanOrEqual(25);
    expect(s.hits.find((h) => h.setNo === 7)).toMatchObject({
      criterionCode: '1.5',
      criterionTitle: 'Liên kết chuỗi trong sản xuất',
      field: 'title',
    });
    // đ folds to d; word order does not matter; notes are searched.
    const d = await ok(invoke(core.ctx, 'criteria:search', { query: 'DAC SAN xa', versionIds: [7] }));
    expect(d.hits.some((h) => h.text.includes('đặc sản'))).toBe(true);
    const n = await ok(invoke(core.ctx, 'criteria:search', { query: 'nguyên liệu nhập khẩu', versionIds: [7] }));
    expect(n.hits).toContainEqual(expect.objectContaining({ criterionCode: '1.1', field: 'note' }));
    // LIKE wildcards are literal.
    expect((await ok(invoke(core.ctx, 'criteria:search', { query: '%_%' }))).hits).toEqual([]);
    const lim = await ok(invoke(core.ctx, 'criteria:search', { query: 'san pham', limit: 5 }));
    expect(lim).toMatchObject({ truncated: true });
    expect(lim.hits).toHaveLength(5);
  });

  it('imports a changed set as a new version, identical content as a no-op, and audits the import', async () => {
    core = await memoryCore();
    const exported = await ok(invoke(core.ctx, 'criteria:export', { id: 7, format: 'json' }));
    expect(exported).toMatchObject({ fileName: 'bo-tieu-chi-qd26-2026-07-v1.json', encoding: 'utf8' });
    expect(await ok(invoke(core.ctx, 'criteria:import', { format: 'json', content: exported.content }))).toMatchObject({
      outcome: 'unchanged',
      version: { id: 7, version: 1 },
    });

    const changed = JSON.parse(exported.content) as CriteriaSet;
    changed.parts[0]!.groups[2]!.criteria[0]!.levels[1]!.points = 2; // set 7 crit. 3.1 after checking the signed PDF
    changed.anomalies = changed.anomalies.filter((a) => !(a.target.kind === 'criterion' && a.target.code === '3.1'));
    delete changed.parts[0]!.groups[2]!.criteria[0]!.possibleTypo;
    const r = await ok(
      invoke(
        core.ctx,
        'criteria:import',
        { format: 'json', content: JSON.stringify(changed), fileName: 'bo-7-sua.json' },
        { actor: 'Thư ký' },
      ),
    );
    expect(r).toMatchObject({
      outcome: 'new_version',
      version: { setKey: 'qd26-2026/07', version: 2, builtIn: false, latest: true },
    });
    const all = await ok(invoke(core.ctx, 'criteria:list', { allVersions: true }));
    expect(all.filter((s) => s.setKey === 'qd26-2026/07').map((s) => [s.version, s.latest])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((await ok(invoke(core.ctx, 'criteria:list', {}))).find((s) => s.setKey === 'qd26-2026/07')?.version).toBe(2);
    const tail = await ok(invoke(core.ctx, 'audit:tail', { limit: 5 }));
    expect(tail).toHaveLength(1);
    expect(tail[0]).toMatchObject({
      action: 'criteria.import',
      actor: 'Thư ký',
      entity: 'criteria_set_version',
      entityId: String(r.version.id),
      after: { setKey: 'qd26-2026/07', version: 2, fileName: 'bo-7-sua.json' },
    });
    // The same changed file again: nothing new.
    expect(await ok(invoke(core.ctx, 'criteria:import', { format: 'json', content: JSON.stringify(changed) }))).toMatchObject({
      outcome: 'unchanged',
      version: { version: 2 },
    });
    expect((await ok(invoke(core.ctx, 'audit:verify', {}))).count).toBe(1);
    // A new key is version 1.
    expect(
      await ok(
        invoke(core.ctx, 'criteria:import', {
          format: 'json',
          content: JSON.stringify(asCustom(changed, 'tinh-ab/che-bien-2027')),
        }),
      ),
    ).toMatchObject({ outcome: 'created', version: { version: 1, setKey: 'tinh-ab/che-bien-2027' } });
  });

  it('round-trips every built-in set JSON → DB → JSON without loss', async () => {
    core = await memoryCore();
    for (const { set } of builtInSets()) {
      const input = `${JSON.stringify(asCustom(set), null, 2)}\n`;
      const imp = await ok(invoke(core.ctx, 'criteria:import', { format: 'json', content: input }));
      expect(imp.outcome).toBe('created');
      const out = await ok(invoke(core.ctx, 'criteria:export', { id: imp.version.id, format: 'json' }));
      expect(out.content, set.setKey).toBe(input);
    }
  });

  it('round-trips every built-in set XLSX → DB → XLSX without loss (and back to the same JSON)', async () => {
    core = await memoryCore();
    for (const { set } of builtInSets()) {
      const custom = asCustom(set);
      const xlsx = await criteriaSetToXlsx(custom);
      const imp = await ok(
        invoke(core.ctx, 'criteria:import', { format: 'xlsx', content: xlsx.toString('base64'), fileName: 'x.xlsx' }),
      );
      expect(imp.outcome, set.setKey).toBe('created');
      const back = await ok(invoke(core.ctx, 'criteria:get', { id: imp.version.id }));
      expect(back.content, set.setKey).toEqual(custom);
      const out = await ok(invoke(core.ctx, 'criteria:export', { id: imp.version.id, format: 'xlsx' }));
      expect(out).toMatchObject({
        encoding: 'base64',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      expect(await cells(Buffer.from(out.content, 'base64')), set.setKey).toEqual(await cells(xlsx));
    }
  }, 120_000);

  it('reads the rules from the notes when the XLSX file has no "Quy tắc" sheet', async () => {
    core = await memoryCore();
    const set = asCustom(builtInSets()[15]!.set); // set 16: stop on 0 points
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await criteriaSetToXlsx(set)) as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet('Quy tắc')!.id);
    const imp = await ok(
      invoke(core.ctx, 'criteria:import', {
        format: 'xlsx',
        content: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      }),
    );
    expect((await ok(invoke(core.ctx, 'criteria:get', { id: imp.version.id }))).content.rules).toEqual(set.rules);
  });

  it('gives Phụ lục I with the stored version of each set, and the three legal bases', async () => {
    core = await memoryCore();
    const c = await ok(invoke(core.ctx, 'criteria:classification', {}));
    expect(c.tree.nganh).toHaveLength(6);
    expect(c.latestVersionIds['qd26-2026/07']).toBe(7);
    expect(c.legalBases.map((b) => [b.id, b.current, b.parts.map((p) => p.max).join('/')])).toEqual([
      ['26/2026/QĐ-TTg', true, '40/25/35'],
      ['148/QĐ-TTg', false, '40/25/35'],
      ['1048/QĐ-TTg', false, '35/25/40'],
    ]);
    expect(c.legalBases[0]!.bands.find((b) => b.stars === 4)).toMatchObject({
      min: 70,
      max: 90,
      maxInclusive: false,
      recognizedBy: 'province',
    });
  });
});
