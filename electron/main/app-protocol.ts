import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, parseAppSchemeUrl } from './app-url';

/**
 * The `app:` scheme's privileges, registered before the app is ready:
 * - standard: URLs have a host and paths, relative URLs and the page's origin work as on the web;
 * - secure: the page is a secure context (no mixed-content downgrade; crypto.subtle works);
 * - supportFetchAPI, corsEnabled: module scripts and the pdf.js module worker load from it;
 * - codeCache: V8 keeps compiled code between starts (a faster first screen).
 * Not granted: bypassCSP, allowServiceWorkers, stream — nothing needs them.
 */
export const APP_SCHEME_PRIVILEGES: NonNullable<CustomScheme['privileges']> = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
};

export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export type ResolvedAppFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/** True when `file` is strictly inside `dir` (both absolute, same path API). */
function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * The file of the renderer folder that an `app://ocop/…` URL names, or why there is none.
 * The decoded path is resolved inside the folder, then both are resolved on disk (realpath):
 * `..` (also percent-encoded, or with encoded slashes or backslashes), absolute paths, and links
 * pointing outside the folder are all refused, whatever the spelling.
 */
export function resolveAppFile(rendererDir: string, rawUrl: string): ResolvedAppFile {
  const u = parseAppSchemeUrl(rawUrl);
  if (!u) return { ok: false, status: 404, reason: 'not an app://ocop/ URL' };
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (rel.includes('\0')) return { ok: false, status: 400, reason: 'NUL in the path' };
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel}`);
  if (!isInside(root, file)) return { ok: false, status: 403, reason: 'outside the renderer folder' };
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = fs.realpathSync(root);
    realFile = fs.realpathSync(file);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403, reason: 'a link leading outside the renderer folder' };
  try {
    if (!fs.statSync(realFile).isFile()) return { ok: false, status: 404, reason: 'not a file' };
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  return { ok: true, file: realFile };
}

export interface AppProtocolOptions {
  /** The built renderer (out/renderer; inside app.asar when packaged: Electron's fs reads it). */
  rendererDir: string;
  /** Content-Security-Policy sent with every response (the page, and the pdf.js worker). */
  csp: string;
  log?: (msg: string) => void;
}

/**
 * The handler main gives to `protocol.handle('app', …)`: answers GET/HEAD for files of the
 * renderer folder and nothing else. Refusals are plain statuses with no body (nothing about the
 * disk is revealed to the page) and are logged.
 */
export function createAppProtocolHandler(o: AppProtocolOptions): (request: Request) => Promise<Response> {
  const headers = (type?: string): Record<string, string> => ({
    ...(type ? { 'content-type': type } : {}),
    'content-security-policy': o.csp,
    'x-content-type-options': 'nosniff',
    // The files change only with the app; revalidation is cheap (a local file) and never stale.
    'cache-control': 'no-cache',
  });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...headers(), allow: 'GET, HEAD' } });
    }
    const r = resolveAppFile(o.rendererDir, request.url);
    if (!r.ok) {
      o.log?.(`app protocol refused ${JSON.stringify(request.url)}: ${r.reason}`);
      return new Response(null, { status: r.status, headers: headers() });
    }
    let body: Buffer;
    try {
      body = await fs.promises.readFile(r.file);
    } catch {
      return new Response(null, { status: 404, headers: headers() });
    }
    const type = MIME[path.extname(r.file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
  };
}
