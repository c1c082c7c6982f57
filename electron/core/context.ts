import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type Database from 'better-sqlite3';
import type { AppInfo, ReadOnlyMode } from '../../shared/api/channels/app';
import { dataPaths, type DataPaths } from './app/paths';
import { currentDatabase, registerDatabase } from './db/handle';
import { closeDatabase, openDatabase, type OpenedDatabase } from './db/open';
import { migrateToLatest, schemaVersionOf, type MigrateResult } from './db/migrate';
import { openReadOnlyView, readableFile, whyReadOnly } from './db/read-only-view';
import { CoreError } from './errors';
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
  /**
   * Set when the data folder cannot be written: the core reads a private copy and refuses every
   * change with READ_ONLY (api.ts; db/read-only-view.ts). Null = normal.
   */
  readOnly?: ReadOnlyMode | null;
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
  /** Where the view-only copy goes (default: the system's temporary folder); tests point it elsewhere. */
  viewTmpDir?: string;
}

/**
 * Opens the database, runs migrations (backing the file up first) and returns the core. A data
 * folder that can be read but not written opens in view-only mode (CoreContext.readOnly); one that
 * has no database yet cannot be created, and is refused with DB_READ_ONLY.
 */
export async function openCore(opts: OpenCoreOptions): Promise<Core> {
  const paths = dataPaths(opts.dataDir);
  const file = opts.databaseFile ?? paths.databasePath;
  if (file !== ':memory:' && !fs.existsSync(opts.dataDir)) fs.mkdirSync(opts.dataDir, { recursive: true });
  const { opened, migration, readOnly } = await openWritableOrView(file, opts);
  const ctx: CoreContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    paths: { ...paths, databasePath: file },
    host: opts.host,
    now: opts.now ?? (() => new Date()),
    defaultActor: operatorActor((await readSettings(opened.db)).operatorName),
    events: new CoreEvents(),
    readOnly,
    ...(opts.systemFontDirs ? { systemFontDirs: opts.systemFontDirs } : {}),
  };
  registerDatabase(ctx, opened);
  // After a restore the context holds another database: close whichever is current.
  return { ctx, migration, close: () => closeDatabase(currentDatabase(ctx) ?? opened) };
}

async function openWritableOrView(
  file: string,
  opts: OpenCoreOptions,
): Promise<{ opened: OpenedDatabase; migration: MigrateResult; readOnly: ReadOnlyMode | null }> {
  const view = async (reason: ReadOnlyMode['reason']) => {
    const v = await openReadOnlyView(file, reason, { now: opts.now, tmpDir: opts.viewTmpDir });
    return { opened: v.opened, migration: v.migration, readOnly: v.mode };
  };
  const reason = file === ':memory:' ? null : whyReadOnly(opts.dataDir, file);
  if (reason && readableFile(file)) return view(reason);
  let opened: OpenedDatabase;
  try {
    opened = openDatabase(file);
  } catch (e) {
    // Where the file system did not tell beforehand (Windows folder permissions, a network share),
    // SQLite's refusal to open for writing says it: view what can be read.
    if (e instanceof CoreError && e.code === 'DB_READ_ONLY' && file !== ':memory:' && readableFile(file)) return view('file');
    throw e;
  }
  try {
    return {
      opened,
      migration: await migrateToLatest(opened, { backupDir: dataPaths(opts.dataDir).backupsDir, now: opts.now }),
      readOnly: null,
    };
  } catch (e) {
    closeDatabase(opened);
    throw e;
  }
}

export const currentSchemaVersion = (ctx: CoreContext): number =>
  schemaVersionOf({ sqlite: ctx.sqlite, db: ctx.db, file: ctx.paths.databasePath });
