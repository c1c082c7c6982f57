import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReadOnlyMode } from '../../../shared/api/channels/app';
import { CoreError } from '../errors';
import { ioError } from '../integrity/io-errors';
import { migrateToLatest, type MigrateResult } from './migrate';
import { closeDatabase, openDatabase, type OpenedDatabase } from './open';

/**
 * View-only mode (issue 14, "the app stays usable read-only where it can"): the data folder (or
 * the database file) can be read but not written — a write-protected USB stick, a CD, a folder
 * shared read-only, a file another user owns.
 *
 * Why a private copy and not the file itself. The database is in WAL mode, and SQLite can read a
 * WAL database only through its -shm index: in a folder where -shm cannot be created (and does
 * not exist already) even a read-only connection fails with SQLITE_CANTOPEN. SQLite's way around
 * that is `immutable=1`, which needs a `file:` URI — and better-sqlite3 is built with
 * SQLITE_USE_URI=0 and opens without SQLITE_OPEN_URI, so the URI is taken as a file name
 * (measured: CANTOPEN for every case; read-only-view.test.ts keeps the probe). Immutable would also
 * ignore a -wal left by an unclean exit, i.e. hide committed changes without saying so. Reading the
 * file into memory (`new Database(buffer)`) needs the header patched out of WAL mode and likewise
 * drops the -wal.
 *
 * So the view reads a copy: the database and, when there is one, its -wal are copied into a fresh
 * folder under the system's temporary folder; SQLite recovers the copy's WAL exactly as after a
 * power cut (every committed transaction, nothing half-written), folds it into the copy, and the
 * copy is then opened read-only. The original folder is only read — not even a -shm is created —
 * so its files stay byte-identical. An older schema is upgraded in the copy (the file is not), so a
 * read-only stick made by an older version can still be looked at. The copy is removed on close.
 */

/** Why the folder cannot be written, or null when it can (as far as the file system says). */
export function whyReadOnly(dataDir: string, file: string): ReadOnlyMode['reason'] | null {
  if (!writable(dataDir)) return 'folder';
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f) && !writable(f)) return 'file';
  return null;
}

function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A regular file this process may read: only such a database can be viewed. */
export function readableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Size of a WAL file's own header: a -wal this short holds no frame (no change). */
const WAL_HEADER_BYTES = 32;
const VIEW_PREFIX = 'ocop-view-';
/** A view folder left by a process that died (kill -9, power cut) is removed after this long. */
const STALE_VIEW_MS = 7 * 24 * 3_600_000;

export interface ReadOnlyView {
  opened: OpenedDatabase;
  mode: ReadOnlyMode;
  migration: MigrateResult;
}

export async function openReadOnlyView(
  file: string,
  reason: ReadOnlyMode['reason'],
  opts: { now?: () => Date; tmpDir?: string } = {},
): Promise<ReadOnlyView> {
  const tmpRoot = opts.tmpDir ?? os.tmpdir();
  removeStaleViews(tmpRoot);
  let dir: string;
  try {
    dir = fs.mkdtempSync(path.join(tmpRoot, VIEW_PREFIX));
  } catch (e) {
    throw ioError(e, 'prepare a view-only copy of the database in the temporary folder');
  }
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, path.basename(file));
    const wal = `${file}-wal`;
    try {
      fs.copyFileSync(file, copy);
      if (fs.existsSync(wal) && fs.statSync(wal).size > WAL_HEADER_BYTES) fs.copyFileSync(wal, `${copy}-wal`);
    } catch (e) {
      throw ioError(e, 'copy the database to the temporary folder for viewing');
    }
    // Writable on the copy only: WAL recovery, the upgrade of an older schema, then fold everything
    // into the copy's main file so the read-only connection below needs no -wal/-shm at all.
    const work = openDatabase(copy);
    let migration: MigrateResult;
    let walFrames = 0;
    try {
      walFrames = fs.existsSync(`${copy}-wal`) ? walFramesOf(work) : 0;
      migration = await migrateToLatest(work, { backupDir: path.join(dir, 'backups'), now: opts.now });
      work.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      work.sqlite.pragma('journal_mode = DELETE');
    } finally {
      closeDatabase(work);
    }
    const opened = openDatabase(copy, { readonly: true });
    return {
      opened: { ...opened, onClose: remove },
      mode: { reason, walIncluded: walFrames > 0, upgraded: migration.applied.length > 0 },
      migration,
    };
  } catch (e) {
    remove();
    // Errors name the data folder's file, never the temporary copy.
    if (e instanceof CoreError)
      throw new CoreError(e.code, e.message.split(path.join(dir, path.basename(file))).join(file), {
        ...asObject(e.details),
        file,
      });
    throw ioError(e, 'open the database for viewing');
  }
}

/** Frames SQLite found in the copied -wal (committed changes not yet in the database file). */
function walFramesOf(opened: OpenedDatabase): number {
  const row = opened.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  return Math.max(0, row[0]?.log ?? 0);
}

const asObject = (d: unknown): Record<string, unknown> =>
  d !== null && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {};

function removeStaleViews(tmpRoot: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmpRoot).filter((n) => n.startsWith(VIEW_PREFIX));
  } catch {
    return;
  }
  const now = Date.now();
  for (const n of names.slice(0, 50)) {
    const full = path.join(tmpRoot, n);
    try {
      if (now - fs.statSync(full).mtimeMs > STALE_VIEW_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // In use on Windows, or already gone: the next start tries again.
    }
  }
}
