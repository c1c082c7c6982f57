/** The documents:batch* channels: all scoring sheets of a session as one PDF, in the background. */
import type { BatchResultOutput, BatchStatus } from '../../../../shared/api/channels/documents';
import type { ChannelParsedInput } from '../../../../shared/api/contract';
import type { CoreContext } from '../../context';
import type { Call } from '../../handlers';
import { documentFontOptions } from '../document-font';
import { pinnedCreationDate } from '../from-session/render-from-session';
import { loadDocumentFacts } from '../from-session/document-facts';
import { sessionSheetsData } from '../from-session/session-sheets';
import { batchJobsOf, type BatchJob } from './batch-jobs';

/** 8 MiB of PDF a call: about 11 MB of base64, far below the bridge's and IPC's comfortable sizes. */
export const BATCH_CHUNK_BYTES = 8 * 1024 * 1024;

export const batchFileName = (sessionId: number): string => `tat-ca-phieu-danh-gia-phien-${sessionId}.pdf`;

export function statusOf(job: BatchJob): BatchStatus {
  return {
    jobId: job.id,
    sessionId: job.sessionId,
    state: job.state,
    done: job.done,
    total: job.total,
    percent: job.total === 0 ? 100 : Math.floor((job.done * 100) / job.total),
    fileName: job.fileName,
    pages: job.pages,
    bytes: job.bytes,
    error: job.error,
  };
}

type In<C extends 'documents:batchStart' | 'documents:batchStatus' | 'documents:batchCancel' | 'documents:batchResult'> =
  ChannelParsedInput<C>;

/** Starts the session's batch in a worker; the job writes its file itself (a task, no transaction). */
export async function startBatch(call: Call, input: In<'documents:batchStart'>): Promise<BatchStatus> {
  const { ctx } = call;
  const { sessionId, newLeaf } = input;
  const f = await loadDocumentFacts(ctx, sessionId);
  const sheets = await sessionSheetsData(ctx, f);
  const job = batchJobsOf(ctx).start(
    sessionId,
    batchFileName(sessionId),
    {
      sheets,
      lang: f.t.lang,
      font: await documentFontOptions(ctx),
      createdAt: pinnedCreationDate(f).toISOString(),
      newLeaf,
    },
    f.integrity?.version ?? null,
  );
  return statusOf(job);
}

export const batchStatus = (ctx: CoreContext, input: In<'documents:batchStatus'>): BatchStatus =>
  statusOf(batchJobsOf(ctx).get(input.jobId));

/** Stops a running job (a task: it changes the job, not the database). */
export const cancelBatch = (call: Call, input: In<'documents:batchCancel'>): BatchStatus =>
  statusOf(batchJobsOf(call.ctx).cancel(input.jobId));

export async function readBatchResult(ctx: CoreContext, input: In<'documents:batchResult'>): Promise<BatchResultOutput> {
  const { jobId, offset } = input;
  const { job, chunk } = await batchJobsOf(ctx).read(jobId, offset, BATCH_CHUNK_BYTES);
  const next = offset + chunk.length;
  return {
    jobId,
    fileName: job.fileName,
    pages: job.pages!,
    totalBytes: job.bytes!,
    offset,
    chunkBase64: chunk.toString('base64'),
    nextOffset: next < job.bytes! ? next : null,
  };
}
