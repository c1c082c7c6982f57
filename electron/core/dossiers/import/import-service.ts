import { MAX_IMPORT_BYTES } from '../../../../shared/api/channels/dossiers';
import { autoBackup } from '../../backup/backup-service';
import type { ImportResult } from '../../../../shared/api/channels/dossiers-fields';
import { auditHead } from '../../audit/audit-repo';
import { CoreError } from '../../errors';
import { runWrite, type Call } from '../../handlers';
import { sha256Hex } from '../attachment-store';
import { withTriggerErrors } from '../dossier-common';
import { applyPlan } from './import-apply';
import { importInvalid, planImport, type Action, type ImportPlan, type OnDuplicate, type PlanProgress } from './import-plan';
import { SHEET_PRODUCERS, SHEET_PRODUCTS, SHEET_REGISTRATIONS } from './xlsx-columns';
import { readWorkbook } from './xlsx-read';
import { buildTemplate, TEMPLATE_FILE_NAME } from './xlsx-template';

export async function dossiersTemplate(): Promise<{ fileName: string; contentBase64: string }> {
  return { fileName: TEMPLATE_FILE_NAME, contentBase64: (await buildTemplate()).toString('base64') };
}

const count = (xs: { action: Action }[]) => ({
  created: xs.filter((x) => x.action === 'create').length,
  updated: xs.filter((x) => x.action === 'update').length,
  skipped: xs.filter((x) => x.action === 'skip').length,
});

export interface ImportInput {
  contentBase64: string;
  fileName?: string;
  onDuplicate: OnDuplicate;
  dryRun: boolean;
}

/** What an import job follows: the phase with its size, and rows validated (progress may throw to cancel). */
export interface ImportHooks {
  phase: (
    phase: 'parse' | 'validate' | 'write',
    total: number,
    rows?: { producers: number; products: number; registrations: number },
  ) => void;
  progress: PlanProgress;
  /** Called once the write phase is announced, before the transaction holds the event loop. */
  beforeWrite?: () => Promise<void>;
}

/** Refuses a workbook over the size limit, with both sizes in the message. */
export function decodeWorkbook(contentBase64: string): Buffer {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.byteLength > MAX_IMPORT_BYTES) {
    throw new CoreError(
      'PAYLOAD_TOO_LARGE',
      `The workbook is ${(content.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`,
      {
        size: content.byteLength,
        limit: MAX_IMPORT_BYTES,
      },
    );
  }
  return content;
}

const writesOf = (plan: ImportPlan): number =>
  [...plan.producers, ...plan.products, ...plan.registrations].filter((x) => x.action !== 'skip').length;

/**
 * Imports producers, products and registrations from one workbook, all or nothing: the file is
 * read and every row validated first; any error aborts with IMPORT_INVALID listing sheet, row,
 * column and what to fix, and the database is untouched. Then everything is written in one
 * transaction with one audit event naming the file's SHA-256 and every id created or updated.
 *
 * Validation reads the database outside the write transaction, so a job can yield between rows
 * (the app keeps answering) without holding the connection. If anything was written meanwhile
 * (the audit chain's head moved: every data change appends an event), the plan is made again
 * inside the transaction, so what is written always matches the database it is written to.
 * The write itself never yields: other callers cannot slip statements into the transaction.
 *
 * A task (the automatic backup comes first, then one `runWrite`); `hooks` are the import job's
 * (import-jobs.ts), absent for the direct `dossiers:import` call.
 */
export async function importDossiers(call: Call, i: ImportInput, hooks?: ImportHooks): Promise<ImportResult> {
  const { ctx } = call;
  const content = decodeWorkbook(i.contentBase64);
  const fileSha256 = sha256Hex(content);
  hooks?.phase('parse', 0);
  const { sheets, errors } = await readWorkbook(content);
  if (errors.length > 0) throw importInvalid(errors);
  const rowsIn = (name: string): number => sheets.find((s) => s.name === name)?.rows.length ?? 0;
  const rows = {
    producers: rowsIn(SHEET_PRODUCERS),
    products: rowsIn(SHEET_PRODUCTS),
    registrations: rowsIn(SHEET_REGISTRATIONS),
  };
  hooks?.phase('validate', rows.producers + rows.products + rows.registrations, rows);

  const head = await auditHead(ctx.db);
  let plan = await planImport(ctx.db, sheets, i.onDuplicate, hooks?.progress);
  const summary = (p: ImportPlan): ImportResult => ({
    dryRun: i.dryRun,
    fileSha256,
    producers: count(p.producers),
    products: count(p.products),
    registrations: count(p.registrations),
    roundsCreated: [...p.rounds.values()]
      .filter((r) => r.existingId === null)
      .map((r) => ({ id: null, year: r.year, number: r.number })),
    duplicates: p.duplicates.slice(0, 500),
  });
  if (i.dryRun) return summary(plan);
  // Last chance to cancel: from here on the import is one transaction.
  await hooks?.progress(rows.producers + rows.products + rows.registrations);
  hooks?.phase('write', writesOf(plan));
  await hooks?.beforeWrite?.();
  await autoBackup(ctx, 'import');

  return withTriggerErrors(() =>
    runWrite(call, async (w) => {
      if ((await auditHead(w.trx)) !== head) plan = await planImport(w.trx, sheets, i.onDuplicate);
      const result = summary(plan);
      const ids = await applyPlan(w, plan);
      result.roundsCreated = ids.rounds;
      await w.audit({
        action: 'dossiers.import',
        entity: 'import',
        entityId: null,
        after: { fileName: i.fileName ?? null, fileSha256, onDuplicate: i.onDuplicate, ...ids },
      });
      return result;
    }),
  );
}
