import type { Session } from 'electron';
import { isAppUrl, type AppLocation } from './app-url';
import { APP_CSP_HEADER, devCsp } from './csp';

/**
 * Every request of these schemes made by the window's session is seen by `allowNetworkRequest`.
 * The app's own files come from app:// (not listed: main answers them itself); data: and blob:
 * never leave memory. `file:` is listed too: the page has no reason to read the disk.
 */
export const NETWORK_URL_PATTERNS: readonly string[] = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
  'file:///*',
];

/**
 * Whether a request of the renderer's session may go out. The app is offline by design: in a
 * build, never (a link to an allowlisted portal goes to the system browser through
 * shell.openExternal, see window.ts, not through this session). During `electron-vite dev` only
 * the dev server and its hot-reload websocket on this computer.
 */
export function allowNetworkRequest(url: string, loc: AppLocation): boolean {
  if (loc.kind !== 'dev') return false;
  try {
    const u = new URL(url);
    const http = u.protocol === 'ws:' ? 'http:' : u.protocol === 'wss:' ? 'https:' : u.protocol;
    return `${http}//${u.host}` === loc.origin;
  } catch {
    return false;
  }
}

/**
 * Locks down the session the window uses:
 * - every permission request (camera, microphone, location, notifications, USB, serial, HID,
 *   full screen from the page, …) is refused: the app needs none of them;
 * - permission checks are refused too, except writing plain text to the clipboard from the app's
 *   own page (copy buttons; the page can never read the clipboard);
 * - every http(s), ws(s), ftp and file request is cancelled (allowNetworkRequest);
 * - every response carries the CSP (a dev server gets the dev variant).
 */
export function hardenSession(ses: Session, loc: AppLocation, log: (msg: string) => void = () => {}): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(
    (wc, permission) => permission === 'clipboard-sanitized-write' && wc !== null && isAppUrl(wc.getURL(), loc),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: [...NETWORK_URL_PATTERNS] }, (details, callback) => {
    const allowed = allowNetworkRequest(details.url, loc);
    if (!allowed) log(`refused a network request to ${JSON.stringify(details.url.slice(0, 200))} (the app is offline)`);
    callback({ cancel: !allowed });
  });
  const csp = loc.kind === 'dev' ? devCsp(loc.origin) : APP_CSP_HEADER;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Replace, never merge with, a policy a server might send.
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}
