import { nfc } from '../../shared/text/normalize';

/**
 * Limits on the shape of any input before the core does recursive work on it. Nothing the app
 * sends comes near them: the deepest input (a sheets document) is about 8 levels; the largest
 * (a whole session's sheets) a few hundred thousand values.
 */
export const INPUT_LIMITS = {
  maxDepth: 64,
  maxNodes: 2_000_000,
} as const;

export interface InputProblem {
  path: string[];
  message: string;
}

export type PreparedInput = { ok: true; value: unknown } | { ok: false; problem: InputProblem };

/**
 * What invoke() does to every input before validation, in one iterative pass (an explicit stack,
 * so a value nested 100,000 levels deep costs memory, never the call stack):
 * - refuses nesting deeper than `maxDepth` and more than `maxNodes` values;
 * - refuses text with a NUL character (SQLite and every file format the app writes would cut the
 *   text there) or a lone UTF-16 surrogate (it cannot be stored as UTF-8: the database would
 *   silently replace it);
 * - NFC-normalises every string and object key;
 * - copies plain objects onto fresh objects with `defineProperty`, so a key named `__proto__`
 *   stays an ordinary (unknown, hence refused) key instead of changing the object's prototype.
 * Other values (numbers, booleans, null, Uint8Array from IPC) pass unchanged; the schemas judge them.
 */
export function prepareInput(input: unknown, limits: { maxDepth: number; maxNodes: number } = INPUT_LIMITS): PreparedInput {
  interface Frame {
    source: unknown;
    path: string[];
    assign: (v: unknown) => void;
  }
  let result: unknown;
  const stack: Frame[] = [{ source: input, path: [], assign: (v) => (result = v) }];
  let nodes = 0;
  while (stack.length > 0) {
    const { source, path, assign } = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) {
      return fail([], `the input has more than ${limits.maxNodes} values; send less at once`);
    }
    if (typeof source === 'string') {
      const bad = badText(source);
      if (bad) return fail(path, bad);
      assign(nfc(source));
      continue;
    }
    const isArray = Array.isArray(source);
    const isPlain = source !== null && typeof source === 'object' && Object.getPrototypeOf(source) === Object.prototype;
    if (!isArray && !isPlain) {
      assign(source);
      continue;
    }
    if (path.length >= limits.maxDepth) {
      return fail(path.slice(0, 8), `the input is nested more than ${limits.maxDepth} levels deep`);
    }
    if (isArray) {
      const arr = source as unknown[];
      const out: unknown[] = new Array<unknown>(arr.length);
      for (let i = arr.length - 1; i >= 0; i--) {
        stack.push({ source: arr[i], path: [...path, String(i)], assign: (v) => (out[i] = v) });
      }
      assign(out);
      continue;
    }
    const out: Record<string, unknown> = {};
    const entries = Object.entries(source as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [rawKey, value] = entries[i]!;
      const bad = badText(rawKey);
      if (bad) return fail([...path, printable(rawKey)], `the field name ${bad.replace(/^the text /, '')}`);
      const key = nfc(rawKey);
      stack.push({
        source: value,
        path: [...path, key],
        assign: (v) => Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true }),
      });
    }
    assign(out);
  }
  return { ok: true, value: result };
}

function fail(path: string[], message: string): PreparedInput {
  return { ok: false, problem: { path, message } };
}

/** In a `u` regexp a paired surrogate is one code point, so only a lone half matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function badText(s: string): string | null {
  if (s.includes('\u0000')) return 'the text contains a NUL character (code 0); remove it';
  if (LONE_SURROGATE.test(s)) return 'the text contains a broken character (a lone UTF-16 surrogate); type or paste it again';
  return null;
}

/** A key shown in an error message: control characters and lone surrogates made visible. */
const printable = (s: string): string =>
  s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD').replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
