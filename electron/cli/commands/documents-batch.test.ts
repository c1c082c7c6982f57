import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { pdfPages } from '../../core/documents/test/pdf-tools';
import { choicesForTotal } from '../../core/results/test/choices';
import { seedSession } from '../../core/results/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

async function seeded() {
  const dir = tempDir();
  const core = await fileCore(dir);
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const plan = [70, 72, 74].map((t) => choicesForTotal(set, t, { keepMarks: true }));
  const s = seedSession(core.ctx.sqlite, { products: 2, members: 3, choose: ({ member, code }) => plan[member]![code]! });
  const names = (
    core.ctx.sqlite.prepare(`SELECT full_name FROM council_member WHERE id IN (${s.memberIds.join(',')}) ORDER BY id`).all() as {
      full_name: string;
    }[]
  ).map((r) => r.full_name);
  const products = core.ctx.sqlite
    .prepare(
      `SELECT p.name FROM registration r JOIN product p ON p.id = r.product_id WHERE r.id IN (${s.registrationIds.join(',')}) ORDER BY r.id`,
    )
    .all() as { name: string }[];
  core.close();
  return { dir, s, names, products: products.map((p) => p.name) };
}

describe('CLI pdf sheets and blank-sheet', { timeout: 180_000 }, () => {
  it('prints every sheet of a session into one PDF, with progress lines on stderr', async () => {
    const { dir, s, names } = await seeded();
    const out = path.join(dir, 'tat-ca.pdf');
    const r = await run(['pdf', 'sheets', '--session', String(s.sessionId), '--out', out, '--data-dir', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`tat-ca\\.pdf: 6 sheets, \\d+ pages`, 'u'));
    const lines = r.err.split('\n');
    expect(lines[0]).toBe('sheets: 0/6 (0%)');
    expect(lines.at(-1)).toBe('sheets: 6/6 (100%)');
    const pages = pdfPages(out);
    expect(pages.filter((p) => p.includes('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP')).length).toBe(6);
    for (const n of names) expect(pages.join('\n').split(`Người đánh giá: ${n}`).length - 1).toBe(2);
    // The CLI leaves no copy behind in the data folder's exports.
    expect(fs.readdirSync(path.join(dir, 'exports'))).toEqual([]);

    const json = await run(['pdf', 'sheets', '--session', String(s.sessionId), '--out', out, '--json', '--data-dir', dir]);
    expect(JSON.parse(json.out)).toMatchObject({
      file: out,
      fileName: `tat-ca-phieu-danh-gia-phien-${s.sessionId}.pdf`,
      sheets: 6,
      pages: pages.length,
    });
  });

  it('prints a blank sheet of a product, pre-filled or dotted, and names what is missing', async () => {
    const { dir, s, names, products } = await seeded();
    const reg = String(s.registrationIds[1]);
    const filled = path.join(dir, 'filled.pdf');
    const r = await run([
      'pdf',
      'blank-sheet',
      '--session',
      String(s.sessionId),
      '--registration',
      reg,
      '--member',
      String(s.memberIds[2]),
      '--out',
      filled,
      '--json',
      '--data-dir',
      dir,
    ]);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      fileName: `phieu-danh-gia-trang-phien-${s.sessionId}-dk-${reg}-tv-${s.memberIds[2]}.pdf`,
    });
    const text = pdfPages(filled).join('\n');
    expect(text).toContain(`Tên sản phẩm: ${products[1]}`);
    expect(text).toContain(`Người đánh giá: ${names[2]}`);
    expect(text).toMatch(/TỔNG CỘNG\s+100\n/u); // no points: it is for scoring by hand

    const dotted = path.join(dir, 'dotted.pdf');
    expect(
      (
        await run([
          'pdf',
          'blank-sheet',
          '--session',
          String(s.sessionId),
          '--registration',
          reg,
          '--dotted',
          '--out',
          dotted,
          '--data-dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    const blank = pdfPages(dotted).join('\n');
    expect(blank).toContain('Tên sản phẩm: ……');
    expect(blank).not.toContain(products[1]!);

    const noReg = await run(['pdf', 'blank-sheet', '--session', String(s.sessionId), '--data-dir', dir]);
    expect(noReg.code).toBe(1);
    expect(noReg.err).toContain('registrationId: required to print a blank scoring sheet');
  });
});
