import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './envelope';

/** What the preload exposes as `window.ocop` (type-only: the preload imports nothing at run time). */
export interface OcopBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
}
