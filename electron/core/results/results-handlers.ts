import type { resultsChannels } from '../../../shared/api/channels/results';
import { read, task, write, type AreaHandlers } from '../handlers';
import { finalizeSession, reopenSession, verifyFinalizations } from './finalize-service';
import { productDetail } from './product-detail';
import { sessionResults, sessionSensitivity } from './results-service';

export const resultsHandlers: AreaHandlers<typeof resultsChannels> = {
  'results:session': read((ctx, input) => sessionResults(ctx, input.sessionId, input.marginPoints)),
  'results:product': read((ctx, input) => productDetail(ctx, input.sessionId, input.registrationId, input.marginPoints)),
  'results:sensitivity': read((ctx, input) => sessionSensitivity(ctx, input.sessionId, input.marginPoints, input.registrationId)),
  // A task: the automatic backup is taken before the finalization's transaction (finalize-service.ts).
  'results:finalize': task((call, input) => finalizeSession(call, input)),
  'results:reopen': write((w, input) => reopenSession(w, input)),
  'results:verify': read((ctx, input) => verifyFinalizations(ctx, input.sessionId)),
};
