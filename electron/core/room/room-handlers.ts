import type { roomChannels } from '../../../shared/api/channels/room';
import { actorOf, type AreaHandlers } from '../handlers';
import { heartbeat, newCode, revokeDevice, roomMe, roomStatus, startRoom, stopRoom } from './room-service';

export const roomHandlers: AreaHandlers<typeof roomChannels> = {
  'room:status': (input, ctx) => roomStatus(ctx, input),
  'room:interfaces': (_input, ctx) => ctx.lan?.interfaces() ?? [],
  'room:start': (input, ctx, meta) => startRoom({ ctx, actor: actorOf(ctx, meta) }, input),
  'room:stop': (input, ctx, meta) => stopRoom({ ctx, actor: actorOf(ctx, meta) }, input),
  'room:newCode': (_input, ctx, meta) => newCode({ ctx, actor: actorOf(ctx, meta) }),
  'room:revoke': (input, ctx, meta) => revokeDevice({ ctx, actor: actorOf(ctx, meta) }, input),
  'room:me': (_input, ctx, meta) => roomMe(ctx, meta.device),
  'room:heartbeat': (input, ctx, meta) => heartbeat(ctx, meta.device, input.unsent),
};
