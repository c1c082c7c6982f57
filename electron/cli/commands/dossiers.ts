import fs from 'node:fs';
import path from 'node:path';
import type {
  ImportResult,
  ImportRowError,
  RegistrationDetail,
  RegistrationRow,
} from '../../../shared/api/channels/dossiers-fields';
import { invoke } from '../../core/api';
import { CoreError } from '../../core/errors';
import type { CliCommand, CliRun } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

const KIND: Record<string, string> = { first: 'lần đầu', upgrade: 'nâng hạng', reevaluation: 'đánh giá lại' };

const rowsText = (p: { total: number; offset: number; rows: RegistrationRow[] }): string =>
  [
    ...p.rows.map(
      (r) =>
        `#${String(r.id).padEnd(6)} ${r.registrationNo.padEnd(26)} ${r.status.padEnd(15)} ${r.roundNumber}/${r.roundYear}  ${r.productName} — ${r.producerName} (${r.communeName}) [${r.productCode}, ${KIND[r.kind]}${r.currentStars ? ` từ ${r.currentStars}★` : ''}]`,
    ),
    `${p.rows.length === 0 ? 'No registrations match.' : `Rows ${p.offset + 1}–${p.offset + p.rows.length}`} of ${p.total}.`,
  ].join('\n');

function detailText(d: RegistrationDetail): string {
  const p = d.producer;
  const lines = [
    `Registration #${d.id}: ${d.registrationNo} (${KIND[d.kind]}${d.currentStars ? `, now ${d.currentStars}★` : ''})`,
    `Status:    ${d.status} since ${d.statusAt}${d.frozen ? ' (evaluated: read-only)' : ''}`,
    `Round:     ${d.round.name} (${d.round.legalBasis})`,
    `Product:   ${d.product.name} [${d.product.productCode}] — ${d.product.specification || 'no specification'}`,
    `Criteria:  ${d.criteriaSet.name} (${d.criteriaSet.setKey} v${d.criteriaSet.version})`,
    `Producer:  ${p.name}${p.taxCode ? `, MST ${p.taxCode}` : ''}; ${[p.address, p.communeName, p.provinceName].filter(Boolean).join(', ')} (${p.provinceCode}-${p.communeCode})`,
    `Contact:   ${p.representativeName || '—'} ${p.representativePosition ? `(${p.representativePosition})` : ''}; ${p.phone ?? '—'}; ${p.email ?? '—'}`,
    `Received:  commune ${d.receivedCommuneOn ?? '—'}, province ${d.receivedProvinceOn ?? '—'}`,
  ];
  if (d.certificateNo || d.certificateExpiresOn)
    lines.push(
      `Certificate: ${d.certificateNo ?? '—'} issued ${d.certificateIssuedOn ?? '—'}, expires ${d.certificateExpiresOn ?? '—'}`,
    );
  if (d.reevaluation) {
    const w = d.reevaluation;
    lines.push(
      `Re-evaluation window ${w.opensOn} – ${w.closesOn}: ${w.timing === 'in_window' ? 'submitted in time' : `WARNING ${w.timing.replace('_', ' ')} (${count(w.daysBeforeExpiry, 'day')} before expiry on ${w.measuredOn})`}`,
    );
  }
  lines.push(
    `Self-assessment: ${d.selfAssessment.answered}/${d.selfAssessment.criteria} criteria, ${d.selfAssessment.points} points`,
    `Commune report:  ${d.communeReport ? `${d.communeReport.reportNo || 'no number'} ${d.communeReport.reportDate ?? ''} — ${d.communeReport.recommendation ?? 'no recommendation yet'}` : 'none yet'}`,
    `Evidence:  ${d.attachments.length === 0 ? 'none' : ''}`,
    ...d.attachments.map(
      (a) =>
        `  #${a.id} ${a.originalName} (${a.mime}, ${a.size} bytes${a.criterionCode ? `, criterion ${a.criterionCode}` : ''}) sha256 ${a.sha256.slice(0, 12)}…`,
    ),
    'History:',
    ...d.statusHistory.map(
      (h) => `  ${h.at}  ${h.fromStatus ?? '—'} → ${h.toStatus}  by ${h.actor}${h.note ? `: ${h.note}` : ''}`,
    ),
  );
  return lines.join('\n');
}

const importText = (r: ImportResult): string => {
  const c = (x: { created: number; updated: number; skipped: number }) =>
    `${x.created} created, ${x.updated} updated, ${x.skipped} skipped`;
  return [
    r.dryRun ? 'Dry run: the file is valid; nothing was written.' : 'Imported.',
    `Producers:     ${c(r.producers)}`,
    `Products:      ${c(r.products)}`,
    `Registrations: ${c(r.registrations)}`,
    ...(r.roundsCreated.length
      ? [`Rounds ${r.dryRun ? 'to create' : 'created'}: ${r.roundsCreated.map((x) => `${x.number}/${x.year}`).join(', ')}`]
      : []),
    ...r.duplicates.map((d) => `  ${d.sheet} row ${d.row}: ${d.message}`),
    `File SHA-256: ${r.fileSha256}`,
  ].join('\n');
};

