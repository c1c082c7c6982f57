import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../errors';
import { documentT } from '../doc-t';
import { anchorToken } from '../integrity/digest-code';
import { FORM_09, FORM_26, INTEGRITY, sheetData } from '../test/fixtures';
import { firstLine, pdfFonts, pdfInfo, pdfPages, pdfText, tmpDir } from '../test/pdf-tools';
import { renderTo } from '../test/render-doc';
import { buildScoringSheet, buildScoringSheets, sheetTotals } from './scoring-sheet';

const t = documentT('vi');
let dir: string;
let file: string;
let text: string;

beforeAll(async () => {
  dir = tmpDir();
  file = await renderTo(dir, 'sheet', buildScoringSheet(sheetData({ integrity: INTEGRITY }), t));
  text = pdfText(file);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text row of a criterion or level: "1.1. Nguồn nguyên liệu   5   5". */
const rowOf = (s: string, start: string): string =>
  s
    .split('\n')
    .find((l) => l.trim().startsWith(start))
    ?.trim() ?? '';

describe('Phiếu đánh giá (member × product)', { timeout: 60_000 }, () => {
  it('is A4 with embedded fonts and the official form heading', () => {
    expect(pdfInfo(file).pageSize).toContain('595.28 x 841.89');
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    expect(text).toContain('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP');
    expect(text).toContain('9. Bộ sản phẩm: Tương, nước mắm, gia vị dạng lỏng khác');
    expect(text).toContain('(Sản phẩm: Thực phẩm. Nhóm: Gia vị)');
    expect(text).toContain('Hồ sơ bị loại khi:');
  });

  it('identifies product, producer and evaluator with full diacritics', () => {
    expect(text).toContain('Tên sản phẩm: Nước mắm Phú Quốc');
    expect(text).toContain('Mã số sản phẩm: 87-29000-001-2026');
    expect(text).toContain('Tên chủ thể sản xuất: Hợp tác xã Đồng Tháp');
    expect(text).toContain('Người đánh giá: Phạm Ngọc Ánh');
  });

  it('prints the chosen points in the score column and the exact part and grand totals', () => {
    const d = sheetData({ integrity: INTEGRITY });
    const totals = sheetTotals(d.form, d.answers);
    const chosen11 = d.answers!.find((a) => a.criterionCode === '1.1')!;
    const pts = FORM_09.parts[0]!.groups[0]!.criteria[0]!.levels[chosen11.levelIndex]!.points;
    expect(rowOf(text, '1.1. Nguồn nguyên liệu')).toMatch(new RegExp(`5\\s+${pts}$`, 'u'));
    expect(rowOf(text, 'Phần A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG')).toMatch(new RegExp(`40\\s+${totals.parts.A}$`, 'u'));
    expect(rowOf(text, 'Cộng Phần C')).toMatch(new RegExp(`35\\s+${totals.parts.C}$`, 'u'));
    expect(rowOf(text, 'TỔNG CỘNG')).toMatch(new RegExp(`100\\s+${totals.total}$`, 'u'));
    expect(totals.total).toBe(totals.parts.A! + totals.parts.B! + totals.parts.C!);
  });

  it('keeps the star marks of the levels, the closing note, the opinion and the signature', () => {
    expect(text).toContain('dưới 50% ***');
    expect(text).toContain('Ghi chú: Dấu sao là yêu cầu tối thiểu');
    const flat = text.replace(/\s+/gu, ' ');
    expect(flat).toContain('Ý kiến của người đánh giá: Sản phẩm có chất lượng ổn định');
    expect(flat).toContain('Ghi chú của người đánh giá (tiêu chí 1.4): Chưa có hợp đồng liên kết');
    expect(flat).toMatch(/Đồng Tháp, ngày 05 tháng 01 năm 2026 Người đánh giá \(Ký và ghi rõ họ tên\) Phạm Ngọc Ánh/u);
  });

  it('numbers pages from 2 and carries the digest on every page', () => {
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(2);
    expect(firstLine(pages[0]!)).toBe('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP');
    pages.slice(1).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
    for (const p of pages) expect(p).toContain(anchorToken(INTEGRITY));
  });

  it('prints a blank sheet for paper scoring: dotted identification, no points chosen', async () => {
    const f = await renderTo(dir, 'blank', buildScoringSheet(sheetData({ blank: true }), t));
    const b = pdfText(f);
    expect(b).toContain('Tên sản phẩm: ……');
    expect(b).toContain('Người đánh giá: ……');
    expect(rowOf(b, '1.1. Nguồn nguyên liệu')).toMatch(/Nguồn nguyên liệu\s+5$/u);
    expect(rowOf(b, 'TỔNG CỘNG')).toMatch(/TỔNG CỘNG\s+100$/u);
    expect(b).toContain('Ý kiến của người đánh giá: ....');
    expect(b.replace(/\s+/gu, ' ')).toMatch(/Đồng Tháp, ngày tháng năm Người đánh giá/u);
    expect(b).not.toContain('OCOP:');
  });

  it("prints set 26's two cases under their criterion", async () => {
    const f = await renderTo(dir, 'set26', buildScoringSheet(sheetData({ form: FORM_26 }), t));
    const s = pdfText(f);
    expect(s).toContain('Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp');
    expect(s).toContain('Trường hợp 2: Điểm dịch vụ du lịch');
  });

  it('refuses answers that do not belong to the form, naming the criterion', () => {
    const d = sheetData();
    expect(() => buildScoringSheet({ ...d, answers: [{ criterionCode: '99.1', levelIndex: 0 }] }, t)).toThrow(
      /criterion 99\.1 is not in the set/u,
    );
    expect(() => buildScoringSheet({ ...d, answers: [{ criterionCode: '1.1', levelIndex: 7 }] }, t)).toThrow(
      /1\.1 has 3 levels, level index 7/u,
    );
    const twice = [
      { criterionCode: '1.1', levelIndex: 0 },
      { criterionCode: '1.1', levelIndex: 1 },
    ];
    try {
      buildScoringSheet({ ...d, answers: twice }, t);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe('VALIDATION');
    }
  });

  it('batches sheets in one PDF, each restarting its page numbers, and refuses mixed sessions', async () => {
    const sheets = [
      sheetData({ memberIndex: 1, integrity: INTEGRITY }),
      sheetData({ memberIndex: 2, productIndex: 1, integrity: INTEGRITY }),
    ];
    const f = await renderTo(dir, 'batch', buildScoringSheets(sheets, t));
    const pages = pdfPages(f);
    const starts = pages.map((p, i) => (firstLine(p) === 'PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP' ? i : -1)).filter((i) => i >= 0);
    expect(starts).toEqual([0, pages.length / 2]);
    expect(firstLine(pages[pages.length / 2 + 1]!)).toBe('2');
    expect(pages[pages.length / 2]).toContain('Bánh phồng tôm Sa Giang');
    expect(() => buildScoringSheets([sheets[0]!, sheetData({ integrity: { ...INTEGRITY, digest: 'a'.repeat(64) } })], t)).toThrow(
      /different session digests/u,
    );
    expect(() => buildScoringSheets([], t)).toThrow(/no sheet to print/u);
  });
});
