import { criteriaChannels } from '../../../shared/api/channels/criteria';
import { read, task, type AreaHandlers } from '../handlers';
import { getCriteriaSetVersion } from './criteria-repo';
import {
  criteriaClassification,
  exportCriteriaSet,
  importCriteriaSet,
  listCriteriaSets,
  searchCriteria,
} from './criteria-service';

export const criteriaHandlers: AreaHandlers<typeof criteriaChannels> = {
  'criteria:list': read((ctx, input) => listCriteriaSets(ctx, input)),
  'criteria:get': read((ctx, input) => getCriteriaSetVersion(ctx.db, input.id)),
  'criteria:search': read((ctx, input) => searchCriteria(ctx, input)),
  // A task: the file is parsed before the transaction opens (criteria-service.ts).
  'criteria:import': task((call, input) => importCriteriaSet(call, input)),
  'criteria:export': read((ctx, input) => exportCriteriaSet(ctx, input)),
  'criteria:classification': read((ctx) => criteriaClassification(ctx)),
};
