import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import type { Settings } from '../../shared/api/channels/app';
import { resources, type Lang } from '../../shared/i18n/resources';
import type { Logger } from '../core/api';
import { DATABASE_FILE } from '../core/app/paths';
import { openCore, type Core } from '../core/context';
import { closeDatabase, openDatabase } from '../core/db/open';
import { readableFile, whyReadOnly } from '../core/db/read-only-view';
import { CoreError } from '../core/errors';
import { startDailyBackups } from '../core/backup/backup-service';
import { installProcessGuards } from '../server/process-guards';
import { readSettings } from '../core/settings/settings-repo';
import { createAppProtocolHandler, registerAppScheme } from './app-protocol';
import { APP_SCHEME, isAppUrl, resolveAppLocation } from './app-url';
import { watchRenderer } from './crash';
import { APP_CSP_HEADER } from './csp';
import { resolveDataDir } from './data-dir';
import { showStartupError, startupErrorText } from './dialogs';
import { registerIpc, type IpcRegistration } from './ipc';
import { attachRoomHost } from './room-host';
import { registerSavePdf } from './save-pdf';
import { registerBackupFiles } from './backup-files';
import { createPinPrompt } from './pin-prompt';
import { applyMenu, navigateTo, type MenuActions } from './menu';
import { hardenSession } from './session';
import { forbiddenSwitches } from './switches';
import { createMainWindow, focusWindow, guardWebContents, reloadApp } from './window';

export interface StartOptions {
  /** Folder of the built main script (out/main); out/preload and out/renderer are its siblings. */
  mainDir: string;
  /** Environment to read and (when packaged) to complete; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Electron's `process.resourcesPath` (the packaged app's resources folder). */
  resourcesPath?: string;
  /** The command line; defaults to process.argv. */
  argv?: readonly string[];
  log?: Logger;
}

export interface RunningApp {
  core: Core;
  window: BrowserWindow;
  ipc: IpcRegistration;
  language: () => Lang;
  /** Stops IPC, waits for calls in flight, closes the database (WAL checkpoint). Idempotent. */
  shutdown: () => Promise<void>;
}

/** How long quitting waits for calls in flight (an autosave) before closing the database. */
export const DRAIN_TIMEOUT_MS = 5000;

const defaultLog: Logger = (msg, err) => console.error(`[ocop-main] ${msg}`, err ?? '');

/**
 * The desktop app's life: one instance, the core on the user-data database, IPC, menu and the
 * hardened window; a clear dialog when the database cannot be opened; a clean close on quit.
 * Returns null when this process must not run (second instance, start-up error).
 */
