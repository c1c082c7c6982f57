import type { roomChannels } from '../../../shared/api/channels/room';
import { read, task, write, type AreaHandlers } from '../handlers';
import { heartbeat, newCode, revokeDevice, roomMe, roomStatus, startRoom, stopRoom } from './room-service';

export const roomHandlers: AreaHandlers<typeof roomChannels> = {
  'room:status': read((ctx, input) => roomStatus(ctx, input)),
  'room:interfaces': read((ctx) => ctx.lan?.interfaces() ?? []),
  // Start and stop open or close the listener around their transaction: tasks.
  'room:start': task((call, input) => startRoom(call, input)),
  'room:stop': task((call, input) => stopRoom(call, input)),
  'room:newCode': write((w) => newCode(w)),
  'room:revoke': write((w, input) => revokeDevice(w, input)),
  'room:me': task((call) => roomMe(call)),
  'room:heartbeat': write((w, input) => heartbeat(w, input)),
};
