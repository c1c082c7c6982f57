import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LanInterface } from '../../../shared/api/channels/room';
import type { CoreContext } from '../../core/context';
import type { LanHost, LanListening } from '../../core/room/lan-host';
import { closeRoomIfSessionEnded } from '../../core/room/room-service';
import { createPipeline, type Logger } from '../pipeline';
import { lanCertificate } from './certificate';
import { networkInterfaces } from './interfaces';
import { lanAuth, lanRoutes, type LanState } from './lan-routes';

export interface LanHostOptions {
  ctx: CoreContext;
  /** The built renderer (out/renderer): device.html and its assets are served, nothing else. */
  rendererDir: string;
  /** Where the certificate is kept (the data folder). */
  dataDir: string;
  /** The addresses offered to the secretary; default: this computer's IPv4 interfaces. Tests: 127.0.0.2. */
  interfaces?: () => LanInterface[];
  /** Port when the secretary does not choose one: kept the same meeting after meeting (a device's saved work belongs to its address). */
  defaultPort?: number;
  log?: Logger;
}

export const DEFAULT_LAN_PORT = 8443;
/** Bodies on the LAN are small (answers, notes); evidence files only travel to the device. */
const LAN_MAX_BODY = 256 * 1024;

/**
 * The meeting-room listener, in the host process (Electron main or `ocop serve`), never in a
 * page. It listens on exactly the address the secretary chose, only while the mode is on:
 * HTTPS with the installation's certificate, or plain HTTP when the secretary turned that on.
 * On the HTTPS port a plain-HTTP request is not served: a page load is sent to the https://
 * address, anything else is refused. Requests go through the same guarded pipeline as the
 * loopback bridge, with the device's cookie as the only credential and the device allowlist as
 * the only way into the core.
 */
export function createLanHost(opts: LanHostOptions): LanHost & { dispose: () => Promise<void> } {
  const log: Logger = opts.log ?? ((m, e) => console.error(`[ocop-lan] ${m}`, e ?? ''));
  const interfaces = opts.interfaces ?? (() => networkInterfaces());
  let server: net.Server | null = null;
  let current: LanListening | null = null;
  const sockets = new Set<net.Socket>();

  // Closing or finalizing the session closes the room and the listener with it.
  const offEvents = opts.ctx.events.on((e) => {
    if (e.channel !== 'sessions:transition' || current === null) return;
    closeRoomIfSessionEnded({ ctx: opts.ctx, actor: opts.ctx.defaultActor }).catch((err) =>
      log('closing the room after the session ended failed', err),
    );
  });

  async function close(): Promise<void> {
    const s = server;
    server = null;
    current = null;
    if (!s) return;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  async function listen(o: { address: string; port?: number; plainHttp: boolean }): Promise<LanListening> {
    await close();
    const port = o.port ?? opts.defaultPort ?? DEFAULT_LAN_PORT;
    const protocol = o.plainHttp ? 'http' : 'https';
    const cert = o.plainHttp ? null : await lanCertificate(opts.dataDir, [o.address]);
    const state: LanState = { address: o.address, port, protocol };
    const pipeline = createPipeline({
      hosts: [o.address],
      auth: lanAuth(() => state),
      routes: lanRoutes({
        ctx: opts.ctx,
        rendererDir: opts.rendererDir,
        log,
        state: () => state,
        fingerprint: cert?.fingerprint ?? null,
      }),
      log,
      limits: { maxBodyBytes: LAN_MAX_BODY },
      // No Strict-Transport-Security: the certificate is self-signed and the secretary may turn HTTP on later.
    });
    const web = cert
      ? https.createServer({ cert: cert.certPem, key: cert.keyPem, minVersion: 'TLSv1.2' }, pipeline)
      : http.createServer(pipeline);
    web.headersTimeout = 15_000;
    web.requestTimeout = 30_000;
    web.keepAliveTimeout = 10_000;
    web.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
    if (web instanceof https.Server) web.on('tlsClientError', () => undefined);
    const plain = cert ? http.createServer((req, res) => refusePlainHttp(req, res, state)) : null;
    plain?.on('clientError', (_e, socket) => socket.destroy());

    // One port for both: the first byte tells a TLS handshake (0x16) from a plain-HTTP request.
    const front = net.createServer({ pauseOnConnect: true }, (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.setTimeout(60_000, () => socket.destroy());
      if (!plain) {
        web.emit('connection', socket);
        socket.resume();
        return;
      }
      socket.once('readable', () => {
        const first = socket.read(1) as Buffer | null;
        if (first === null) {
          socket.destroy();
          return;
        }
        socket.unshift(first);
        (first[0] === 0x16 ? web : plain).emit('connection', socket);
      });
    });
    front.maxConnections = 256;
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen({ port, host: o.address, exclusive: true }, () => {
        front.off('error', reject);
        resolve();
      });
    }).catch((e: NodeJS.ErrnoException) => {
      throw new Error(
        e.code === 'EADDRINUSE'
          ? `Port ${port} on ${o.address} is already in use by another program; close it or choose another port`
          : e.code === 'EADDRNOTAVAIL'
            ? `${o.address} is not an address of this computer any more (the network changed); choose the network again`
            : `Cannot listen on ${o.address}:${port}: ${e.message}`,
      );
    });
    front.on('error', (e) => log('listener error', e));
    state.port = (front.address() as net.AddressInfo).port;
    server = front;
    current = { address: o.address, port: state.port, protocol, fingerprint: cert?.fingerprint ?? null };
    return current;
  }

  return {
    interfaces,
    listen,
    close,
    current: () => current,
    dispose: async () => {
      offEvents();
      await close();
    },
  };
}

/** A plain-HTTP request on the HTTPS port: a page load goes to the https:// address; nothing else is served. */
function refusePlainHttp(req: http.IncomingMessage, res: http.ServerResponse, state: { address: string; port: number }): void {
  req.resume();
  const target = `https://${state.address}:${state.port}/`;
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.writeHead(301, {
      location: target,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
    });
    res.end(req.method === 'HEAD' ? undefined : `Use ${target}\n`);
    return;
  }
  const body = JSON.stringify({
    ok: false,
    error: { code: 'FORBIDDEN_SENDER', message: `Plain HTTP is not accepted here; use ${target}` },
  });
  res.writeHead(403, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
}
