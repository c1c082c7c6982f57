import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { BackupKind } from '../../../shared/api/channels/backup';
import { AuditHead } from '../../../shared/api/channels/integrity';
import { APP_NAME, APP_VERSION } from '../app/version';
import { auditHeadOf } from '../integrity/audit-head';

export const BACKUP_MANIFEST_FORMAT = 'ocop-backup-manifest';

/** Why a backup was made. The kind decides how long it is kept (retention.ts). */
export { BackupKind };

/**
 * The manifest written beside every backup (`<name>.json` next to `<name>.sqlite`): what it is,
 * what it holds, and the audit head it was taken at — an anchor outside the database that
 * `audit verify --against` compares with the live chain.
 */
export const BackupManifest = z.object({
  format: z.literal(BACKUP_MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  kind: BackupKind,
  createdAt: z.string(),
  note: z.string().nullable(),
  app: z.object({ name: z.string(), version: z.string() }),
  schemaVersion: z.number().int(),
  auditHead: AuditHead,
  /** Rows per table of the main records. */
  counts: z.record(z.string(), z.number().int()),
  /** The .sqlite file beside this manifest. */
  file: z.object({ name: z.string(), sizeBytes: z.number().int(), sha256: z.string() }),
  integrity: z.literal('ok'),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** Tables counted in manifests and archives (what a person would recognise). */
export const COUNTED_TABLES = [
  'producer',
  'product',
  'registration',
  'attachment',
  'council',
  'council_member',
  'session',
  'score_sheet',
  'score_answer_event',
  'session_finalization',
  'audit_log',
] as const;

export function countRows(db: Database.Database): Record<string, number> {
  const have = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const out: Record<string, number> = {};
  for (const t of COUNTED_TABLES) if (have.has(t)) out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  return out;
}

export function sha256File(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * Makes a fresh copy (SQLite's backup API keeps the source's WAL mode) a self-contained file: the
 * rollback journal mode, no -wal or -shm beside it, so it can be copied to a USB stick alone.
 */
export function sealCopy(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export const manifestPathOf = (sqliteFile: string): string => sqliteFile.replace(/\.sqlite$/u, '') + '.json';

/**
 * Opens a backup file read-only, checks it (integrity_check), and describes it: schema version,
 * audit head, counts, size and SHA-256. Throws when it is not a readable SQLite database.
 */
export function describeDatabaseFile(file: string): Omit<
  BackupManifest,
  'format' | 'formatVersion' | 'kind' | 'createdAt' | 'note'
> & {
  integrity: 'ok';
} {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity_check: ${String(result)}`);
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    const schemaVersion = hasMigrations ? (db.prepare('SELECT count(*) FROM kysely_migration').pluck().get() as number) : 0;
    const hasAudit = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    return {
      app: { name: APP_NAME, version: APP_VERSION },
      schemaVersion,
      auditHead: hasAudit ? auditHeadOf(db) : null,
      counts: countRows(db),
      file: { name: file.split(/[\\/]/u).pop()!, sizeBytes: fs.statSync(file).size, sha256: sha256File(file) },
      integrity: 'ok',
    };
  } finally {
    db.close();
  }
}

export function writeManifest(sqliteFile: string, m: BackupManifest): string {
  const target = manifestPathOf(sqliteFile);
  fs.writeFileSync(target, JSON.stringify(m, null, 2) + '\n');
  return target;
}

export function readManifest(sqliteFile: string): BackupManifest | null {
  try {
    return BackupManifest.parse(JSON.parse(fs.readFileSync(manifestPathOf(sqliteFile), 'utf8')));
  } catch {
    return null;
  }
}
