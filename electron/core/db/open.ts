import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CoreError } from '../errors';
import type { DB } from './schema';

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
  file: string;
}

/**
 * Opens (or creates) the application database. The one place where pragmas are set.
 * `file` is a path or ':memory:' (tests).
 */
export function openDatabase(file: string, opts: { readonly?: boolean } = {}): OpenedDatabase {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  try {
    // Wait up to 5 s for another process (a CLI backup, a second window) instead of failing
    // at once with SQLITE_BUSY.
    sqlite.pragma('busy_timeout = 5000');
    if (!opts.readonly && file !== ':memory:') {
      // WAL: readers never block the writer, and a power cut mid-write cannot corrupt
      // committed data. Meeting-room laptops do lose power.
      const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new CoreError('DB_LOCKED', `Could not switch ${file} to WAL (got ${String(mode)})`);
    }
    // NORMAL is durable in WAL mode except for the last transactions before an OS crash;
    // FULL costs an fsync per answer, which the autosave path cannot afford on slow disks.
    // Scoring answers are also hash-chained, so a lost tail is detectable.
    sqlite.pragma('synchronous = NORMAL');
    // SQLite ships with foreign keys off for backwards compatibility; we rely on them.
    sqlite.pragma('foreign_keys = ON');
    // Refuse databases that are not SQLite files early, with a clear error.
    sqlite.pragma('schema_version', { simple: true });
  } catch (e) {
    sqlite.close();
    throw translateSqliteError(e, file);
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db, file };
}

/** Checkpoints the WAL into the main file and lets SQLite refresh its statistics. */
export function closeDatabase(opened: OpenedDatabase): void {
  if (!opened.sqlite.open) return;
  if (!opened.sqlite.readonly) {
    try {
      opened.sqlite.pragma('optimize');
      if (opened.file !== ':memory:') opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another process holds a lock: skip the tidy-up; closing still leaves committed data safe
      // in the WAL, and the next clean close checkpoints it.
    }
  }
  opened.sqlite.close();
}

/** Codes a trigger may name at the start of its RAISE(ABORT, 'CODE: why') message. */
const TRIGGER_CODES = ['FORBIDDEN_STATE', 'IMMUTABLE', 'CONFLICT'] as const;

export function translateSqliteError(e: unknown, file: string): CoreError {
  if (e instanceof CoreError) return e;
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  // Rules enforced by triggers speak with the same stable codes as the services, so a write that
  // slips past a service check still reaches the user as "not allowed now", not as INTERNAL.
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    const triggerCode = TRIGGER_CODES.find((c) => msg.startsWith(`${c}:`) || msg.startsWith(`${c} `));
    if (triggerCode) return new CoreError(triggerCode, msg.slice(triggerCode.length + 1).trim(), { file });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new CoreError('DB_LOCKED', `The database ${file} is in use by another program: ${msg}`, { file });
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM')
    return new CoreError('DB_READ_ONLY', `The database ${file} cannot be opened for writing: ${msg}`, { file });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new CoreError('IO', `${file} is not an OCOP Council database or is damaged: ${msg}`, { file });
  return new CoreError('INTERNAL', `Database error on ${file}: ${msg}`, { file });
}
