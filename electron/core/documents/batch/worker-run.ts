/** Runs one batch in a worker thread: progress out, cancellation in, the PDF back. */
import { Worker } from 'node:worker_threads';
import { CoreError } from '../../errors';
import type { BatchWorkerInput, BatchWorkerMessage } from './batch-protocol';
import { batchWorkerEntry } from './worker-entry';

export interface WorkerRunOptions {
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the worker at once (it holds no database or file to leave half-done). */
  signal?: AbortSignal;
}

export interface WorkerRunResult {
  pdf: Buffer;
  pageCount: number;
}

export function renderSheetsInWorker(input: BatchWorkerInput, opts: WorkerRunOptions = {}): Promise<WorkerRunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(opts.signal.reason as Error);
    const entry = batchWorkerEntry();
    const worker = new Worker(entry.url, { workerData: input, execArgv: entry.execArgv });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      settle(() => reject(opts.signal!.reason as Error));
      void worker.terminate();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: BatchWorkerMessage) => {
      if (m.type === 'progress') {
        if (!settled) opts.onProgress?.(m.done, m.total);
      } else if (m.type === 'done') {
        settle(() => resolve({ pdf: Buffer.from(m.pdf), pageCount: m.pageCount }));
        void worker.terminate();
      } else {
        settle(() => reject(new CoreError(m.code, m.message)));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => settle(() => reject(new CoreError('INTERNAL', `The batch worker failed: ${e.message}`))));
    worker.on('exit', (code) =>
      settle(() => reject(new CoreError('INTERNAL', `The batch worker stopped (exit code ${code}) before finishing the PDF`))),
    );
  });
}
