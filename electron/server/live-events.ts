import type { CoreContext } from '../core/context';
import type { CoreEvent } from '../core/events';
import type { Route } from './pipeline';
import type { Reply } from './reply';

/** Open event streams at most (each is one socket held open); more are refused with 503. */
const MAX_STREAMS = 16;
/** A comment line this often keeps the connection alive through idle periods (and detects gone clients). */
const PING_MS = 25_000;

/**
 * `GET /api/events`: the core's change events as server-sent events, for the secretary's screens
 * in a browser (Electron forwards the same events over IPC). Authenticated like every other
 * route (the session cookie); each event names the channel and session, never the data, and
 * the page refetches what it shows.
 */
export function liveEventsRoute(ctx: CoreContext): Route {
  let open = 0;
  return {
    method: 'GET',
    path: '/api/events',
    handle: (): Reply => {
      if (open >= MAX_STREAMS)
        return {
          status: 503,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' },
          body: 'Too many open event streams',
        };
      return {
        status: 200,
        headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' },
        stream: (res) => {
          open++;
          const write = (text: string) => {
            if (!res.writableEnded && !res.destroyed) res.write(text);
          };
          write('retry: 2000\n\n');
          const off = ctx.events.on((e: CoreEvent) => write(`event: change\ndata: ${JSON.stringify(e)}\n\n`));
          const ping = setInterval(() => write(': ping\n\n'), PING_MS);
          ping.unref();
          res.on('close', () => {
            open--;
            off();
            clearInterval(ping);
          });
        },
      };
    },
  };
}
