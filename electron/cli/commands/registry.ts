import fs from 'node:fs';
import path from 'node:path';
import type {
  DueItem,
  RegistryEntry,
  RegistryEntryDetail,
  RegistryImportResult,
  SectorChoiceInput,
  SectorReview,
} from '../../../shared/api/channels/registry';
import type { ImportRowError } from '../../../shared/api/fields';
import { isLegalBasisId } from '../../../shared/ocop/legal-basis';
import { isNganhNo } from '../../../shared/ocop/registry-sectors';
import { invoke } from '../../core/api';
import { CoreError } from '../../core/errors';
import type { CliCommand, CliRun } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

/**
 * `registry …`: the registry of OCOP products from the command line, through the same channels
 * as the app (list, show, import, export, template, the re-evaluation calendar, decisions, sync).
 */

const star = (n: number | null): string => (n === null ? '–' : `${n}★`);

function entryLine(e: RegistryEntry): string {
  const decision = e.decisionNo ? `${e.decisionNo} ${e.decisionDate}` : 'no decision';
  const validity = e.validTo ? ` valid ${e.validFrom}…${e.validTo}` : '';
  return `#${String(e.id).padEnd(6)} ${String(e.year)} ${star(e.star).padEnd(3)} ${e.status.padEnd(14)} ${e.productName} — ${e.producerName} (${e.communeLabel}) [${e.legalBasis}, ${e.kind}, ${decision}${validity}]`;
}

const listText = (p: { total: number; offset: number; on: string; rows: RegistryEntry[] }): string =>
  [
    ...p.rows.map(entryLine),
    `${p.rows.length === 0 ? 'No entries match.' : `Entries ${p.offset + 1}–${p.offset + p.rows.length}`} of ${p.total} (statuses on ${p.on}).`,
  ].join('\n');

function detailText(d: RegistryEntryDetail): string {
  const lines = [
    `Registry entry #${d.id} (${d.origin}${d.sourceRow ? `, row ${d.sourceRow}` : ''}${d.sessionId ? `, session ${d.sessionId}` : ''})`,
    `Product:    ${d.productName}${d.productCode ? ` [${d.productCode}]` : ''}`,
    `Producer:   ${d.producerName} (${d.producerKind ?? 'kind not recorded'})`,
    `Address:    ${[d.addressText, d.communeLabel, d.districtText, d.provinceName].filter(Boolean).join(', ')}`,
    `Sector:     ${d.sectorText} → ngành ${d.nganhNo ?? '?'}${d.nhom ? ` › ${d.nhom}` : ''} (${d.basisSector}, ${d.legalBasis})`,
    `Result:     ${star(d.star)}${d.scoreCenti !== null ? `, ${(d.scoreCenti / 100).toFixed(2).replace('.', ',')} points` : ''}, ${d.kind}${d.starChange ? ` (star ${d.starChange})` : ''}, year ${d.year}`,
    `State:      ${d.state} — ${d.status}`,
    `Decision:   ${d.decisionNo ?? '—'} ${d.decisionDate ?? ''} ${d.decisionSigner}`.trimEnd(),
    `Valid:      ${d.validFrom ?? '—'} to ${d.validTo ?? '—'}; re-evaluation window ${d.windowOpensOn ?? '—'} to ${d.windowClosesOn ?? '—'}`,
  ];
  if (d.revokedOn)
    lines.push(
      `Revoked:    ${d.revokedOn} (${d.revokeGround}) by ${d.revokeDecisionNo}${d.revokeNote ? `: ${d.revokeNote}` : ''}`,
    );
  if (d.pendingRegistration)
    lines.push(
      `Pending:    ${d.pendingRegistration.kind} ${d.pendingRegistration.registrationNo} (${d.pendingRegistration.roundName})`,
    );
  lines.push('History:', ...d.history.map((h) => `  ${h.id === d.id ? '>' : ' '} ${entryLine(h)}`));
  return lines.join('\n');
}

const dueText = (d: { on: string; horizonDays: number; items: DueItem[] }): string =>
  [
    `Re-evaluation calendar on ${d.on} (windows opening within ${d.horizonDays} days):`,
    ...d.items.map(
      (i) =>
        `  ${i.due.padEnd(8)} ${String(i.daysToExpiry).padStart(5)} d  #${i.entry.id} ${i.entry.productName} — ${i.entry.producerName} (${i.entry.communeLabel}), ${star(i.entry.star)}, expires ${i.entry.validTo}, window ${i.entry.windowOpensOn}…${i.entry.windowClosesOn}${i.pendingRegistration ? `, dossier ${i.pendingRegistration.registrationNo}` : ''}`,
    ),
    `${count(d.items.length, 'product')}.`,
  ].join('\n');

