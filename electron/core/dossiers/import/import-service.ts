import { MAX_IMPORT_BYTES } from '../../../../shared/api/channels/dossiers';
import type { ImportResult } from '../../../../shared/api/channels/dossiers-fields';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { sha256Hex } from '../attachment-store';
import { auditDossier } from '../dossier-audit';
import { withTriggerErrors } from '../dossier-common';
import { applyPlan } from './import-apply';
import { importInvalid, planImport, type Action, type OnDuplicate } from './import-plan';
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

/**
 * Imports producers, products and registrations from one workbook, all or nothing: the file is
 * read and every row validated first; any error aborts with IMPORT_INVALID listing sheet, row,
 * column and what to fix, and the database is untouched. Then everything is written in one
 * transaction with one audit event naming the file's SHA-256 and every id created or updated.
 */
export async function importDossiers(
  ctx: CoreContext,
  actor: string,
  i: { contentBase64: string; fileName?: string; onDuplicate: OnDuplicate; dryRun: boolean },
): Promise<ImportResult> {
  const content = Buffer.from(i.contentBase64, 'base64');
  if (content.byteLength > MAX_IMPORT_BYTES) {
    throw new CoreError('PAYLOAD_TOO_LARGE', `The workbook is ${(content.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`, {
      size: content.byteLength,
      limit: MAX_IMPORT_BYTES,
    });
  }
  const fileSha256 = sha256Hex(content);
  const { sheets, errors } = await readWorkbook(content);
  if (errors.length > 0) throw importInvalid(errors);

  return withTriggerErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      const plan = await planImport(trx, sheets, i.onDuplicate);
      const result: ImportResult = {
        dryRun: i.dryRun,
        fileSha256,
        producers: count(plan.producers),
        products: count(plan.products),
        registrations: count(plan.registrations),
        roundsCreated: [...plan.rounds.values()].filter((r) => r.existingId === null).map((r) => ({ id: null, year: r.year, number: r.number })),
        duplicates: plan.duplicates.slice(0, 500),
      };
      if (i.dryRun) return result;
      const ids = await applyPlan(trx, ctx, actor, plan);
      result.roundsCreated = ids.rounds;
      await auditDossier(trx, ctx, {
        actor,
        action: 'dossiers.import',
        entity: 'import',
        entityId: null,
        after: { fileName: i.fileName ?? null, fileSha256, onDuplicate: i.onDuplicate, ...ids },
      });
      return result;
    }),
  );
}
