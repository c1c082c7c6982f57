import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { CallMeta } from '../handlers';

/** Who the audit log names for everything the training dataset writes. */
export const DEMO_ACTOR = 'Dữ liệu tập huấn';

/**
 * The core's entry point (`invoke` of api.ts), handed to the training dataset by api.ts when it
 * builds the demo handlers: the demo does not import api.ts, which imports the demo (no import cycle,
 * .dependency-cruiser.cjs).
 */
export type Invoke = <C extends Channel>(
  ctx: CoreContext,
  channel: C,
  input: ChannelInput<C>,
  meta: CallMeta,
) => Promise<Envelope<ChannelOutput<C>>>;

/**
 * The demo writes through the public channels, exactly as the UI would: every row passes the
 * same validation and gets the same audit event. A failure names the channel.
 */
export interface DemoRun {
  ctx: CoreContext;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export function demoRun(ctx: CoreContext, invoke: Invoke): DemoRun {
  return {
    ctx,
    async call(channel, input) {
      const r = await invoke(ctx, channel, input, { actor: DEMO_ACTOR });
      if (!r.ok) throw new CoreError(r.error.code, `Training dataset: ${channel} failed: ${r.error.message}`, r.error.details);
      return r.value;
    },
  };
}
