import type { Session } from 'electron';
import { isAppUrl, type AppLocation } from './app-url';
import { APP_CSP_HEADER, devCsp } from './csp';

/**
 * Locks down the session the window uses:
 * - every permission request (camera, microphone, location, notifications, USB, serial, HID,
 *   full screen from the page, …) is refused: the app needs none of them;
 * - permission checks are refused too, except writing plain text to the clipboard from the app's
 *   own page (copy buttons; the page can never read the clipboard);
 * - every response carries the CSP (a dev server gets the dev variant).
 */
export function hardenSession(ses: Session, loc: AppLocation): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(
    (wc, permission) => permission === 'clipboard-sanitized-write' && wc !== null && isAppUrl(wc.getURL(), loc),
  );
  ses.setDevicePermissionHandler(() => false);
  const csp = loc.kind === 'dev' ? devCsp(loc.origin) : APP_CSP_HEADER;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Replace, never merge with, a policy a server might send.
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}
