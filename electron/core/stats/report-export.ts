import ExcelJS from 'exceljs';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { StatsReport } from '../../../shared/api/channels/stats';
import type { CoreContext } from '../context';
import { documentFontOptions } from '../documents/document-font';
import { renderPdf } from '../documents/render';
import { statsT } from '../registry/registry-t';
import { readRegistrySettings } from '../registry/settings-service';
import { reportDocument } from './report-pdf';
import { buildReport, resolvePeriod } from './report-service';

/** The report as XLSX: a sheet per table, numbers as numbers (percentages as 0–100 with two decimals). */
export async function reportXlsx(r: StatsReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCOP Council';
  wb.created = new Date(`${r.period.on}T00:00:00Z`);
  wb.modified = wb.created;
  const used = new Set<string>();
  r.tables.forEach((t, i) => {
    let name = `${i + 1}. ${t.title}`
      .replace(/[\\/*?:[\]]/g, ' ')
      .slice(0, 31)
      .trim();
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)}…${i}`;
    used.add(name.toLowerCase());
    const ws = wb.addWorksheet(name);
    ws.addRow([r.title]).font = { bold: true, size: 13 };
    ws.addRow([t.title]).font = { bold: true };
    const head = ws.addRow(['', ...t.columns.map((c) => c.label)]);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle' };
    ws.getColumn(1).width = 46;
    t.columns.forEach((c, j) => {
      ws.getColumn(j + 2).width = 14;
      if (c.kind === 'percent' || (c.kind === 'change' && c.key === 'changePercent')) ws.getColumn(j + 2).numFmt = '0.00';
    });
    for (const row of t.rows) {
      const x = ws.addRow([
        row.label,
        ...row.cells.map((cell, j) => {
          const c = t.columns[j]!;
          if (cell.value === null) return cell.text || null;
          return c.kind === 'percent' || c.key === 'changePercent' ? cell.value / 100 : cell.value;
        }),
      ]);
      if (row.total) x.font = { bold: true };
    }
    if (t.note) ws.addRow([t.note]).font = { italic: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportReport(ctx: CoreContext, input: ChannelParsedInput<'stats:export'>) {
  const p = resolvePeriod(ctx, input.period);
  const report = await buildReport(ctx.db, p);
  const stem = `bao-cao-ocop-${p.yearFrom}${p.yearTo !== p.yearFrom ? `-${p.yearTo}` : ''}`;
  if (input.format === 'xlsx') return { fileName: `${stem}.xlsx`, contentBase64: (await reportXlsx(report)).toString('base64') };
  const settings = await readRegistrySettings(ctx.db);
  const t = statsT('vi');
  const vi = p.lang === 'vi' ? report : await buildReport(ctx.db, { ...p, lang: 'vi' });
  const dd = reportDocument(vi, {
    issuerParent: input.setup.issuerParent ?? settings.reportIssuerParent,
    issuerBody: input.setup.issuerBody ?? settings.reportIssuerBody,
    number: input.setup.number ?? '',
    place: input.setup.place ?? settings.reportPlace,
    date: input.setup.date ?? p.on,
    recipients: input.setup.recipients ?? t('report.defaultRecipients').split(';'),
    signerAuthority: input.setup.signerAuthority ?? '',
    signerTitle: input.setup.signerTitle ?? settings.reportSignerTitle,
    signerName: input.setup.signerName ?? settings.reportSignerName,
  });
  const pdf = await renderPdf(dd, { ...(await documentFontOptions(ctx)), createdAt: new Date(`${p.on}T00:00:00Z`) });
  return { fileName: `${stem}.pdf`, contentBase64: pdf.toString('base64') };
}
