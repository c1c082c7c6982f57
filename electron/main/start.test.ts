import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resources } from '../../shared/i18n/resources';
import { invoke } from '../core/api';
import { fileCore, tempDir } from '../core/test/fixtures';
import { APP_ENTRY } from './app-url';
import { APP_CSP_HEADER } from './csp';
import { DEV_DATA_FOLDER, PORTABLE_DATA_FOLDER } from './data-dir';
import { INVOKE_CHANNEL } from './ipc';
import { startApp, startupLanguage, viewOnlyProfileDir, type RunningApp } from './start';
import { app, BrowserWindow, dialog, FakeEvent, ipcMain, Menu, protocol, resetFakeElectron, session } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));
/**
 * Root (CI, this machine) ignores chmod, so a test cannot make a folder read-only in-process: the
 * view-only test below forces the file system's answer. The real read-only mount is tested in
 * core/db/read-only-view.test.ts.
 */
const forceReadOnly = vi.hoisted(() => ({ on: false }));
vi.mock('../core/db/read-only-view', async (importOriginal) => {
  const real = await importOriginal<typeof import('../core/db/read-only-view')>();
  return { ...real, whyReadOnly: (dir: string, file: string) => (forceReadOnly.on ? 'folder' : real.whyReadOnly(dir, file)) };
});

const mainDir = path.resolve('/opt/ocop/out/main');
const appPage = APP_ENTRY;
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const menuTitle = () => (Menu.current?.template[0] as MenuItemConstructorOptions | undefined)?.label;
const ipcCall = (channel: string, input: unknown = {}) =>
  ipcMain.handlers.get(INVOKE_CHANNEL)!({ senderFrame: { url: `${appPage}#/`, parent: null } }, { channel, input }) as Promise<{
    ok: boolean;
    value?: never;
    error?: { code: string };
  }>;

let running: RunningApp | null = null;
beforeEach(() => {
  resetFakeElectron();
  app.userData = tempDir('ocop-userdata-');
  app.appData = tempDir('ocop-appdata-');
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  await running?.shutdown();
  running = null;
  forceReadOnly.on = false;
});

async function start(env: NodeJS.ProcessEnv = {}, more: { argv?: string[]; mainDir?: string } = {}) {
  running = await startApp({ mainDir, env, argv: ['ocop'], ...more });
  return running;
}

