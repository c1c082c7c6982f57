import type { ImportJobStatus } from '../../../../shared/api/channels/dossiers-import-job';
import type { ChannelParsedInput } from '../../../../shared/api/contract';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import type { Call } from '../../handlers';
import { decodeWorkbook, importDossiers, type ImportInput } from './import-service';

/**
 * Import jobs in the main process: the import runs in the background of the same event loop
 * (parse and validation yield every few hundred rows with setImmediate, so the app keeps
 * answering), and the UI polls its status. Jobs live in memory only: they are progress reports,
 * not data; the import itself is recorded by its audit event. Independent of the documents
 * area's worker-thread runner on purpose: an import must write through this process's
 * connection, in one transaction.
 */

interface Job {
  status: ImportJobStatus;
}

/** Stops the validation at the next checkpoint when the user cancels. */
class ImportCancelled extends Error {}

/** Finished jobs kept for a late poll; the oldest finished ones go first. */
const KEEP_FINISHED = 20;
const registry = new WeakMap<CoreContext, Map<string, Job>>();
let counter = 0;

const jobsOf = (ctx: CoreContext): Map<string, Job> => {
  let jobs = registry.get(ctx);
  if (!jobs) registry.set(ctx, (jobs = new Map()));
  return jobs;
};

const finished = (s: ImportJobStatus): boolean => s.phase === 'done' || s.phase === 'failed' || s.phase === 'cancelled';

function prune(jobs: Map<string, Job>): void {
  const done = [...jobs.values()].filter((j) => finished(j.status));
  for (const j of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) jobs.delete(j.status.jobId);
}

/** A little more than the UI's polling interval. */
const WRITE_ANNOUNCE_MS = 250;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Starts an import job and answers at once; a file over the size limit is refused here, before any job exists. */
export function startImportJob(call: Call, i: ImportInput): { jobId: string } {
  const { ctx } = call;
  decodeWorkbook(i.contentBase64);
  const jobs = jobsOf(ctx);
  prune(jobs);
  const jobId = `imp-${++counter}-${Date.now().toString(36)}`;
  const job: Job = {
    status: {
      jobId,
      fileName: i.fileName ?? null,
      dryRun: i.dryRun,
      phase: 'parse',
      done: 0,
      total: 0,
      rows: null,
      cancelRequested: false,
      startedAt: ctx.now().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    },
  };
  jobs.set(jobId, job);
  const s = job.status;
  const hooks = {
    phase: (phase: 'parse' | 'validate' | 'write', total: number, rows?: ImportJobStatus['rows']) => {
      s.phase = phase;
      s.total = total;
      s.done = phase === 'write' ? 0 : s.done;
      if (rows) s.rows = rows;
    },
    progress: async (done: number) => {
      s.done = done;
      if (s.cancelRequested) throw new ImportCancelled();
      await yieldToEventLoop();
      if (s.cancelRequested) throw new ImportCancelled();
    },
    // The write transaction holds the event loop until it commits: give the UI (polling every
    // 200 ms) time to see "writing" first, so it does not sit on "validating" for that long.
    beforeWrite: () => new Promise<void>((resolve) => setTimeout(resolve, WRITE_ANNOUNCE_MS)),
  };
  // Let the caller get its answer (the job id) before the first piece of work.
  void yieldToEventLoop()
    .then(() => importDossiers(call, i, hooks))
    .then(
      (result) => {
        s.result = result;
        s.done = s.total;
        s.phase = 'done';
      },
      (e: unknown) => {
        if (e instanceof ImportCancelled) s.phase = 'cancelled';
        else {
          s.phase = 'failed';
          s.error =
            e instanceof CoreError
              ? { code: e.code, message: e.message, details: e.details }
              : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
        }
      },
    )
    .finally(() => {
      s.finishedAt = ctx.now().toISOString();
    });
  return { jobId };
}

function jobOf(ctx: CoreContext, jobId: string): Job {
  const job = jobsOf(ctx).get(jobId);
  if (!job)
    throw new CoreError(
      'NOT_FOUND',
      `jobId: no import job "${jobId}" (jobs are kept in memory until the app closes); start the import again`,
      { field: 'jobId', jobId },
    );
  return job;
}

/** A copy of the job's status (the live object keeps changing). */
export const importJobStatus = (ctx: CoreContext, { jobId }: ChannelParsedInput<'dossiers:importStatus'>): ImportJobStatus =>
  structuredClone(jobOf(ctx, jobId).status);

/** Asks a job still parsing or validating to stop; nothing has been written then. */
export function cancelImportJob(call: Call, { jobId }: ChannelParsedInput<'dossiers:importCancel'>): ImportJobStatus {
  const s = jobOf(call.ctx, jobId).status;
  if (s.phase === 'write' || finished(s)) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `jobId: import ${jobId} is ${s.phase === 'write' ? 'already writing (one transaction, all or nothing)' : `already ${s.phase}`}; it can no longer be cancelled`,
      {
        field: 'jobId',
        phase: s.phase,
      },
    );
  }
  s.cancelRequested = true;
  return structuredClone(s);
}
