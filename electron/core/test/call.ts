/**
 * The one way tests call the core: through `invoke`, the same entry every host uses (NFC, input
 * validation, the handler, the output check), typed from the contract. Only for *.test.ts files
 * and the fixtures they import.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import type { ApiErrorBody } from '../../../shared/api/errors';
import { invoke } from '../api';
import type { Core } from '../context';
import { CoreError } from '../errors';

export interface CallOptions {
  /** The audit log's actor for this call (as a host passes it); default: the core's operator. */
  actor?: string;
}

const silent = () => {};

/** Calls a channel and returns its value; a failure throws its CoreError (code, message, details). */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
  opts: CallOptions = {},
): Promise<ChannelOutput<C>> {
  const env = await invoke(core.ctx, channel, input, opts.actor ? { actor: opts.actor } : {}, silent);
  if (!env.ok) throw new CoreError(env.error.code, env.error.message, env.error.details);
  return env.value;
}

/**
 * The error body of a call that must fail; fails the test if it succeeds. The input is not typed
 * from the contract so a test can send what the contract refuses (and a channel that does not exist).
 */
export async function callError(
  core: Core,
  channel: Channel | (string & {}),
  input: unknown,
  opts: CallOptions = {},
): Promise<ApiErrorBody> {
  const env = await invoke(core.ctx, channel, input, opts.actor ? { actor: opts.actor } : {}, silent);
  if (env.ok) throw new Error(`${channel} was expected to fail but answered ${JSON.stringify(env.value).slice(0, 200)}`);
  return env.error;
}
