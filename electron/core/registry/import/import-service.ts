import { createHash } from 'node:crypto';
import { autoBackup } from '../../backup/backup-service';
import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../../../shared/api/contract';
import type { RegistryImportResult } from '../../../../shared/api/channels/registry';
import { MAX_IMPORT_BYTES } from '../../../../shared/api/channels/dossiers';
import type { ImportRowError } from '../../../../shared/api/fields';
import { foldForSearch } from '../../../../shared/text/normalize';
import { auditHead } from '../../audit/audit-repo';
import { vnToday } from '../../../../shared/ocop/vn-time';
import { CoreError } from '../../errors';
import type { Db, EntryRow } from '../entry-repo';
import { entryColumns } from '../entry-values';
import { runWrite, type Call, type Write } from '../../handlers';
import { parseRow, type ParsedRow } from './parse-row';
import { loadDbIndex, planEntries, reviewSectors, summarize, type Plan, type Ref } from './plan';
import { readEntriesSheet } from './read';
import { buildWorkbook, TEMPLATE_FILE_NAME } from './template';

/**
 * Imports a province's earlier lists, all or nothing: the workbook is read and every row checked
 * first; any problem aborts with IMPORT_INVALID listing sheet, row, column and what to fix (sector
 * texts that need the office's confirmation included), and nothing is written. A dry run answers
 * with what would happen, including how each sector text is classified. The write is one
 * transaction with one audit event; rows already in the registry unchanged are left alone, so
 * importing the same file again changes nothing (no audit event either).
 */

export async function registryTemplate(): Promise<{ fileName: string; contentBase64: string }> {
  return { fileName: TEMPLATE_FILE_NAME, contentBase64: (await buildWorkbook()).toString('base64') };
}

const invalid = (errors: ImportRowError[], extra: Record<string, unknown> = {}): CoreError =>
  new CoreError(
    'IMPORT_INVALID',
    `The file has ${errors.length} problem(s); nothing was imported. First: ${errors
      .slice(0, 3)
      .map((e) => `${e.sheet ?? ''}${e.row ? ` row ${e.row}` : ''}${e.sheet || e.row ? ': ' : ''}${e.message}`)
      .join('; ')}`,
    { errors: errors.slice(0, 500), total: errors.length, ...extra },
  );

function decode(contentBase64: string): Buffer {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.byteLength > MAX_IMPORT_BYTES) {
    throw new CoreError(
      'PAYLOAD_TOO_LARGE',
      `The workbook is ${(content.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`,
      { size: content.byteLength, limit: MAX_IMPORT_BYTES },
    );
  }
  return content;
}

async function makePlan(
  db: Db,
  sheet: string,
  rows: ParsedRow[],
  input: ChannelParsedInput<'registry:import'>,
  at: string,
): Promise<{ plan: Plan; errors: ImportRowError[] }> {
  const saved = await db
    .selectFrom('registry_sector_choice')
    .select(['legal_basis', 'text_folded', 'nganh_no', 'nhom'])
    .execute();
  const sectors = reviewSectors(rows, saved, input.sectorChoices, sheet);
  const dbRows = await loadDbIndex(db);
  const keys = [...new Set(dbRows.filter((d) => d.import_key !== null).map((d) => d.import_key!))];
  const existing = new Map<string, EntryRow>();
  if (keys.length > 0) {
    const full = await db.selectFrom('registry_entry').selectAll().where('import_key', 'is not', null).execute();
    for (const r of full) existing.set(r.import_key!, r);
  }
  const planned = planEntries(rows, sheet, sectors.classes, dbRows, existing, input.onDuplicate, at);
  return {
    plan: {
      sheet,
      entries: planned.entries,
      order: planned.order,
      sectors: sectors.reviews,
      newChoices: sectors.newChoices,
      unlinked: planned.unlinked,
    },
    errors: [...sectors.errors, ...planned.errors],
  };
}

type SqlValue = string | number | null;

