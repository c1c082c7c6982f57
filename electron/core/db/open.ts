import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Driver } from 'kysely';
import { CoreError } from '../errors';
import type { DB } from './schema';

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
  file: string;
  /** The idle WAL checkpointer of a writable file database (see startIdleCheckpoints); closeDatabase stops it. */
  idleCheckpoints?: IdleCheckpoints;
  /** Runs after the connection is closed: the view-only copy's folder is removed (read-only-view.ts). */
  onClose?: () => void;
}

/**
 * WAL checkpoints when the app is idle instead of inside a write.
 *
 * SQLite's default checkpoints the WAL into the database file from inside the commit that pushes
 * the WAL past 1000 pages. One autosaved answer writes about 9 pages (answer event and its index,
 * current answer, sheet totals, audit row and its index, sequence), so every ~110th answer paid a
 * checkpoint of 1000 pages with its fsyncs — 5–25 ms on the bench machine, which set the p99 of
 * scoring:setAnswer (bench/scoring.bench.ts, docs/benchmarks.md notes).
 *
 * Here a timer checks between calls (the UI's calls come through IPC/HTTP, so it runs when the
 * core is not answering one) and checkpoints — PASSIVE: never waits for readers or writers —
 * once this connection has changed enough rows since the last checkpoint (a few hundred WAL
 * pages, a few milliseconds), or has changed anything and then stayed idle for a while; never
 * inside a transaction. So a member scoring at human speed causes one small checkpoint every few
 * dozen answers or after a pause, not an fsync per answer. The automatic checkpoint stays as a
 * safety net for long stretches without idle time (a bulk import), at a higher threshold, and
 * journal_size_limit gives the disk back after such a stretch.
 */
export const IDLE_CHECKPOINT_MS = 200;
/** Row changes (an autosaved answer makes ~5) after which the next tick checkpoints. */
export const CHECKPOINT_AFTER_CHANGES = 200;
/** Ticks without any change after which pending changes are checkpointed anyway (~2 s). */
export const CHECKPOINT_AFTER_IDLE_TICKS = 10;
/** Pages (4 KiB): ~40 MB of WAL before a commit checkpoints by itself. */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;
export const JOURNAL_SIZE_LIMIT_BYTES = 64 * 2 ** 20;

export interface IdleCheckpoints {
  /** Runs one check now (what the timer does); returns whether a checkpoint ran. */
  tick: () => boolean;
  stop: () => void;
}

export function startIdleCheckpoints(
  sqlite: Database.Database,
  opts: { everyMs?: number; afterChanges?: number; afterIdleTicks?: number } = {},
): IdleCheckpoints {
  const afterChanges = opts.afterChanges ?? CHECKPOINT_AFTER_CHANGES;
  const afterIdleTicks = opts.afterIdleTicks ?? CHECKPOINT_AFTER_IDLE_TICKS;
  const changes = sqlite.prepare('SELECT total_changes()').pluck(true);
  let checkpointedAt = -1;
  let lastSeen = -1;
  let idleTicks = 0;
  const tick = (): boolean => {
    if (!sqlite.open) {
      stop();
      return false;
    }
    if (sqlite.inTransaction) return false;
    try {
      const now = changes.get() as number;
      idleTicks = now === lastSeen ? idleTicks + 1 : 0;
      lastSeen = now;
      if (now === checkpointedAt) return false;
      if (checkpointedAt >= 0 && now - checkpointedAt < afterChanges && idleTicks < afterIdleTicks) return false;
      checkpointedAt = now;
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      return true;
    } catch {
      // Another connection is checkpointing or holds a lock: a later tick tries again.
      return false;
    }
  };
  const timer = setInterval(tick, opts.everyMs ?? IDLE_CHECKPOINT_MS);
  // Never keeps a CLI command or a test process alive.
  timer.unref();
  const stop = () => clearInterval(timer);
  return { tick, stop };
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
    if (!opts.readonly && file !== ':memory:') {
      sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    }
    // SQLite ships with foreign keys off for backwards compatibility; we rely on them.
    sqlite.pragma('foreign_keys = ON');
    // Refuse databases that are not SQLite files early, with a clear error.
    sqlite.pragma('schema_version', { simple: true });
  } catch (e) {
    sqlite.close();
    throw translateSqliteError(e, file);
  }
  const db = new Kysely<DB>({ dialect: new KeepCauseSqliteDialect({ database: sqlite }) });
  const idleCheckpoints = !opts.readonly && file !== ':memory:' ? startIdleCheckpoints(sqlite) : undefined;
  return { sqlite, db, file, idleCheckpoints };
}

/**
 * SQLite rolls a transaction back by itself after some failures (SQLITE_FULL on a full disk, some
 * SQLITE_IOERR). Kysely then sends its own ROLLBACK, which fails with "cannot rollback - no
 * transaction is active" and replaces the real error: a full disk reached the user as INTERNAL.
 * This dialect lets that second ROLLBACK pass silently, so the first error (DISK_FULL) is the one
 * thrown. Found by electron/core/backup/disk-faults.test.ts on a real full tmpfs.
 */
class KeepCauseSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      try {
        await rollback(connection);
      } catch (e) {
        if (!/no transaction is active/u.test(e instanceof Error ? e.message : String(e))) throw e;
      }
    };
    return driver;
  }
}

/** Checkpoints the WAL into the main file and lets SQLite refresh its statistics. */
export function closeDatabase(opened: OpenedDatabase): void {
  opened.idleCheckpoints?.stop();
  try {
    closeConnection(opened);
  } finally {
    opened.onClose?.();
  }
}

function closeConnection(opened: OpenedDatabase): void {
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
    return new CoreError(
      'DB_READ_ONLY',
      `The database ${file} cannot be opened for writing: ${msg}. The folder or disk is read-only or not permitted to this user: make it writable (or copy the data folder to a writable disk and open that), then start again. Nothing was changed.`,
      { file },
    );
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && /disk is full|ENOSPC/i.test(msg)))
    return new CoreError(
      'DISK_FULL',
      `The disk holding ${file} is full: the last change was not saved (everything saved before is safe). Free some space and try again.`,
      { file },
    );
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new CoreError('IO', `${file} is not an OCOP Council database or is damaged: ${msg}`, { file });
  return new CoreError('INTERNAL', `Database error on ${file}: ${msg}`, { file });
}
