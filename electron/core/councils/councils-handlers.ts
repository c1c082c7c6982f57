import { councilsChannels } from '../../../shared/api/channels/councils';
import type { AreaHandlers } from '../handlers';
import { listCouncils } from './council-detail';
import {
  addMember,
  changeMember,
  correctMember,
  createCouncil,
  endMember,
  getCouncilDetail,
  reorderMembers,
  setCouncilRules,
  updateCouncil,
} from './council-service';
import { vietnamToday } from './today';

export const councilsHandlers: AreaHandlers<typeof councilsChannels> = {
  'councils:list': (input, ctx) => listCouncils(ctx.db, input, vietnamToday(ctx.now())),
  'councils:get': (input, ctx) => getCouncilDetail(ctx, input.id, input.onDate),
  'councils:create': (input, ctx, meta) => createCouncil(ctx, meta, input),
  'councils:update': (input, ctx, meta) => updateCouncil(ctx, meta, input),
  'councils:setRules': (input, ctx, meta) => setCouncilRules(ctx, meta, input),
  'councils:addMember': (input, ctx, meta) => addMember(ctx, meta, input),
  'councils:correctMember': (input, ctx, meta) => correctMember(ctx, meta, input),
  'councils:endMember': (input, ctx, meta) => endMember(ctx, meta, input),
  'councils:changeMember': (input, ctx, meta) => changeMember(ctx, meta, input),
  'councils:reorderMembers': (input, ctx, meta) => reorderMembers(ctx, meta, input),
};
