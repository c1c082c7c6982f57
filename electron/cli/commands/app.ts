import path from 'node:path';
import { invoke } from '../../core/api';
import { migrateToLatest } from '../../core/db/migrate';
import { closeDatabase, openDatabase } from '../../core/db/open';
import { dataPaths } from '../../core/app/paths';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

export const appCommands: CliCommand[] = [
  {
    name: 'info',
    usage: 'info [--data-dir DIR] [--json]',
    summary: 'Version, data folder, database file and schema version',
    run: async (r) => {
      const core = await r.core();
      const info = unwrap(await invoke(core.ctx, 'app:info', {}));
      r.io.result(info, (i: typeof info) =>
        [
          `${i.name} ${i.version}`,
          `Data folder:    ${i.dataDir}`,
          `Database:       ${i.databasePath}`,
          `Schema version: ${i.schemaVersion} (latest ${i.latestSchemaVersion})`,
          `Node:           ${i.nodeVersion}`,
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'migrate',
    usage: 'migrate [--data-dir DIR] [--json]',
    summary: 'Bring the database to the latest schema (backs the file up first)',
    run: async (r) => {
      // Opened directly (not through r.core) so the result reports what this run applied.
      const opened = openDatabase(dataPaths(r.dataDir).databasePath);
      try {
        const res = await migrateToLatest(opened, { backupDir: dataPaths(r.dataDir).backupsDir });
        r.io.result(res, (m: typeof res) =>
          m.applied.length === 0
            ? `Schema is up to date (version ${m.to}).`
            : `Migrated from version ${m.from} to ${m.to}: ${m.applied.join(', ')}${m.backupFile ? `\nBackup: ${m.backupFile}` : ''}`,
        );
      } finally {
        closeDatabase(opened);
      }
      return 0;
    },
  },
  {
    name: 'backup',
    usage: 'backup --out FILE [--data-dir DIR] [--json]',
    summary: 'Write a consistent copy of the database to FILE (safe while the app runs)',
    options: { out: { type: 'string' } },
    run: async (r) => {
      const out = r.values.out;
      if (typeof out !== 'string' || out.trim() === '') {
        r.io.error('backup: --out FILE is required (where to write the copy), e.g. backup --out ocop-2026-06-01.sqlite');
        return 2;
      }
      const core = await r.core();
      const file = path.resolve(out);
      // SQLite's online backup API copies a consistent snapshot even while another process writes.
      await core.ctx.sqlite.backup(file);
      r.io.result({ file }, (v: { file: string }) => `Backup written to ${v.file}`);
      return 0;
    },
  },
];
