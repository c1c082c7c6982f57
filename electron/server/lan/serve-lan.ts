import type { CoreContext } from '../../core/context';
import { invoke } from '../../core/api';
import type { ParseArgsConfig } from 'node:util';
import { fixedInterfaces } from './interfaces';
import { createLanHost, DEFAULT_LAN_PORT } from './lan-host';

/**
 * Meeting-room mode for `ocop serve`: the same LAN host as the desktop app, so the secretary can
 * start the room from the scoring screen in a browser, or at once with
 * `serve --lan --session S [--lan-address A] [--plain-http]`.
 * `--lan-address` limits the addresses offered (tests use 127.0.0.2: a loopback address standing
 * in for the Wi-Fi; they never bind a private-range or public address).
 */
export const LAN_SERVE_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  lan: { type: 'boolean' },
  session: { type: 'string' },
  'lan-address': { type: 'string', multiple: true },
  'lan-port': { type: 'string' },
  'plain-http': { type: 'boolean' },
};

export const LAN_SERVE_USAGE = '[--lan --session S] [--lan-address IP]… [--lan-port N] [--plain-http]';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

export interface LanServe {
  /** What `serve` prints about the room when it started one. */
  room: { url: string; pairingCode: string; codeExpiresAt: string; fingerprint: string | null } | null;
  dispose: () => Promise<void>;
}

/** Parses the LAN options; a message for the user when one is wrong. */
export function lanOptions(
  values: Values,
):
  | { ok: true; addresses: string[] | null; port: number | undefined; start: { sessionId: number; plainHttp: boolean } | null }
  | { ok: false; message: string } {
  const raw = values['lan-address'];
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((a) => !IPV4.test(a));
  if (bad) return { ok: false, message: `serve: --lan-address must be an IPv4 address of this computer (got ${bad})` };
  const portText = values['lan-port'];
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    return { ok: false, message: `serve: --lan-port must be a whole number from 0 to 65535 (got ${String(portText)})` };
  let start = null;
  if (values.lan) {
    const sessionId = Number(values.session);
    if (!Number.isInteger(sessionId) || sessionId <= 0)
      return { ok: false, message: 'serve: --lan needs --session N (the session members score in)' };
    start = { sessionId, plainHttp: values['plain-http'] === true };
  }
  return { ok: true, addresses: list.length > 0 ? list : null, port, start };
}

export async function attachLanToServe(
  ctx: CoreContext,
  o: { rendererDir: string; dataDir: string; values: Values },
): Promise<LanServe | { error: string }> {
  const opts = lanOptions(o.values);
  if (!opts.ok) return { error: opts.message };
  const lan = createLanHost({
    ctx,
    rendererDir: o.rendererDir,
    dataDir: o.dataDir,
    ...(opts.addresses ? { interfaces: () => fixedInterfaces(opts.addresses!) } : {}),
    defaultPort: opts.port ?? DEFAULT_LAN_PORT,
  });
  ctx.lan = lan;
  const dispose = () => lan.dispose();
  if (!opts.start) return { room: null, dispose };
  const address = opts.addresses?.[0] ?? lan.interfaces()[0]?.address;
  if (!address) {
    await dispose();
    return { error: 'serve: no network address to listen on; connect to the Wi-Fi or give --lan-address' };
  }
  const env = await invoke(ctx, 'room:start', {
    sessionId: opts.start.sessionId,
    address,
    ...(opts.start.plainHttp ? { plainHttp: true } : {}),
  });
  if (!env.ok || !env.value.room) {
    await dispose();
    return { error: `serve: could not start meeting-room mode: ${env.ok ? 'no room' : env.error.message}` };
  }
  const r = env.value.room;
  return {
    room: { url: r.url, pairingCode: r.pairingCode, codeExpiresAt: r.codeExpiresAt, fingerprint: r.fingerprint },
    dispose,
  };
}
