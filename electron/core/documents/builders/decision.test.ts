import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentT } from '../doc-t';
import { anchorToken } from '../integrity/digest-code';
import { decisionData, INTEGRITY } from '../test/fixtures';
import { firstLine, pdfInfo, pdfPages, pdfRaw, tmpDir } from '../test/pdf-tools';
import { renderTo } from '../test/render-doc';
import { buildDecision } from './decision';

const t = documentT('vi');
let dir: string;
let file: string;
let pages: string[];
let flat: string;

beforeAll(async () => {
  dir = tmpDir();
  file = await renderTo(dir, 'decision', buildDecision(decisionData(10), t));
  pages = pdfPages(file);
  flat = pdfRaw(file).replace(/\s+/gu, ' ');
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Dự thảo Quyết định công nhận', { timeout: 60_000 }, () => {
  it('is an A4 draft with a blank number and date left for the văn thư', () => {
    expect(pdfInfo(file).pageSize).toContain('595.28 x 841.89');
    expect(firstLine(pages[0]!)).toBe('DỰ THẢO');
    expect(flat).toMatch(/Số: \/QĐ-UBND/u);
    expect(flat).toMatch(/Đồng Tháp, ngày tháng năm 2026/u);
    expect(flat).toContain('ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP');
  });

  it('states the authority, the legal bases, the proposal and the articles', () => {
    expect(flat).toContain(
      'QUYẾT ĐỊNH Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026 (đợt 1)',
    );
    expect(flat).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP');
    expect(flat).toContain('Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ');
    expect(flat).toContain('Tờ trình số 15/TTr-SNNMT ngày 08 tháng 01 năm 2026,');
    expect(flat).toContain('QUYẾT ĐỊNH:');
    expect(flat).toContain(
      'Điều 1. Công nhận kết quả đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026 đối với 06 sản phẩm, trong đó: 03 sản phẩm đạt 4 sao, 03 sản phẩm đạt 3 sao (có Danh sách kèm theo).',
    );
    expect(flat).toContain('Giấy chứng nhận có giá trị trong thời hạn 36 tháng kể từ ngày ban hành.');
    // Điều 3: the effect clause, then who executes it — each named once.
    expect(flat).toContain('Điều 3. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(flat).toContain('chịu trách nhiệm thi hành Quyết định này./.');
    expect(flat.match(/các chủ thể có sản phẩm tại Điều 1/gu)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(flat).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(flat).toContain('- Lưu: VT, KT.');
  });

  it('annexes the list per star level, numbered on its own from its second page', async () => {
    const annexStart = pages.findIndex((p) => firstLine(p) === 'Phụ lục');
    expect(annexStart).toBeGreaterThan(0);
    const annex = pages.slice(annexStart).join('\n').replace(/\s+/gu, ' ');
    expect(annex).toContain('DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP NĂM 2026');
    expect(flat).toMatch(
      /I\. SẢN PHẨM ĐẠT OCOP 4 SAO .*Nước mắm Phú Quốc .*85,19 4 sao .*II\. SẢN PHẨM ĐẠT OCOP 3 SAO .*Xoài cát Hòa Lộc.*Trà tim sen Đồng Tháp Mười/u,
    );
    expect(flat).not.toContain('Hạt sen sấy Tháp Mười');
    expect(flat).not.toContain('Khô cá lóc đồng');
    // A long annex: its second page is numbered 2 whatever the decision's length.
    const big = await renderTo(dir, 'decision-big', buildDecision(decisionData(60, null), t));
    const bp = pdfPages(big);
    const start = bp.findIndex((p) => firstLine(p) === 'Phụ lục');
    expect(bp.length - start).toBeGreaterThan(1);
    expect(firstLine(bp[start + 1]!)).toBe('2');
    expect(firstLine(bp[1]!)).toBe('2');
  });

  it('carries the digest on every page', () => {
    for (const p of pages) expect(p).toContain(anchorToken(INTEGRITY));
  });
});
