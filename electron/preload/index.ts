/**
 * The preload of the sandboxed window. It exposes exactly one function, `window.ocop.invoke`,
 * that forwards `{ channel, input }` to main on the single IPC channel and resolves with the
 * envelope. `ipcRenderer` itself is never exposed: a page holding it could call any IPC channel
 * or listen to any message.
 *
 * Sandboxed preloads may `require` only 'electron': everything else imported here is type-only
 * (erased by the build; preload.test.ts checks the source and the bundle is checked after build).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { OcopBridge } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/envelope';
import type { ErrorCode } from '../../shared/api/errors';
import type { InvokeChannelName, InvokeRequest } from '../main/ipc';

/** Checked against main's constant by the type system (InvokeChannelName is its literal type). */
const INVOKE_CHANNEL: InvokeChannelName = 'ocop:invoke';

/** `area:verb`, as every contract channel is named; main checks the exact list. */
const CHANNEL_NAME = /^[a-z][a-zA-Z0-9]*:[a-z][a-zA-Z0-9]*$/;
const MAX_CHANNEL_LENGTH = 100;

const refuse = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

async function invoke(channel: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || channel.length > MAX_CHANNEL_LENGTH || !CHANNEL_NAME.test(channel)) {
    return refuse('UNKNOWN_CHANNEL', `Channel names look like "area:verb"; got ${typeof channel === 'string' ? JSON.stringify(channel.slice(0, MAX_CHANNEL_LENGTH)) : typeof channel}`);
  }
  const request: InvokeRequest = { channel, input: input ?? {} };
  try {
    return (await ipcRenderer.invoke(INVOKE_CHANNEL, request)) as Envelope<unknown>;
  } catch (e) {
    // Input that cannot be cloned (a function, a DOM node) or a main process that is shutting
    // down: still an envelope, so the renderer has one error path.
    return refuse('INTERNAL', `The call ${channel} did not reach the application core: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const bridge: OcopBridge = { invoke: invoke as OcopBridge['invoke'] };
contextBridge.exposeInMainWorld('ocop', bridge);
