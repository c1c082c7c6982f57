import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { AuthStrategy, Principal, RequestContext, Route } from './pipeline';
import { HttpError, htmlReply, jsonReply, type Reply } from './reply';
import { fail } from '../../shared/api/envelope';
import { howToOpenPage, loggedInPage } from './login-pages';

/** Header carrying the API token of programs (tests, scripts); browsers use the session cookie. */
export const TOKEN_HEADER = 'x-ocop-token';
export const LOGIN_PATH = '/login';

export interface LocalAuth extends AuthStrategy {
  /** The API token for programs (header `x-ocop-token`); printed by `serve --json`, never served to a page. */
  apiToken: string;
  /** A new one-time login address path (`/login?token=…`); valid until used once. */
  newLoginPath: () => string;
  /** Number of browser sessions opened (for tests and the serve log). */
  sessionCount: () => number;
}

/**
 * The 127.0.0.1 bridge's sign-in, as Jupyter does it:
 * - `serve` prints (and `--open` opens) an address with a one-time login token;
 * - the first request with it gets an HttpOnly, SameSite=Strict session cookie (name tied to the
 *   port, since cookies ignore ports) and the token is spent;
 * - every later request must carry that cookie, or the API token header (programs);
 * - a cookie request from another origin (a page on another local port, the same "site" for
 *   SameSite) is refused by its Origin / Sec-Fetch-Site headers.
 * A request without either gets a page explaining how to open the app (or 401 JSON for the API).
 */
export function localAuth(opts: { port: () => number; apiToken?: string; maxPendingLinks?: number }): LocalAuth {
  const apiToken = opts.apiToken ?? randomBytes(24).toString('base64url');
  const apiTokenDigest = digest(apiToken);
  /** Digests of unused one-time login tokens, oldest first. */
  const pending: Buffer[] = [];
  /** Digests of session ids: the secret values themselves are kept only by the browser. */
  const sessions = new Set<string>();
  const maxPending = opts.maxPendingLinks ?? 8;
  const cookieName = () => `ocop_session_${opts.port()}`;
  const ownOrigins = () => [`http://127.0.0.1:${opts.port()}`, `http://localhost:${opts.port()}`];

  const sessionOf = (req: http.IncomingMessage): string | null => {
    const value = readCookie(req.headers.cookie, cookieName());
    return value !== null && sessions.has(digest(value).toString('hex')) ? value : null;
  };

  const authenticate = (req: http.IncomingMessage): Principal | null => {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given === 'string' && given !== '') {
      if (!sameSecret(digest(given), apiTokenDigest)) return null;
      return { kind: 'token', id: 'api-token' };
    }
    const session = sessionOf(req);
    if (session === null) return null;
    // A cookie travels with requests from any page of the same site (127.0.0.1 on another port
    // is the same site). Only our own pages may use it.
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().includes(origin)) {
      throw new HttpError('FORBIDDEN_SENDER', 'This request came from another web page and was refused');
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new HttpError('FORBIDDEN_SENDER', 'This request came from another web page and was refused');
    }
    return { kind: 'session', id: digest(session).toString('hex').slice(0, 12) };
  };

  const login: Route = {
    method: ['GET', 'HEAD'],
    path: LOGIN_PATH,
    auth: 'none',
    handle: (rc) => {
      const token = rc.query.get('token') ?? '';
      const i = token === '' ? -1 : pending.findIndex((d) => sameSecret(d, digest(token)));
      if (i < 0) {
        // A spent link reloaded in a browser that is already signed in: just open the app.
        if (rc.principal?.kind === 'session') return loggedInReply([]);
        return htmlReply(401, howToOpenPage({ reason: token === '' ? 'no-token' : 'used-or-wrong' }));
      }
      if (rc.method === 'HEAD') return { status: 204 };
      pending.splice(i, 1);
      const session = randomBytes(32).toString('base64url');
      sessions.add(digest(session).toString('hex'));
      return loggedInReply([`${cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`]);
    },
  };

  const linkRoute: Route = {
    // Programs holding the API token may mint a login address (e2e tests; a second browser).
    method: 'POST',
    path: '/auth/login-link',
    handle: (rc) => {
      if (rc.principal?.kind !== 'token')
        throw new HttpError('UNAUTHORIZED', `Only a program with the ${TOKEN_HEADER} header may ask for a login address`);
      return jsonReply(200, { ok: true, value: { path: newLoginPath() } });
    },
  };

  function newLoginPath(): string {
    const token = randomBytes(24).toString('base64url');
    pending.push(digest(token));
    while (pending.length > maxPending) pending.shift();
    return `${LOGIN_PATH}?token=${token}`;
  }

  const unauthenticated = (rc: RequestContext): Reply => {
    if (rc.path.startsWith('/api/') || rc.method !== 'GET') {
      return jsonReply(
        401,
        fail({
          code: 'UNAUTHORIZED',
          message: `Sign in first: open the address printed by \`ocop serve\`, or send the ${TOKEN_HEADER} header`,
        }),
      );
    }
    return htmlReply(401, howToOpenPage({ reason: 'no-session' }));
  };

  return {
    apiToken,
    newLoginPath,
    sessionCount: () => sessions.size,
    authenticate,
    unauthenticated,
    routes: [login, linkRoute],
  };
}

/** A 200 page that moves on to the app with a same-origin navigation, so the Strict cookie is sent. */
const loggedInReply = (setCookie: string[]): Reply =>
  htmlReply(200, loggedInPage(), setCookie.length > 0 ? { 'set-cookie': setCookie } : {});

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
const sameSecret = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/** One cookie's value from a Cookie header; null when absent. Never throws on odd input. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
