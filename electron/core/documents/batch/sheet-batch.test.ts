import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScoringSheet, sheetTotals } from '../builders/scoring-sheet';
import { documentT } from '../doc-t';
import { anchorToken } from '../integrity/digest-code';
import { readDocumentAnchor } from '../integrity/anchor';
import { renderPdf } from '../render';
import { FORM_26, INTEGRITY, sheetData } from '../test/fixtures';
import { firstLine, pdfFonts, pdfInfo, pdfPages, pdfText, tmpDir, writePdf } from '../test/pdf-tools';
import { renderScoringSheetsBatch } from './sheet-batch';

const t = documentT('vi');
let dir: string;
let batchFile: string;
let fullFile: string;
const progress: number[] = [];

/** Words with their rounded positions, for comparing two renderings of the same sheet. */
const words = (file: string): string[] => {
  const text = fs.readFileSync(file).length ? pdfText(file) : '';
  return text.split(/\s+/u).filter(Boolean);
};

beforeAll(async () => {
  dir = tmpDir();
  const sheets = [
    sheetData({ memberIndex: 0, productIndex: 0, integrity: INTEGRITY }),
    sheetData({ memberIndex: 1, productIndex: 1, integrity: INTEGRITY }),
    { ...sheetData({ memberIndex: 2, productIndex: 2, integrity: INTEGRITY }), rescoringRound: 1, draft: true },
    sheetData({ blank: true, integrity: INTEGRITY }),
    sheetData({ form: FORM_26, memberIndex: 3, productIndex: 3, integrity: INTEGRITY }),
  ];
  const r = await renderScoringSheetsBatch(sheets, t, { onProgress: (done) => progress.push(done) });
  batchFile = writePdf(dir, 'batch', r.pdf);
  fullFile = writePdf(dir, 'full', await renderPdf(buildScoringSheet(sheets[0]!, t)));
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('all sheets of a session in one PDF (template + values)', { timeout: 120_000 }, () => {
  it('prints the same words as the single-sheet builder for the same sheet', () => {
    const single = words(fullFile);
    const batch = pdfPages(batchFile).slice(0, pdfPages(fullFile).length).join('\n').split(/\s+/u).filter(Boolean);
    expect(batch).toEqual(single);
  });

  it('is A4 PDF 1.7 with embedded fonts, reports progress per sheet', () => {
    const info = pdfInfo(batchFile);
    expect(info.pageSize).toContain('595.28 x 841.89');
    expect(info.version).toBe('1.7');
    expect(pdfFonts(batchFile).every((f) => f.embedded)).toBe(true);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('restarts page numbers for each sheet and carries the digest on every page', async () => {
    const pages = pdfPages(batchFile);
    const starts = pages.map((p, i) => (p.includes('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP') ? i : -1)).filter((i) => i >= 0);
    expect(starts.length).toBe(5);
    const unmarked = (p: string) => p.replace('BẢN NHÁP – CHƯA NỘP', '');
    for (const s of starts) {
      expect(firstLine(unmarked(pages[s]!))).toBe('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP');
      expect(firstLine(unmarked(pages[s + 1]!))).toBe('2');
    }
    for (const p of pages) expect(p).toContain(anchorToken(INTEGRITY));
    const read = await readDocumentAnchor(fs.readFileSync(batchFile));
    expect(read.anchors).toHaveLength(1);
    expect(read.anchors[0]).toMatchObject({
      sessionId: 12,
      version: 1,
      digestPrefix: INTEGRITY.digest.slice(0, 20).toUpperCase(),
    });
    expect(read.anchors[0]!.pages).toHaveLength(pages.length);
  });

  it("fills each sheet's own values: identification, totals, re-scoring line, draft mark, blank sheet, set 26", () => {
    const pages = pdfPages(batchFile);
    const starts = pages.map((p, i) => (p.includes('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP') ? i : -1)).filter((i) => i >= 0);
    const sheet = (k: number) => pages.slice(starts[k], starts[k + 1] ?? pages.length).join('\n');
    expect(sheet(1)).toContain('Tên sản phẩm: Bánh phồng tôm Sa Giang');
    expect(sheet(1)).toContain('Người đánh giá: Nguyễn Thị Thu Hương');
    const d1 = sheetData({ memberIndex: 1, productIndex: 1 });
    expect(sheet(1)).toMatch(new RegExp(`TỔNG CỘNG\\s+100\\s+${sheetTotals(d1.form, d1.answers).total}\\n`, 'u'));
    expect(sheet(2)).toContain('Chấm lại lần 1');
    expect(sheet(2)).toContain('BẢN NHÁP – CHƯA NỘP');
    expect(sheet(3)).toContain('Tên sản phẩm: ……');
    expect(sheet(3)).toMatch(/TỔNG CỘNG\s+100\n/u);
    expect(sheet(4)).toContain('Trường hợp 2: Điểm dịch vụ du lịch');
  });

  it('stops when cancelled, and refuses an empty list or mixed sessions', async () => {
    const ctl = new AbortController();
    const sheets = [sheetData({ integrity: INTEGRITY }), sheetData({ memberIndex: 1, integrity: INTEGRITY })];
    const run = renderScoringSheetsBatch(sheets, t, {
      signal: ctl.signal,
      onProgress: () => ctl.abort(new Error('cancelled by the secretary')),
    });
    await expect(run).rejects.toThrow(/cancelled by the secretary/u);
    await expect(renderScoringSheetsBatch([], t)).rejects.toThrow(/no sheet to print/u);
    await expect(
      renderScoringSheetsBatch([sheets[0]!, sheetData({ integrity: { ...INTEGRITY, digest: 'b'.repeat(64) } })], t),
    ).rejects.toThrow(/different session digests/u);
  });
});
