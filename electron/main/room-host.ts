import type { CoreContext } from '../core/context';
import type { CoreEvent } from '../core/events';
import { createLanHost } from '../server/lan/lan-host';

/** IPC channel main → window for the core's change events (the scoring hub follows devices live). */
export const LIVE_EVENT_CHANNEL = 'ocop:event';
export type LiveEventChannelName = typeof LIVE_EVENT_CHANNEL;

/**
 * Meeting-room mode in the Electron main process: the LAN listener lives here (never in the
 * renderer, which keeps its loopback-only rules and talks to main over IPC), and the core's
 * change events are forwarded to the window so the secretary's screens update as devices save.
 * Takes `send` instead of a window so it needs nothing from 'electron' (tested in plain Node).
 */
export function attachRoomHost(o: {
  ctx: CoreContext;
  rendererDir: string;
  dataDir: string;
  send: (channel: LiveEventChannelName, event: CoreEvent) => void;
  log: (msg: string, err?: unknown) => void;
}): { dispose: () => Promise<void> } {
  const lan = createLanHost({ ctx: o.ctx, rendererDir: o.rendererDir, dataDir: o.dataDir, log: o.log });
  o.ctx.lan = lan;
  const off = o.ctx.events.on((e) => o.send(LIVE_EVENT_CHANNEL, e));
  return {
    dispose: async () => {
      off();
      delete o.ctx.lan;
      await lan.dispose();
    },
  };
}