export async function startApp(opts: StartOptions): Promise<RunningApp | null> {
  const log = opts.log ?? defaultLog;
  // Remote debugging would hand the window (and through it the IPC bridge) to any local program.
  const refused = app.isPackaged ? forbiddenSwitches(opts.argv ?? process.argv, (s) => app.commandLine.hasSwitch(s)) : [];
  if (refused.length > 0) {
    log(`refusing to start with ${refused.map((s) => `--${s}`).join(', ')}`);
    app.exit(1);
    return null;
  }
  // The app:// scheme's privileges must be known before the app is ready.
  registerAppScheme(protocol);
  const env = opts.env ?? process.env;
  // electron-builder.yml copies resources/ (criteria, fonts) to <resourcesPath>/resources; the
  // core finds it through OCOP_RESOURCES_DIR (a development checkout finds the repository's).
  const resourcesPath = opts.resourcesPath ?? (process as { resourcesPath?: string }).resourcesPath;
  if (app.isPackaged && resourcesPath && !env.OCOP_RESOURCES_DIR) env.OCOP_RESOURCES_DIR = path.join(resourcesPath, 'resources');
  const devTools = !app.isPackaged;
  const rendererDir = path.join(opts.mainDir, '../renderer');
  const loc = resolveAppLocation({ isPackaged: app.isPackaged, devUrl: env.ELECTRON_RENDERER_URL, rendererDir });

  // The data folder (OCOP_DATA_DIR, portable, development or the user's) is applied before
  // anything is written, the single-instance lock included: a portable copy on a USB stick and
  // the installed app are two separate instances with two separate databases.
  const data = resolveDataDir({
    env,
    isPackaged: app.isPackaged,
    development: loc.kind === 'dev',
    appData: app.getPath('appData'),
    userData: app.getPath('userData'),
  });
  if (data.reason !== 'user-data') {
    try {
      fs.mkdirSync(data.dir, { recursive: true });
      app.setPath('userData', data.dir);
    } catch (e) {
      log(`the data folder ${data.dir} (${data.reason}) cannot be used`, e);
      const lang = await startupLanguage(path.join(data.dir, DATABASE_FILE), app.getPreferredSystemLanguages());
      showStartupError(startupErrorText(lang, 'IO', e instanceof Error ? e.message : String(e), data.dir));
      app.exit(1);
      return null;
    }
  }
  const dataDir = data.dir;
  // A data folder that can be read but not written (a write-protected stick, a folder another user
  // owns) opens in view-only mode (core/db/read-only-view.ts). Chromium's own files and the
  // single-instance lock need a writable folder, or Chromium refuses the lock and the app would quit
  // without a word: they go to a profile in the temporary folder, one per data folder, so a second
  // start on the same folder still finds the first window.
  const viewOnly = isViewOnlyFolder(dataDir);
  if (viewOnly) {
    const profile = viewOnlyProfileDir(app.getPath('temp'), dataDir);
    try {
      fs.mkdirSync(profile, { recursive: true });
      app.setPath('userData', profile);
      log(`the data folder ${dataDir} cannot be written: view-only mode; Chromium's files in ${profile}`);
    } catch (e) {
      log(`no writable profile folder for view-only mode (${profile})`, e);
    }
  }

  // A second copy would open the same database: hand over to the first window and leave.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  let win: BrowserWindow | null = null;
  app.on('second-instance', () => focusWindow(win));
  // Every web contents, including any the app might create later, gets the navigation guards.
  app.on('web-contents-created', (_event, wc) => guardWebContents(wc, loc));
  // One window: closing it ends the app on every platform (no macOS build is made).
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  let core: Core;
  try {
    core = await openCore({ dataDir, host: 'electron' });
  } catch (e) {
    log('could not open the database', e);
    const code = e instanceof CoreError ? e.code : 'INTERNAL';
    const technical = e instanceof Error ? e.message : String(e);
    const lang = await startupLanguage(path.join(dataDir, DATABASE_FILE), app.getPreferredSystemLanguages());
    showStartupError(startupErrorText(lang, code, technical, dataDir));
    // openCore has already closed what it opened; nothing was migrated or written.
    app.exit(1);
    return null;
  }

  // Issue 14: an unhandled rejection is reported loudly; the first use of each day leaves a backup.
  installProcessGuards((line) => log(line));
  const stopDaily = startDailyBackups(core.ctx, log);

  const settings = await readSettings(core.ctx.db);
  let language: Lang = settings.language;
  let operatorName = settings.operatorName;

  hardenSession(session.defaultSession, loc, (msg) => log(msg));
  if (loc.kind === 'app')
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir, csp: APP_CSP_HEADER, log: (m) => log(m) }));
  const menuActions: MenuActions = {
    navigate: (route) => {
      const w = win;
      if (w && !w.isDestroyed()) navigateTo((code) => w.webContents.executeJavaScript(code), route);
    },
  };
  applyMenu(language, menuActions, { devTools });

  const ipc = registerIpc(ipcMain, {
    ctx: core.ctx,
    isAppUrl: (url) => isAppUrl(url, loc),
    actor: () => operatorName.trim() || undefined,
    log,
    // The renderer changes settings through the contract like everything else; main follows.
    afterCall: (channel, value) => {
      if (channel !== 'settings:set') return;
      const s = value as Settings;
      operatorName = s.operatorName;
      if (s.language !== language) {
        language = s.language;
        applyMenu(language, menuActions, { devTools });
      }
    },
  });

  const backupFiles = registerBackupFiles(ipcMain, {
    ctx: core.ctx,
    isAppUrl: (url) => isAppUrl(url, loc),
    window: () => win,
    titles: () => resources[language].backup.dialogs,
    actor: () => operatorName || undefined,
    log,
  });
  const savePdf = registerSavePdf(ipcMain, {
    isAppUrl: (url) => isAppUrl(url, loc),
    exportsDir: path.join(dataDir, 'exports'),
    window: () => win,
    title: () => resources[language].documents.screen.saveDialogTitle,
    log,
  });

  // USB tokens: the PIN is asked by main's own modal window, never by the app's page.
  core.ctx.askPin = createPinPrompt({
    ipc: ipcMain,
    createWindow: (o) => new BrowserWindow(o),
    parent: () => win,
    language: () => language,
    preloadPath: path.join(opts.mainDir, '../preload/pin.cjs'),
  });

  // Meeting-room mode: the LAN listener in this process; change events to the window (room-host.ts).
  const room = attachRoomHost({
    ctx: core.ctx,
    rendererDir,
    dataDir,
    send: (channel, e) => {
      if (win && !win.isDestroyed()) win.webContents.send(channel, e);
    },
    log,
  });

  win = createMainWindow(loc, {
    preloadPath: path.join(opts.mainDir, '../preload/index.cjs'),
    devTools,
    title: resources[language].common.appName,
  });
  const created = win;
  watchRenderer(created, {
    language: () => language,
    reload: () => reloadApp(created, loc),
    quit: () => app.quit(),
    log: (m) => log(m),
  });

  let closing: Promise<void> | null = null;
  let closed = false;
  const closeCore = () => {
    if (closed) return;
    closed = true;
    try {
      core.close();
    } catch (e) {
      log('closing the database failed', e);
    }
  };
  const shutdown = () =>
    (closing ??= (async () => {
      stopDaily();
      ipc.dispose();
      savePdf.dispose();
      await room.dispose();
      backupFiles.dispose();
      await ipc.drain(DRAIN_TIMEOUT_MS);
      closeCore();
    })());
  // will-quit comes after every window has closed, so no page can still be calling; quitting is
  // held until the database is checkpointed and closed, then resumed.
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void shutdown().then(() => app.quit());
  });
  // Windows log-off or shutdown may end the process without will-quit: close at once.
  win.on('session-end', () => {
    ipc.dispose();
    closeCore();
  });

  return { core, window: win, ipc, language: () => language, shutdown };
}

