import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';

/**
 * The autosave path runs synchronously on better-sqlite3 with prepared statements kept per
 * connection. Through the query builder every answer cost a dozen statement compilations
 * (Kysely's SQLite driver prepares each query anew), several times the work of the writes; the
 * issue's budget is under 1 ms per answer on a database of a million answers (bench/scoring).
 *
 * Parameters compared with an indexed column are written `(? + 0)`: better-sqlite3 is built with
 * SQLITE_ENABLE_STAT4, and once ANALYZE has run (PRAGMA optimize does) SQLite re-plans a
 * statement on every new binding of such a parameter — 50–100 µs per join. The expression keeps
 * the index (EXPLAIN shows the same SEARCH) without the re-plan.
 *
 * Safety: `withWriteLock` first takes Kysely's connection (the driver's mutex), so the raw
 * statements can never interleave with an async Kysely transaction of another call; inside it
 * a better-sqlite3 transaction makes the whole change atomic. Code already running inside a
 * Kysely transaction (paper commit, import) holds that mutex and calls the sync helpers directly.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

/** Runs `fn` as one transaction on the raw connection, holding the core's connection lock. */
export async function withWriteLock<T>(ctx: CoreContext, fn: () => T, onRollback?: () => void): Promise<T> {
  return ctx.db.connection().execute(async () => {
    try {
      return ctx.sqlite.transaction(fn).immediate();
    } catch (e) {
      onRollback?.();
      throw e;
    }
  });
}

/** Runs synchronous reads holding the core's connection lock (never inside another call's transaction). */
export async function withReadLock<T>(ctx: CoreContext, fn: () => T): Promise<T> {
  return ctx.db.connection().execute(async () => fn());
}
