/**
 * Text normalisation shared by core and renderer.
 *
 * Vietnamese typed with some input methods (or pasted from PDFs) arrives decomposed (NFD):
 * uniqueness checks, search and PDF rendering break on it, so every string entering the core
 * goes through `nfc`.
 */
export const nfc = (s: string): string => s.normalize('NFC');

/** NFC and collapse runs of white space; for names, titles and other single-line fields. */
export const cleanLine = (s: string): string => nfc(s).replace(/\s+/gu, ' ').trim();

/**
 * Folds text for accent-insensitive search: "Nước mắm Đà Nẵng" → "nuoc mam da nang".
 * đ/Đ are separate letters in Unicode (not d + mark), so they are mapped explicitly.
 */
export const foldForSearch = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();

/** Recursively NFC-normalises every string inside a JSON-like value (objects, arrays). */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[nfc(k)] = nfcDeep(v);
    return out as T;
  }
  return value;
}
