import type { documentsChannels, DocumentVerification } from '../../../shared/api/channels/documents';
import { CoreError } from '../errors';
import type { AreaHandlers } from '../handlers';
import { openFinalization } from '../results/finalization-repo';
import { batchJobsOf } from './batch/batch-jobs';
import { readBatchResult, startBatch, statusOf } from './batch/batch-service';
import { documentFontStatus } from './document-font';
import { renderFromSession } from './from-session/render-from-session';
import { readPdfAnchors } from './integrity/anchor';

export const documentsHandlers: AreaHandlers<typeof documentsChannels> = {
  'documents:render': (input, ctx) => renderFromSession(ctx, input),
  'documents:fontStatus': (_input, ctx) => documentFontStatus(ctx),
  'documents:batchStart': (input, ctx) => startBatch(ctx, input.sessionId),
  'documents:batchStatus': async (input, ctx) => statusOf(batchJobsOf(ctx).get(input.jobId)),
  'documents:batchCancel': async (input, ctx) => statusOf(batchJobsOf(ctx).cancel(input.jobId)),
  'documents:batchResult': (input, ctx) => readBatchResult(ctx, input.jobId, input.offset),
  'documents:verify': async (input, ctx): Promise<DocumentVerification> => {
    const pdf = new Uint8Array(Buffer.from(input.pdfBase64, 'base64'));
    if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
      throw new CoreError(
        'VALIDATION',
        'pdfBase64: the file is not a PDF (it does not start with %PDF-); choose the PDF the app printed',
      );
    }
    const reading = await readPdfAnchors(pdf);
    const first = reading.pages.find((p) => p !== null) ?? null;
    const pagesWithout = reading.pages.flatMap((p, i) => (p === null ? [i + 1] : []));
    const sessionId = first && /^\d+$/u.test(first.sessionRef) ? Number(first.sessionRef) : null;
    const base = { pageCount: reading.pageCount, sessionId, printedDigest: first?.digestPrefix ?? null, pagesWithout };
    if (!first || sessionId === null) return { ok: false, reason: 'no-digest', currentDigest: null, ...base };
    const current = await openFinalization(ctx.db, sessionId);
    if (!current) return { ok: false, reason: 'not-finalized', currentDigest: null, ...base };
    const same = (a: typeof first) =>
      a.sessionRef === first.sessionRef && a.version === first.version && a.digestPrefix === first.digestPrefix;
    if (pagesWithout.length > 0 || !reading.pages.every((p) => p !== null && same(p)))
      return { ok: false, reason: 'pages-differ', currentDigest: current.results_digest, ...base };
    const ok =
      current.results_digest.toUpperCase().startsWith(first.digestPrefix) &&
      (first.version === null || first.version === current.seq);
    return { ok, reason: ok ? null : 'digest-differs', currentDigest: current.results_digest, ...base };
  },
};
