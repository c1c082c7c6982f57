import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentT } from '../doc-t';
import { anchorToken } from '../integrity/digest-code';
import { INTEGRITY, MEMBERS, results, summaryData } from '../test/fixtures';
import { firstLine, pdfFonts, pdfInfo, pdfPages, pdfRaw, pdfText, tmpDir } from '../test/pdf-tools';
import { renderTo } from '../test/render-doc';
import { buildSummary, summaryGeometry } from './summary';

const t = documentT('vi');
let dir: string;
let file: string;
let flat: string;

beforeAll(async () => {
  dir = tmpDir();
  file = await renderTo(dir, 'summary', buildSummary(summaryData(10), t));
  flat = pdfRaw(file).replace(/\s+/gu, ' ');
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Bảng tổng hợp kết quả chấm điểm', { timeout: 60_000 }, () => {
  it('turns landscape when the member columns do not fit portrait', () => {
    expect(summaryGeometry(9).orientation).toBe('landscape');
    expect(summaryGeometry(2).orientation).toBe('landscape');
    expect(summaryGeometry(1).orientation).toBe('portrait');
    const info = pdfInfo(file);
    expect(info.landscape).toBe(true);
    expect(info.pageSize).toContain('841.89 x 595.28');
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
  });

  it('is headed as the annex of the biên bản', () => {
    expect(flat).toContain('Phụ lục BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, PHÂN HẠNG SẢN PHẨM OCOP');
    expect(flat).toContain(
      '(Kèm theo Biên bản số 05/BB-HĐĐG ngày 05 tháng 01 năm 2026 của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng',
    );
  });

  it("prints each member's total, the sum, the mean, the spread and the star exactly as given", () => {
    const row = results(10)[0]!;
    const totals = row.totalsCenti.map((c) => (c === null ? '—' : String(c / 100).replace('.', ','))).join(' ');
    expect(totals).toContain('82,5');
    // Row 1: "1 Nước mắm Phú Quốc 87-29000-001-2026 … Hợp tác xã Đồng Tháp … 82 82,5 … — 681,5 85,19 6 Đạt 4 sao"
    expect(flat).toMatch(
      new RegExp(`1 Nước mắm Phú Quốc 87-29000-001-2026 .*Hợp tác xã Đồng Tháp .*${totals} 681,5 85,19 6 Đạt 4 sao`, 'u'),
    );
  });

  it('flags a spread above the limit and leaves that product unranked', () => {
    expect(flat).toMatch(/442 55,25 16 — Chưa xếp hạng Chênh lệch điểm chưa được giải quyết; Chênh lệch trên 10 điểm/u);
  });

  it('explains the member columns and signs THƯ KÝ / CHỦ TỌA', () => {
    expect(flat).toContain('Thành viên chấm điểm: TV1 – Trần Văn Hùng; TV2 – Nguyễn Thị Thu Hương;');
    expect(flat).toContain('—: thành viên không chấm sản phẩm này');
    expect(flat).toMatch(/THƯ KÝ CHỦ TỌA CHỦ TỊCH HỘI ĐỒNG Lê Hoàng Phúc Trần Văn Hùng/u);
  });

  it('numbers pages from 2 and carries the digest on every page', () => {
    const pages = pdfPages(file);
    expect(firstLine(pages[0]!)).toBe('Phụ lục');
    pages.slice(1).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
    for (const p of pages) expect(p).toContain(anchorToken(INTEGRITY));
  });

  it('prints portrait when a single member column fits', async () => {
    const f = await renderTo(dir, 'summary-1', buildSummary(summaryData(4, null, MEMBERS.slice(0, 1)), t));
    expect(pdfInfo(f).landscape).toBe(false);
    expect(pdfText(f)).toContain('TV1');
    expect(pdfText(f)).not.toContain('TV2');
  });
});
