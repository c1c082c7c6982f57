import type { documentsChannels } from '../../../shared/api/channels/documents';
import type { AreaHandlers } from '../handlers';
import { batchJobsOf } from './batch/batch-jobs';
import { readBatchResult, startBatch, statusOf } from './batch/batch-service';
import { documentFontStatus } from './document-font';
import { renderFromSession } from './from-session/render-from-session';

export const documentsHandlers: AreaHandlers<typeof documentsChannels> = {
  'documents:render': (input, ctx) => renderFromSession(ctx, input),
  'documents:fontStatus': (_input, ctx) => documentFontStatus(ctx),
  'documents:batchStart': (input, ctx) => startBatch(ctx, input.sessionId, input.newLeaf),
  'documents:batchStatus': async (input, ctx) => statusOf(batchJobsOf(ctx).get(input.jobId)),
  'documents:batchCancel': async (input, ctx) => statusOf(batchJobsOf(ctx).cancel(input.jobId)),
  'documents:batchResult': (input, ctx) => readBatchResult(ctx, input.jobId, input.offset),
};
