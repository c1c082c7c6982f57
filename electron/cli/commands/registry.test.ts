import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../core/registry/import/template';
import { generateHistory, historySheetRows } from '../../core/registry/test/history';
import { tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI registry', () => {
  it(
    'template, import with a sector confirmation, list, show, due, export and a re-import that changes nothing',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const tpl = path.join(dir, 'mau.xlsx');
      expect((await run(['registry', 'template', '--out', tpl, '--data-dir', dir])).code).toBe(0);
      expect(fs.readFileSync(tpl).subarray(0, 2).toString()).toBe('PK');

      // Decisions up to the end of 2025: all in the past for the real clock.
      const rows = generateHistory({ lineages: 60, lastYear: 2025 });
      const file = path.join(dir, 'lich-su.xlsx');
      fs.writeFileSync(file, await buildWorkbook(historySheetRows(rows)));
      const refused = await run(['registry', 'import', file, '--data-dir', dir]);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('nothing was imported');
      expect(refused.out).toContain('--sector "1048/QĐ-TTg|Lưu niệm - nội thất - trang trí=IV"');

      const sector = '1048/QĐ-TTg|Lưu niệm - nội thất - trang trí=IV/Thủ công mỹ nghệ gia dụng, trang trí';
      const imp = await run(['registry', 'import', file, '--sector', sector, '--json', '--data-dir', dir]);
      expect(imp.code).toBe(0);
      expect(JSON.parse(imp.out)).toMatchObject({ rows: rows.length, created: rows.length });

      const list = await run(['registry', 'list', '--year', '2024', '--star', '4', '--json', '--data-dir', dir]);
      const page = JSON.parse(list.out) as { total: number; rows: { id: number; year: number; star: number }[] };
      expect(page.total).toBe(rows.filter((r) => r.truth.year === 2024 && r.truth.star === 4).length);
      expect(page.rows.every((r) => r.year === 2024 && r.star === 4)).toBe(true);

      const text = await run(['registry', 'show', String(page.rows[0]!.id), '--data-dir', dir]);
      expect(text.out).toContain('History:');
      expect(text.out).toMatch(/Valid: {6}\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);

      const due = await run(['registry', 'due', '--on', '2025-12-31', '--json', '--data-dir', dir]);
      expect(JSON.parse(due.out)).toMatchObject({ on: '2025-12-31', horizonDays: 90 });
      const pdf = path.join(dir, 'due.pdf');
      expect(
        (await run(['registry', 'due', '--on', '2025-12-31', '--format', 'pdf', '--out', pdf, '--data-dir', dir])).code,
      ).toBe(0);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

      const out = path.join(dir, 'xuat.xlsx');
      expect((await run(['registry', 'export', '--out', out, '--data-dir', dir])).code).toBe(0);
      const again = await run(['registry', 'import', out, '--data-dir', dir]);
      expect(again.out).toContain('Nothing to change.');
      expect(again.out).toContain(`unchanged ${rows.length}`);

      // stats: the JSON holds every table of the report; the text shows them; --pdf writes the report.
      const stats = await run(['stats', '--year', '2021', '--to', '2025', '--json', '--data-dir', dir]);
      const report = JSON.parse(stats.out) as { tables: { id: string; rows: { key: string; cells: { value: number }[] }[] }[] };
      expect(report.tables.map((t) => t.id)).toEqual([
        'overview',
        'byYear',
        'byStar',
        'bySector',
        'byGroup',
        'byProducerKind',
        'producers',
        'byCommune',
        'byDistrict',
        'inclusion',
        'validOn',
        'byBasis',
        'targets',
      ]);
      const rankedIn = rows.filter((x) => x.truth.year >= 2021 && x.truth.year <= 2025 && x.truth.star >= 3).length;
      expect(report.tables[0]!.rows.find((x) => x.key === 'ranked')!.cells[0]!.value).toBe(rankedIn);
      const statsText = await run(['stats', '--year', '2024', '--data-dir', dir]);
      expect(statsText.out).toContain('Kết quả đánh giá, phân hạng sản phẩm OCOP năm 2024');
      expect(statsText.out).toMatch(/3 sao +\d+ +\d+,\d\d/);
      const report2 = path.join(dir, 'bao-cao.pdf');
      expect((await run(['stats', '--year', '2024', '--pdf', report2, '--data-dir', dir])).code).toBe(0);
      expect(fs.readFileSync(report2).subarray(0, 5).toString()).toBe('%PDF-');

      // correct: an imported entry has no issued document, so no reason is needed and nothing is recorded.
      const listed = JSON.parse(
        (await run(['registry', 'list', '--year', '2024', '--star', '4', '--json', '--data-dir', dir])).out,
      ) as { rows: { id: number; decisionDate: string }[] };
      const target = listed.rows[0]!;
      const fixed = await run([
        ...['registry', 'correct', '--id', String(target.id), '--no', '999/QĐ-UBND'],
        ...['--date', target.decisionDate, '--signer', 'Lê Văn Sửa', '--json', '--data-dir', dir],
      ]);
      expect(fixed.code).toBe(0);
      expect(JSON.parse(fixed.out)).toMatchObject({
        decisionNo: '999/QĐ-UBND',
        decisionSigner: 'Lê Văn Sửa',
        issuedDocuments: [],
        corrections: [],
      });
      const bad = await run([
        'registry',
        'correct',
        '--id',
        String(target.id),
        '--no',
        '999',
        '--date',
        target.decisionDate,
        '--data-dir',
        dir,
      ]);
      expect(bad.code).not.toBe(0);
      expect(bad.err).toContain('decisionNo');
    },
  );

  it('explains a bad --sector', async () => {
    const dir = tempDir();
    const tpl = path.join(dir, 'mau.xlsx');
    await run(['registry', 'template', '--out', tpl, '--data-dir', dir]);
    const r = await run(['registry', 'import', tpl, '--sector', 'nonsense', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('write BASIS|TEXT=NGANH[/NHOM]');
  });
});
