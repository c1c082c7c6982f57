import type { documentsChannels } from '../../../shared/api/channels/documents';
import { read, task, type AreaHandlers } from '../handlers';
import { batchStatus, cancelBatch, readBatchResult, startBatch } from './batch/batch-service';
import { documentFontStatus } from './document-font';
import { renderFromSession } from './from-session/render-from-session';

export const documentsHandlers: AreaHandlers<typeof documentsChannels> = {
  'documents:render': read(renderFromSession),
  'documents:fontStatus': read((ctx) => documentFontStatus(ctx)),
  'documents:batchStart': task(startBatch),
  'documents:batchStatus': read(batchStatus),
  'documents:batchCancel': task(cancelBatch),
  'documents:batchResult': read(readBatchResult),
};
