import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode } from '../../shared/api/errors';
import { invoke } from '../core/api';
import type { CoreContext } from '../core/context';
import { localAuth, TOKEN_HEADER } from './local-auth';
import { createPipeline, DEFAULT_LIMITS, type Logger, type Route } from './pipeline';
import { jsonReply } from './reply';
import { liveEventsRoute } from './live-events';
import { downloadRoutes } from './download-routes';
import { staticFilesRoute } from './static-files';

export { TOKEN_HEADER };
/** Largest request body accepted (attachments travel base64-encoded inside JSON). */
export const MAX_BODY_BYTES = DEFAULT_LIMITS.maxBodyBytes;
export const ACTOR_HEADER = 'x-ocop-actor';

export interface BridgeOptions {
  ctx: CoreContext;
  /** Built renderer (out/renderer); when absent only the API is served. */
  rendererDir?: string;
  port?: number;
  /** The API token for programs; random when absent. */
  token?: string;
  maxBodyBytes?: number;
  log?: Logger;
}

export interface Bridge {
  /** The base address, http://127.0.0.1:PORT/ (a browser without a session gets the how-to-open page). */
  url: string;
  port: number;
  /** API token for programs (`x-ocop-token` header). Never served to a page. */
  token: string;
  /** A one-time sign-in address for a browser (exchanged for an HttpOnly session cookie). */
  loginUrl: string;
  /** Another one-time sign-in address. */
  newLoginUrl: () => string;
  close: () => Promise<void>;
}

/** Channel errors travel in the envelope with 200; these transport-level ones also set an HTTP status. */
const CHANNEL_STATUS: Partial<Record<ErrorCode, number>> = { UNKNOWN_CHANNEL: 404 };

/**
 * Serves the built renderer and every contract channel as `POST /api/<channel>` on 127.0.0.1
 * only, through the guarded pipeline (pipeline.ts) with the local sign-in (local-auth.ts).
 */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const log: Logger = opts.log ?? ((m, e) => console.error(`[ocop-bridge] ${m}`, e ?? ''));
  let port = 0;
  const auth = localAuth({ port: () => port, ...(opts.token ? { apiToken: opts.token } : {}) });

  const api: Route = {
    method: 'POST',
    path: '/api/',
    handle: async (rc) => {
      const channel = rc.path.slice('/api/'.length);
      const actor = rc.decodedHeader(ACTOR_HEADER);
      const input = await rc.readJson();
      const env = await invoke(opts.ctx, channel, input, actor ? { actor } : {}, log);
      return jsonReply(env.ok ? 200 : (CHANNEL_STATUS[env.error.code] ?? 200), env);
    },
  };

  const server = http.createServer(
    createPipeline({
      hosts: ['127.0.0.1', 'localhost'],
      auth,
      // The event stream before the /api/ prefix: the first route whose path matches answers.
      routes: [liveEventsRoute(opts.ctx), api, ...downloadRoutes(opts.ctx, log), staticFilesRoute(opts.rendererDir)],
      log,
      limits: { maxBodyBytes: opts.maxBodyBytes ?? MAX_BODY_BYTES },
    }),
  );
  // Malformed HTTP (not even a request line) never reaches the pipeline: answer 400 and close.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', (e) => log('server error', e));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const newLoginUrl = () => `http://127.0.0.1:${port}${auth.newLoginPath()}`;
  return {
    url,
    port,
    token: auth.apiToken,
    loginUrl: newLoginUrl(),
    newLoginUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
