import { sql, type Expression, type SqlBool } from 'kysely';
import { foldForSearch } from '../../../shared/text/normalize';
import { CoreError } from '../errors';

/** Search words, folded ("Nước  MẮM" → ["nuoc", "mam"]); at most 8, the rest is ignored. */
export function searchTokens(query: string | undefined): string[] {
  if (!query) return [];
  return [
    ...new Set(
      foldForSearch(query)
        .split(' ')
        .filter((w) => w.length > 0),
    ),
  ].slice(0, 8);
}

/**
 * Every word must occur in the folded column. `instr` on already-folded text: no collation
 * work per row, which keeps a scan of 20,000 rows in a few milliseconds.
 */
export function allWordsIn(column: string, words: string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.join(
    words.map((w) => sql`instr(${sql.ref(column)}, ${w}) > 0`),
    sql` AND `,
  )}`;
}

/**
 * The MATCH expression for the trigram index of words of three letters or more: each word as
 * a quoted phrase, all required. Null when no word is long enough for the index.
 */
export function trigramMatch(words: string[]): string | null {
  const long = words.filter((w) => [...w].length >= 3);
  return long.length === 0 ? null : long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
}

/** Words the trigram index cannot look up (one or two letters): matched with instr on the column. */
export const shortWords = (words: string[]): string[] => words.filter((w) => [...w].length < 3);

/**
 * The freeze triggers of migration 0003 (and other areas' triggers) abort with
 * "IMMUTABLE: …" or "FORBIDDEN_STATE: …"; turn those into the matching CoreError so callers get
 * a stable code even when a service check was bypassed.
 */
export function translateTriggerError(e: unknown): unknown {
  const msg = e instanceof Error ? e.message : '';
  const m = /^(IMMUTABLE|FORBIDDEN_STATE|CONFLICT): (.*)$/s.exec(msg);
  if (m) return new CoreError(m[1] as 'IMMUTABLE' | 'FORBIDDEN_STATE' | 'CONFLICT', m[2]!);
  return e;
}

/** Runs `f` and rethrows trigger aborts as CoreErrors. */
export async function withTriggerErrors<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw translateTriggerError(e);
  }
}

export { fieldError } from '../errors';

export const bool = (n: number): boolean => n === 1;
export const bit = (b: boolean): number => (b ? 1 : 0);
