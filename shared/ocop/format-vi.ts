/**
 * Vietnamese (and English) wording of numbers, dates and star ranks for screens and documents.
 *
 * Conventions from ../shared/ocop/DOCUMENTS.md §5 and NĐ 30/2020: decimal comma and thousands dot
 * ("1.234,5"; CLDR `vi` groups from 4 digits), dates "ngày 05 tháng 01 năm 2026" (day padded below
 * 10, month padded only for 01 and 02), stars as digits + "sao" — never ★ glyphs in PDFs, whose
 * fonts may not carry them.
 *
 * Formatting is done here by hand instead of `Intl.NumberFormat`: the result must be identical in
 * Node (CLI, PDFs) and Chromium (UI), and rounding must be decimal (1,005 → 1,01), not binary.
 */
import { parseIsoDate, toIsoDate, type CalendarDate, type IsoDate } from './iso-date';
import type { Star } from './legal-basis';

export type NumberLocale = 'vi' | 'en';

const SEPARATORS: Record<NumberLocale, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

export interface NumberFormatOptions {
  /** Digits after the decimal separator (maximum, or exact when `fixed`). Default 2. */
  readonly decimals?: number;
  /** Keep trailing zeros ("85,50"); default false ("85,5", "90"). */
  readonly fixed?: boolean;
  /** Thousands separators; default true. Turn off for years and document numbers. */
  readonly grouping?: boolean;
  readonly locale?: NumberLocale;
}

const MAX_DECIMALS = 10;

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be a whole number from 0 to ${MAX_DECIMALS}, got ${decimals}`);
  }
}

function groupDigits(int: string, separator: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += separator;
    out += int[i];
  }
  return out;
}

/**
 * Formats an integer that holds `value × 10^decimals` (the exact-arithmetic representation used
 * for scores): formatScaled(8550, 2) → "85,5".
 */
export function formatScaled(
  scaled: number | bigint,
  decimals: number,
  options: Omit<NumberFormatOptions, 'decimals'> = {},
): string {
  checkDecimals(decimals);
  if (typeof scaled === 'number' && !Number.isSafeInteger(scaled)) {
    throw new RangeError(`scaled value must be a safe integer, got ${scaled}`);
  }
  const { decimal, group } = SEPARATORS[options.locale ?? 'vi'];
  const big = BigInt(scaled);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  let fracPart = digits.slice(digits.length - decimals);
  if (!options.fixed) fracPart = fracPart.replace(/0+$/u, '');
  const intText = options.grouping === false ? intPart : groupDigits(intPart, group);
  const isZero = /^0*$/u.test(intPart + fracPart);
  return `${negative && !isZero ? '-' : ''}${intText}${fracPart ? decimal + fracPart : ''}`;
}

/**
 * value × 10^decimals rounded half away from zero, computed on the shortest decimal text of the
 * number (what a person typed), so 1.005 rounds to 1.01 and not to binary 1.00.
 */
export function scaleDecimal(value: number, decimals: number): bigint {
  checkDecimals(decimals);
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}: not a finite number`);
  const text = String(Math.abs(value));
  const [mantissa = '0', exponent] = text.split('e');
  const [intPart = '0', fracPart = ''] = mantissa.split('.');
  const digits = intPart + fracPart;
  const pointAt = intPart.length + (exponent ? Number(exponent) : 0);
  const keep = pointAt + decimals;
  let scaled: bigint;
  if (keep < 0) scaled = 0n;
  else if (keep >= digits.length) scaled = BigInt(digits + '0'.repeat(keep - digits.length));
  else {
    scaled = keep === 0 ? 0n : BigInt(digits.slice(0, keep));
    if ((digits[keep] ?? '0') >= '5') scaled += 1n;
  }
  return value < 0 ? -scaled : scaled;
}

/** "85,5", "1.234,5", "90"; fixed: "85,50". */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  return formatScaled(scaleDecimal(value, decimals), decimals, options);
}

export const formatNumberVi = (value: number, options: Omit<NumberFormatOptions, 'locale'> = {}): string =>
  formatNumber(value, { ...options, locale: 'vi' });

