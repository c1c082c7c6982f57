/**
 * Where the app's own page lives: `app://ocop/index.html`, served by main from the built
 * out/renderer folder (app-protocol.ts), or during `electron-vite dev` the dev server. Every
 * trust decision in main (IPC sender check, navigation guards, network denial, CSP) asks
 * `isAppUrl` against this one value.
 *
 * Why a custom scheme rather than `file://`: a file page's origin is every file on the disk
 * (it may fetch any of them if the file protocol's extra privileges are on), its URL carries the
 * install path (with the user's Vietnamese name on Windows), and it gets no response headers. An
 * `app:` page has one origin of its own, and main answers every request of it from one folder.
 */
export const APP_SCHEME = 'app';
/** The one host of the scheme; any other host is refused by the protocol handler. */
export const APP_HOST = 'ocop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads (routes live in the hash: HashRouter). */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export type AppLocation = { kind: 'app'; rendererDir: string } | { kind: 'dev'; origin: string; url: string };

export interface AppLocationInput {
  /** `app.isPackaged`: a packaged app never trusts a dev server, whatever the environment says. */
  isPackaged: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devUrl?: string | undefined;
  /** Folder of the built renderer (out/renderer), served as app://ocop/. */
  rendererDir: string;
}

export function resolveAppLocation({ isPackaged, devUrl, rendererDir }: AppLocationInput): AppLocation {
  if (!isPackaged && devUrl) {
    let u: URL | null = null;
    try {
      u = new URL(devUrl);
    } catch {
      // Not a URL: ignored like any other unusable value.
    }
    // Only a dev server on this computer: a stray variable must not make a remote site "the app".
    if (u && (u.protocol === 'http:' || u.protocol === 'https:') && isLoopback(u.hostname)) {
      return { kind: 'dev', origin: u.origin, url: u.href };
    }
  }
  return { kind: 'app', rendererDir };
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** The URL the window loads. */
export const appUrl = (loc: AppLocation): string => (loc.kind === 'dev' ? loc.url : APP_ENTRY);

/** Parses `raw` as a URL of the app's own scheme and host (any path), or null. */
export function parseAppSchemeUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw === '') return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  // Node keeps the host of a non-special scheme as written; Chromium lower-cases a standard
  // scheme's host. Only the exact host, with no port or credentials, is the app.
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username !== '' || u.password !== '') return null;
  return u;
}

/**
 * True when `raw` is the app's own page: `app://ocop/index.html` (or `/`) with any hash or
 * query for a build; any URL of the dev server's origin in development.
 */
export function isAppUrl(raw: unknown, loc: AppLocation): boolean {
  if (loc.kind === 'dev') {
    if (typeof raw !== 'string') return false;
    try {
      return new URL(raw).origin === loc.origin;
    } catch {
      return false;
    }
  }
  const u = parseAppSchemeUrl(raw);
  return u !== null && (u.pathname === '/index.html' || u.pathname === '/');
}
