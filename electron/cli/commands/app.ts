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
          ...(i.readOnly
            ? [
                `View only:      the ${i.readOnly.reason === 'file' ? 'database file' : 'data folder'} cannot be written; changes are refused (READ_ONLY)${i.readOnly.walIncluded ? '; changes left in the -wal were read' : ''}${i.readOnly.upgraded ? '; an older schema, upgraded in a temporary copy' : ''}`,
              ]
            : []),
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
];
