import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY, resolveAppLocation } from './app-url';
import { BrowserWindow, FakeWebContents, resetFakeElectron, shell } from './test/fake-electron';
import { createMainWindow, focusWindow, guardWebContents, mainWindowOptions, reloadApp } from './window';

vi.mock('electron', () => import('./test/fake-electron'));

const rendererDir = path.resolve('/opt/ocop/out/renderer');
const loc = resolveAppLocation({ isPackaged: true, rendererDir });
const appPage = APP_ENTRY;
const input = { preloadPath: '/opt/ocop/out/preload/index.cjs', devTools: false, title: 'Hội đồng OCOP' };

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('mainWindowOptions', () => {
  const web = mainWindowOptions(input).webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s explicitly', (flag, value) => {
    expect(web[flag]).toBe(value);
  });

  it('loads the CommonJS preload from out/preload', () => {
    expect(web.preload).toBe('/opt/ocop/out/preload/index.cjs');
  });

  it('has no developer tools in production, and has them only when asked (dev)', () => {
    expect(web.devTools).toBe(false);
    expect(mainWindowOptions({ ...input, devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('starts hidden (shown when ready) with the given title', () => {
    const o = mainWindowOptions(input);
    expect(o.show).toBe(false);
    expect(o.title).toBe('Hội đồng OCOP');
  });
});

describe('guardWebContents', () => {
  function guarded() {
    const wc = new FakeWebContents();
    const open = vi.fn(async (_url: string) => {});
    guardWebContents(wc as never, loc, open);
    return { wc, open };
  }

  it('lets the app page navigate within itself', () => {
    const { wc, open } = guarded();
    expect(wc.fire('will-navigate', `${appPage}#/settings`).defaultPrevented).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it.each(['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'data:text/html,hi'])(
    'cancels navigation to %s and does not open it',
    async (url) => {
      const { wc, open } = guarded();
      expect(wc.fire('will-navigate', url).defaultPrevented).toBe(true);
      await Promise.resolve();
      expect(open).not.toHaveBeenCalled();
    },
  );

  it('cancels navigation to an allowlisted portal and opens it in the system browser instead', async () => {
    const { wc, open } = guarded();
    expect(wc.fire('will-navigate', 'https://vanban.chinhphu.vn/?docid=1').defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(open).toHaveBeenCalledExactlyOnceWith('https://vanban.chinhphu.vn/?docid=1'));
  });

  it('cancels redirects away from the app', () => {
    const { wc } = guarded();
    expect(wc.fire('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
    expect(wc.fire('will-redirect', appPage).defaultPrevented).toBe(false);
  });

  it('denies every window.open; allowlisted links go to the system browser, others nowhere', async () => {
    const { wc, open } = guarded();
    expect(wc.windowOpenHandler!({ url: 'https://example.com/phish' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: appPage })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://thuvienphapluat.vn/van-ban/x.aspx' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledWith('https://thuvienphapluat.vn/van-ban/x.aspx');
  });

  it('guards a web contents once, however often it is asked', async () => {
    const { wc, open } = guarded();
    guardWebContents(wc as never, loc, open);
    expect(wc.listenerCount('will-navigate')).toBe(1);
    wc.fire('will-navigate', 'https://ocopvietnam.gov.vn/');
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
  });

  it('refuses every sub-frame navigation, and main-frame ones away from the app (will-frame-navigate)', () => {
    const { wc } = guarded();
    expect(wc.fire('will-frame-navigate', `${appPage}#/about`).defaultPrevented).toBe(false);
    expect(wc.fire('will-frame-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(wc.fire('will-frame-navigate', appPage, false).defaultPrevented).toBe(true);
    expect(wc.fire('will-frame-navigate', 'blob:app://ocop/1', false).defaultPrevented).toBe(true);
  });

  it('refuses <webview>', () => {
    const { wc } = guarded();
    expect(wc.fire('will-attach-webview', '').defaultPrevented).toBe(true);
  });

  it("uses Electron's shell.openExternal by default", async () => {
    const wc = new FakeWebContents();
    guardWebContents(wc as never, loc);
    wc.windowOpenHandler!({ url: 'https://ocopvietnam.gov.vn/' });
    wc.windowOpenHandler!({ url: 'https://example.com/' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://ocopvietnam.gov.vn/'));
  });
});

describe('createMainWindow', () => {
  it('creates one guarded window with the hardened options and loads app://ocop/index.html', async () => {
    const win = createMainWindow(loc, input) as unknown as BrowserWindow;
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(win.options).toEqual(mainWindowOptions(input));
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://ocop/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.webContents.listenerCount('will-frame-navigate')).toBe(1);
    expect(win.webContents.windowOpenHandler).not.toBeNull();
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('loads the dev server URL during development', () => {
    const dev = resolveAppLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir });
    const win = createMainWindow(dev, { ...input, devTools: true }) as unknown as BrowserWindow;
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173/');
  });
});

describe('focusWindow', () => {
  it('restores a minimised window and focuses it', () => {
    const win = new BrowserWindow({});
    win.minimized = true;
    focusWindow(win as never);
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('does nothing without a live window', () => {
    const win = new BrowserWindow({});
    win.destroyed = true;
    focusWindow(win as never);
    focusWindow(null);
    expect(win.focus).not.toHaveBeenCalled();
  });
});

describe('reloadApp', () => {
  it('reloads the screen the user was on when the page is the app', () => {
    const win = new BrowserWindow({});
    win.webContents.url = `${appPage}#/sessions/3/scoring`;
    reloadApp(win as never, loc);
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('goes back to the app page when the window is on anything else (or on nothing)', () => {
    const win = new BrowserWindow({});
    win.webContents.url = '';
    reloadApp(win as never, loc);
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY);
    expect(win.webContents.reload).not.toHaveBeenCalled();
  });

  it('does nothing for a closed window', () => {
    const win = new BrowserWindow({});
    win.destroyed = true;
    reloadApp(win as never, loc);
    expect(win.loadURL).not.toHaveBeenCalled();
  });
});
