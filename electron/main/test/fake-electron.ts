/**
 * A stand-in for the `electron` module in unit tests of main and preload: the Electron binary
 * cannot be downloaded on the build machines, so `require('electron')` fails under Node. Each
 * fake keeps what main did to it (options, handlers, listeners) so tests can drive and inspect
 * it. Use with `vi.mock('electron', () => import('./test/fake-electron'))` and call
 * `resetFakeElectron()` in beforeEach.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** The event object Electron passes to will-navigate and friends. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(
    readonly url = '',
    readonly isMainFrame = true,
  ) {}
  preventDefault = vi.fn(() => {
    this.defaultPrevented = true;
  });
}

type PermissionRequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details?: unknown) => boolean;
type BeforeRequestListener = (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((d: unknown) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | null = null;
  setPermissionRequestHandler = vi.fn((h: PermissionRequestHandler | null) => void (this.permissionRequestHandler = h));
  setPermissionCheckHandler = vi.fn((h: PermissionCheckHandler | null) => void (this.permissionCheckHandler = h));
  setDevicePermissionHandler = vi.fn((h: ((d: unknown) => boolean) | null) => void (this.devicePermissionHandler = h));
  webRequest = {
    onHeadersReceived: vi.fn((l: HeadersListener) => void (this.headersListener = l)),
    onBeforeRequest: vi.fn(
      (filter: { urls: string[] }, listener: BeforeRequestListener) => void (this.beforeRequest = { filter, listener }),
    ),
  };
  /** What the session's request filter answers for `url` (undefined when the filter does not match). */
  request(url: string): { cancel?: boolean } | undefined {
    if (!this.beforeRequest) return undefined;
    const matches = this.beforeRequest.filter.urls.some((p) =>
      new RegExp(`^${p.replace(/[.?+^$()|[\]{}]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url),
    );
    if (!matches) return undefined;
    let answer: { cancel?: boolean } | undefined;
    this.beforeRequest.listener({ url }, (r) => (answer = r));
    return answer;
  }
}

export class FakeWebContents extends EventEmitter {
  url = '';
  windowOpenHandler: ((d: { url: string; disposition?: string; features?: string }) => { action: string }) | null = null;
  session = new FakeSession();
  setWindowOpenHandler = vi.fn((h: NonNullable<FakeWebContents['windowOpenHandler']>) => void (this.windowOpenHandler = h));
  executeJavaScript = vi.fn(async (_code: string) => undefined);
  reload = vi.fn();
  getURL = () => this.url;
  /** Emits an event like Electron does and says whether a listener cancelled it. */
  fire(name: string, url: string, isMainFrame = true): FakeEvent {
    const e = new FakeEvent(url, isMainFrame);
    this.emit(name, e, url);
    return e;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  minimized = false;
  visible = false;
  destroyed = false;
  loadFile = vi.fn(async (file: string) => void (this.webContents.url = `file://${file}`));
  loadURL = vi.fn(async (url: string) => void (this.webContents.url = url));
  show = vi.fn(() => void (this.visible = true));
  focus = vi.fn();
  restore = vi.fn(() => void (this.minimized = false));
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  isDestroyed = () => this.destroyed;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = true;
  gotLock = true;
  appData = '/tmp/ocop-fake-app-data';
  userData = '/tmp/ocop-fake-user-data';
  temp = '/tmp';
  systemLanguages: string[] = ['vi-VN'];
  /** Switches Chromium parsed from the command line (app.commandLine.hasSwitch). */
  switches = new Set<string>();
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = true;
    this.gotLock = true;
    this.appData = '/tmp/ocop-fake-app-data';
    this.userData = '/tmp/ocop-fake-user-data';
    this.temp = '/tmp';
    this.systemLanguages = ['vi-VN'];
    this.switches = new Set();
  }
  commandLine = { hasSwitch: vi.fn((name: string) => this.switches.has(name)) };
  setPath = vi.fn((name: string, value: string) => {
    if (name !== 'userData') throw new Error(`fake app.setPath: ${name} not faked`);
    this.userData = value;
  });
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(async () => undefined);
  getPath = vi.fn((name: string) => {
    if (name === 'userData') return this.userData;
    if (name === 'appData') return this.appData;
    if (name === 'temp') return this.temp;
    throw new Error(`fake app.getPath: ${name} not faked`);
  });
  getPreferredSystemLanguages = () => this.systemLanguages;
  getLocale = () => this.systemLanguages[0] ?? 'en-US';
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
class FakeIpcMain {
  handlers = new Map<string, IpcHandler>();
  handle = vi.fn((channel: string, h: IpcHandler) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, h);
  });
  removeHandler = vi.fn((channel: string) => void this.handlers.delete(channel));
}

// Constants reset in place: main imports them by name, and a reassigned binding would not reach it.
export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const session = { defaultSession: new FakeSession() };
type ProtocolHandler = (request: Request) => Promise<Response>;
export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged: vi.fn((schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    protocol.handlers.set(scheme, handler);
  }),
};
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};
export const Menu = {
  current: null as { template: unknown[] } | null,
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => void (Menu.current = menu)),
};
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => void contextBridge.exposed.set(key, api)),
};
export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
  on: vi.fn((_channel: string, _listener: (...args: unknown[]) => void) => ipcRenderer),
  removeListener: vi.fn((_channel: string, _listener: (...args: unknown[]) => void) => ipcRenderer),
};

export function resetFakeElectron(): void {
  app.reset();
  ipcMain.handlers.clear();
  session.defaultSession = new FakeSession();
  protocol.privileged = [];
  protocol.handlers.clear();
  BrowserWindow.instances = [];
  Menu.current = null;
  contextBridge.exposed.clear();
  vi.clearAllMocks();
}

export default { app, ipcMain, session, protocol, shell, dialog, Menu, BrowserWindow, contextBridge, ipcRenderer };
