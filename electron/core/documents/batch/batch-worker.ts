/**
 * Worker thread entry: renders all sheets of a session into one PDF (sheet-batch.ts) off the main
 * thread, so the app's window and the HTTP bridge keep answering while 2,700 sheets are drawn.
 * It touches no database: the main thread loads the sheets and passes them in workerData.
 * Built as one self-contained file (out/main/documents-batch-worker.cjs, scripts/packaging/worker-bundle.ts); run from source
 * with tsx (see worker-entry.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CoreError } from '../../errors';
import { documentT } from '../doc-t';
import type { BatchWorkerInput, BatchWorkerMessage } from './batch-protocol';
import { renderScoringSheetsBatch } from './sheet-batch';

/** At most ten progress messages a second: enough for a smooth bar, no flood of messages. */
const PROGRESS_EVERY_MS = 100;

const port = parentPort;
if (!port) throw new Error('batch-worker.ts runs only as a worker thread');
const post = (m: BatchWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function run(input: BatchWorkerInput): Promise<void> {
  let last = 0;
  const r = await renderScoringSheetsBatch(input.sheets, documentT(input.lang), {
    ...input.font,
    createdAt: new Date(input.createdAt),
    newLeaf: input.newLeaf ?? true,
    onProgress: (done, total) => {
      const now = Date.now();
      if (done === total || now - last >= PROGRESS_EVERY_MS) {
        last = now;
        post({ type: 'progress', done, total });
      }
    },
  });
  // A copy into a buffer of its own, whose ownership moves to the main thread without a second copy.
  const pdf = r.pdf.buffer.slice(r.pdf.byteOffset, r.pdf.byteOffset + r.pdf.byteLength) as ArrayBuffer;
  post({ type: 'done', pdf, pageCount: r.pageCount }, [pdf]);
}

run(workerData as BatchWorkerInput).catch((e: unknown) => {
  post({
    type: 'error',
    code: e instanceof CoreError ? e.code : 'INTERNAL',
    message: e instanceof Error ? e.message : String(e),
  });
});