/** "3" (an id) or "1/2026" (number/year) → round id. */
async function roundId(r: CliRun, text: string): Promise<number> {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) throw new CoreError('VALIDATION', `--round: "${text}" must be a round id or number/year, e.g. 1/2026`);
  const rounds = unwrap(await invoke((await r.core()).ctx, 'rounds:list', {}));
  const found = rounds.find((x) => x.number === Number(m[1]) && x.year === Number(m[2]));
  if (!found)
    throw new CoreError(
      'NOT_FOUND',
      `--round: there is no round ${text}; existing rounds: ${rounds.map((x) => `${x.number}/${x.year}`).join(', ') || 'none'}`,
    );
  return found.id;
}

const errorLine = (e: ImportRowError) =>
  `  ${[e.sheet, e.row && `row ${e.row}`, e.column && `column "${e.column}"`].filter(Boolean).join(', ')}: ${e.message}`;

export const dossiersCommands: CliCommand[] = [
  {
    name: 'dossiers import',
    usage: 'dossiers import <file.xlsx> [--on-duplicate skip|update] [--dry-run] [--data-dir DIR] [--json]',
    summary: 'Import producers, products and registrations from the XLSX template (all or nothing)',
    options: { 'on-duplicate': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    run: async (r) => {
      const file = r.positionals[0];
      if (!file) {
        r.io.error(
          'dossiers import: give the workbook to import, e.g. dossiers import ho-so-2026.xlsx (get a template with dossiers template --out FILE)',
        );
        return 2;
      }
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch (e) {
        throw new CoreError('IO', `Cannot read ${path.resolve(file)}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const core = await r.core();
      const env = await invoke(core.ctx, 'dossiers:import', {
        contentBase64: content.toString('base64'),
        fileName: path.basename(file),
        onDuplicate: r.values['on-duplicate'] ?? 'skip',
        dryRun: r.values['dry-run'] === true,
      });
      if (!env.ok && env.error.code === 'IMPORT_INVALID' && !r.json) {
        const d = { errors: env.error.details?.errors ?? [], total: env.error.details?.total ?? 0 };
        r.io.info(`${count(d.total, 'error')}; nothing was imported. Fix these rows and import again:`);
        for (const e of d.errors) r.io.info(errorLine(e));
        if (d.total > d.errors.length) r.io.info(`  … and ${d.total - d.errors.length} more`);
        return 1;
      }
      r.io.result(unwrap(env), importText);
      return 0;
    },
  },
  {
    name: 'dossiers list',
    usage: 'dossiers list [--round ID|N/YEAR] [--search TEXT] [--status S] [--limit N] [--offset N] [--data-dir DIR] [--json]',
    summary: 'Registrations, newest first; search ignores accents ("nuoc mam" finds "Nước mắm")',
    options: {
      round: { type: 'string' },
      search: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
    },
    run: async (r) => {
      const core = await r.core();
      const input: Record<string, unknown> = { limit: Number(r.values.limit ?? 100), offset: Number(r.values.offset ?? 0) };
      if (typeof r.values.round === 'string') input.roundId = await roundId(r, r.values.round);
      if (typeof r.values.search === 'string') input.search = r.values.search;
      if (typeof r.values.status === 'string') input.status = r.values.status.split(',');
      r.io.result(unwrap(await invoke(core.ctx, 'registrations:list', input)), rowsText);
      return 0;
    },
  },
  {
    name: 'dossiers show',
    usage: 'dossiers show <registration id> [--data-dir DIR] [--json]',
    summary: 'One registration: product, producer, status history, self-assessment, commune report, evidence',
    run: async (r) => {
      const id = Number(r.positionals[0]);
      if (!Number.isInteger(id) || id <= 0) {
        r.io.error('dossiers show: give a registration id, e.g. dossiers show 12 (ids are listed by dossiers list)');
        return 2;
      }
      const core = await r.core();
      r.io.result(unwrap(await invoke(core.ctx, 'registrations:get', { id })), detailText);
      return 0;
    },
  },
  {
    name: 'dossiers template',
    usage: 'dossiers template --out FILE.xlsx [--json]',
    summary: 'Write the empty import workbook (guide, drop-down lists, three data sheets)',
    options: { out: { type: 'string' } },
    run: async (r) => {
      const out = r.values.out;
      if (typeof out !== 'string' || out.trim() === '') {
        r.io.error('dossiers template: --out FILE is required, e.g. dossiers template --out mau-ho-so.xlsx');
        return 2;
      }
      const core = await r.core();
      const t = unwrap(await invoke(core.ctx, 'dossiers:template', {}));
      const file = path.resolve(out);
      const bytes = Buffer.from(t.contentBase64, 'base64');
      fs.writeFileSync(file, bytes);
      r.io.result({ file, bytes: bytes.byteLength }, (v: { file: string }) => `Template written to ${v.file}`);
      return 0;
    },
  },
];
