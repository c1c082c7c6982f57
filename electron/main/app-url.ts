import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the app's own page lives: the built `out/renderer/index.html` (a `file:` URL), or during
 * `electron-vite dev` the dev server. Every trust decision in main (IPC sender check, navigation
 * guard, CSP header) asks `isAppUrl` against this one value.
 */
export type AppLocation = { kind: 'file'; indexFile: string } | { kind: 'dev'; origin: string; url: string };

export interface AppLocationInput {
  /** `app.isPackaged`: a packaged app never trusts a dev server, whatever the environment says. */
  isPackaged: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devUrl?: string | undefined;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
}

export function resolveAppLocation({ isPackaged, devUrl, rendererDir }: AppLocationInput): AppLocation {
  if (!isPackaged && devUrl) {
    const u = new URL(devUrl);
    // Only a dev server on this computer: a stray variable must not make a remote site "the app".
    if ((u.protocol === 'http:' || u.protocol === 'https:') && isLoopback(u.hostname)) {
      return { kind: 'dev', origin: u.origin, url: u.href };
    }
  }
  return { kind: 'file', indexFile: path.resolve(rendererDir, 'index.html') };
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** The URL the window loads. */
export const appUrl = (loc: AppLocation): string => (loc.kind === 'dev' ? loc.url : pathToFileURL(loc.indexFile).href);

/**
 * True when `raw` is the app's own page: for a build, exactly the index.html file (any hash or
 * query, since routes live in the hash); for dev, any URL on the dev server's origin.
 * Paths are compared decoded and NFC-normalised (Chromium and Node percent-encode differently,
 * and a Windows user folder often has Vietnamese letters), case-insensitively on Windows.
 */
export function isAppUrl(raw: unknown, loc: AppLocation, platform: NodeJS.Platform = process.platform): boolean {
  if (typeof raw !== 'string' || raw === '') return false;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (loc.kind === 'dev') return u.origin === loc.origin;
  if (u.protocol !== 'file:' || (u.host !== '' && u.host !== 'localhost')) return false;
  let file: string;
  try {
    file = fileURLToPath(u, { windows: platform === 'win32' });
  } catch {
    return false;
  }
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const norm = (p: string) => {
    const n = pathApi.normalize(p).normalize('NFC');
    return platform === 'win32' ? n.toLowerCase() : n;
  };
  return norm(file) === norm(loc.indexFile);
}
