import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentT } from '../doc-t';
import { anchorToken } from '../integrity/digest-code';
import { firstLine, pdfFonts, pdfInfo, pdfPages, pdfText, tmpDir } from '../test/pdf-tools';
import { INTEGRITY, minutesData } from '../test/fixtures';
import { renderTo } from '../test/render-doc';
import { buildMinutes } from './minutes';

const t = documentT('vi');
let dir: string;
let file: string;
let text: string;
let pages: string[];

beforeAll(async () => {
  dir = tmpDir();
  file = await renderTo(dir, 'minutes', buildMinutes(minutesData(10), t));
  text = pdfText(file);
  pages = pdfPages(file);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Biên bản họp Hội đồng (Mẫu 1.9)', { timeout: 60_000 }, () => {
  it('is A4 portrait, PDF 1.7, with every font embedded', () => {
    const info = pdfInfo(file);
    expect(info.pageSize).toContain('595.28 x 841.89');
    expect(info.version).toBe('1.7');
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/Tinos/u);
  });

  it('prints the Decree 30 header, the number and the title', () => {
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND TỈNH ĐỒNG THÁP');
    expect(text).toContain('PHÂN HẠNG SẢN PHẨM OCOP');
    expect(text).toContain('Số: 05/BB-HĐĐG');
    expect(text).toContain('Đồng Tháp, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('BIÊN BẢN');
  });

  it('follows the Mẫu 1.9 order: time, place, attendance, chair, secretary, content, closing', () => {
    const flat = text.replace(/\s+/gu, ' ');
    const order = [
      'Thời gian bắt đầu: 08 giờ 00 phút, ngày 05 tháng 01 năm 2026.',
      'Địa điểm: Hội trường Sở Nông nghiệp và Môi trường',
      'Thành phần tham dự:',
      'Chủ trì (chủ tọa): Trần Văn Hùng',
      'Thư ký (người ghi biên bản): Lê Hoàng Phúc',
      'Nội dung:',
      'Kết luận và kiến nghị:',
      'Cuộc họp kết thúc vào 11 giờ 30 phút, ngày 05 tháng 01 năm 2026./.',
      'THƯ KÝ',
      'Nơi nhận:',
    ];
    let at = -1;
    for (const s of order) {
      const i = flat.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
  });

  it('states attendance with the quorum, absences and their reasons', () => {
    const flat = text.replace(/\s+/gu, ' ');
    expect(flat).toContain('Có 09/11 thành viên Hội đồng dự họp, đạt 81,8 %; cuộc họp đủ điều kiện tiến hành');
    expect(flat).toContain('Lý Thanh Tâm – Ủy viên: đi công tác;');
    expect(flat).toContain('Trương Văn Lợi – Ủy viên: vắng mặt.');
    expect(flat).toContain('Nguyễn Thị Thu Hương, Giám đốc Sở Nông nghiệp và Môi trường – Phó Chủ tịch Hội đồng;');
  });

  it('lists results with Vietnamese numbers and star wording', () => {
    const flat = text.replace(/\s+/gu, ' ');
    expect(flat).toMatch(/1 Nước mắm Phú Quốc Hợp tác xã Đồng Tháp 85,19 4 sao/u);
    expect(flat).toContain('Hạt sen sấy Tháp Mười');
    expect(flat).toMatch(/Nem Lai Vung .* Chưa xếp/u);
  });

  it('records spread discussions and re-scoring', () => {
    const flat = text.replace(/\s+/gu, ' ');
    expect(flat).toContain('Các sản phẩm có tổng điểm của các thành viên chênh lệch trên 10 điểm:');
    expect(flat).toContain('Hạt sen sấy Tháp Mười (Hợp tác xã Sen Hồng Đồng Tháp): chênh lệch 13,5 điểm.');
    expect(flat).toContain('chấm lại 1 lần; chênh lệch sau khi chấm lại là 6 điểm.');
  });

  it('concludes: recognise 4★ and 3★, send ≥ 90 to the ministry, not recognise 1–2★, leave unresolved unranked', () => {
    const flat = text.replace(/\s+/gu, ' ');
    expect(flat).toContain('a) Đề nghị Chủ tịch Ủy ban nhân dân tỉnh công nhận 03 sản phẩm đạt 4 sao:');
    expect(flat).toContain('- Nước mắm Phú Quốc – Hợp tác xã Đồng Tháp: 85,19 điểm, 4 sao;');
    expect(flat).toContain('b) Đề nghị Chủ tịch Ủy ban nhân dân tỉnh công nhận 03 sản phẩm đạt 3 sao:');
    // A capped product says which criteria kept it below the star its mean reached.
    expect(flat).toContain(
      '- Trà tim sen Đồng Tháp Mười – Công ty TNHH Sen Việt: 77,5 điểm, 3 sao (điểm trung bình đạt mức 4 sao nhưng các tiêu chí 1.5, 2.3 chưa đạt yêu cầu tối thiểu (dấu sao) của hạng 4 sao);',
    );
    expect(flat).toContain('01 sản phẩm đạt từ 90 điểm trở lên về Bộ Nông nghiệp và Môi trường');
    expect(flat).toContain('- Hạt sen sấy Tháp Mười – Hợp tác xã Sen Hồng Đồng Tháp: 91 điểm, 5 sao.');
    expect(flat).toContain('Không đề nghị công nhận 02 sản phẩm chưa đạt 3 sao:');
    expect(flat).toContain('- Khô cá lóc đồng – Hộ kinh doanh Lê Thị Bảy: 24,5 điểm, 1 sao.');
    expect(flat).toContain('Chưa xếp hạng 01 sản phẩm');
    expect(flat).toContain('Kết quả biểu quyết: 09 thành viên tán thành, 0 không tán thành, 0 không biểu quyết.');
  });

  it('signs THƯ KÝ on the left and CHỦ TỌA on the right, names level', () => {
    const sigLine = text.split('\n').find((l) => l.includes('THƯ KÝ') && l.includes('CHỦ TỌA'));
    expect(sigLine, 'THƯ KÝ and CHỦ TỌA on one row').toBeDefined();
    expect(sigLine!.indexOf('THƯ KÝ')).toBeLessThan(sigLine!.indexOf('CHỦ TỌA'));
    const names = text.split('\n').find((l) => l.includes('Lê Hoàng Phúc') && l.includes('Trần Văn Hùng'));
    expect(names, 'both names on one row').toBeDefined();
    expect(text).toContain('- Lưu: VT, Hồ sơ.');
  });

  it('numbers pages from page 2, centred at the top; page 1 has no number', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(firstLine(pages[0]!)).not.toMatch(/^\d+$/u);
    pages.slice(1).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
  });

  it('carries the session digest on every page', () => {
    for (const p of pages) expect(p).toContain(anchorToken(INTEGRITY));
  });

  it('prints a place-less header for Mẫu 1.9 when the office turns the date line off', async () => {
    const d = minutesData(3, null);
    d.setup = { ...d.setup, showPlaceDate: false };
    const f = await renderTo(dir, 'minutes-nodate', buildMinutes(d, t));
    const p1 = pdfText(f, 1);
    expect(p1).not.toContain('Đồng Tháp, ngày');
    expect(p1).not.toContain('OCOP:');
  });
});
