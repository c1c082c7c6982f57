/**
 * Background batches of a core: `documents:batchStart` loads the session's sheets on the main
 * thread (one read, a consistent snapshot) and hands them to a worker; status and cancel answer
 * at once; the finished PDF is written to <data dir>/exports and read back in chunks, because a
 * session's batch can be 100+ MB while one IPC message or HTTP answer should stay small.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../../../shared/api/errors';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import type { BatchWorkerInput } from './batch-protocol';
import { renderSheetsInWorker } from './worker-run';

export type BatchState = 'running' | 'done' | 'failed' | 'cancelled';

export interface BatchJob {
  id: string;
  sessionId: number;
  state: BatchState;
  done: number;
  total: number;
  /** Download name, e.g. "tat-ca-phieu-danh-gia-phien-12.pdf". */
  fileName: string;
  /** The finished PDF in the exports folder (state 'done'). */
  file: string | null;
  pages: number | null;
  bytes: number | null;
  error: { code: ErrorCode; message: string } | null;
  /** The finalization (seq) the sheets were printed from; null before finalization. */
  version: number | null;
  /** Resolves when the job ends, whatever the outcome. */
  ended: Promise<void>;
  abort: AbortController;
}

/** The finished PDF's name in exports/ (the desktop shell copies it from there when saving). */
export const batchFileOf = (jobId: string): string => `batch-${jobId}.pdf`;

/** One batch at a time per core: two would halve each other's speed on the 2-core office PCs. */
const MAX_RUNNING = 1;
/** Finished jobs remembered (and their files kept) so the secretary can save again. */
const KEEP_FINISHED = 3;

export class BatchJobs {
  private readonly jobs = new Map<string, BatchJob>();
  constructor(readonly exportsDir: string) {
    removeStaleBatches(exportsDir);
  }

  start(sessionId: number, fileName: string, input: BatchWorkerInput, version: number | null = null): BatchJob {
    const running = [...this.jobs.values()].filter((j) => j.state === 'running');
    if (running.length >= MAX_RUNNING) {
      const r = running[0]!;
      throw new CoreError(
        'CONFLICT',
        `A batch of sheets is already being printed (session ${r.sessionId}, ${r.done}/${r.total} sheets); wait for it or cancel it first`,
        { jobId: r.id },
      );
    }
    const abort = new AbortController();
    let end!: () => void;
    const job: BatchJob = {
      id: randomUUID(),
      sessionId,
      state: 'running',
      done: 0,
      total: input.sheets.length,
      fileName,
      file: null,
      pages: null,
      bytes: null,
      error: null,
      version,
      ended: new Promise<void>((r) => (end = r)),
      abort,
    };
    this.jobs.set(job.id, job);
    renderSheetsInWorker(input, { signal: abort.signal, onProgress: (done) => (job.done = done) })
      .then(async (r) => {
        fs.mkdirSync(this.exportsDir, { recursive: true });
        const file = path.join(this.exportsDir, batchFileOf(job.id));
        await fs.promises.writeFile(file, r.pdf);
        if (job.state !== 'running') return void fs.rmSync(file, { force: true }); // cancelled while writing
        Object.assign(job, { state: 'done', done: job.total, file, pages: r.pageCount, bytes: r.pdf.length });
      })
      .catch((e: unknown) => {
        if (job.state !== 'running') return;
        job.state = 'failed';
        job.error =
          e instanceof CoreError
            ? { code: e.code, message: e.message }
            : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
      })
      .finally(() => {
        this.forgetOld();
        end();
      });
    return job;
  }

  get(jobId: string): BatchJob {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new CoreError(
        'NOT_FOUND',
        `jobId: no batch ${jobId} (it finished long ago or the app was restarted); start the batch again`,
      );
    return job;
  }

  /** Stops a running job at once; a finished job is left as it is. */
  cancel(jobId: string): BatchJob {
    const job = this.get(jobId);
    if (job.state === 'running') {
      job.state = 'cancelled';
      job.abort.abort(new CoreError('FORBIDDEN_STATE', `The batch ${jobId} was cancelled`));
    }
    return job;
  }

  /** `length` bytes of the finished PDF from `offset`. */
  async read(jobId: string, offset: number, length: number): Promise<{ job: BatchJob; chunk: Buffer }> {
    const job = this.get(jobId);
    if (job.state !== 'done' || !job.file || job.bytes === null) {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `jobId: the batch is ${job.state} (${job.done}/${job.total} sheets); its PDF can be read only once it is done`,
      );
    }
    if (offset > job.bytes)
      throw new CoreError('VALIDATION', `offset: ${offset} is past the end of the PDF (${job.bytes} bytes)`);
    const fh = await fs.promises.open(job.file, 'r');
    try {
      const chunk = Buffer.alloc(Math.min(length, job.bytes - offset));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, offset);
      return { job, chunk: chunk.subarray(0, bytesRead) };
    } catch (e) {
      throw new CoreError(
        'IO',
        `Cannot read the printed batch ${job.file}: ${e instanceof Error ? e.message : String(e)}; start the batch again`,
      );
    } finally {
      await fh.close();
    }
  }

  /** Forgets a finished job and deletes its file (the CLI, once it has copied the PDF out). */
  discard(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job || job.state === 'running') return;
    if (job.file) fs.rmSync(job.file, { force: true });
    this.jobs.delete(jobId);
  }

  /** Cancels everything (core closing, tests). */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.state === 'running');
    for (const j of running) this.cancel(j.id);
    await Promise.all(running.map((j) => j.ended));
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      if (j.file) fs.rmSync(j.file, { force: true });
      this.jobs.delete(j.id);
    }
  }
}

/** Batch files older than a day are left over from a run that ended (the app quit, a crash). */
const STALE_MS = 24 * 60 * 60 * 1000;

function removeStaleBatches(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // no exports folder yet
  }
  const cutoff = Date.now() - STALE_MS;
  for (const n of names.filter((x) => /^batch-[0-9a-f-]{36}\.pdf$/u.test(x))) {
    const file = path.join(dir, n);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // A file another process removed meanwhile: nothing to do.
    }
  }
}

const perCore = new WeakMap<CoreContext, BatchJobs>();

/** The jobs of one core (one database, one data folder). */
export function batchJobsOf(ctx: CoreContext): BatchJobs {
  let jobs = perCore.get(ctx);
  if (!jobs) perCore.set(ctx, (jobs = new BatchJobs(path.join(ctx.paths.dataDir, 'exports'))));
  return jobs;
}
