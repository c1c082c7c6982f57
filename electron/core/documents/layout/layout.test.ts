import { describe, expect, it } from 'vitest';
import { documentT } from '../doc-t';
import {
  countText,
  documentNumberText,
  longDate,
  meanText,
  numberLine,
  percentText,
  placeDateLine,
  points,
  roman,
  starText,
} from './format';
import { headerGeometry } from './header';
import { textWidth } from './measure';
import { contentWidth, DECREE_MARGINS, DECREE_MARGIN_LIMITS, mm } from './units';

const vi = documentT('vi');
const en = documentT('en');

describe('Decree 30 page geometry', () => {
  it('keeps the default margins inside the decree ranges and leaves 155 mm of text', () => {
    const [l, t, r, b] = DECREE_MARGINS;
    expect(l).toBeGreaterThanOrEqual(DECREE_MARGIN_LIMITS.left[0]);
    expect(l).toBeLessThanOrEqual(DECREE_MARGIN_LIMITS.left[1]);
    expect(t).toBeGreaterThanOrEqual(DECREE_MARGIN_LIMITS.top[0]);
    expect(t).toBeLessThanOrEqual(DECREE_MARGIN_LIMITS.top[1]);
    expect(r).toBeGreaterThanOrEqual(DECREE_MARGIN_LIMITS.right[0]);
    expect(r).toBeLessThanOrEqual(DECREE_MARGIN_LIMITS.right[1]);
    expect(b).toBeGreaterThanOrEqual(DECREE_MARGIN_LIMITS.bottom[0]);
    expect(b).toBeLessThanOrEqual(DECREE_MARGIN_LIMITS.bottom[1]);
    expect(contentWidth('portrait', DECREE_MARGINS)).toBeCloseTo(mm(155), 1);
  });

  it('measures text with Times metrics (the decree sample widths)', () => {
    expect(textWidth('Độc lập - Tự do - Hạnh phúc', 14, true)).toBeCloseTo(mm(60.5), 0);
    expect(textWidth('HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG', 13, true)).toBeCloseTo(mm(78.5), 0);
  });

  it('sizes the header columns 55 | 100 mm, growing the left one up to 6 mm into the margin', () => {
    const w = contentWidth('portrait', DECREE_MARGINS);
    const std = headerGeometry(w);
    expect(std.left).toBeCloseTo(mm(55), 1);
    expect(std.right).toBeCloseTo(mm(100), 1);
    expect(std.hang).toBeCloseTo(0, 5);
    const wide = headerGeometry(w, mm(80));
    expect(wide.right).toBeGreaterThanOrEqual(mm(97) - 0.01);
    expect(wide.hang).toBeLessThanOrEqual(mm(6) + 0.01);
  });
});

describe('Vietnamese document wording', () => {
  it('writes document numbers with a leading zero below 10', () => {
    expect(numberLine(vi, { number: 5, symbol: 'BB-HĐĐG' })).toBe('Số: 05/BB-HĐĐG');
    expect(numberLine(vi, { number: 125, symbol: 'QĐ-UBND' })).toBe('Số: 125/QĐ-UBND');
    expect(documentNumberText({ number: null, symbol: 'QĐ-UBND' })).toMatch(/^\u00a0+\/QĐ-UBND$/u);
  });

  it('writes place and date per NĐ 30 (day padded, months 01 and 02 padded)', () => {
    expect(placeDateLine(vi, { place: 'Đồng Tháp', date: '2026-01-05' })).toBe('Đồng Tháp, ngày 05 tháng 01 năm 2026');
    expect(longDate(vi, '2019-06-29')).toBe('ngày 29 tháng 6 năm 2019');
    expect(longDate(vi, null, 2026).replace(/\u00a0+/gu, '_')).toBe('ngày _ tháng _ năm 2026');
    expect(longDate(en, '2026-01-05')).toBe('5 January 2026');
  });

  it('writes scores with a decimal comma, never showing a mean at a band edge it does not reach', () => {
    expect(points(vi, 8550)).toBe('85,5');
    expect(points(vi, 9000)).toBe('90');
    expect(meanText(vi, { sumCenti: 81000, count: 9 }, '26/2026/QĐ-TTg')).toBe('90');
    expect(meanText(vi, { sumCenti: 76700, count: 9 }, '26/2026/QĐ-TTg')).toBe('85,22');
    expect(meanText(vi, { sumCenti: 17999, count: 2 }, '26/2026/QĐ-TTg')).toBe('89,99');
    expect(meanText(en, { sumCenti: 8550, count: 1 }, '26/2026/QĐ-TTg')).toBe('85.5');
  });

  it('writes stars, percentages, counts and annex numerals', () => {
    expect(starText(vi, 4)).toBe('4 sao');
    expect(starText(en, 1)).toBe('1 star');
    expect(percentText(vi, (9 * 100) / 11)).toBe('81,8 %');
    expect(countText(5)).toBe('05');
    expect(countText(0)).toBe('0');
    expect(countText(12)).toBe('12');
    expect(roman(4)).toBe('IV');
  });
});
