import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { fail, ok } from '../../../shared/api/envelope';
import type { ErrorCode } from '../../../shared/api/errors';
import { nfcDeep } from '../../../shared/text/normalize';
import type { CoreContext } from '../../core/context';
import { CoreError } from '../../core/errors';
import { authenticateDevice } from '../../core/room/device-auth';
import { invokeForDevice, isDeviceChannel, refusedChannel } from '../../core/room/device-scope';
import { pairDevice, pairingMembers, type PairingRequest } from '../../core/room/pairing';
import type { AuthStrategy, Logger, RequestContext, Route } from '../pipeline';
import { HttpError, jsonReply, type Reply } from '../reply';

/** The device's credential cookie (HttpOnly: the page's scripts never see it). */
export const DEVICE_COOKIE = 'ocop_device';
/** A meeting day; the room's end, a revocation or the session's end cut it sooner. */
const COOKIE_MAX_AGE_S = 12 * 60 * 60;

export interface LanState {
  address: string;
  port: number;
  protocol: 'https' | 'http';
}

const originOf = (s: LanState) => `${s.protocol}://${s.address}:${s.port}`;

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Requests that carry the cookie must come from the device page itself: a page of another
 * origin (another site the phone has open) is refused by its Origin / Sec-Fetch-Site headers,
 * on top of SameSite=Strict.
 */
function assertSameOrigin(req: http.IncomingMessage, state: LanState): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== originOf(state))
    throw new HttpError('FORBIDDEN_SENDER', 'This request came from another web page and was refused');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new HttpError('FORBIDDEN_SENDER', 'This request came from another web page and was refused');
}

/**
 * The pipeline's view of a device: its cookie, syntactically. Whether the credential is valid
 * (known, not revoked, room open, session in progress) is decided per request by the core
 * (authenticateDevice), which needs the database.
 */
export function lanAuth(state: () => LanState): AuthStrategy {
  return {
    authenticate: (req) => {
      const token = readCookie(req.headers.cookie, DEVICE_COOKIE);
      if (token === null) return null;
      assertSameOrigin(req, state());
      const id = /^(\d{1,12})\./.exec(token)?.[1];
      return id ? { kind: 'device', id: `device-${id}` } : null;
    },
    unauthenticated: () =>
      jsonReply(
        401,
        fail({
          code: 'UNAUTHORIZED',
          message: 'This device is not paired: open the meeting-room address and pair it with the code',
          details: { reason: 'unpaired' },
        }),
      ),
  };
}