function importText(r: RegistryImportResult): string {
  return [
    r.dryRun
      ? 'Dry run: the file is valid; nothing was written.'
      : r.importId === null
        ? 'Nothing to change.'
        : `Imported (import #${r.importId}).`,
    `Rows: ${r.rows}; created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, skipped ${r.skipped}, already from sessions ${r.fromSessions}`,
    `By state: ${Object.entries(r.byState)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `Re-evaluations and upgrades linked: ${r.linked}${r.unlinked.length ? `; without an earlier recognition: ${r.unlinked.length}` : ''}`,
    ...sectorLines(r.sectors),
    `File SHA-256: ${r.fileSha256}`,
  ].join('\n');
}

function sectorLines(sectors: SectorReview[]): string[] {
  return [
    'Sectors:',
    ...sectors.map(
      (s) =>
        `  ${s.status.padEnd(9)} ${s.legalBasis} "${s.text}" (${count(s.rows, 'row')}) → ${
          s.match
            ? `ngành ${s.match.nganhNo}${s.match.nhom ? ` › ${s.match.nhom}` : ''}`
            : `choose: ${s.candidates.map((c) => c.nganhNo).join(' / ')}`
        }`,
    ),
  ];
}

/** "--sector '1048/QĐ-TTg|Lưu niệm - nội thất - trang trí=IV/Thủ công mỹ nghệ gia dụng, trang trí'". */
function parseSectorChoice(text: string): SectorChoiceInput {
  const m = /^(.+?)\|(.+)=([IV]+)(?:\/(.+))?$/u.exec(text.trim());
  if (!m || !isLegalBasisId(m[1]) || !isNganhNo(m[3])) {
    throw new CoreError(
      'VALIDATION',
      `--sector "${text}": write BASIS|TEXT=NGANH[/NHOM], e.g. --sector "1048/QĐ-TTg|Lưu niệm - nội thất - trang trí=IV/Thủ công mỹ nghệ gia dụng, trang trí"`,
    );
  }
  return { legalBasis: m[1], text: m[2]!, nganhNo: m[3], nhom: m[4] ?? null };
}

const errorLine = (e: ImportRowError) =>
  `  ${[e.sheet, e.row && `row ${e.row}`, e.column && `column "${e.column}"`].filter(Boolean).join(', ')}: ${e.message}`;

function listOf(v: unknown): string[] | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()) : undefined;
}

/** Filters shared by list and export. */
function filterOf(r: CliRun): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  const num = (k: string) => (typeof r.values[k] === 'string' ? Number(r.values[k]) : undefined);
  if (num('year') !== undefined) f.yearFrom = num('year');
  if (num('to') !== undefined || num('year') !== undefined) f.yearTo = num('to') ?? num('year');
  if (typeof r.values.on === 'string') f.on = r.values.on;
  if (typeof r.values.search === 'string') f.search = r.values.search;
  if (typeof r.values.commune === 'string') f.communeKey = r.values.commune;
  if (typeof r.values.district === 'string') f.district = r.values.district;
  const stars = listOf(r.values.star);
  if (stars) f.stars = stars.map(Number);
  const statuses = listOf(r.values.status);
  if (statuses) f.statuses = statuses;
  const states = listOf(r.values.state);
  if (states) f.states = states;
  return f;
}

const FILTER_OPTIONS = {
  year: { type: 'string' },
  to: { type: 'string' },
  on: { type: 'string' },
  search: { type: 'string' },
  commune: { type: 'string' },
  district: { type: 'string' },
  star: { type: 'string' },
  status: { type: 'string' },
  state: { type: 'string' },
} as const;

function writeOut(r: CliRun, out: unknown, file: { fileName: string; contentBase64: string }, what: string): number {
  if (typeof out !== 'string' || out.trim() === '') {
    r.io.error(`${what}: --out FILE is required`);
    return 2;
  }
  const target = path.resolve(out);
  const bytes = Buffer.from(file.contentBase64, 'base64');
  fs.writeFileSync(target, bytes);
  r.io.result(
    { file: target, bytes: bytes.byteLength },
    (v: { file: string; bytes: number }) => `Written ${v.file} (${v.bytes} bytes)`,
  );
  return 0;
}

export const registryCommands: CliCommand[] = [
  {
    name: 'registry list',
    usage:
      'registry list [--year Y] [--to Y2] [--star 3,4] [--status valid,window_open,expired…] [--state recognised,…] [--commune KEY] [--district NAME] [--search TEXT] [--on DATE] [--limit N] [--offset N] [--json]',
    summary: 'OCOP products in the registry with their decision, validity and status on a date',
    options: { ...FILTER_OPTIONS, limit: { type: 'string' }, offset: { type: 'string' }, sort: { type: 'string' } },
    run: async (r) => {
      const core = await r.core();
      const input = {
        ...filterOf(r),
        limit: Number(r.values.limit ?? 100),
        offset: Number(r.values.offset ?? 0),
        ...(typeof r.values.sort === 'string' ? { sort: r.values.sort } : {}),
      };
      r.io.result(unwrap(await invoke(core.ctx, 'registry:list', input)), listText);
      return 0;
    },
  },
  {
    name: 'registry show',
    usage: 'registry show <entry id> [--on DATE] [--json]',
    summary: "One entry with the product's whole history (recognitions, upgrades, re-evaluations, revocation)",
    options: { on: { type: 'string' } },
    run: async (r) => {
      const id = Number(r.positionals[0]);
      if (!Number.isInteger(id) || id <= 0) {
        r.io.error('registry show: give an entry id, e.g. registry show 12 (ids are listed by registry list)');
        return 2;
      }
      const core = await r.core();
      const input = { id, ...(typeof r.values.on === 'string' ? { on: r.values.on } : {}) };
      r.io.result(unwrap(await invoke(core.ctx, 'registry:get', input)), detailText);
      return 0;
    },
  },
  {
    name: 'registry import',
    usage: 'registry import <file.xlsx> [--dry-run] [--on-duplicate skip|update] [--sector "BASIS|TEXT=NGANH[/NHOM]"]… [--json]',
    summary: 'Import earlier lists of OCOP products (all or nothing; the same file twice changes nothing)',
    options: { 'dry-run': { type: 'boolean' }, 'on-duplicate': { type: 'string' }, sector: { type: 'string', multiple: true } },
    run: async (r) => {
      const file = r.positionals[0];
      if (!file) {
        r.io.error(
          'registry import: give the workbook, e.g. registry import danh-sach-ocop.xlsx (get a template with registry template --out FILE)',
        );
        return 2;
      }
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch (e) {
        throw new CoreError('IO', `Cannot read ${path.resolve(file)}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const sectors = (r.values.sector as unknown as string[] | undefined) ?? [];
      const core = await r.core();
      const env = await invoke(core.ctx, 'registry:import', {
        contentBase64: content.toString('base64'),
        fileName: path.basename(file),
        dryRun: r.values['dry-run'] === true,
        onDuplicate: r.values['on-duplicate'] ?? 'skip',
        sectorChoices: sectors.map(parseSectorChoice),
      });
      if (!env.ok && env.error.code === 'IMPORT_INVALID' && !r.json) {
        const d = { ...env.error.details, errors: env.error.details?.errors ?? [], total: env.error.details?.total ?? 0 };
        r.io.info(`${count(d.total, 'problem')}; nothing was imported. Fix these and import again:`);
        for (const e of d.errors) r.io.info(errorLine(e));
        if (d.total > d.errors.length) r.io.info(`  … and ${d.total - d.errors.length} more`);
        const open = (d.sectors ?? []).filter((s) => s.match === null);
        if (open.length > 0) {
          r.io.info('Confirm the classification of these sector texts with --sector, e.g.:');
          for (const s of open) r.io.info(`  --sector "${s.legalBasis}|${s.text}=${s.candidates[0]?.nganhNo ?? 'I'}"`);
        }
        return 1;
      }
      r.io.result(unwrap(env), importText);
      return 0;
    },
  },
  {
    name: 'registry export',
    usage:
      'registry export --out FILE.xlsx [--year Y] [--to Y2] [--star …] [--status …] [--commune KEY] [--search TEXT] [--json]',
    summary: 'The registry (or a filtered part) as XLSX in the import template’s columns',
    options: { ...FILTER_OPTIONS, out: { type: 'string' } },
    run: async (r) => {
      const core = await r.core();
      return writeOut(r, r.values.out, unwrap(await invoke(core.ctx, 'registry:export', filterOf(r))), 'registry export');
    },
  },
  {
    name: 'registry template',
    usage: 'registry template --out FILE.xlsx [--json]',
    summary: 'Write the empty workbook for earlier lists (guide, drop-down lists)',
    options: { out: { type: 'string' } },
    run: async (r) => {
      const core = await r.core();
      return writeOut(r, r.values.out, unwrap(await invoke(core.ctx, 'registry:template', {})), 'registry template');
    },
  },
  {
    name: 'registry due',
    usage: 'registry due [--on DATE] [--horizon DAYS] [--commune KEY] [--format xlsx|pdf --out FILE] [--json]',
    summary: 'Re-evaluation calendar (Đ7.6: 180 to 120 days before expiry), expired ones included',
    options: {
      on: { type: 'string' },
      horizon: { type: 'string' },
      commune: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    run: async (r) => {
      const core = await r.core();
      const input = {
        ...(typeof r.values.on === 'string' ? { on: r.values.on } : {}),
        ...(typeof r.values.horizon === 'string' ? { horizonDays: Number(r.values.horizon) } : {}),
        ...(typeof r.values.commune === 'string' ? { communeKey: r.values.commune } : {}),
      };
      if (typeof r.values.format === 'string') {
        const file = unwrap(await invoke(core.ctx, 'registry:dueExport', { ...input, format: r.values.format }));
        return writeOut(r, r.values.out, file, 'registry due');
      }
      r.io.result(unwrap(await invoke(core.ctx, 'registry:due', input)), dueText);
      return 0;
    },
  },
  {
    name: 'registry decide',
    usage: 'registry decide (--session ID | --ids 1,2,…) --no NUMBER --date YYYY-MM-DD [--signer NAME] [--json]',
    summary: "Record the province's recognition decision for proposed entries",
    options: {
      session: { type: 'string' },
      ids: { type: 'string' },
      no: { type: 'string' },
      date: { type: 'string' },
      signer: { type: 'string' },
    },
    run: async (r) => {
      const core = await r.core();
      const input = {
        ...(typeof r.values.session === 'string' ? { sessionId: Number(r.values.session) } : {}),
        ...(typeof r.values.ids === 'string' ? { ids: r.values.ids.split(',').map(Number) } : {}),
        decisionNo: r.values.no,
        decisionDate: r.values.date,
        signer: r.values.signer ?? '',
      };
      const out = unwrap(await invoke(core.ctx, 'registry:recordDecision', input));
      r.io.result(out, (v: typeof out) =>
        [
          `Recognised ${count(v.recognised.length, 'entry', 'entries')}; ${count(v.superseded, 'earlier certificate')} superseded.`,
          ...v.recognised.map(entryLine),
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'registry correct',
    usage:
      'registry correct --id ID --no NUMBER --date YYYY-MM-DD [--signer NAME] [--certificate NUMBER] [--reason TEXT] [--json]',
    summary:
      "Correct the decision of a recognised entry; once the session's decision or a certificate was issued, --reason is required: the correction is recorded and the issued documents keep the old value until a corrected version is issued",
    options: {
      id: { type: 'string' },
      no: { type: 'string' },
      date: { type: 'string' },
      signer: { type: 'string' },
      certificate: { type: 'string' },
      reason: { type: 'string' },
    },
    run: async (r) => {
      const core = await r.core();
      const out = unwrap(
        await invoke(core.ctx, 'registry:updateDecision', {
          id: Number(r.values.id),
          decisionNo: r.values.no,
          decisionDate: r.values.date,
          signer: r.values.signer ?? '',
          certificateNo: typeof r.values.certificate === 'string' ? r.values.certificate : null,
          reason: r.values.reason ?? '',
        }),
      );
      r.io.result(out, (v: typeof out) =>
        [
          entryLine(v),
          ...(v.issuedDocuments.length > 0
            ? [
                `Issued documents keep the old value: ${v.issuedDocuments.map((d) => `${d.title}${d.number ? ` số ${d.number}` : ''}`).join('; ')}.`,
                `Issue corrected versions with: pdf decision|certificate --session ${v.sessionId ?? '…'} --issue --corrected`,
              ]
            : []),
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'registry sync',
    usage: 'registry sync [--json]',
    summary: 'Bring finalized sessions not yet in the registry into it (proposals)',
    run: async (r) => {
      const core = await r.core();
      const out = unwrap(await invoke(core.ctx, 'registry:sync', {}));
      r.io.result(out, (v: typeof out) => `Proposed ${v.proposed}, not recognised ${v.notRecognised}, withdrawn ${v.withdrawn}.`);
      return 0;
    },
  },
];
