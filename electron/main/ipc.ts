import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, isChannel, type Channel } from '../../shared/api/contract';
import { fail, type Envelope } from '../../shared/api/envelope';
import { invoke as coreInvoke, type Logger } from '../core/api';
import type { CoreContext } from '../core/context';

/**
 * The one IPC channel the renderer can reach. Every contract channel travels inside it as
 * `{ channel, input }` rather than as one `ipcMain.handle` per channel, because:
 * - the preload stays contract-agnostic (it imports only types), so adding an area never touches
 *   preload or main, and the renderer cannot reach any other `ipcMain` handler;
 * - an unknown channel answers the envelope (UNKNOWN_CHANNEL) like the HTTP bridge does, where a
 *   missing per-channel handler would reject with Electron's untyped "No handler registered";
 * - the sender check and the in-flight count for a clean shutdown live in one place.
 * The set of served channels is still built from `channelNames`, so registration covers the
 * contract by construction (ipc.test.ts calls each one).
 */
export const INVOKE_CHANNEL = 'ocop:invoke';
export type InvokeChannelName = typeof INVOKE_CHANNEL;

/** What the preload sends on INVOKE_CHANNEL. */
export interface InvokeRequest {
  channel: string;
  input: unknown;
}

export interface IpcOptions {
  ctx: CoreContext;
  /** Whether a frame URL is the app's own page (see app-url.ts). */
  isAppUrl: (url: string) => boolean;
  /** The audit log's actor for calls from this computer: the operator name from settings. */
  actor?: () => string | undefined;
  /** Called after each successful call (main rebuilds the menu after `settings:set`). */
  afterCall?: (channel: Channel, value: unknown) => void;
  /** The core's entry point; a test may wrap it to see what reaches the core. */
  invoke?: typeof coreInvoke;
  log?: Logger;
}

export interface IpcRegistration {
  /** The contract channels served, in contract order. */
  channels: readonly Channel[];
  /** Calls that reached the core and have not answered yet. */
  inFlight: () => number;
  /** Resolves once no call is in flight, or after `timeoutMs`. */
  drain: (timeoutMs: number) => Promise<void>;
  /** Stops accepting calls (shutdown). */
  dispose: () => void;
}

const defaultLog: Logger = (msg, err) => console.error(`[ocop-main] ${msg}`, err ?? '');

/**
 * Registers the contract on `ipcMain`. Each call is checked before it reaches the core: it must
 * come from the main frame of the app's own page (not a sub-frame, not a page the window was
 * somehow navigated to), and be `{ channel: <contract channel>, input }`. The core then validates
 * the input and answers the envelope; nothing here throws across the boundary.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, opts: IpcOptions): IpcRegistration {
  const served: ReadonlySet<string> = new Set(channelNames);
  const callCore = opts.invoke ?? coreInvoke;
  const log = opts.log ?? defaultLog;
  let inFlight = 0;
  let idle: (() => void)[] = [];

  const handler = async (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    const url = frame?.url ?? '';
    if (!frame || frame.parent !== null || !opts.isAppUrl(url)) {
      log(`refused a call from ${frame ? (frame.parent ? 'a sub-frame of ' : '') + JSON.stringify(url) : 'a destroyed frame'}`);
      return fail({
        code: 'FORBIDDEN_SENDER',
        message: `Calls are accepted only from the app's own page; refused a call from ${JSON.stringify(url || '(no frame)')}`,
      });
    }
    if (typeof request !== 'object' || request === null || typeof (request as InvokeRequest).channel !== 'string') {
      return fail({ code: 'BAD_JSON', message: 'An IPC call must be { channel: string, input }' });
    }
    const { channel, input } = request as InvokeRequest;
    if (!served.has(channel) || !isChannel(channel)) {
      return fail({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${JSON.stringify(channel)}` });
    }
    inFlight++;
    try {
      const actor = opts.actor?.();
      const env = await callCore(opts.ctx, channel, input, actor ? { actor } : {}, log);
      if (env.ok && opts.afterCall) {
        try {
          opts.afterCall(channel, env.value);
        } catch (e) {
          log(`after ${channel}`, e);
        }
      }
      return env;
    } catch (e) {
      // invoke() never throws; this guards against a closed database during shutdown.
      log(`${channel} failed`, e);
      return fail({ code: 'INTERNAL', message: `${channel} failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      inFlight--;
      if (inFlight === 0) {
        const waiting = idle;
        idle = [];
        for (const resolve of waiting) resolve();
      }
    }
  };

  ipcMain.handle(INVOKE_CHANNEL, handler);
  return {
    channels: [...channelNames],
    inFlight: () => inFlight,
    drain: (timeoutMs) =>
      inFlight === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            idle.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
    dispose: () => ipcMain.removeHandler(INVOKE_CHANNEL),
  };
}
