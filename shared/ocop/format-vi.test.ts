import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatDateLongEn,
  formatDateLongVi,
  formatDateVi,
  formatMoneyVi,
  formatNumber,
  formatNumberEn,
  formatNumberVi,
  formatPercentVi,
  formatPlaceDateVi,
  formatScaled,
  formatTimeVi,
  relocaleNumberText,
  scaleDecimal,
  starGlyphs,
  starRankLegalVi,
  starRankVi,
  starsEn,
  starsVi,
} from './format-vi';

describe('Vietnamese numbers', () => {
  it('uses a decimal comma and a thousands dot, trimming trailing zeros by default', () => {
    expect(formatNumberVi(85.5)).toBe('85,5');
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
    expect(formatNumberVi(1000)).toBe('1.000'); // vi groups from 4 digits
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(1250000)).toBe('1.250.000');
    expect(formatNumberVi(123456.7)).toBe('123.456,7');
    expect(formatNumberVi(90)).toBe('90');
    expect(formatNumberVi(71.25)).toBe('71,25');
    expect(formatNumberVi(0)).toBe('0');
    expect(formatNumberVi(0.5)).toBe('0,5');
  });

  it('can show fixed decimals and no grouping (years, document numbers)', () => {
    expect(formatNumberVi(85.5, { decimals: 2, fixed: true })).toBe('85,50');
    expect(formatNumberVi(90, { decimals: 1, fixed: true })).toBe('90,0');
    expect(formatNumberVi(2026, { grouping: false })).toBe('2026');
    expect(formatNumberVi(1234.5678, { decimals: 3 })).toBe('1.234,568');
  });

  it('rounds half away from zero on the decimal text, not the binary value', () => {
    expect(formatNumberVi(1.005)).toBe('1,01'); // binary 1.00499999… would give 1,00
    expect(formatNumberVi(72.45, { decimals: 1 })).toBe('72,5');
    expect(formatNumberVi(72.449, { decimals: 1 })).toBe('72,4');
    expect(formatNumberVi(0.995, { decimals: 2 })).toBe('1');
    expect(formatNumberVi(-2.5, { decimals: 0 })).toBe('-3');
    expect(formatNumberVi(-0.001)).toBe('0'); // no "-0"
    expect(formatNumberVi(1e21, { decimals: 0 })).toBe('1.000.000.000.000.000.000.000');
    expect(formatNumberVi(1.5e-7, { decimals: 7 })).toBe('0,0000002');
    expect(formatNumberVi(4e-7, { decimals: 6 })).toBe('0');
  });

  it('has an English counterpart', () => {
    expect(formatNumberEn(1234.5)).toBe('1,234.5');
    expect(formatNumber(85.5, { locale: 'en', decimals: 2, fixed: true })).toBe('85.50');
  });

  it('formats scaled integers exactly', () => {
    expect(formatScaled(8550, 2)).toBe('85,5');
    expect(formatScaled(8550, 2, { fixed: true })).toBe('85,50');
    expect(formatScaled(5, 2, { fixed: true })).toBe('0,05');
    expect(formatScaled(-123456, 1)).toBe('-12.345,6');
    expect(formatScaled(123456789012345678901234567890n, 0)).toBe('123.456.789.012.345.678.901.234.567.890');
    expect(() => formatScaled(1.5, 0)).toThrow('scaled value must be a safe integer, got 1.5');
    expect(() => formatScaled(1, 11)).toThrow('decimals must be a whole number from 0 to 10, got 11');
  });

  it('rejects what is not a number', () => {
    expect(() => formatNumberVi(Number.NaN)).toThrow('Cannot format NaN: not a finite number');
    expect(() => formatNumberVi(Infinity)).toThrow('not a finite number');
  });

  it('percent and money wording', () => {
    expect(formatPercentVi(81.8)).toBe('81,8 %');
    expect(formatMoneyVi(1250000)).toBe('1.250.000 đồng');
    expect(() => formatMoneyVi(10.5)).toThrow('whole number of đồng');
  });

  it('agrees with scaled integer rounding for 2-decimal values (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => {
        const value = cents / 100;
        expect(scaleDecimal(value, 2)).toBe(BigInt(cents));
        expect(formatNumberVi(value, { decimals: 2, fixed: true })).toBe(formatScaled(cents, 2, { fixed: true }));
        // Parsing the Vietnamese text back gives the same value.
        const back = Number(formatNumberVi(value).replace(/\./gu, '').replace(',', '.'));
        expect(back).toBe(value);
      }),
    );
  });
});

