import ExcelJS from 'exceljs';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { DueItem, RegistryEntry, RegistryFilter } from '../../../shared/api/channels/registry';
import { formatDateVi } from '../../../shared/ocop/format-vi';
import type { CoreContext } from '../context';
import { PRODUCER_KIND_LABELS } from '../dossiers/import/xlsx-columns';
import { filterWhere, selectEntries, toEntry } from './entry-repo';
import { onOrToday } from './entry-service';
import { BASIS_LABELS, GROUND_LABELS, KIND_LABELS, YES_NO } from './import/columns';
import { buildWorkbook } from './import/template';
import { dueItems, dueQueryOf, groupByCommune } from './due-service';
import { dueListPdf } from './due-pdf';
import { registryT } from './registry-t';

/**
 * Files out of the registry: the list in the import template's columns (an exported list imports
 * back unchanged: decided and not-recognised entries keep their keys), and the re-evaluation list
 * per commune as XLSX or PDF.
 */

const isoToDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const yesNo = (b: boolean | null): string | null => (b === null ? null : b ? YES_NO.yes : YES_NO.no);

/** One exported row in the order of import/columns.ts COLUMNS. */
function exportRow(i: number, e: RegistryEntry & { extra: ExtraCols }): (string | number | Date | null)[] {
  return [
    i + 1,
    e.productName,
    e.producerName,
    e.producerKind ? PRODUCER_KIND_LABELS[e.producerKind] : null,
    e.extra.address || null,
    e.districtText || null,
    e.communeText || null,
    e.communeCode,
    e.extra.communeName || null,
    e.extra.provinceName || null,
    e.sectorText,
    e.star,
    e.scoreCenti === null ? null : e.scoreCenti / 100,
    e.decisionNo,
    isoToDate(e.decisionDate),
    e.extra.signer || null,
    e.year,
    e.roundNo,
    BASIS_LABELS[e.legalBasis],
    KIND_LABELS[e.kind],
    e.certificateNo,
    e.productCode || null,
    yesNo(e.extra.womenLed),
    yesNo(e.extra.ethnicMinority),
    e.extra.revokeDecisionNo,
    isoToDate(e.revokedOn),
    e.extra.revokeGround ? GROUND_LABELS[e.extra.revokeGround as keyof typeof GROUND_LABELS] : null,
    e.extra.note || null,
  ];
}

interface ExtraCols {
  address: string;
  communeName: string;
  provinceName: string;
  signer: string;
  womenLed: boolean | null;
  ethnicMinority: boolean | null;
  revokeDecisionNo: string | null;
  revokeGround: string | null;
  note: string;
}

export async function exportRegistry(ctx: CoreContext, f: RegistryFilter): Promise<{ fileName: string; contentBase64: string }> {
  const on = onOrToday(ctx, f.on);
  const rows = await selectEntries(ctx.db)
    .where(filterWhere(f, on))
    .orderBy('e.year')
    .orderBy('e.decision_date')
    .orderBy('e.id')
    .execute();
  const data = rows.map((r, i) =>
    exportRow(i, {
      ...toEntry(r, on),
      extra: {
        address: r.address_text,
        communeName: r.commune_name,
        provinceName: r.province_name,
        signer: r.decision_signer,
        womenLed: r.women_led === null ? null : r.women_led === 1,
        ethnicMinority: r.ethnic_minority === null ? null : r.ethnic_minority === 1,
        revokeDecisionNo: r.revoke_decision_no,
        revokeGround: r.revoke_ground,
        note: r.note,
      },
    }),
  );
  return { fileName: `so-san-pham-ocop-${on}.xlsx`, contentBase64: (await buildWorkbook(data)).toString('base64') };
}

// ───────────────────────── Re-evaluation list ─────────────────────────

const SHEET_NAME_MAX = 31;

function sheetName(label: string, used: Set<string>): string {
  const base =
    label
      .replace(/[\\/*?:[\]]/g, ' ')
      .slice(0, SHEET_NAME_MAX)
      .trim() || 'Xã';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, SHEET_NAME_MAX - 4)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

async function dueXlsx(items: DueItem[], on: string): Promise<Buffer> {
  const t = registryT('vi');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCOP Council';
  wb.created = new Date(`${on}T00:00:00Z`);
  wb.modified = wb.created;
  const headers = [
    t('due.col.no'),
    t('due.col.product'),
    t('due.col.producer'),
    t('due.col.commune'),
    t('due.col.star'),
    t('due.col.decision'),
    t('due.col.validTo'),
    t('due.col.window'),
    t('due.col.state'),
    t('due.col.days'),
    t('due.col.pending'),
  ];
  const widths = [6, 34, 32, 24, 8, 28, 12, 24, 26, 10, 26];
  const used = new Set<string>();
  const addSheet = (name: string, rows: DueItem[]) => {
    const ws = wb.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([`${t('due.title')} — ${name} (${t('due.asOf', { date: formatDateVi(on) })})`]).font = { bold: true, size: 13 };
    const h = ws.addRow(headers);
    h.font = { bold: true };
    h.alignment = { wrapText: true, vertical: 'middle' };
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    rows.forEach((d, i) => {
      const e = d.entry;
      ws.addRow([
        i + 1,
        e.productName,
        e.producerName,
        e.communeLabel,
        e.star,
        `${e.decisionNo ?? ''} ${e.decisionDate ? formatDateVi(e.decisionDate) : ''}`.trim(),
        e.validTo ? formatDateVi(e.validTo) : '',
        e.windowOpensOn && e.windowClosesOn ? `${formatDateVi(e.windowOpensOn)} – ${formatDateVi(e.windowClosesOn)}` : '',
        t(`due.state.${d.due}`),
        d.daysToExpiry,
        d.pendingRegistration ? d.pendingRegistration.registrationNo : '',
      ]).alignment = { wrapText: true, vertical: 'top' };
    });
  };
  addSheet(t('due.all'), items);
  for (const g of groupByCommune(items)) addSheet(g.label, g.items);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function dueExport(ctx: CoreContext, input: ChannelParsedInput<'registry:dueExport'>) {
  const q = await dueQueryOf(ctx, ctx.db, input);
  const items = await dueItems(ctx.db, q);
  if (input.format === 'xlsx') {
    return { fileName: `danh-sach-danh-gia-lai-${q.on}.xlsx`, contentBase64: (await dueXlsx(items, q.on)).toString('base64') };
  }
  const pdf = await dueListPdf(ctx, items, q);
  return { fileName: `danh-sach-danh-gia-lai-${q.on}.pdf`, contentBase64: pdf.toString('base64') };
}
