import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AuditHead } from '../../../shared/api/channels/integrity';
import type { RestoreReport } from '../../../shared/api/channels/backup';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { DataPaths } from '../app/paths';
import { currentDatabase, swapDatabase, whileReplacing } from '../db/handle';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations';
import { closeDatabase, openDatabase } from '../db/open';
import { CoreError } from '../errors';
import { runWrite, type Call } from '../handlers';
import { readAuditIndex } from '../integrity/audit-index';
import { checkChain } from '../integrity/check-chain';
import { Collector } from '../integrity/collector';
import { ioError } from '../integrity/io-errors';
import { verifyState } from '../integrity/state-verify';
import { operatorActor, readSettings } from '../settings/settings-repo';
import { restoreSourceFile, writeBackup } from './backup-service';
import { readManifest, sha256File } from './manifest';

/**
 * Restore, never by copying files by hand: after an unclean exit the old `ocop.sqlite-wal` would
 * be replayed over a copied-in backup (the restore silently does not happen, or corrupts it). Here
 * the backup is checked first, the current database saved, the old connection closed, the file
 * replaced atomically with its -wal/-shm removed, and the result reopened and verified.
 */

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

export interface CheckedBackup {
  file: string;
  sha256: string;
  schemaVersion: number;
  auditHead: AuditHead;
}

/** Everything that makes a file safe to restore, or a CoreError saying what is wrong and what to do. */
export function checkBackupFile(file: string): CheckedBackup {
  const name = path.basename(file);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw ioError(e, `open the backup ${name}`);
  }
  const head = Buffer.alloc(16);
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } catch (e) {
    // A folder, a device, a file being written by another program.
    throw ioError(e, `read the backup ${name}`);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_MAGIC))
    throw new CoreError(
      'IMPORT_INVALID',
      `${name} is not a backup of OCOP Council (not an SQLite database); nothing was changed`,
      { file: name, reason: 'not_sqlite' },
    );
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw ioError(e, `open the backup ${name}`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (e) {
      integrity = e instanceof Error ? e.message : String(e);
    }
    if (integrity !== 'ok')
      throw new CoreError(
        'IMPORT_INVALID',
        `${name} is damaged (integrity check: ${String(integrity).slice(0, 200)}); nothing was changed. Use another backup.`,
        { file: name, reason: 'damaged' },
      );
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('kysely_migration') || !tables.has('audit_log'))
      throw new CoreError('IMPORT_INVALID', `${name} is an SQLite database but not one of OCOP Council; nothing was changed`, {
        file: name,
        reason: 'foreign',
      });
    const applied = db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
    const unknown = applied.filter((n) => !(n in migrations));
    if (unknown.length > 0)
      throw new CoreError(
        'DB_NEWER_VERSION',
        `${name} was written by a newer version of OCOP Council (${unknown.join(', ')}); install that version to restore it. Nothing was changed.`,
        { file: name, unknown, reason: 'newer' },
      );
    const c = new Collector();
    checkChain(readAuditIndex(db), c);
    const broken = c.differences[0];
    if (broken)
      throw new CoreError(
        'IMPORT_INVALID',
        `${name}: its own audit log is broken at ${broken.key} (expected ${broken.expected.slice(0, 16)}…, found ${broken.found.slice(0, 16)}…); it was altered. Nothing was changed; use another backup.`,
        { file: name, difference: broken, reason: 'chain_broken' },
      );
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const sha256 = sha256File(file);
    const manifest = readManifest(file);
    if (manifest && manifest.file.sha256 !== sha256)
      throw new CoreError(
        'IMPORT_INVALID',
        `${name} does not match its manifest (SHA-256 differs): it was changed after it was made. Nothing was changed.`,
        { file: name, reason: 'manifest_mismatch' },
      );
    return { file, sha256, schemaVersion: applied.length, auditHead: last ?? null };
  } finally {
    db.close();
  }
}

/**
 * Puts `source` (already checked) in place of the database file: copy next to it, fsync,
 * remove the old -wal/-shm/-journal, rename over (atomic on one disk). The database must be closed.
 */
