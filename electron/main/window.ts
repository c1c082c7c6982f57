import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { appUrl, isAppUrl, type AppLocation } from './app-url';
import { openExternalIfAllowed } from './external-links';

export interface MainWindowInput {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  /** Developer tools: only for `electron-vite dev`, never in a packaged app. */
  devTools: boolean;
  title: string;
  /** Window icon (Linux; Windows takes it from the executable). */
  iconPath?: string | undefined;
}

/**
 * The window's options, as a pure value so each security flag is tested. Electron's defaults are
 * already safe for most of these; they are spelled out so an upgrade or a copy-paste from a
 * template (the electron-vite template sets `sandbox: false`) cannot silently weaken them.
 */
export function mainWindowOptions(i: MainWindowInput): BrowserWindowConstructorOptions {
  return {
    title: i.title,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so users never see an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(i.iconPath ? { icon: i.iconPath } : {}),
    webPreferences: {
      preload: i.preloadPath,
      // The page cannot reach the preload's or Electron's objects, only what contextBridge exposes.
      contextIsolation: true,
      // The renderer runs in Chromium's OS sandbox; the preload gets only a minimal require('electron').
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file on the window would otherwise navigate away from the app to that file.
      navigateOnDragDrop: false,
      // Chromium's spell checker downloads dictionaries from Google: the app is offline.
      spellcheck: false,
      // A page stuck in alert() loops can be stopped by the user.
      safeDialogs: true,
      devTools: i.devTools,
    },
  };
}

type Opener = (url: string) => Promise<void>;
const guarded = new WeakSet<WebContents>();
const systemBrowser: Opener = (url) => shell.openExternal(url);

/**
 * Keeps a web contents on the app's own page. Navigating elsewhere is cancelled; new windows are
 * never created. A link to an allowlisted government portal opens in the user's browser instead
 * (the allowlist decides, see external-links.ts). Applied to every web contents the app creates.
 */
export function guardWebContents(wc: WebContents, loc: AppLocation, open: Opener = systemBrowser): void {
  // Main guards its window directly and every new web contents from 'web-contents-created';
  // guarding twice would open an allowlisted link twice.
  if (guarded.has(wc)) return;
  guarded.add(wc);
  wc.on('will-navigate', (event) => {
    if (isAppUrl(event.url, loc)) return;
    event.preventDefault();
    void openExternalIfAllowed(event.url, open);
  });
  // A server-side redirect away from the app (only the dev server could answer one).
  wc.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, loc)) event.preventDefault();
  });
  // Any frame's navigation (will-navigate sees only the main frame's). The app has no frames
  // (CSP frame-src 'none'), so a sub-frame navigating anywhere is refused outright.
  wc.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url, loc)) event.preventDefault();
  });
  wc.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url, open);
    return { action: 'deny' };
  });
  // <webview> is disabled in webPreferences; refuse it here too in case a page tries.
  wc.on('will-attach-webview', (event) => event.preventDefault());
}

/** Creates the main window on the app page; guards are attached before anything loads. */
export function createMainWindow(loc: AppLocation, input: MainWindowInput): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(input));
  guardWebContents(win.webContents, loc);
  win.once('ready-to-show', () => win.show());
  loadApp(win, loc);
  return win;
}

function loadApp(win: BrowserWindow, loc: AppLocation): void {
  win.loadURL(appUrl(loc)).catch((e: unknown) => console.error(`[ocop-main] could not load ${appUrl(loc)}`, e));
}

/**
 * Reloads the page after a crash or a hang, on the screen the user was on when that is still the
 * app's page (the route lives in the hash), else on the app's first screen.
 */
export function reloadApp(win: BrowserWindow, loc: AppLocation): void {
  if (win.isDestroyed()) return;
  if (isAppUrl(win.webContents.getURL(), loc)) win.webContents.reload();
  else loadApp(win, loc);
}

/** Brings the window to the front (a second launch of the app lands here). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
