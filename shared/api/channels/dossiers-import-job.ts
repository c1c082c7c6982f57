import { z } from 'zod';
import { ImportResult } from './dossiers-fields';

/**
 * A bulk import run as a job: `dossiers:importStart` answers at once with a job id, the UI polls
 * `dossiers:importStatus` (every ~200 ms) for the phase and counts, and may cancel before the
 * write. Phases: parse (reading the workbook) → validate (row by row, `done` of `total` rows) →
 * write (one transaction, all or nothing) → done; or failed / cancelled.
 */
export const IMPORT_JOB_PHASES = ['parse', 'validate', 'write', 'done', 'failed', 'cancelled'] as const;
export const ImportJobPhase = z.enum(IMPORT_JOB_PHASES);
export type ImportJobPhase = z.infer<typeof ImportJobPhase>;

export const ImportJobId = z
  .string()
  .regex(/^imp-[0-9a-z-]{1,60}$/, 'jobId must be the id dossiers:importStart answered, e.g. "imp-1-…"');

export const ImportJobStatus = z.object({
  jobId: z.string(),
  fileName: z.string().nullable(),
  dryRun: z.boolean(),
  phase: ImportJobPhase,
  /** Rows validated so far (validate), rows to write (write), else 0. */
  done: z.number().int(),
  /** Rows of the phase: all data rows of the file for validate, rows written for write; 0 while parsing. */
  total: z.number().int(),
  /** Data rows found in each sheet once parsed. */
  rows: z.object({ producers: z.number().int(), products: z.number().int(), registrations: z.number().int() }).nullable(),
  cancelRequested: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: ImportResult.nullable(),
  /** Why it failed: the same code, message and details `dossiers:import` would have thrown. */
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;
