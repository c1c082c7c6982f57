import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/api/contract';
import type { ApiErrorBody } from '../../../../shared/api/errors';
import { invoke } from '../../api';
import type { Core } from '../../context';

/** Calls a channel through the real entry (validation, NFC, output check); throws the error body on failure. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
  actor?: string,
): Promise<ChannelOutput<C>> {
  const env = await invoke(core.ctx, channel, input, actor ? { actor } : {}, () => {});
  if (!env.ok) throw Object.assign(new Error(`${env.error.code}: ${env.error.message}`), { body: env.error });
  return env.value;
}

/** The error body of a call that must fail. */
export async function callError<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C> | Record<string, unknown>,
  actor?: string,
): Promise<ApiErrorBody> {
  const env = await invoke(core.ctx, channel, input, actor ? { actor } : {}, () => {});
  if (env.ok) throw new Error(`${channel} was expected to fail but answered ${JSON.stringify(env.value).slice(0, 200)}`);
  return env.error;
}
