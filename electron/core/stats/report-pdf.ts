import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { StatsReport, StatsTable } from '../../../shared/api/channels/stats';
import { CHART_IDS, statsChart, type ChartId } from '../../../shared/charts/stats-charts';
import { formatDateLongVi, formatDateVi } from '../../../shared/ocop/format-vi';
import { documentT } from '../documents/doc-t';
import { documentOf } from '../documents/layout/document';
import { roman } from '../documents/layout/format';
import { nd30Header } from '../documents/layout/header';
import { section } from '../documents/layout/page-frame';
import { para } from '../documents/layout/paragraph';
import { recipientsAndSignature } from '../documents/layout/signature';
import { GRID } from '../documents/layout/tables';
import { titleBlock } from '../documents/layout/title';
import { contentWidth, DECREE_MARGINS } from '../documents/layout/units';
import { DOCUMENT_FONT } from '../documents/render';
import { statsT } from '../registry/registry-t';
import { chartSvg } from './chart-svg';

export interface ReportPrint {
  issuerParent: string;
  issuerBody: string;
  /** "125/BC-SNNMT"; empty prints the blank a draft leaves ("Số:        /BC-"). */
  number: string;
  place: string;
  date: string;
  recipients: string[];
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}

/** Where each chart goes: after the table it draws. */
const CHART_AFTER: Record<string, ChartId> = {
  byYear: 'byYear',
  byStar: 'byStar',
  bySector: 'bySector',
  byProducerKind: 'byProducerKind',
};
/** Tables left out of the printed report when they hold nothing (no district before 2025, no target set). */
const OPTIONAL = new Set(['byDistrict', 'targets', 'byGroup']);

function tableContent(tbl: StatsTable, width: number): Content {
  const wide = tbl.columns.length > 5;
  const size = wide ? 9.5 : 12;
  // Years need little room; names of sectors, communes and targets need more.
  const labelWidth = tbl.id === 'byYear' ? 34 : wide ? width * 0.2 : width * 0.5;
  const numWidth = (width - labelWidth - 6 * (tbl.columns.length + 1)) / tbl.columns.length;
  const head: TableCell[] = [
    { text: '', fontSize: size },
    ...tbl.columns.map((c): TableCell => ({ text: c.label, bold: true, alignment: 'center', fontSize: size })),
  ];
  const body: TableCell[][] = tbl.rows.map((r) => [
    { text: r.label, bold: r.total, fontSize: size },
    ...r.cells.map((c): TableCell => ({ text: c.text, alignment: 'right', bold: r.total, fontSize: size })),
  ]);
  return {
    table: {
      headerRows: 1,
      widths: [labelWidth, ...tbl.columns.map(() => numWidth)],
      body: [head, ...body],
      dontBreakRows: true,
    },
    layout: GRID,
    margin: [0, 4, 0, 2],
  };
}

/**
 * The statistics report in the Decree 30/2020 layout (Phụ lục III, văn bản hành chính "BÁO CÁO"):
 * the header with issuer, number and place/date, the title with its subject, an opening
 * paragraph, one numbered section per table (with its chart as SVG), "Nơi nhận" and the signature.
 * Vietnamese only: the report is an administrative original.
 */
export function reportDocument(r: StatsReport, print: ReportPrint): TDocumentDefinitions {
  const t = statsT('vi');
  const dt = documentT('vi');
  const width = contentWidth('portrait', DECREE_MARGINS);
  const period =
    r.period.yearFrom === r.period.yearTo
      ? t('report.periodYear', { year: r.period.yearFrom })
      : t('report.periodRange', { from: r.period.yearFrom, to: r.period.yearTo });
  const content: Content[] = [
    nd30Header(dt, {
      issuer: {
        parentLines: print.issuerParent.trim() ? [print.issuerParent.trim().toLocaleUpperCase('vi')] : [],
        // The office breaks a long name where it wants (a new line or "|"): "SỞ NÔNG NGHIỆP|VÀ MÔI TRƯỜNG".
        bodyLines: (print.issuerBody.trim() || '…')
          .split(/\s*[|\n]\s*/u)
          .filter(Boolean)
          .map((l) => l.toLocaleUpperCase('vi')),
      },
      numberLine: print.number.trim() ? t('report.number', { number: print.number.trim() }) : t('report.numberBlank'),
      placeDateLine: `${print.place.trim() || '…'}, ${formatDateLongVi(print.date)}`,
      width,
    }),
    titleBlock(t('report.type'), r.title, width),
    para(t('report.intro', { period, date: formatDateVi(r.period.on) })),
  ];
  let sectionNo = 0;
  let tableNo = 0;
  let chartNo = 0;
  for (const tbl of r.tables) {
    const empty = tbl.rows.length === 0 || tbl.rows.every((row) => row.cells.every((c) => !c.value));
    if (OPTIONAL.has(tbl.id) && empty) continue;
    sectionNo++;
    tableNo++;
    // A short table stays on one page with its heading and caption; a long one starts under them.
    const block: Content[] = [
      { text: t('report.section', { no: roman(sectionNo), title: tbl.title }), bold: true, fontSize: 14, margin: [0, 10, 0, 2] },
      {
        text: t('report.tableNo', { no: tableNo, title: tbl.title }),
        italics: true,
        fontSize: 12,
        alignment: 'center',
        margin: [0, 2, 0, 0],
      },
      tableContent(tbl, width),
      ...(tbl.note ? [{ text: tbl.note, italics: true, fontSize: 11, margin: [0, 0, 0, 4] } as Content] : []),
    ];
    content.push(tbl.rows.length <= 14 ? { stack: block, unbreakable: true } : { stack: block });
    const chart = CHART_AFTER[tbl.id];
    if (chart && CHART_IDS.includes(chart) && !empty) {
      const option = statsChart(
        r,
        chart,
        { title: (id) => t(`charts.${id}`), entered: t('charts.byYearEntered') },
        DOCUMENT_FONT,
      );
      if (option) {
        chartNo++;
        const height = chart === 'bySector' ? 270 : chart === 'byProducerKind' ? 200 : chart === 'byStar' ? 220 : 250;
        content.push({
          stack: [
            { svg: chartSvg(option, Math.round(width), height), width, font: DOCUMENT_FONT } as unknown as Content,
            {
              text: t('report.chart', { no: chartNo, title: t(`charts.${chart}`) }),
              italics: true,
              fontSize: 12,
              alignment: 'center',
            },
          ],
          unbreakable: true,
          margin: [0, 6, 0, 6],
        });
      }
    }
  }
  content.push(
    recipientsAndSignature(
      dt,
      print.recipients,
      {
        ...(print.signerAuthority.trim() ? { authority: print.signerAuthority.trim().toLocaleUpperCase('vi') } : {}),
        title: (print.signerTitle.trim() || '…').toLocaleUpperCase('vi'),
        name: print.signerName.trim(),
      },
      width,
    ),
  );
  return documentOf([section({ stack: content }, { t: dt })], { title: `${t('report.type')} ${r.title}` });
}
