import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fail, type Envelope } from '../../shared/api/envelope';
import type { ErrorCode } from '../../shared/api/errors';
import { invoke } from '../core/api';
import type { CoreContext } from '../core/context';

/** Largest request body accepted (attachments travel base64-encoded inside JSON). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
export const TOKEN_HEADER = 'x-ocop-token';
/** The served index.html carries the token in this meta tag; the renderer's HTTP client reads it. */
export const TOKEN_META = 'ocop-api-token';

export interface BridgeOptions {
  ctx: CoreContext;
  /** Built renderer (out/renderer); when absent only the API is served. */
  rendererDir?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

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
  '.mjs.map': 'application/json',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN_SENDER: 403,
  UNKNOWN_CHANNEL: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/**
 * Serves the built renderer and every contract channel as `POST /api/<channel>` on 127.0.0.1
 * only. Each run has a random token; requests without it are refused, so other programs and web
 * pages on the same computer cannot call the core. Channel errors travel in the envelope with
 * HTTP 200; transport errors (token, JSON, size, unknown channel) also set an HTTP status.
 */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const log = opts.log ?? ((m, e) => console.error(`[ocop-bridge] ${m}`, e ?? ''));
  const tokenBuf = Buffer.from(token);

  const send = (res: http.ServerResponse, status: number, env: Envelope<unknown>) => {
    const body = JSON.stringify(env);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
  const refuse = (res: http.ServerResponse, code: ErrorCode, message: string) =>
    send(res, STATUS[code] ?? 400, fail({ code, message }));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // DNS rebinding guard: a page on another origin that resolves to 127.0.0.1 sends its own Host.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      refuse(res, 'FORBIDDEN_SENDER', `Host ${JSON.stringify(req.headers.host)} is not served`);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      void handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(url.pathname, res);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    const givenBuf = Buffer.from(typeof given === 'string' ? given : '');
    if (givenBuf.length !== tokenBuf.length || !timingSafeEqual(givenBuf, tokenBuf)) {
      req.resume();
      refuse(res, 'UNAUTHORIZED', `Missing or wrong ${TOKEN_HEADER} header`);
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      refuse(res, 'UNSUPPORTED_MEDIA_TYPE', 'Send the input as application/json');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      req.resume();
      refuse(res, 'PAYLOAD_TOO_LARGE', `The request body is ${declared} bytes; the limit is ${maxBody}`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) {
        tooLarge = true;
        break;
      }
      chunks.push(chunk as Buffer);
    }
    if (tooLarge) {
      refuse(res, 'PAYLOAD_TOO_LARGE', `The request body exceeds the limit of ${maxBody} bytes`);
      req.destroy();
      return;
    }
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      refuse(res, 'BAD_JSON', `The request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const actor = req.headers['x-ocop-actor'];
    const env = await invoke(
      opts.ctx,
      channel,
      input,
      typeof actor === 'string' && actor ? { actor: decodeURIComponent(actor) } : {},
      log,
    );
    send(res, env.ok ? 200 : (STATUS[env.error.code] ?? 200), env);
  }

  function serveStatic(pathname: string, res: http.ServerResponse) {
    const root = opts.rendererDir;
    if (!root) {
      res.writeHead(404).end('No renderer build. Run `npm run build` first.');
      return;
    }
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    // Refuse anything outside the renderer folder (../ tricks, absolute paths).
    if (file !== path.resolve(root) && !file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    let target = file;
    if (!fs.existsSync(target) || fs.statSync(target).isDirectory()) {
      // Client-side routes (/#/…) never reach here, but a deep link without a hash falls back to the app.
      if (path.extname(rel) !== '') {
        res.writeHead(404).end();
        return;
      }
      target = path.join(root, 'index.html');
    }
    const ext = path.extname(target);
    let body: Buffer | string = fs.readFileSync(target);
    if (path.basename(target) === 'index.html') {
      body = body.toString('utf8').replace('</head>', `<meta name="${TOKEN_META}" content="${token}"></head>`);
    }
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
