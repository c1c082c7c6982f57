import { roundsChannels } from '../../../shared/api/channels/rounds';
import type { AreaHandlers } from '../handlers';
import { roundDetail } from './round-repo';
import { updateRound } from './round-service';

export const roundsHandlers: AreaHandlers<typeof roundsChannels> = {
  'rounds:get': (input, ctx) => roundDetail(ctx.db, input.id),
  'rounds:update': (input, ctx, meta) => updateRound(ctx, meta, input),
};
