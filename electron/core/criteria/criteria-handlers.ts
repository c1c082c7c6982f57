import { criteriaChannels } from '../../../shared/api/channels/criteria';
import { actorOf, type AreaHandlers } from '../handlers';
import { getCriteriaSetVersion, listCriteriaSetVersions } from './criteria-repo';
import { criteriaClassification, exportCriteriaSet, importCriteriaSet, searchCriteria } from './criteria-service';

export const criteriaHandlers: AreaHandlers<typeof criteriaChannels> = {
  'criteria:list': async (input, ctx) =>
    (await listCriteriaSetVersions(ctx.db, { allVersions: input.allVersions })).map((s) => ({ ...s, used: s.locked })),
  'criteria:get': (input, ctx) => getCriteriaSetVersion(ctx.db, input.id),
  'criteria:search': (input, ctx) => searchCriteria(ctx, input),
  'criteria:import': (input, ctx, meta) => importCriteriaSet(ctx, input, actorOf(ctx, meta)),
  'criteria:export': (input, ctx) => exportCriteriaSet(ctx, input),
  'criteria:classification': (_input, ctx) => criteriaClassification(ctx),
};