/** The database exists and can be read, but the folder or file cannot be written. */
export function isViewOnlyFolder(dataDir: string): boolean {
  const file = path.join(dataDir, DATABASE_FILE);
  return whyReadOnly(dataDir, file) !== null && readableFile(file);
}

/** Chromium's profile in view-only mode: the temporary folder, one per data folder. */
export const viewOnlyProfileDir = (tempDir: string, dataDir: string): string =>
  path.join(tempDir, `ocop-view-profile-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}`);

/**
 * The language for a start-up error: the user's setting if the database can still be read
 * (read-only, nothing written), otherwise the system's (Vietnamese unless it prefers English).
 */
export async function startupLanguage(databaseFile: string, systemLanguages: readonly string[]): Promise<Lang> {
  if (fs.existsSync(databaseFile)) {
    // A read-only connection to a WAL database creates empty -wal/-shm files it cannot remove:
    // remove them again so a refused start leaves the folder exactly as it was.
    const aux = [`${databaseFile}-wal`, `${databaseFile}-shm`].filter((f) => !fs.existsSync(f));
    try {
      const opened = openDatabase(databaseFile, { readonly: true });
      try {
        return (await readSettings(opened.db)).language;
      } finally {
        closeDatabase(opened);
        if (aux.length === 2 && fs.existsSync(aux[0]!) && fs.statSync(aux[0]!).size === 0)
          for (const f of aux) fs.rmSync(f, { force: true });
      }
    } catch {
      // Locked, damaged or not a database: fall back to the system language.
    }
  }
  return systemLanguages[0]?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
