import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/api/contract';
import { invoke } from '../../api';
import { openCore, type Core } from '../../context';
import { CoreError } from '../../errors';
import { fixedClock, tempDir } from '../../test/core-fixture';

/** Typed call through invoke (validation and all), throwing the core's error. Replace with issue 12's helper once it lands. */
export async function call<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await invoke(core.ctx, channel, input);
  if (!r.ok) throw new CoreError(r.error.code, r.error.message, r.error.details);
  return r.value;
}

export async function callError(
  core: Core,
  channel: Channel,
  input: unknown,
): Promise<{ code: string; message: string; details?: unknown }> {
  const r = await invoke(core.ctx, channel, input);
  if (r.ok) throw new Error(`${channel} was expected to fail but succeeded`);
  return r.error;
}

/** A core on :memory: whose clock reads `at` (the history's decisions must all lie in the past). */
export const coreAt = (at: string, file?: string): Promise<Core> =>
  openCore({ dataDir: tempDir(), databaseFile: file ?? ':memory:', host: 'cli', now: fixedClock(at) });