describe('single instance', () => {
  it('a second instance quits at once without touching the database or opening a window', async () => {
    app.gotLock = false;
    expect(await start()).toBeNull();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(fs.readdirSync(app.userData)).toEqual([]);
  });

  it('the first instance brings its window to the front when a second one starts', async () => {
    const r = (await start())!;
    const win = r.window as unknown as BrowserWindow;
    win.minimized = true;
    app.emit('second-instance', new FakeEvent(), ['ocop'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('a data folder that can be read but not written', () => {
  it('opens in view-only mode: Chromium profile and lock in the temporary folder, data shown, changes refused, the folder untouched', async () => {
    const dir = app.userData;
    (await fileCore(dir)).close();
    const before = fs.readdirSync(dir).sort();
    const hash = sha(path.join(dir, 'ocop.sqlite'));
    forceReadOnly.on = true;
    app.temp = tempDir('ocop-temp-');
    const r = (await start())!;
    expect(r).not.toBeNull();
    // The profile moved before the single-instance lock was asked for (the lock is a file in it).
    const profile = viewOnlyProfileDir(app.temp, dir);
    expect(app.setPath).toHaveBeenCalledWith('userData', profile);
    expect(app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(fs.existsSync(profile)).toBe(true);
    expect(r.core.ctx.paths.dataDir).toBe(dir);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(await ipcCall('app:info')).toMatchObject({
      ok: true,
      value: { dataDir: dir, readOnly: { reason: 'folder', walIncluded: false, upgraded: false } },
    });
    expect(await ipcCall('rounds:list')).toMatchObject({ ok: true });
    expect(await ipcCall('settings:set', { operatorName: 'Thư ký' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    await r.shutdown();
    running = null;
    // No daily backup, no -wal/-shm, not a byte changed.
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(sha(path.join(dir, 'ocop.sqlite'))).toBe(hash);
  });
});

describe('start', () => {
  it('opens the database in the user data folder and serves it to the window over IPC', async () => {
    const r = (await start())!;
    expect(r.core.ctx.paths.databasePath).toBe(path.join(app.userData, 'ocop.sqlite'));
    expect(fs.existsSync(path.join(app.userData, 'ocop.sqlite'))).toBe(true);
    const info = await ipcCall('app:info');
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir: app.userData } });
  });

  it('creates one hardened window on the built page with the CommonJS preload', async () => {
    await start();
    expect(BrowserWindow.instances).toHaveLength(1);
    const win = BrowserWindow.instances[0]!;
    const web = win.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({
      preload: path.resolve('/opt/ocop/out/preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://ocop/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.options.title).toBe('Hội đồng OCOP');
  });

  it('serves the built renderer folder as app://ocop, registered as a privileged scheme before ready', async () => {
    const out = tempDir('ocop-out-');
    fs.mkdirSync(path.join(out, 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(out, 'renderer', 'index.html'), '<!doctype html><title>OCOP</title>');
    fs.writeFileSync(path.join(out, 'secret.txt'), 'not for the page');
    app.whenReady.mockImplementationOnce(async () => {
      // Privileges can only be registered before the ready event.
      expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    });
    await start({}, { mainDir: path.join(out, 'main') });
    expect(protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    const handler = protocol.handlers.get('app')!;
    const page = await handler(new Request(APP_ENTRY));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP_HEADER);
    expect((await handler(new Request('app://ocop/..%2Fsecret.txt'))).status).toBe(403);
  });

  it('does not serve app:// during electron-vite dev (the dev server does)', async () => {
    app.isPackaged = false;
    await start({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(protocol.handlers.size).toBe(0);
    expect(BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('cancels every request that would leave the computer', async () => {
    await start();
    expect(session.defaultSession.request('https://example.com/')).toEqual({ cancel: true });
    expect(session.defaultSession.request('file:///etc/passwd')).toEqual({ cancel: true });
  });

  it('points the core at the packaged resources folder unless told otherwise', async () => {
    const env: NodeJS.ProcessEnv = {};
    running = await startApp({ mainDir, env, resourcesPath: '/opt/ocop/resources' });
    expect(env.OCOP_RESOURCES_DIR).toBe(path.join('/opt/ocop/resources', 'resources'));
    await running!.shutdown();
    resetFakeElectron();
    app.userData = tempDir('ocop-userdata-');
    const given: NodeJS.ProcessEnv = { OCOP_RESOURCES_DIR: '/elsewhere' };
    running = await startApp({ mainDir, env: given, resourcesPath: '/opt/ocop/resources' });
    expect(given.OCOP_RESOURCES_DIR).toBe('/elsewhere');
  });

  it('locks the session down and sets the menu in the saved language', async () => {
    await start();
    const cb = vi.fn();
    session.defaultSession.permissionRequestHandler!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(menuTitle()).toBe('Tệp');
  });

  it('rebuilds the menu when the renderer switches the language, and names the operator in the audit log', async () => {
    const r = (await start())!;
    expect((await ipcCall('settings:set', { language: 'en', operatorName: 'Trần Văn Bình' })).ok).toBe(true);
    expect(menuTitle()).toBe('File');
    expect(r.language()).toBe('en');
    await ipcCall('settings:set', { textSize: 'large' });
    const tail = await invoke(r.core.ctx, 'audit:tail', { limit: 1 });
    expect(tail.ok && tail.value[0]?.actor).toBe('Trần Văn Bình');
    // A failed call changes nothing.
    await ipcCall('settings:set', { language: 'fr' });
    expect(menuTitle()).toBe('File');
  });

  it('starts in English when the saved setting is English', async () => {
    const core = await fileCore(app.userData);
    await invoke(core.ctx, 'settings:set', { language: 'en' });
    core.close();
    await start();
    expect(menuTitle()).toBe('File');
  });
});

describe('the data folder', () => {
  it('the portable executable keeps its database beside the .exe (on the stick), not in the profile', async () => {
    const stick = tempDir('ocop-usb-');
    const r = (await start({ PORTABLE_EXECUTABLE_DIR: stick }))!;
    const dir = path.join(stick, PORTABLE_DATA_FOLDER);
    expect(app.setPath).toHaveBeenCalledWith('userData', dir);
    expect(r.core.ctx.paths.databasePath).toBe(path.join(dir, 'ocop.sqlite'));
    expect(fs.existsSync(path.join(dir, 'ocop.sqlite'))).toBe(true);
    // The lock follows the data: set before the single-instance lock is taken.
    expect(app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(fs.readdirSync(app.appData)).toEqual([]);
  });

  it('OCOP_DATA_DIR is honoured by the desktop app, as by the CLI', async () => {
    const dir = path.join(tempDir('ocop-env-'), 'nested', 'data');
    const r = (await start({ OCOP_DATA_DIR: dir }))!;
    expect(r.core.ctx.paths.dataDir).toBe(dir);
    expect(await ipcCall('app:info')).toMatchObject({ ok: true, value: { dataDir: dir } });
  });

  it('electron-vite dev opens its own database, never the real one', async () => {
    app.isPackaged = false;
    const real = path.join(app.userData, 'ocop.sqlite');
    const r = (await start({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }))!;
    expect(r.core.ctx.paths.dataDir).toBe(path.join(app.appData, DEV_DATA_FOLDER));
    expect(fs.existsSync(real)).toBe(false);
  });

  it('a data folder that cannot be created: a clear dialog naming it, exit code 1, nothing opened', async () => {
    const blocker = path.join(tempDir('ocop-blocked-'), 'a-file');
    fs.writeFileSync(blocker, 'in the way');
    expect(await start({ OCOP_DATA_DIR: path.join(blocker, 'data') })).toBeNull();
    const [title, body] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe(resources.vi.menu.startupFailed);
    expect(body).toContain(resources.vi.errors.IO);
    expect(body).toContain(path.join(blocker, 'data'));
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

describe('remote debugging', () => {
  it.each([['--remote-debugging-port=9222'], ['--remote-debugging-pipe'], ['--inspect=0']])(
    'a packaged app refuses to start with %s: no database, no window',
    async (arg) => {
      expect(await start({}, { argv: ['ocop', arg] })).toBeNull();
      expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
      expect(app.whenReady).not.toHaveBeenCalled();
      expect(BrowserWindow.instances).toHaveLength(0);
      expect(fs.readdirSync(app.userData)).toEqual([]);
    },
  );

  it("also when the switch reached Chromium's command line another way", async () => {
    app.switches.add('remote-debugging-port');
    expect(await start()).toBeNull();
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('a development run may be debugged (Playwright drives Electron that way)', async () => {
    app.isPackaged = false;
    expect(await start({}, { argv: ['electron', '.', '--remote-debugging-port=0'] })).not.toBeNull();
  });
});

describe('a crashed or hung window', () => {
  it('offers a reload; the database stays open and answers the reloaded page', async () => {
    const r = (await start())!;
    expect((await ipcCall('settings:set', { operatorName: 'Thư ký' })).ok).toBe(true);
    const win = r.window as unknown as BrowserWindow;
    win.webContents.url = `${APP_ENTRY}#/sessions`;
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 5 });
    await vi.waitFor(() => expect(win.webContents.reload).toHaveBeenCalledTimes(1));
    expect(r.core.ctx.sqlite.open).toBe(true);
    expect(await ipcCall('settings:get')).toMatchObject({ ok: true, value: { operatorName: 'Thư ký' } });
  });

  it('asks in the saved language', async () => {
    const r = (await start())!;
    await ipcCall('settings:set', { language: 'en' });
    dialog.showMessageBox.mockReturnValueOnce(new Promise(() => {}));
    (r.window as unknown as BrowserWindow).emit('unresponsive');
    expect(dialog.showMessageBox.mock.calls[0]![1]).toMatchObject({ title: resources.en.menu.unresponsive.title });
  });
});

describe('shutdown', () => {
  it('on will-quit holds the quit, closes the database with a WAL checkpoint, then quits', async () => {
    const r = (await start())!;
    expect((await ipcCall('settings:set', { textSize: 'larger' })).ok).toBe(true);
    const wal = path.join(app.userData, 'ocop.sqlite-wal');
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    const event = new FakeEvent();
    app.emit('will-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(r.core.ctx.sqlite.open).toBe(false);
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    // The second will-quit (from app.quit) passes through.
    const again = new FakeEvent();
    app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('closes the database when Windows ends the session', async () => {
    const r = (await start())!;
    (r.window as unknown as BrowserWindow).emit('session-end');
    expect(r.core.ctx.sqlite.open).toBe(false);
  });

  it('quits when the window is closed', async () => {
    await start();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});

describe('start-up errors', () => {
  async function newerDatabase(language?: 'en') {
    const core = await fileCore(app.userData);
    if (language) await invoke(core.ctx, 'settings:set', { language });
    core.ctx.sqlite
      .prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`)
      .run();
    core.close();
    return path.join(app.userData, 'ocop.sqlite');
  }

  it('a database from a newer version: a Vietnamese dialog, exit code 1, the file untouched', async () => {
    const file = await newerDatabase();
    const before = sha(file);
    const filesBefore = fs.readdirSync(app.userData).sort();
    expect(await start()).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, body] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe(resources.vi.menu.startupFailed);
    expect(body).toContain(resources.vi.errors.DB_NEWER_VERSION);
    expect(body).toContain(app.userData);
    expect(body).toContain('9999_from_the_future');
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(app.userData).sort()).toEqual(filesBefore);
  });

  it("speaks the user's saved language when the database can still be read", async () => {
    await newerDatabase('en');
    await start();
    const [title, body] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('OCOP Council could not start');
    expect(body).toContain(resources.en.errors.DB_NEWER_VERSION);
  });

  it('a file that is not a database: the IO message in the system language', async () => {
    fs.writeFileSync(path.join(app.userData, 'ocop.sqlite'), 'this is not sqlite '.repeat(100));
    app.systemLanguages = ['en-GB', 'vi-VN'];
    await start();
    const [title, body] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe(resources.en.menu.startupFailed);
    expect(body).toContain(resources.en.errors.IO);
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});

describe('startupLanguage', () => {
  it('falls back to the system language: English only when it comes first', async () => {
    const missing = path.join(tempDir(), 'none.sqlite');
    expect(await startupLanguage(missing, ['en-US'])).toBe('en');
    expect(await startupLanguage(missing, ['vi-VN', 'en-US'])).toBe('vi');
    expect(await startupLanguage(missing, ['fr-FR'])).toBe('vi');
    expect(await startupLanguage(missing, [])).toBe('vi');
  });
});
