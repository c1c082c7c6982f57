import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { fail } from '../../shared/api/envelope';
import type { ErrorCode } from '../../shared/api/errors';
import { CoreError } from '../core/errors';
import { APP_CSP_HEADER } from '../main/csp';
import { HttpError, sendEnvelope, sendReply, type Reply } from './reply';
import { readJsonBody } from './request-body';

/**
 * The guarded request pipeline shared by every HTTP listener of the app (the 127.0.0.1 bridge,
 * and the meeting-room LAN listener of issue 18).
 *
 * Why it cannot be crashed by a request: everything that can throw on hostile input (URL and
 * header decoding, the body stream, JSON parsing, the handlers) runs inside one async function
 * whose promise is always caught here; a failure the route did not expect becomes a typed
 * `500 INTERNAL` with a reference into the log, and the server keeps serving. Request and
 * response stream errors (a client that disconnects mid-body) are listened to, so they are
 * never "unhandled 'error' events".
 */

export type Logger = (msg: string, err?: unknown) => void;

export interface Limits {
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Deepest JSON nesting accepted in a body (checked on the text before parsing). */
  maxJsonDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 32 * 1024 * 1024, maxJsonDepth: 64 };

/** Who a request comes from, as the auth strategy established it. */
export interface Principal {
  /** 'token': a program with the API token; 'session': a logged-in browser; others for other strategies. */
  kind: string;
  /** Stable id of the session or key (never the secret itself); for logs. */
  id: string;
  /** The audit actor this principal acts as, when the strategy fixes it (LAN: the member). */
  actor?: string;
}

/** One request as routes see it: the path already decoded and checked, helpers that never throw untyped. */
export interface RequestContext {
  req: http.IncomingMessage;
  method: string;
  /** Decoded path (no query), e.g. `/api/app:ping`. */
  path: string;
  query: URLSearchParams;
  /** The caller, or null when not authenticated. */
  principal: Principal | null;
  /** A header as one string (the first if repeated); undefined when absent. */
  header: (name: string) => string | undefined;
  /** A header that carries percent-encoded UTF-8 (e.g. x-ocop-actor); HttpError 400 when the escape is malformed. */
  decodedHeader: (name: string) => string | undefined;
  /** The body as JSON, within the limits; HttpError 400/413/415 otherwise. */
  readJson: () => Promise<unknown>;
  limits: Limits;
}

export interface Route {
  method: string | readonly string[];
  /** Exact path, or a prefix ending in `/` or `*` (e.g. `/api/`, `/*` for everything). */
  path: string;
  /** 'none': anyone may call it (login exchange, the how-to-open page); 'required' (default): a principal. */
  auth?: 'none' | 'required';
  handle: (rc: RequestContext) => Promise<Reply> | Reply;
}

/** How a listener identifies callers: the local token/cookie scheme, or issue 18's member pairing. */
export interface AuthStrategy {
  /** The principal of a request, or null. May throw HttpError (e.g. 403 for a cross-site cookie request). */
  authenticate: (req: http.IncomingMessage) => Principal | null;
  /** What an unauthenticated request for a route with auth 'required' gets (a page for GET, 401 JSON otherwise). */
  unauthenticated: (rc: RequestContext) => Reply;
  /** Routes the strategy serves itself (login exchange, logout), checked before the listener's own. */
  routes?: Route[];
}

export interface PipelineOptions {
  /** Host header names served (without port); anything else is refused (DNS rebinding). */
  hosts: readonly string[];
  auth: AuthStrategy;
  routes: Route[];
  log: Logger;
  limits?: Partial<Limits>;
  /** Extra headers on every answer (on top of the security headers). */
  headers?: Record<string, string>;
}

/**
 * Headers on every answer, whatever its status:
 * - CSP (the app's, plus frame-ancestors 'none') and X-Frame-Options: no other page may frame the
 *   app (clickjacking); the CSP also limits what a page could load if something slipped through;
 * - nosniff: the browser never guesses a type (a JSON answer can never run as a script);
 * - Referrer-Policy no-referrer: the address (a login link) never travels to another site;
 * - Cross-Origin-Resource-Policy/Opener-Policy same-origin: other sites can neither embed our
 *   answers (<img>, <script>) nor keep a handle on our window.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': APP_CSP_HEADER,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  BAD_JSON: 400,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN_SENDER: 403,
  NOT_FOUND: 404,
  UNKNOWN_CHANNEL: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};
/** HTTP status of a transport-level refusal with this code. */
export const statusOf = (code: ErrorCode): number => STATUS[code] ?? 400;

