import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type Database from 'better-sqlite3';
import type { AppInfo } from '../../shared/api/channels/app';
import { dataPaths, type DataPaths } from './app/paths';
import { currentDatabase, registerDatabase } from './db/handle';
import { closeDatabase, openDatabase, type OpenedDatabase } from './db/open';
import { migrateToLatest, schemaVersionOf, type MigrateResult } from './db/migrate';
import type { DB } from './db/schema';
import type { AskPin } from './signing/keys/pkcs11-token';
import { operatorActor, readSettings } from './settings/settings-repo';
import { CoreEvents } from './events';
import type { LanHost } from './room/lan-host';

export type Host = AppInfo['host'];

/** Everything a service needs. Built once per process by `openCore`; tests build it on :memory:. */
export interface CoreContext {
  db: Kysely<DB>;
  sqlite: Database.Database;
  paths: DataPaths;
  host: Host;
  /** The clock; tests pass a fixed one so hashes and dates are deterministic. */
  now: () => Date;
  /**
   * Who acts, for the audit log and histories, when a call does not say: the operator name saved
   * in Cài đặt (asked on first start), or 'local' until one is given. Kept current by settings:set.
   */
  defaultActor: string;
  /** Where documents look for the system's Times New Roman; undefined = the OS font folders (tests point to a fake one). */
  systemFontDirs?: string[];
  /**
   * How this host asks a USB token's PIN (Electron: a window of the main process; CLI: the
   * terminal). Absent in the HTTP bridge: tokens sign only where the PIN never crosses a page.
   */
  askPin?: AskPin;
  /** What changed, for live screens (see events.ts). */
  events: CoreEvents;
  /** The meeting-room listener, when this host can listen on the network (Electron main, `ocop serve`). */
  lan?: LanHost;
}

export interface Core {
  ctx: CoreContext;
  migration: MigrateResult;
  close: () => void;
}

export interface OpenCoreOptions {
  /** Folder holding the database, backups and attachments. */
  dataDir: string;
  /** ':memory:' for tests; defaults to `<dataDir>/ocop.sqlite`. */
  databaseFile?: string;
  host: Host;
  now?: () => Date;
  /** See CoreContext.systemFontDirs. */
  systemFontDirs?: string[];
}

/** Opens the database, runs migrations (backing the file up first) and returns the core. */
export async function openCore(opts: OpenCoreOptions): Promise<Core> {
  const paths = dataPaths(opts.dataDir);
  const file = opts.databaseFile ?? paths.databasePath;
  if (file !== ':memory:') fs.mkdirSync(opts.dataDir, { recursive: true });
  const opened: OpenedDatabase = openDatabase(file);
  let migration: MigrateResult;
  try {
    migration = await migrateToLatest(opened, { backupDir: paths.backupsDir, now: opts.now });
  } catch (e) {
    closeDatabase(opened);
    throw e;
  }
  const ctx: CoreContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    paths: { ...paths, databasePath: file },
    host: opts.host,
    now: opts.now ?? (() => new Date()),
    defaultActor: operatorActor((await readSettings(opened.db)).operatorName),
    events: new CoreEvents(),
    ...(opts.systemFontDirs ? { systemFontDirs: opts.systemFontDirs } : {}),
  };
  registerDatabase(ctx, opened);
  // After a restore the context holds another database: close whichever is current.
  return { ctx, migration, close: () => closeDatabase(currentDatabase(ctx) ?? opened) };
}

export const currentSchemaVersion = (ctx: CoreContext): number =>
  schemaVersionOf({ sqlite: ctx.sqlite, db: ctx.db, file: ctx.paths.databasePath });
