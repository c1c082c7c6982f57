import type { roundsChannels } from '../../../shared/api/channels/rounds';
import { read, write, type AreaHandlers } from '../handlers';
import { listRounds, roundDetail } from './round-repo';
import { createRound, updateRound } from './round-service';

export const roundsHandlers: AreaHandlers<typeof roundsChannels> = {
  'rounds:list': read((ctx) => listRounds(ctx.db)),
  'rounds:get': read((ctx, input) => roundDetail(ctx.db, input.id)),
  'rounds:create': write((w, input) => createRound(w, input)),
  'rounds:update': write((w, input) => updateRound(w, input)),
};
