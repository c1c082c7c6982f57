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

/**
 * NFC-normalises every string (and object key) inside a JSON-like value (objects, arrays).
 * Iterative (an explicit stack), so a file nested thousands of levels deep cannot overflow the
 * call stack; keys are defined as own properties, so a `__proto__` key stays a plain key.
 */
export function nfcDeep<T>(value: T): T {
  let result: unknown;
  const stack: { source: unknown; assign: (v: unknown) => void }[] = [{ source: value, assign: (v) => (result = v) }];
  while (stack.length > 0) {
    const { source, assign } = stack.pop()!;
    if (typeof source === 'string') {
      assign(nfc(source));
    } else if (Array.isArray(source)) {
      const out: unknown[] = new Array<unknown>(source.length);
      source.forEach((v: unknown, i) => stack.push({ source: v, assign: (x) => (out[i] = x) }));
      assign(out);
    } else if (source !== null && typeof source === 'object' && Object.getPrototypeOf(source) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(source)) {
        const key = nfc(k);
        // Define now (in the source's key order), fill in when the value is reached.
        Object.defineProperty(out, key, { value: undefined, enumerable: true, writable: true, configurable: true });
        stack.push({ source: v, assign: (x) => (out[key] = x) });
      }
      assign(out);
    } else {
      assign(source);
    }
  }
  return result as T;
}
