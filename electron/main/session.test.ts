import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppLocation } from './app-url';
import { APP_CSP_HEADER, devCsp } from './csp';
import { hardenSession } from './session';
import { FakeSession, FakeWebContents, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const rendererDir = path.resolve('/opt/ocop/out/renderer');
const loc = resolveAppLocation({ isPackaged: true, rendererDir });
const appPage = pathToFileURL(path.join(rendererDir, 'index.html')).href;

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
    expect(ses.permissionCheckHandler!(app, 'clipboard-read', 'file:///')).toBe(false);
    expect(ses.permissionCheckHandler!(app, 'media', 'file:///')).toBe(false);
    expect(ses.permissionCheckHandler!(app, 'clipboard-sanitized-write', 'file:///')).toBe(true);
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