export function replaceDatabaseFile(paths: DataPaths, source: string, expectedSha256: string): void {
  const target = paths.databasePath;
  const incoming = `${target}.restoring`;
  try {
    fs.rmSync(incoming, { force: true });
    fs.copyFileSync(source, incoming);
    const fd = fs.openSync(incoming, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (e) {
    fs.rmSync(incoming, { force: true });
    throw ioError(e, 'copy the backup into the data folder');
  }
  if (sha256File(incoming) !== expectedSha256) {
    fs.rmSync(incoming, { force: true });
    throw new CoreError(
      'IO',
      'The copy of the backup in the data folder differs from the backup (disk error); nothing was changed',
    );
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(incoming, target);
  try {
    const dir = fs.openSync(path.dirname(target), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch {
    // Directories cannot be fsynced on Windows; the rename is still durable there.
  }
}

/**
 * The database files as they are (damaged or not), copied aside before an offline restore, when
 * the current database cannot even be opened to make a proper backup.
 */
export function copyFilesAside(paths: DataPaths, now: Date): string {
  const dir = path.join(paths.backupsDir, `before-restore-${now.toISOString().replace(/[:.]/g, '-')}-files`);
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const f = paths.databasePath + suffix;
    if (fs.existsSync(f)) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  }
  return dir;
}

/** Restore under a running core (the app, `ocop serve`, the CLI). */
/** The `backup:restore` channel: a backup of the folder by name, or any backup file by path. */
export function restoreBackup(call: Call, input: ChannelParsedInput<'backup:restore'>): Promise<RestoreReport> {
  return restoreDatabase(call, restoreSourceFile(call.ctx, input));
}

export async function restoreDatabase(call: Call, file: string): Promise<RestoreReport> {
  const { ctx } = call;
  if (ctx.paths.databasePath === ':memory:') throw new CoreError('FORBIDDEN_STATE', 'An in-memory database cannot be restored');
  const source = path.resolve(file);
  if (path.resolve(ctx.paths.databasePath) === source)
    throw new CoreError('VALIDATION', 'path: that is the database itself, not a backup', {
      field: 'path',
      reason: 'is_database',
    });
  const checked = checkBackupFile(source);
  return whileReplacing(ctx, async () => {
    const saved = await writeBackup(
      ctx,
      path.join(ctx.paths.backupsDir, `before-restore-${ctx.now().toISOString().replace(/[:.]/g, '-')}.sqlite`),
      'restore',
      null,
    );
    const old = currentDatabase(ctx);
    if (old) closeDatabase(old);
    let migrated: string[] | undefined;
    try {
      replaceDatabaseFile(ctx.paths, source, checked.sha256);
      const opened = openDatabase(ctx.paths.databasePath);
      try {
        migrated = (await migrateToLatest(opened, { backupDir: ctx.paths.backupsDir, now: ctx.now })).applied;
      } catch (e) {
        closeDatabase(opened);
        throw e;
      }
      swapDatabase(ctx, opened);
    } catch (e) {
      // Put the database that was there back, so the app keeps working with what it had.
      replaceDatabaseFile(ctx.paths, saved.file, saved.manifest.file.sha256);
      swapDatabase(ctx, openDatabase(ctx.paths.databasePath));
      throw e instanceof CoreError ? e : ioError(e, 'restore the backup');
    }
    ctx.defaultActor = operatorActor((await readSettings(ctx.db)).operatorName);
    await runWrite(call, (w) =>
      w.audit({
        action: 'backup.restore',
        entity: 'backup',
        entityId: path.basename(source),
        before: { savedAs: path.basename(saved.file), auditHead: saved.manifest.auditHead },
        after: { file: path.basename(source), sha256: checked.sha256, auditHead: checked.auditHead, migrated: migrated ?? [] },
      }),
    );
    const verify = await verifyState({ db: ctx.db, sqlite: ctx.sqlite });
    return {
      restored: { file: source, sha256: checked.sha256, auditHead: checked.auditHead, schemaVersion: checked.schemaVersion },
      previousSavedAs: saved.file,
      migrated: migrated ?? [],
      verify,
    };
  });
}
