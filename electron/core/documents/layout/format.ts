/**
 * Number, date and score wording for documents, in the translator's language. The rules live in
 * shared/ocop (format-vi, score, iso-date); this file only picks the language and builds the
 * Decree 30 compounds ("Số: 05/BB-HĐĐG", "Đồng Tháp, ngày 05 tháng 01 năm 2026").
 */
import {
  formatDateLongEn,
  formatDateLongVi,
  formatDateVi,
  formatPercentVi,
  formatNumber,
  formatTimeVi,
  starsEn,
  starsVi,
} from '../../../../shared/ocop/format-vi';
import { bandEdgesCenti, type LegalBasisId, type Star } from '../../../../shared/ocop/legal-basis';
import { formatCenti, formatMean, type Mean } from '../../../../shared/ocop/score';
import type { DocT } from '../doc-t';
import type { DocumentNumber, PlaceDate } from '../types';

/** Keeps blanks for handwriting from collapsing: pdfmake trims and merges ordinary spaces. */
export const NBSP = '\u00a0';
const blank = (n: number): string => NBSP.repeat(n);

/** "05/BB-HĐĐG" (numbers below 10 get a leading zero); a null number leaves a blank to fill in. */
export function documentNumberText(n: DocumentNumber): string {
  const num = n.number === null ? blank(8) : String(n.number).padStart(2, '0');
  return `${num}/${n.symbol}`;
}

/** "Số: 05/BB-HĐĐG". */
export const numberLine = (t: DocT, n: DocumentNumber): string => t('common.number', { number: documentNumberText(n) });

/**
 * "ngày 05 tháng 01 năm 2026" / "5 January 2026"; null → blanks to fill in by hand, with the year
 * when it is known ("ngày      tháng      năm 2026", as drafts are printed).
 */
export function longDate(t: DocT, date: string | null, year?: number): string {
  if (date === null) return t('common.dateBlank', { blank: blank(6), year: year ?? blank(8) });
  return t.lang === 'vi' ? formatDateLongVi(date) : formatDateLongEn(date);
}

/** "Đồng Tháp, ngày 05 tháng 01 năm 2026". */
export const placeDateLine = (t: DocT, pd: PlaceDate, year?: number): string =>
  t('common.placeDate', { place: pd.place, date: longDate(t, pd.date, year) });

/** "05/01/2026" for tables. */
export const shortDate = (date: string): string => formatDateVi(date);

/** "08 giờ 00 phút" / "08:00" from 'YYYY-MM-DDTHH:mm'. */
export function timeOf(t: DocT, local: string): string {
  const hour = Number(local.slice(11, 13));
  const minute = Number(local.slice(14, 16));
  return t.lang === 'vi' ? formatTimeVi(hour, minute) : `${local.slice(11, 16)}`;
}

export const dateOf = (local: string): string => local.slice(0, 10);

/** A member's total: 8550 → "85,5". */
export const points = (t: DocT, centi: number): string => formatCenti(centi, { locale: t.lang });

/**
 * A mean for print: up to 2 decimals, never shown as a band edge it does not reach
 * (89,996 prints "89,99", not "90"), so the number never contradicts the star beside it.
 */
export const meanText = (t: DocT, mean: Mean, basis: LegalBasisId): string =>
  formatMean(mean, { locale: t.lang, bandEdgesCenti: bandEdgesCenti(basis) });

/** "4 sao" / "4 stars". */
export const starText = (t: DocT, star: Star): string => (t.lang === 'vi' ? starsVi(star) : starsEn(star));

/** "81,8 %". */
export const percentText = (t: DocT, value: number): string =>
  t.lang === 'vi' ? formatPercentVi(value) : `${formatNumber(value, { decimals: 1, locale: 'en' })} %`;

/** Counts as documents write them: "05 sản phẩm" (a leading zero from 1 to 9; none is "0"). */
export const countText = (n: number): string => (n > 0 && n < 10 ? `0${n}` : String(n));

/** Roman numerals for annex groups (I, II, …). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}
