import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { describeDatabaseFile, sealCopy, writeManifest } from '../backup/manifest';
import { CoreError } from '../errors';
import { migrations as allMigrations } from './migrations';
import type { OpenedDatabase } from './open';

const MIGRATION_TABLE = 'kysely_migration';

/** Names of applied migrations (empty for a new database). */
export function appliedMigrations(opened: OpenedDatabase): string[] {
  const exists = opened.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATION_TABLE);
  if (!exists) return [];
  return opened.sqlite
    .prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`)
    .all()
    .map((r) => (r as { name: string }).name);
}

export const schemaVersionOf = (opened: OpenedDatabase): number => appliedMigrations(opened).length;

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
  backupFile: string | null;
}

/**
 * Brings the database to the latest schema. Refuses a database written by a newer version of
 * the app (it knows migrations we do not), and copies a file database aside before touching it.
 */
export async function migrateToLatest(
  opened: OpenedDatabase,
  opts: { backupDir?: string; now?: () => Date; migrations?: Record<string, Migration> } = {},
): Promise<MigrateResult> {
  const migrations = opts.migrations ?? allMigrations;
  const migrationNames = Object.keys(migrations).sort();
  const applied = appliedMigrations(opened);
  const unknown = applied.filter((n) => !migrationNames.includes(n));
  if (unknown.length > 0) {
    throw new CoreError(
      'DB_NEWER_VERSION',
      `The database ${opened.file} was written by a newer version of OCOP Council (unknown migrations: ${unknown.join(', ')}). Install the newer version to open it; nothing was changed.`,
      { file: opened.file, unknown },
    );
  }
  const pending = migrationNames.filter((n) => !applied.includes(n));
  if (pending.length === 0) return { from: applied.length, to: applied.length, applied: [], backupFile: null };

  let backupFile: string | null = null;
  if (applied.length > 0 && opened.file !== ':memory:') {
    const dir = opts.backupDir ?? path.join(path.dirname(opened.file), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupFile = path.join(dir, `before-migration-v${applied.length}-${stamp}.sqlite`);
    await opened.sqlite.backup(backupFile);
    sealCopy(backupFile);
    writeManifest(backupFile, {
      format: 'ocop-backup-manifest',
      formatVersion: 1,
      kind: 'migration',
      createdAt: (opts.now?.() ?? new Date()).toISOString(),
      note: `before migrating from schema version ${applied.length}`,
      ...describeDatabaseFile(backupFile),
    });
  }

  const migrator = new Migrator({
    db: opened.db as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    // Migration numbers are reserved per issue and land in any order (0012 may reach a
    // database before 0010); each is self-contained, so the earlier-numbered one still applies.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new CoreError(
      'INTERNAL',
      `Migration failed: ${error instanceof Error ? error.message : String(error)}${backupFile ? `; the previous database is saved at ${backupFile}` : ''}`,
      {
        backupFile,
        results,
      },
    );
  }
  return { from: applied.length, to: schemaVersionOf(opened), applied: pending, backupFile };
}
