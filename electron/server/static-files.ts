import fs from 'node:fs';
import path from 'node:path';
import type { Route } from './pipeline';
import type { Reply } from './reply';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const notFound: Reply = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };

/**
 * GET/HEAD of the built renderer. A file is served only when its real path (symlinks resolved)
 * lies inside the real renderer folder: `../`, absolute paths and symlinks pointing out are all
 * 404. Paths without an extension fall back to index.html (deep links).
 */
export function staticFilesRoute(rendererDir: string | undefined): Route {
  const root = rendererDir ? realOrNull(rendererDir) : null;
  return {
    method: ['GET', 'HEAD'],
    path: '/*',
    handle: (rc) => {
      if (!root)
        return {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: 'No renderer build. Run `npm run build` first.',
        };
      const rel = rc.path === '/' ? 'index.html' : rc.path.replace(/^\/+/, '');
      // A path that leaves the folder even before symlinks (../, absolute) is refused outright.
      if (!inside(root, path.resolve(root, rel))) return notFound;
      let target = confined(root, rel);
      if (target === null || !isFile(target)) {
        if (path.extname(rel) !== '') return notFound;
        target = confined(root, 'index.html');
        if (target === null) return notFound;
      }
      let body: Buffer;
      try {
        body = fs.readFileSync(target);
      } catch {
        return notFound;
      }
      return {
        status: 200,
        headers: { 'content-type': MIME[path.extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' },
        body,
      };
    },
  };
}

/** The real path of `rel` under `root`, or null when it does not exist or resolves outside. */
function confined(root: string, rel: string): string | null {
  const real = realOrNull(path.resolve(root, rel));
  return real !== null && inside(root, real) ? real : null;
}

const inside = (root: string, p: string): boolean => p === root || p.startsWith(root + path.sep);

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return null;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
