import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI criteria', () => {
  it('list --json gives id, decision, setNo, name, version, hash, part maxima, total, criterion count, used', async () => {
    const dir = tempDir();
    const r = await run(['criteria', 'list', '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    expect(list).toHaveLength(26);
    expect(list[6]).toEqual({
      id: 7,
      setKey: 'qd26-2026/07',
      decision: '26/2026/QĐ-TTg',
      setNo: 7,
      name: 'Chế biến từ rau, củ, quả, hạt',
      version: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      partMaxima: { A: 40, B: 25, C: 35 },
      total: 100,
      criterionCount: 32,
      starMarkedLevels: 28,
      builtIn: true,
      used: false,
    });
  });

  it('show prints the form with levels and star marks', async () => {
    const r = await run(['criteria', 'show', '7', '--data-dir', tempDir()]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1.5. Liên kết chuỗi trong sản xuất (3)');
    expect(r.out).toMatch(/□ Có hợp đồng liên kết trên 75% sản lượng tiêu thụ — 2 điểm \*\*\*\* \(4 sao\)/);
    expect((await run(['criteria', 'show', 'bảy', '--data-dir', tempDir()])).code).toBe(2);
  });

  it('exports to XLSX and JSON and imports them back (unchanged), with --json results', async () => {
    const dir = tempDir();
    const out = tempDir();
    const x = await run([
      'criteria',
      'export',
      '26',
      '--format',
      'xlsx',
      '--out',
      path.join(out, 'bo-26.xlsx'),
      '--json',
      '--data-dir',
      dir,
    ]);
    expect(x.code).toBe(0);
    expect(JSON.parse(x.out)).toMatchObject({ format: 'xlsx', bytes: expect.any(Number) });
    expect(fs.readFileSync(path.join(out, 'bo-26.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const imp = await run(['criteria', 'import', path.join(out, 'bo-26.xlsx'), '--json', '--data-dir', dir]);
    expect(JSON.parse(imp.out)).toMatchObject({ outcome: 'unchanged', version: { id: 26 } });

    await run(['criteria', 'export', '7', '--format', 'json', '--out', path.join(out, 'bo-7.json'), '--data-dir', dir]);
    const set = JSON.parse(fs.readFileSync(path.join(out, 'bo-7.json'), 'utf8'));
    set.setKey = 'tinh-ab/bo-7';
    fs.writeFileSync(path.join(out, 'bo-7-rieng.json'), JSON.stringify(set));
    const created = await run(['criteria', 'import', path.join(out, 'bo-7-rieng.json'), '--data-dir', dir]);
    expect(created.out).toMatch(/^Imported as a new set: tinh-ab\/bo-7 v1 \(id 27,/);
  });

  it('lists every error of an invalid file and changes nothing', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'sai.json');
    await run(['criteria', 'export', '7', '--format', 'json', '--out', file, '--data-dir', dir]);
    const set = JSON.parse(fs.readFileSync(file, 'utf8'));
    set.setKey = 'tinh-ab/sai';
    set.parts[0].groups[0].criteria[2].max = 4;
    fs.writeFileSync(file, JSON.stringify(set));
    const r = await run(['criteria', 'import', file, '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[CRITERION_MAX_LEVEL\] Criterion 1\.3 has maximum 4, but its highest level gives 3 points/);
    expect(r.err).toMatch(/\[GROUP_MAX_SUM\]/);
    expect(r.err).toMatch(/\[IMPORT_INVALID\]/);
    const j = await run(['criteria', 'import', file, '--json', '--data-dir', dir]);
    expect(JSON.parse(j.out)).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_INVALID',
        details: {
          errors: expect.arrayContaining([expect.objectContaining({ code: 'CRITERION_MAX_LEVEL', criterionCode: '1.3' })]),
        },
      },
    });
    expect(JSON.parse((await run(['criteria', 'list', '--json', '--data-dir', dir])).out)).toHaveLength(26);
    expect((await run(['criteria', 'import', 'bo.csv', '--data-dir', dir])).code).toBe(2);
    expect((await run(['criteria', 'export', '7', '--format', 'pdf', '--out', 'x', '--data-dir', dir])).code).toBe(2);
  });
});