describe('Vietnamese dates', () => {
  it('writes "ngày DD tháng M năm YYYY": day padded below 10, month padded only for 01 and 02', () => {
    expect(formatDateLongVi('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatDateLongVi('2020-02-14')).toBe('ngày 14 tháng 02 năm 2020');
    expect(formatDateLongVi('2019-06-29')).toBe('ngày 29 tháng 6 năm 2019');
    expect(formatDateLongVi('2021-11-22')).toBe('ngày 22 tháng 11 năm 2021');
    expect(formatDateLongVi({ year: 2026, month: 3, day: 1 })).toBe('ngày 01 tháng 3 năm 2026');
    expect(formatPlaceDateVi(' Đồng Tháp ', '2026-01-05')).toBe('Đồng Tháp, ngày 05 tháng 01 năm 2026');
  });

  it('writes dd/MM/yyyy for tables', () => {
    expect(formatDateVi('2026-01-05')).toBe('05/01/2026');
    expect(formatDateVi('2019-08-21')).toBe('21/08/2019');
  });

  it('rejects impossible dates, naming them', () => {
    expect(() => formatDateLongVi('2026-02-30')).toThrow('Date "2026-02-30" has day 30');
    expect(() => formatDateVi({ year: 2026, month: 4, day: 31 })).toThrow('month 4 of 2026 has 30 days');
  });

  it('writes times and English dates', () => {
    expect(formatTimeVi(8, 0)).toBe('08 giờ 00 phút');
    expect(formatTimeVi(11, 30)).toBe('11 giờ 30 phút');
    expect(() => formatTimeVi(24, 0)).toThrow('hour must be 0–23, got 24');
    expect(() => formatTimeVi(8, 60)).toThrow('minute must be 0–59, got 60');
    expect(formatDateLongEn('2026-01-05')).toBe('5 January 2026');
  });
});

describe('star wording', () => {
  it('uses digits and "sao", never glyphs, for documents', () => {
    expect(starsVi(4)).toBe('4 sao');
    expect(starRankVi(3)).toBe('hạng 3 sao');
    expect(starRankLegalVi(4)).toBe('Hạng 4 sao (cấp tỉnh)');
    expect(starRankLegalVi(5)).toBe('Hạng 5 sao (cấp quốc gia)');
    expect(starRankLegalVi(2)).toBe('Hạng 2 sao');
    for (const s of [1, 2, 3, 4, 5] as const) expect(starsVi(s)).not.toMatch(/[★☆]/u);
    expect(starsEn(1)).toBe('1 star');
    expect(starsEn(5)).toBe('5 stars');
    expect(starGlyphs(3)).toBe('★★★☆☆');
    expect(() => starsVi(0 as never)).toThrow('Star must be 1–5, got 0');
  });
});

describe('a number the core wrote in Vietnamese, read in English', () => {
  it('swaps the separators inside numbers only, and leaves Vietnamese as it is', () => {
    expect(relocaleNumberText('72,44', 'en')).toBe('72.44');
    expect(relocaleNumberText('1.234,5', 'en')).toBe('1,234.5');
    expect(relocaleNumberText('90', 'en')).toBe('90');
    expect(relocaleNumberText('-0,5', 'en')).toBe('-0.5');
    expect(relocaleNumberText('72,44', 'vi')).toBe('72,44');
  });

  it('gives what English formatting gives for the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (scaled, decimals) => {
        expect(relocaleNumberText(formatScaled(scaled, decimals), 'en')).toBe(formatScaled(scaled, decimals, { locale: 'en' }));
      }),
    );
  });
});
