import type { councilsChannels } from '../../../shared/api/channels/councils';
import { read, write, type AreaHandlers } from '../handlers';
import {
  addMember,
  changeMember,
  correctMember,
  createCouncil,
  endMember,
  getCouncilDetail,
  listCouncils,
  reorderMembers,
  setCouncilRules,
  updateCouncil,
} from './council-service';

export const councilsHandlers: AreaHandlers<typeof councilsChannels> = {
  'councils:list': read(listCouncils),
  'councils:get': read(getCouncilDetail),
  'councils:create': write(createCouncil),
  'councils:update': write(updateCouncil),
  'councils:setRules': write(setCouncilRules),
  'councils:addMember': write(addMember),
  'councils:correctMember': write(correctMember),
  'councils:endMember': write(endMember),
  'councils:changeMember': write(changeMember),
  'councils:reorderMembers': write(reorderMembers),
};
