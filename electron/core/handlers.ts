import type { ChannelDef } from '../../shared/api/define';
import type { z } from 'zod';
import type { CoreContext } from './context';
import type { DeviceIdentity } from './room/device-auth';

/** Per-call facts from the host: who is acting (the audit log's actor). */
export interface CallMeta {
  actor?: string;
  /** Set only by the meeting-room listener: the paired device making the call (room/device-auth.ts). */
  device?: DeviceIdentity;
}

export type Handler<D extends ChannelDef> = (
  input: z.output<D['input']>,
  ctx: CoreContext,
  meta: CallMeta,
) => Promise<z.input<D['output']>> | z.input<D['output']>;

/** The handlers of one area, one per channel of that area's contract. */
export type AreaHandlers<M extends Record<string, ChannelDef>> = { [K in keyof M]: Handler<M[K]> };

/** Who the audit log names: the caller's stated actor, the operator name from settings, or 'local'. */
export const actorOf = (ctx: CoreContext, meta: CallMeta): string => meta.actor ?? ctx.defaultActor;
