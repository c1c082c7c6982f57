import { describe, expect, it } from 'vitest';
import { breakTitle } from './title-breaks';
import { textWidth } from './measure';
import { mm } from './units';

const WIDTH = mm(145);

describe('breakTitle: centred titles never break inside a Vietnamese word', () => {
  it('breaks the annex title between phrases, not inside "ĐÁNH GIÁ"', () => {
    const t = breakTitle('DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP NĂM 2026', 14, WIDTH);
    const lines = t.split('\n');
    expect(lines.length).toBe(2);
    for (const l of lines) expect(textWidth(l, 14, true)).toBeLessThanOrEqual(WIDTH);
    expect(t).not.toMatch(/ĐÁNH\nGIÁ|PHÂN\nHẠNG|SẢN\nPHẨM|KẾT\nQUẢ|CÔNG\nNHẬN/u);
  });

  it('keeps a place name and a date whole, and balances the lines', () => {
    const t = breakTitle('Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026 (đợt 1)', 14, WIDTH);
    expect(t).not.toMatch(/Đồng\nTháp/u);
    const [a, b] = t.split('\n').map((l) => textWidth(l, 14, true));
    expect(Math.abs(a! - b!)).toBeLessThan(WIDTH / 2);
    const attached = breakTitle(
      '(Kèm theo Quyết định số 35/QĐ-UBND ngày 20 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp)',
      13,
      WIDTH,
      false,
      true,
    );
    expect(attached).not.toMatch(/tháng 01\nnăm|ngày 20\ntháng/u);
    expect(attached.split('\n')).toHaveLength(2);
  });

  it('leaves a title that fits on one line alone', () => {
    expect(breakTitle('BIÊN BẢN', 14, WIDTH)).toBe('BIÊN BẢN');
  });
});