/** The request listener (for `http.createServer`). It never throws and never leaves a promise unhandled. */
export function createPipeline(opts: PipelineOptions): http.RequestListener {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const routes = [...(opts.auth.routes ?? []), ...opts.routes];
  const hosts = new Set(opts.hosts.map((h) => h.toLowerCase()));

  return (req, res) => {
    // A client that goes away mid-request makes these streams emit 'error'; without a listener
    // Node would throw it from the event loop.
    req.on('error', (e) => opts.log(`request stream error on ${safeUrl(req)}`, e));
    res.on('error', (e) => opts.log(`response stream error on ${safeUrl(req)}`, e));
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    handle(req, res).catch((e: unknown) => lastResort(req, res, e));
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = hostName(req.headers.host);
    if (host === null || !hosts.has(host)) {
      req.resume();
      throw new HttpError('FORBIDDEN_SENDER', `Host ${JSON.stringify(req.headers.host ?? '')} is not served here`);
    }
    const { path, query } = parseTarget(req.url ?? '/');
    const method = req.method ?? 'GET';
    const route = routes.find((r) => matches(r.path, path));
    if (!route) {
      req.resume();
      throw new HttpError('NOT_FOUND', 'Nothing is served at this address', undefined, 404);
    }
    const methods = typeof route.method === 'string' ? [route.method] : route.method;
    if (!methods.includes(method)) {
      req.resume();
      sendReply(res, { status: 405, headers: { allow: methods.join(', ') }, body: '' }, method);
      return;
    }
    const principal = opts.auth.authenticate(req);
    const rc: RequestContext = {
      req,
      method,
      path,
      query,
      principal,
      limits,
      header: (name) => headerOf(req, name),
      decodedHeader: (name) => {
        const v = headerOf(req, name);
        if (v === undefined) return undefined;
        try {
          return decodeURIComponent(v);
        } catch {
          throw new HttpError('BAD_REQUEST', `The ${name} header is not valid percent-encoded UTF-8`);
        }
      },
      readJson: () => readJsonBody(req, limits),
    };
    if ((route.auth ?? 'required') === 'required' && !principal) {
      req.resume();
      sendReply(res, opts.auth.unauthenticated(rc), method);
      return;
    }
    const reply = await route.handle(rc);
    sendReply(res, reply, method);
  }

  function lastResort(req: http.IncomingMessage, res: http.ServerResponse, e: unknown): void {
    try {
      if (e instanceof HttpError) {
        if (!res.headersSent) sendEnvelope(res, e.status ?? statusOf(e.code), fail({ code: e.code, message: e.message }));
        else res.destroy();
        if (e.destroy) req.destroy();
        return;
      }
      if (e instanceof CoreError) {
        // A route that called the core directly (downloads): its typed refusal, as the API gives it.
        if (!res.headersSent)
          sendEnvelope(res, e.code === 'NOT_FOUND' ? 404 : statusOf(e.code), fail({ code: e.code, message: e.message }));
        else res.destroy();
        return;
      }
      const ref = randomBytes(4).toString('hex');
      opts.log(`request ${req.method ?? '?'} ${safeUrl(req)} failed (ref ${ref})`, e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendEnvelope(
        res,
        500,
        fail({
          code: 'INTERNAL',
          message: `The request failed because of an internal error (reference ${ref} in the log).`,
          details: { ref },
        }),
      );
    } catch (again) {
      // Even answering failed (socket gone): drop the connection, keep serving others.
      opts.log('could not answer a failed request', again);
      res.destroy();
    }
  }
}

/** Path and query of a request target, decoded; HttpError 400 for anything malformed. */
export function parseTarget(target: string): { path: string; query: URLSearchParams } {
  // Only origin-form targets ("/path?query"); absolute-form ("http://[") and others are refused
  // before `new URL` sees them.
  if (!target.startsWith('/')) throw new HttpError('BAD_REQUEST', 'The request target must be a path starting with /');
  let url: URL;
  try {
    url = new URL(target, 'http://127.0.0.1');
  } catch {
    throw new HttpError('BAD_REQUEST', 'The request address cannot be read');
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError('BAD_REQUEST', 'The request address has a malformed percent escape (like %E0%A4%A)');
  }
  if (path.includes('\u0000')) throw new HttpError('BAD_REQUEST', 'The request address contains a NUL character');
  return { path, query: url.searchParams };
}

function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  if (pattern.endsWith('/') && pattern.length > 1) return path.startsWith(pattern);
  return path === pattern;
}

/** Host header without its port, lower-case; null when absent or unreadable. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(hostHeader.trim());
  return m ? m[1]!.toLowerCase() : null;
}

function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** The URL for a log line: printable, bounded, never decoded. */
const safeUrl = (req: http.IncomingMessage): string => JSON.stringify((req.url ?? '').slice(0, 200));
