import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY, resolveAppLocation } from './app-url';
import { APP_CSP_HEADER, devCsp } from './csp';
import { allowNetworkRequest, hardenSession, NETWORK_URL_PATTERNS } from './session';
import { FakeSession, FakeWebContents, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const rendererDir = path.resolve('/opt/ocop/out/renderer');
const loc = resolveAppLocation({ isPackaged: true, rendererDir });
const appPage = APP_ENTRY;

beforeEach(() => resetFakeElectron());

function hardened(l = loc) {
  const ses = new FakeSession();
  hardenSession(ses as never, l);
  return ses;
}

describe('hardenSession', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'unknown',
  ])('denies the permission request %s', (permission) => {
    const ses = hardened();
    const wc = new FakeWebContents();
    wc.url = appPage;
    const cb = vi.fn();
    ses.permissionRequestHandler!(wc, permission, cb);
    expect(cb).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers permission checks with no, except plain-text clipboard writes from the app page', () => {
    const ses = hardened();
    const app = new FakeWebContents();
    app.url = `${appPage}#/dossiers`;
    const other = new FakeWebContents();
    other.url = 'https://example.com/';
    expect(ses.permissionCheckHandler!(app, 'clipboard-read', 'app://ocop')).toBe(false);
    expect(ses.permissionCheckHandler!(app, 'media', 'app://ocop')).toBe(false);
    expect(ses.permissionCheckHandler!(app, 'clipboard-sanitized-write', 'app://ocop')).toBe(true);
    expect(ses.permissionCheckHandler!(other, 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(ses.permissionCheckHandler!(null, 'clipboard-sanitized-write', '')).toBe(false);
    expect(ses.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it('puts the CSP on responses, replacing any policy a server sent', () => {
    const ses = hardened();
    const cb = vi.fn();
    ses.headersListener!(
      { url: appPage, responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] } },
      cb,
    );
    expect(cb).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [APP_CSP_HEADER] },
    });
  });

  it('uses the dev policy for the dev server', () => {
    const dev = resolveAppLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir });
    const ses = hardened(dev);
    const cb = vi.fn();
    ses.headersListener!({ url: 'http://localhost:5173/' }, cb);
    expect(cb).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Security-Policy': [devCsp('http://localhost:5173')] },
    });
  });
});

describe('network requests of the renderer session', () => {
  it.each([
    'https://example.com/track.gif',
    'http://127.0.0.1:8080/api/app:info',
    'http://localhost:5173/',
    'ws://127.0.0.1:9222/devtools/browser',
    'wss://example.com/socket',
    'ftp://example.com/x',
    'file:///etc/passwd',
    'file:///C:/Users/Public/ocop.sqlite',
    'https://vanban.chinhphu.vn/?docid=1',
  ])('are all cancelled in a build: %s', (url) => {
    const ses = hardened();
    expect(ses.request(url)).toEqual({ cancel: true });
  });

  it("covers every scheme that leaves the app (the app's own app:// files are answered by main)", () => {
    const ses = hardened();
    expect(ses.beforeRequest?.filter.urls).toEqual([...NETWORK_URL_PATTERNS]);
    expect(NETWORK_URL_PATTERNS).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*']);
    expect(ses.request(`${appPage}#/`)).toBeUndefined();
  });

  it('logs what it refused', () => {
    const ses = new FakeSession();
    const log = vi.fn();
    hardenSession(ses as never, loc, log);
    ses.request('https://example.com/a');
    expect(log).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('https://example.com/a'));
  });

  it('during electron-vite dev lets through only the dev server and its hot-reload socket', () => {
    const dev = resolveAppLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir });
    const ses = hardened(dev);
    expect(ses.request('http://localhost:5173/src/main.tsx')).toEqual({ cancel: false });
    expect(ses.request('ws://localhost:5173/?token=x')).toEqual({ cancel: false });
    expect(ses.request('http://localhost:5174/')).toEqual({ cancel: true });
    expect(ses.request('https://example.com/')).toEqual({ cancel: true });
    expect(allowNetworkRequest('not a url', dev)).toBe(false);
  });
});