/** Prepared statements: Kysely compiles each statement anew (~1 ms), too slow for 20,000 rows (see dossiers bulk-insert.ts). */
class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly sqlite: Database.Database) {}
  insert(row: Record<string, SqlValue>): number {
    const cols = Object.keys(row);
    const k = `i:${cols.join(',')}`;
    let st = this.cache.get(k);
    if (!st) {
      st = this.sqlite.prepare(`INSERT INTO registry_entry (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      this.cache.set(k, st);
    }
    return Number(st.run(row).lastInsertRowid);
  }
  update(id: number, row: Record<string, SqlValue>): void {
    const cols = Object.keys(row);
    const k = `u:${cols.join(',')}`;
    let st = this.cache.get(k);
    if (!st) {
      st = this.sqlite.prepare(`UPDATE registry_entry SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`);
      this.cache.set(k, st);
    }
    st.run({ ...row, __id: id });
  }
  get(sql: string) {
    let st = this.cache.get(sql);
    if (!st) this.cache.set(sql, (st = this.sqlite.prepare(sql)));
    return st;
  }
}

async function writePlan(
  w: Write,
  plan: Plan,
  fileSha256: string,
  fileName: string,
): Promise<{ importId: number; superseded: number }> {
  const at = w.at.toISOString();
  const counts = summarize(plan, false, fileSha256, null);
  const importId = Number(
    (
      await w.trx
        .insertInto('registry_import')
        .values({
          file_sha256: fileSha256,
          file_name: fileName,
          imported_at: at,
          actor: w.actor,
          rows: counts.rows,
          created: counts.created,
          updated: counts.updated,
          unchanged: counts.unchanged,
        })
        .executeTakeFirstOrThrow()
    ).insertId,
  );
  for (const c of plan.newChoices) {
    await w.trx
      .insertInto('registry_sector_choice')
      .values({
        legal_basis: c.legalBasis,
        text_folded: foldForSearch(c.text),
        text: c.text,
        nganh_no: c.nganhNo,
        nhom: c.nhom ?? null,
        chosen_at: at,
        chosen_by: w.actor,
      })
      .onConflict((oc) =>
        oc
          .columns(['legal_basis', 'text_folded'])
          .doUpdateSet({ nganh_no: c.nganhNo, nhom: c.nhom ?? null, chosen_at: at, chosen_by: w.actor }),
      )
      .execute();
  }
  const st = new Statements(w.ctx.sqlite);
  const ids = new Map<number, number>();
  for (const p of plan.entries) if (p.existingId !== null) ids.set(p.index, p.existingId);
  const idOf = (ref: Ref | null): number | null => (ref === null ? null : 'db' in ref ? ref.db : (ids.get(ref.file) ?? null));
  let superseded = 0;
  const stateOf = st.get('SELECT state, superseded_by_id FROM registry_entry WHERE id = ?');
  for (const i of plan.order) {
    const p = plan.entries[i]!;
    if (p.action !== 'create' && p.action !== 'update') continue;
    const successor = p.supersededBy === null ? null : (ids.get(p.supersededBy) ?? null);
    const cols = entryColumns(
      {
        ...p.facts,
        importId,
        followsId: idOf(p.follows),
        supersededById: successor,
      },
      at,
    ) as Record<string, SqlValue>;
    if (p.action === 'create') ids.set(i, st.insert({ ...cols, created_at: at }));
    else st.update(p.existingId!, cols);
    // This row's decision stops the certificate it follows (unless that one was revoked first).
    if (p.supersedes) {
      const target = idOf(p.supersedes.target);
      if (target === null) continue;
      const cur = stateOf.get(target) as { state: string; superseded_by_id: number | null } | undefined;
      if (cur?.state === 'recognised') {
        st.update(target, { state: 'superseded', ended_on: p.supersedes.endedOn, superseded_by_id: ids.get(i)!, updated_at: at });
        superseded++;
      } else if (cur && (cur.state === 'superseded' || cur.state === 'revoked') && cur.superseded_by_id === null) {
        st.update(target, { superseded_by_id: ids.get(i)!, updated_at: at });
      }
    }
  }
  return { importId, superseded };
}

export async function importRegistry(call: Call, input: ChannelParsedInput<'registry:import'>): Promise<RegistryImportResult> {
  const content = decode(input.contentBase64);
  const fileSha256 = createHash('sha256').update(content).digest('hex');
  const read = await readEntriesSheet(content);
  if (read.errors.length > 0) throw invalid(read.errors);
  const today = vnToday(call.ctx.now());
  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  for (const raw of read.rows) {
    const r = parseRow(raw, read.sheet, today);
    if (r.row) rows.push(r.row);
    errors.push(...r.errors);
  }
  const at = call.ctx.now().toISOString();
  const head = await auditHead(call.ctx.db);
  let { plan, errors: planErrors } = await makePlan(call.ctx.db, read.sheet, rows, input, at);
  // Row errors first, then what the whole file needs (sectors to confirm).
  const all = [...errors, ...(errors.length > 0 ? planErrors.filter((e) => !e.code?.startsWith('sector_')) : planErrors)];
  if (all.length > 0 && !(input.dryRun && errors.length === 0 && all.every((e) => e.code?.startsWith('sector_')))) {
    throw invalid(all, { sectors: plan.sectors });
  }
  if (input.dryRun) return summarize(plan, true, fileSha256, null);
  const writes = plan.entries.some((e) => e.action === 'create' || e.action === 'update') || plan.newChoices.length > 0;
  if (!writes) return summarize(plan, false, fileSha256, null);
  await autoBackup(call.ctx, 'import');
  return runWrite(call, async (w) => {
    if ((await auditHead(w.trx)) !== head) {
      ({ plan, errors: planErrors } = await makePlan(w.trx, read.sheet, rows, input, at));
      if (planErrors.length > 0) throw invalid(planErrors, { sectors: plan.sectors });
    }
    const { importId, superseded } = await writePlan(w, plan, fileSha256, input.fileName ?? '');
    const result = summarize(plan, false, fileSha256, importId);
    await w.audit({
      action: 'registry.import',
      entity: 'registry_import',
      entityId: importId,
      after: {
        fileName: input.fileName ?? null,
        fileSha256,
        rows: result.rows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        skipped: result.skipped,
        superseded,
        sectorChoices: plan.newChoices.length,
      },
    });
    return result;
  });
}