export const formatNumberEn = (value: number, options: Omit<NumberFormatOptions, 'locale'> = {}): string =>
  formatNumber(value, { ...options, locale: 'en' });

/**
 * A number the core already wrote in Vietnamese ("1.234,5") in the reader's language: English
 * swaps the separators ("1,234.5"). For texts whose rounding is decided in the core (a mean never
 * shows a band edge it has not reached), which must not be re-rounded from the float.
 */
export function relocaleNumberText(text: string, locale: NumberLocale): string {
  if (locale === 'vi') return text;
  return text.replace(/\d[\d.,]*\d/gu, (n) => n.replace(/[.,]/gu, (c) => (c === ',' ? '.' : ',')));
}

/** "81,8 %" — a space before the sign, as in Vietnamese administrative texts. */
export function formatPercentVi(value: number, decimals = 1): string {
  return `${formatNumber(value, { decimals, locale: 'vi' })} %`;
}

/** "1.250.000 đồng" (documents write "đồng", not "₫"). */
export function formatMoneyVi(dong: number): string {
  if (!Number.isSafeInteger(dong)) throw new RangeError(`Amount must be a whole number of đồng, got ${dong}`);
  return `${formatScaled(dong, 0)} đồng`;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

// A CalendarDate goes through the ISO parser too, so 31/02 is rejected either way.
const asCalendar = (date: IsoDate | CalendarDate): CalendarDate =>
  parseIsoDate(typeof date === 'string' ? date : toIsoDate(date));
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "ngày 05 tháng 01 năm 2026", "ngày 29 tháng 6 năm 2019" (NĐ 30/2020, Phụ lục I, II.4b). */
export function formatDateLongVi(date: IsoDate | CalendarDate): string {
  const d = asCalendar(date);
  const month = d.month <= 2 ? pad2(d.month) : String(d.month);
  return `ngày ${pad2(d.day)} tháng ${month} năm ${d.year}`;
}

/** "Đồng Tháp, ngày 05 tháng 01 năm 2026" — the place-and-date line of a document header. */
export function formatPlaceDateVi(place: string, date: IsoDate | CalendarDate): string {
  return `${place.trim()}, ${formatDateLongVi(date)}`;
}

/** "05/01/2026" (dd/MM/yyyy), for tables. */
export function formatDateVi(date: IsoDate | CalendarDate): string {
  const d = asCalendar(date);
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

/** "08 giờ 00 phút". */
export function formatTimeVi(hour: number, minute: number): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour must be 0–23, got ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`minute must be 0–59, got ${minute}`);
  return `${pad2(hour)} giờ ${pad2(minute)} phút`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "5 January 2026". */
export function formatDateLongEn(date: IsoDate | CalendarDate): string {
  const d = asCalendar(date);
  return `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
}

// ---------------------------------------------------------------------------------------------
// Stars

function checkStar(star: number): asserts star is Star {
  if (!Number.isInteger(star) || star < 1 || star > 5) throw new RangeError(`Star must be 1–5, got ${star}`);
}

/** "4 sao". */
export function starsVi(star: Star): string {
  checkStar(star);
  return `${star} sao`;
}

/** "hạng 4 sao". */
export function starRankVi(star: Star): string {
  return `hạng ${starsVi(star)}`;
}

/** "Hạng 4 sao (cấp tỉnh)", "Hạng 5 sao (cấp quốc gia)", "Hạng 2 sao" — the wording of Điều 3. */
export function starRankLegalVi(star: Star): string {
  checkStar(star);
  const level = star === 5 ? ' (cấp quốc gia)' : star >= 3 ? ' (cấp tỉnh)' : '';
  return `Hạng ${star} sao${level}`;
}

/** "1 star", "4 stars". */
export function starsEn(star: Star): string {
  checkStar(star);
  return `${star} ${star === 1 ? 'star' : 'stars'}`;
}

/** "★★★★☆" — for screens only; documents use starsVi(). */
export function starGlyphs(star: Star): string {
  checkStar(star);
  return '★'.repeat(star) + '☆'.repeat(5 - star);
}
