/**
 * Document-number patterns of a council's series (NĐ 30/2020, Phụ lục I, II.3): a pattern is
 * "{n}/" followed by the ký hiệu, where "{year}" may stand for the year of the document, e.g.
 * "{n}/BB-HĐ" gives "05/BB-HĐ" and "{n}/{year}/QĐ-HĐ" gives "05/2026/QĐ-HĐ". Pure: the UI
 * previews with the same functions the core allocates with.
 */

/** The ký hiệu printed after "Số: 05/": capitals and digits in groups joined by "-", optionally after "YYYY/". */
export const DOC_SYMBOL_RE = /^(\d{4}\/)?[\p{Lu}\d]+(-[\p{Lu}\d]+)*$/u;

/**
 * A written document number, "125/QĐ-UBND" or "12/2026/QĐ-UBND", split into its number and ký
 * hiệu; null when it is not of that form (then it cannot be printed as "Số: 125/QĐ-UBND").
 */
export function parseDocNumber(no: string): { number: number; symbol: string } | null {
  const m = /^0*(\d{1,6})\/(.+)$/u.exec(no.trim());
  return m && DOC_SYMBOL_RE.test(m[2]!) && Number(m[1]) >= 1 ? { number: Number(m[1]), symbol: m[2]! } : null;
}

export type PatternCheck = { ok: true } | { ok: false; message: string };

/** Whether a pattern can number documents; the message says what to fix. */
export function checkNumberPattern(pattern: string): PatternCheck {
  if (!pattern.startsWith('{n}/')) return { ok: false, message: `pattern "${pattern}" must start with "{n}/", e.g. "{n}/BB-HĐ"` };
  const rest = pattern.slice(4);
  if (/\{(?!year\})[^}]*\}/u.test(rest) || rest.includes('{n}'))
    return { ok: false, message: `pattern "${pattern}": after "{n}/" only the placeholder {year} is allowed` };
  const symbol = rest.replaceAll('{year}', '2026');
  if (!DOC_SYMBOL_RE.test(symbol))
    return {
      ok: false,
      message: `pattern "${pattern}": the symbol after "{n}/" must be capitals joined by "-" (optionally "{year}/" first), e.g. "{n}/BB-HĐ" or "{n}/{year}/QĐ-HĐ"`,
    };
  return { ok: true };
}

/** The ký hiệu a pattern gives for a year: "{n}/{year}/QĐ-HĐ", 2026 → "2026/QĐ-HĐ". */
export const symbolOf = (pattern: string, year: number): string => pattern.slice(4).replaceAll('{year}', String(year));

/** "05/BB-HĐ": numbers below 10 take a leading zero; null leaves the blank a draft keeps ("…/BB-HĐ"). */
export const formatDocNumber = (number: number | null, symbol: string): string =>
  `${number === null ? '…' : String(number).padStart(2, '0')}/${symbol}`;

/** The default pattern of a kind for a council whose own abbreviation is `councilSymbol` ("HĐ"). */
export function defaultNumberPattern(kind: 'minutes' | 'decision', councilSymbol: string): string {
  if (kind === 'decision') return '{n}/QĐ-UBND';
  const s = councilSymbol.trim();
  return s && DOC_SYMBOL_RE.test(`BB-${s}`) ? `{n}/BB-${s}` : '{n}/BB';
}
