import { nfc } from '../../../../shared/text/normalize';

/** A cell as read from exceljs, reduced to plain values. */
export type RawCell = string | number | boolean | Date | null;

/** Flattens exceljs cell values: rich text, formulas (their cached result), hyperlinks (their text). */
export function plainCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return nfc(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return nfc((o.richText as { text?: string }[]).map((p) => p.text ?? '').join(''));
    if ('result' in o) return plainCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return nfc(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return nfc(String(v));
}

export const isBlank = (v: RawCell): boolean => v === null || (typeof v === 'string' && v.trim() === '');

/** Text of a cell; numbers as written without exponent (a phone 912345678 stays "912345678"). */
export function cellText(v: RawCell): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return isoOfDate(v);
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const isoOfDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;

/**
 * A fixed-width administrative code: spreadsheets turn "00004" into the number 4, and people
 * type "4"; both come back as "00004". Anything else is returned as written for validation.
 */
export function cellCode(v: RawCell, width: number): string {
  const t = cellText(v);
  return /^\d+$/.test(t) && t.length < width ? t.padStart(width, '0') : t;
}

/**
 * Digits that lost a leading zero in a number cell: a 9-digit tax number was 0xxxxxxxxx, an
 * 11-digit personal number was 0xxxxxxxxxxx. Phones are repaired by normalizePhone itself.
 */
export function cellTaxCode(v: RawCell): string {
  const t = cellText(v);
  if (typeof v === 'number' && (t.length === 9 || t.length === 11)) return '0' + t;
  return t;
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A calendar date as 'YYYY-MM-DD': date cells (exceljs gives UTC midnight), Excel serial
 * numbers, and text written day/month/year (15/03/2026, 15-3-2026, 15.03.2026) or ISO.
 * Returns the text unchanged when it is none of these, for the validator to report.
 */
export function cellDate(v: RawCell): string {
  if (v instanceof Date) return isoOfDate(v);
  if (typeof v === 'number' && v > 0 && v < 100_000) return isoOfDate(new Date(EXCEL_EPOCH_MS + Math.round(v) * 86_400_000));
  const t = cellText(v);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${pad(Number(dmy[2]), 2)}-${pad(Number(dmy[1]), 2)}`;
  return t;
}

/** An integer cell, or the text as written when it is not one (the schema reports it). */
export function cellInt(v: RawCell): number | string {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const t = cellText(v);
  return /^\d{1,9}$/.test(t) ? Number(t) : t;
}