/** HTTP status of a refusal the device page must tell apart; other channel errors travel with 200. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN_SCOPE: 403,
  FORBIDDEN_SENDER: 403,
  RATE_LIMITED: 429,
  UNKNOWN_CHANNEL: 404,
};

function envelopeReply(e: unknown): Reply {
  if (e instanceof CoreError) {
    const retry = e.details?.retryAfterSeconds;
    return jsonReply(
      STATUS[e.code] ?? 400,
      fail({ code: e.code, message: e.message, details: e.details }),
      retry ? { 'retry-after': String(retry) } : {},
    );
  }
  throw e;
}

const Screen = z.object({ width: z.number().int().min(0).max(20_000), height: z.number().int().min(0).max(20_000) }).strict();
const MembersInput = z.object({ code: z.string().max(20), screen: Screen.optional() }).strict();
const PairInput = z
  .object({ code: z.string().max(20), memberId: z.number().int().positive(), pin: z.string().max(20), screen: Screen.optional() })
  .strict();

async function parsed<T>(rc: RequestContext, schema: z.ZodType<T>): Promise<T> {
  const r = schema.safeParse(nfcDeep(await rc.readJson()));
  if (!r.success)
    throw new HttpError(
      'VALIDATION',
      `Invalid input: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return r.data;
}

const remoteOf = (req: http.IncomingMessage) => (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');

function pairingRequest(rc: RequestContext, code: string, screen: { width: number; height: number } | undefined): PairingRequest {
  return {
    code,
    remoteAddress: remoteOf(rc.req),
    userAgent: (rc.header('user-agent') ?? '').slice(0, 400),
    ...(screen ? { screen } : {}),
  };
}

export function lanRoutes(o: {
  ctx: CoreContext;
  rendererDir: string;
  log: Logger;
  state: () => LanState;
  fingerprint: string | null;
}): Route[] {
  const { ctx } = o;
  const cookie = (token: string) =>
    `${DEVICE_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}${o.state().protocol === 'https' ? '; Secure' : ''}`;

  const info: Route = {
    method: ['GET', 'HEAD'],
    path: '/room/info',
    auth: 'none',
    handle: () => jsonReply(200, ok({ fingerprint: o.fingerprint, protocol: o.state().protocol })),
  };

  const members: Route = {
    method: 'POST',
    path: '/room/pair/members',
    auth: 'none',
    handle: async (rc) => {
      assertSameOrigin(rc.req, o.state());
      const input = await parsed(rc, MembersInput);
      try {
        const list = await pairingMembers(ctx, pairingRequest(rc, input.code, input.screen));
        return jsonReply(200, ok({ members: list, fingerprint: o.fingerprint }));
      } catch (e) {
        return envelopeReply(e);
      }
    },
  };

  const pair: Route = {
    method: 'POST',
    path: '/room/pair',
    auth: 'none',
    handle: async (rc) => {
      assertSameOrigin(rc.req, o.state());
      const input = await parsed(rc, PairInput);
      try {
        const p = await pairDevice(ctx, {
          ...pairingRequest(rc, input.code, input.screen),
          memberId: input.memberId,
          pin: input.pin,
        });
        ctx.events.emit({ channel: 'room:paired', sessionId: p.sessionId, at: new Date().toISOString(), source: 'device' });
        return jsonReply(200, ok({ memberName: p.memberName }), { 'set-cookie': cookie(p.token) });
      } catch (e) {
        return envelopeReply(e);
      }
    },
  };

  const api: Route = {
    method: 'POST',
    path: '/api/',
    handle: async (rc) => {
      const token = readCookie(rc.req.headers.cookie, DEVICE_COOKIE) ?? undefined;
      let device;
      try {
        device = await authenticateDevice(ctx, token);
      } catch (e) {
        rc.req.resume();
        return envelopeReply(e);
      }
      const channel = rc.path.slice('/api/'.length);
      // A channel outside the allowlist is refused before its body is read or parsed: nothing a
      // device sends to it (malformed, huge) gets further than this.
      if (!isDeviceChannel(channel)) {
        rc.req.resume();
        return jsonReply(403, refusedChannel(channel));
      }
      const input = await rc.readJson();
      const env = await invokeForDevice(ctx, device, channel, input, o.log);
      return jsonReply(env.ok ? 200 : (STATUS[env.error.code] ?? 200), env);
    },
  };

  return [info, members, pair, api, deviceFilesRoute(o.rendererDir)];
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * The device page and its assets only: `/` is device.html; `/assets/…` are the built files. The
 * secretary's app (index.html) is never served on the LAN. Real paths are confined to the
 * assets folder (no ../, no symlinks out).
 */
function deviceFilesRoute(rendererDir: string): Route {
  const root = realOrNull(rendererDir);
  const assets = root ? realOrNull(path.join(root, 'assets')) : null;
  const notFound: Reply = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  return {
    method: ['GET', 'HEAD'],
    path: '/*',
    auth: 'none',
    handle: (rc) => {
      if (!root)
        return { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'No build. Run `npm run build`.' };
      let file: string | null = null;
      if (rc.path === '/' || rc.path === '/device.html') file = realOrNull(path.join(root, 'device.html'));
      else if (rc.path.startsWith('/assets/') && assets) {
        const real = realOrNull(path.resolve(assets, rc.path.slice('/assets/'.length)));
        if (real && real.startsWith(assets + path.sep)) file = real;
      }
      if (!file) return notFound;
      let body: Buffer;
      try {
        body = fs.readFileSync(file);
      } catch {
        return notFound;
      }
      return {
        status: 200,
        headers: {
          'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
          // Hashed asset names never change; the page itself is always fetched anew.
          'cache-control': rc.path.startsWith('/assets/') ? 'public, max-age=86400, immutable' : 'no-store',
        },
        body,
      };
    },
  };
}

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return null;
  }
}
