import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { invoke } from '../api';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';

/** Who the audit log names for everything the training dataset writes. */
export const DEMO_ACTOR = 'Dữ liệu tập huấn';

/**
 * The demo writes through the public channels, exactly as the UI would: every row passes the
 * same validation and gets the same audit event. A failure names the channel.
 */
export async function demoCall<C extends Channel>(
  ctx: CoreContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const r = await invoke(ctx, channel, input, { actor: DEMO_ACTOR });
  if (!r.ok) throw new CoreError(r.error.code, `Training dataset: ${channel} failed: ${r.error.message}`, r.error.details);
  return r.value;
}
