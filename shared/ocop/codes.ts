/**
 * Identifiers used on OCOP dossiers (Decision 26/2026/QĐ-TTg, Phụ lục II form header and
 * Phụ lục III Mẫu 01) and the contact fields of a producer. Pure functions: no Node, no DOM.
 *
 * Every `normalize…` function returns the canonical form to store, or `null` when the value
 * cannot be read as one; callers turn `null` into an error that names their field.
 */

// ---------------------------------------------------------------------------------------------
// Administrative-unit codes (QĐ 19/2025/QĐ-TTg, after the 2025 reform: province → commune)

/** Province code: 2 digits, e.g. "01" (Hà Nội). */
export const PROVINCE_CODE_PATTERN = /^\d{2}$/;
/** Commune/ward code: 5 digits, e.g. "00004". */
export const COMMUNE_CODE_PATTERN = /^\d{5}$/;

export const isProvinceCode = (s: string): boolean => PROVINCE_CODE_PATTERN.test(s);
export const isCommuneCode = (s: string): boolean => COMMUNE_CODE_PATTERN.test(s);

/** Years an OCOP code may carry: the programme started in 2018; 2100 guards against typos. */
export const MIN_CODE_YEAR = 2018;
export const MAX_CODE_YEAR = 2100;
const isCodeYear = (y: number): boolean => Number.isInteger(y) && y >= MIN_CODE_YEAR && y <= MAX_CODE_YEAR;

// ---------------------------------------------------------------------------------------------
// Product code (mã số sản phẩm): (T)-(X)-(STT)-(năm)

export interface ProductCodeParts {
  /** T: province code. */
  provinceCode: string;
  /** X: commune code. */
  communeCode: string;
  /** STT: the product's running number in the commune's list (số thứ tự do xã lập thống kê). */
  seq: number;
  /** Năm đánh giá. */
  year: number;
}

/** Largest running number accepted; a commune never lists a million products. */
export const MAX_SEQ = 999_999;
const isSeq = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_SEQ;

/** Names the first part that is wrong, or null when all are valid. */
export function productCodePartsProblem(p: ProductCodeParts): string | null {
  if (!isProvinceCode(p.provinceCode)) return `province code "${p.provinceCode}" must be 2 digits (QĐ 19/2025/QĐ-TTg), e.g. "01"`;
  if (!isCommuneCode(p.communeCode)) return `commune code "${p.communeCode}" must be 5 digits (QĐ 19/2025/QĐ-TTg), e.g. "00004"`;
  if (!isSeq(p.seq)) return `running number ${p.seq} must be a whole number from 1 to ${MAX_SEQ}`;
  if (!isCodeYear(p.year)) return `year ${p.year} must be between ${MIN_CODE_YEAR} and ${MAX_CODE_YEAR}`;
  return null;
}

/**
 * "01-00004-7-2026". The running number is written without leading zeros, as in the commune
 * lists; `parseProductCode` accepts them anyway.
 */
export function formatProductCode(p: ProductCodeParts): string {
  const problem = productCodePartsProblem(p);
  if (problem) throw new RangeError(`formatProductCode: ${problem}`);
  return `${p.provinceCode}-${p.communeCode}-${p.seq}-${p.year}`;
}

const PRODUCT_CODE = /^(\d{2})-(\d{5})-(\d{1,6})-(\d{4})$/;

/** Reads a product code (spaces around the dashes are tolerated); null when it is not one. */
export function parseProductCode(s: string): ProductCodeParts | null {
  const m = PRODUCT_CODE.exec(s.trim().replace(/\s*-\s*/g, '-'));
  if (!m) return null;
  const parts: ProductCodeParts = { provinceCode: m[1]!, communeCode: m[2]!, seq: Number(m[3]), year: Number(m[4]) };
  return productCodePartsProblem(parts) === null ? parts : null;
}

// ---------------------------------------------------------------------------------------------
// Registration form number (Phiếu số, Mẫu 01): …-…/PĐK-(Mã tỉnh)-(Mã xã)-(Năm)

export interface RegistrationNoParts {
  /**
   * The part before "/PĐK": the form leaves "…-…" blank for the receiving office. The app
   * writes the running number of registrations of that commune in that year ("7"); offices
   * that write e.g. "07-01" may edit it — any letters/digits, with dashes between them.
   */
  serial: string;
  provinceCode: string;
  communeCode: string;
  year: number;
}

const SERIAL = /^[0-9A-Za-z]{1,12}(?:-[0-9A-Za-z]{1,12}){0,3}$/;
const REGISTRATION_NO = /^([0-9A-Za-z-]+)\/PĐK-(\d{2})-(\d{5})-(\d{4})$/u;

