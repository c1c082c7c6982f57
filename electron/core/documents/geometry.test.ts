/**
 * Where things land on paper, measured on the rendered PDFs (pdftotext -bbox for words, a 72-dpi
 * rendering for ink): nothing — the QR code and the digest line included — closer than 5 mm to a
 * paper edge (office printers leave 4–5 mm unprinted); page numbers centred on the text block;
 * the summary's header labels inside their cells; a sheet's last page never holding only the
 * signature; each sheet of a double-sided batch starting on a new leaf.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScoringSheetsBatch } from './batch/sheet-batch';
import { buildCertificate } from './builders/certificate';
import { buildDecision } from './builders/decision';
import { buildMinutes } from './builders/minutes';
import { buildScoringSheet } from './builders/scoring-sheet';
import { buildSummary } from './builders/summary';
import { documentT } from './doc-t';
import { DECREE_MARGINS, DECREE_MARGINS_MIN, mm } from './layout/units';
import { certificateData, decisionData, INTEGRITY, minutesData, sheetData, summaryData } from './test/fixtures';
import { inkBox, pdfInfo, pdfPages, pdfWordBoxes, tmpDir, writePdf } from './test/pdf-tools';
import { renderTo } from './test/render-doc';

const t = documentT('vi');
let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = tmpDir();
  files.minutes = await renderTo(dir, 'minutes', buildMinutes(minutesData(10), t));
  files.summary = await renderTo(dir, 'summary', buildSummary(summaryData(10), t));
  files.decision = await renderTo(dir, 'decision', buildDecision(decisionData(10), t));
  files.certificate = await renderTo(dir, 'certificate', buildCertificate(certificateData(), t));
  files.sheet = await renderTo(dir, 'sheet', buildScoringSheet(sheetData({ integrity: INTEGRITY }), t));
  // A sheet whose opinion is long enough to push the closing part towards the page end.
  const long = { ...sheetData({ memberIndex: 2, productIndex: 2, integrity: INTEGRITY }), opinion: 'Ý kiến dài. '.repeat(120) };
  files.longSheet = await renderTo(dir, 'long-sheet', buildScoringSheet(long, t));
  const batch = await renderScoringSheetsBatch(
    [
      sheetData({ memberIndex: 0, integrity: INTEGRITY }),
      sheetData({ memberIndex: 1, productIndex: 1, integrity: INTEGRITY }),
      long,
      sheetData({ form: sheetData({}).form, memberIndex: 3, productIndex: 3, integrity: INTEGRITY }),
    ],
    t,
    { newLeaf: true, createdAt: new Date('2026-01-05T08:00:00Z') },
  );
  files.batch = writePdf(dir, 'batch', batch.pdf);
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FIVE_MM = mm(5);

describe('geometry of the printed documents', { timeout: 120_000 }, () => {
  it('keeps every mark, the QR code and the digest line included, at least 5 mm inside every paper edge', () => {
    for (const [name, file] of Object.entries(files)) {
      const pages = pdfInfo(file).pages;
      for (let p = 1; p <= pages; p++) {
        const box = inkBox(file, p);
        const where = `${name} page ${p}`;
        expect(box.xMin, where).toBeGreaterThanOrEqual(FIVE_MM);
        expect(box.yMin, where).toBeGreaterThanOrEqual(FIVE_MM);
        expect(box.width - box.xMax, where).toBeGreaterThanOrEqual(FIVE_MM);
        expect(box.height - box.yMax, where).toBeGreaterThanOrEqual(FIVE_MM);
      }
      // The digest line itself (words), on the first and the last page.
      const boxes = pdfWordBoxes(file);
      for (const page of [boxes[0]!, boxes.at(-1)!]) {
        const line = page.words.find((w) => w.text.startsWith('OCOP:'));
        expect(line, `${name}: digest line`).toBeDefined();
        expect(page.height - line!.yMax, name).toBeGreaterThanOrEqual(FIVE_MM);
        expect(line!.xMin, name).toBeGreaterThanOrEqual(FIVE_MM);
      }
    }
  });

  it('centres page numbers on the text block, not on the paper', () => {
    for (const [name, file, margins] of [
      ['minutes', files.minutes!, DECREE_MARGINS],
      ['summary', files.summary!, DECREE_MARGINS_MIN],
    ] as const) {
      const boxes = pdfWordBoxes(file);
      expect(boxes.length, name).toBeGreaterThan(1);
      const page = boxes[1]!;
      const num = page.words.find((w) => w.text === '2' && w.yMax < mm(20))!;
      expect(num, `${name}: page number 2 in the top margin`).toBeDefined();
      const centre = (num.xMin + num.xMax) / 2;
      const textCentre = margins[0] + (page.width - margins[0] - margins[2]) / 2;
      expect(Math.abs(centre - textCentre), name).toBeLessThan(1.5);
      expect(Math.abs(centre - page.width / 2), name).toBeGreaterThan(10);
    }
  });

  it('keeps the summary header labels inside the header rows', () => {
    const page = pdfWordBoxes(files.summary!)[0]!;
    // The first data row starts with STT "1" in the first column.
    const firstRow = page.words.find((w) => w.text === '1' && w.xMin < mm(45) && w.yMin > mm(40))!;
    expect(firstRow).toBeDefined();
    const header = ['yêu', 'cầu', 'tối', 'thiểu', '(dấu', 'sao)', 'trung', 'bình', 'Chênh', 'lệch', 'Hạng'];
    const labels = page.words.filter((w) => header.includes(w.text) && w.yMin < firstRow.yMax);
    expect(labels.length).toBeGreaterThanOrEqual(header.length);
    for (const w of labels) expect(w.yMax, w.text).toBeLessThan(firstRow.yMin - 2);
  });

  it("never leaves a sheet's last page with the signature alone: its last criteria and the total are there", () => {
    for (const name of ['sheet', 'longSheet'] as const) {
      const pages = pdfPages(files[name]!);
      const last = pages.at(-1)!;
      expect(last, name).toContain('Người đánh giá');
      expect(last, name).toContain('TỔNG CỘNG');
      expect(last, name).toContain('CƠ HỘI THỊ TRƯỜNG TOÀN CẦU');
    }
  });

  it('starts every sheet of a double-sided batch on a new leaf; a blank back carries only the code', () => {
    const pages = pdfPages(files.batch!);
    const starts = pages.flatMap((p, i) => (p.includes('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP') ? [i] : []));
    expect(starts).toHaveLength(4);
    for (const s of starts) expect(s % 2, `sheet starting at page ${s + 1}`).toBe(0);
    const footerOnly = (p: string) =>
      /^Mã xác thực \(phiên 12, lần chốt 1\): OCOP:12:1:\S+$/u.test(p.split(/\s+/u).filter(Boolean).join(' '));
    for (let k = 0; k < starts.length; k++) {
      const own = pages.slice(starts[k], starts[k + 1] ?? pages.length);
      const backs = own.filter(footerOnly);
      // At most one blank back, only as the last page, and only to make the sheet's pages even.
      expect(backs.length).toBeLessThanOrEqual(1);
      if (backs.length) expect(footerOnly(own.at(-1)!)).toBe(true);
      expect(own.length % 2).toBe(0);
      // The sheet's last printed page holds its last criterion, the total and the signature.
      const lastPrinted = own.filter((p) => !footerOnly(p)).at(-1)!;
      expect(lastPrinted).toContain('Người đánh giá');
      expect(lastPrinted).toContain('TỔNG CỘNG');
    }
  });
});