export function formatRegistrationNo(p: RegistrationNoParts): string {
  if (!SERIAL.test(p.serial))
    throw new RangeError(
      `formatRegistrationNo: serial "${p.serial}" must be letters or digits separated by dashes, e.g. "7" or "07-01"`,
    );
  const problem = productCodePartsProblem({ provinceCode: p.provinceCode, communeCode: p.communeCode, seq: 1, year: p.year });
  if (problem) throw new RangeError(`formatRegistrationNo: ${problem}`);
  return `${p.serial}/PĐK-${p.provinceCode}-${p.communeCode}-${p.year}`;
}

/**
 * Reads a registration number. Accepts "PDK" without the stroke and any letter case (typed on
 * keyboards without Vietnamese input) and returns the canonical "PĐK" spelling.
 */
export function parseRegistrationNo(s: string): RegistrationNoParts | null {
  const canonical = s
    .normalize('NFC')
    .trim()
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/\/p[đd]k-/iu, '/PĐK-');
  const m = REGISTRATION_NO.exec(canonical);
  if (!m || !SERIAL.test(m[1]!)) return null;
  const parts: RegistrationNoParts = { serial: m[1]!, provinceCode: m[2]!, communeCode: m[3]!, year: Number(m[4]) };
  return isCodeYear(parts.year) ? parts : null;
}

/** The canonical spelling of a registration number, or null. */
export function normalizeRegistrationNo(s: string): string | null {
  const p = parseRegistrationNo(s);
  return p ? formatRegistrationNo(p) : null;
}

/** The running number inside a serial the app wrote ("7" → 7); null for hand-written serials. */
export const serialSeq = (serial: string): number | null => (/^\d{1,6}$/.test(serial) ? Number(serial) : null);

// ---------------------------------------------------------------------------------------------
// Tax numbers (mã số thuế)

export type TaxCodeKind = 'organisation' | 'branch' | 'personal';

/**
 * 10 digits (an organisation), 13 digits written 10-3 (a dependent unit / branch), or — since
 * 1/7/2025, when household businesses use their owner's personal identification number as tax
 * number (Thông tư 86/2024/TT-BTC) — 12 digits. 13 digits typed without the dash get one.
 * No check-digit test: the published algorithm does not hold for every number issued.
 */
export function normalizeTaxCode(s: string): { value: string; kind: TaxCodeKind } | null {
  const t = s.replace(/[\s.]/g, '');
  if (/^\d{10}$/.test(t)) return { value: t, kind: 'organisation' };
  if (/^\d{10}-\d{3}$/.test(t)) return { value: t, kind: 'branch' };
  if (/^\d{13}$/.test(t)) return { value: `${t.slice(0, 10)}-${t.slice(10)}`, kind: 'branch' };
  if (/^\d{12}$/.test(t)) return { value: t, kind: 'personal' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

export type PhoneKind = 'mobile' | 'landline' | 'hotline';

/**
 * Vietnamese phone numbers, stored as digits with the leading 0:
 * mobile 0[35789]xxxxxxxx (10 digits), landline 02xxxxxxxxx (11 digits, area code 02xx since
 * 2017), hotline 1800/1900 + 4 or 6 digits. "+84"/"84" become "0"; spaces, dots, dashes and
 * brackets are ignored. One number per field.
 */
export function normalizePhone(s: string): { value: string; kind: PhoneKind } | null {
  let t = s.replace(/[\s.\-()]/g, '');
  if (/^\+84\d+$/.test(t)) t = '0' + t.slice(3);
  else if (/^84\d{9,10}$/.test(t)) t = '0' + t.slice(2);
  else if (/^[35789]\d{8}$/.test(t)) t = '0' + t; // the leading 0 lost by a spreadsheet number cell
  if (/^0[35789]\d{8}$/.test(t)) return { value: t, kind: 'mobile' };
  if (/^02\d{9}$/.test(t)) return { value: t, kind: 'landline' };
  if (/^1[89]00(\d{4}|\d{6})$/.test(t)) return { value: t, kind: 'hotline' };
  return null;
}

/** "0912345678" → "0912 345 678"; "02438123456" → "024 3812 3456"; other values unchanged. */
export function formatPhone(digits: string): string {
  if (/^0[35789]\d{8}$/.test(digits)) return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  if (/^02\d{9}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  return digits;
}

// ---------------------------------------------------------------------------------------------
// E-mail

const EMAIL = /^[^\s@"(),:;<>[\\\]]{1,64}@(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A plain address (no display name); the domain is lower-cased. Null when it is not one. */
export function normalizeEmail(s: string): string | null {
  const t = s.trim();
  const at = t.lastIndexOf('@');
  if (at < 1) return null;
  const v = `${t.slice(0, at)}@${t.slice(at + 1).toLowerCase()}`;
  if (!EMAIL.test(v) || v.includes('..')) return null;
  return v;
}
