import type { Content, TableCell } from 'pdfmake/interfaces';
import type { DueItem } from '../../../shared/api/channels/registry';
import { formatDateLongVi, formatDateVi } from '../../../shared/ocop/format-vi';
import type { CoreContext } from '../context';
import { documentT } from '../documents/doc-t';
import { documentFontOptions } from '../documents/document-font';
import { renderPdf } from '../documents/render';
import { documentOf } from '../documents/layout/document';
import { nd30Header } from '../documents/layout/header';
import { section } from '../documents/layout/page-frame';
import { rightSignature } from '../documents/layout/signature';
import { GRID } from '../documents/layout/tables';
import { titleBlock } from '../documents/layout/title';
import { contentWidth, mm, type Margins } from '../documents/layout/units';
import { groupByCommune, type DueQuery } from './due-service';
import { registryT } from './registry-t';
import { readRegistrySettings } from './settings-service';
import type { Db } from './entry-repo';

/** Landscape: the list has eleven columns. Decree margins turned with the page. */
const MARGINS: Margins = [mm(20), mm(30), mm(20), mm(20)];

export function dueListDocument(
  items: DueItem[],
  q: DueQuery,
  s: { issuerParent: string; issuerBody: string; place: string; signerTitle: string; signerName: string },
) {
  const t = registryT('vi');
  const dt = documentT('vi');
  const width = contentWidth('landscape', MARGINS);
  const widths = [mm(9), '*', '*', mm(38), mm(12), mm(36), mm(21), mm(38), mm(30)];
  const head: TableCell[] = [
    t('due.col.no'),
    t('due.col.product'),
    t('due.col.producer'),
    t('due.col.commune'),
    t('due.col.star'),
    t('due.col.decision'),
    t('due.col.validTo'),
    t('due.col.window'),
    t('due.col.state'),
  ].map((text): TableCell => ({ text, bold: true, alignment: 'center', fontSize: 11 }));
  const groups = groupByCommune(items);
  const content: Content[] = [
    nd30Header(dt, {
      issuer: {
        parentLines: s.issuerParent ? [s.issuerParent.toLocaleUpperCase('vi')] : [],
        bodyLines: (s.issuerBody || '…')
          .split(/\s*[|\n]\s*/u)
          .filter(Boolean)
          .map((l) => l.toLocaleUpperCase('vi')),
      },
      numberLine: null,
      placeDateLine: `${s.place || '…'}, ${formatDateLongVi(q.on)}`,
      width,
    }),
    titleBlock(t('due.pdfTitle'), t('due.asOf', { date: formatDateVi(q.on) }), width),
    {
      text: t('due.pdfIntro', { days: q.horizonDays, count: items.length }),
      fontSize: 13,
      italics: true,
      margin: [0, 0, 0, 6],
    },
  ];
  if (items.length === 0) content.push({ text: t('due.none'), fontSize: 13 });
  for (const g of groups) {
    content.push({ text: `${g.label} (${g.items.length})`, bold: true, fontSize: 13, margin: [0, 8, 0, 3] });
    content.push({
      table: {
        headerRows: 1,
        widths,
        dontBreakRows: true,
        body: [
          head,
          ...g.items.map((d, i): TableCell[] => {
            const e = d.entry;
            const cells: TableCell[] = [
              { text: String(i + 1), alignment: 'center' },
              e.productName,
              e.producerName,
              e.communeLabel,
              { text: e.star === null ? '' : `${e.star} sao`, alignment: 'center' },
              `${e.decisionNo ?? ''}\n${e.decisionDate ? formatDateVi(e.decisionDate) : ''}`,
              { text: e.validTo ? formatDateVi(e.validTo) : '', alignment: 'center' },
              e.windowOpensOn && e.windowClosesOn ? `${formatDateVi(e.windowOpensOn)} – ${formatDateVi(e.windowClosesOn)}` : '',
              {
                text: [
                  { text: t(`due.state.${d.due}`), bold: d.due === 'expired' || d.due === 'grace' },
                  d.pendingRegistration ? `\n${t('due.pendingShort', { no: d.pendingRegistration.registrationNo })}` : '',
                ],
              },
            ];
            return cells;
          }),
        ],
      },
      layout: GRID,
      fontSize: 11,
    });
  }
  content.push({
    ...(rightSignature({ title: s.signerTitle || '…', name: s.signerName }, width) as object),
    margin: [0, 14, 0, 0],
  } as Content);
  return documentOf([section({ stack: content }, { t: dt, margins: MARGINS, orientation: 'landscape' })], {
    title: `${t('due.pdfTitle')} ${formatDateVi(q.on)}`,
  });
}

export async function dueListPdf(ctx: CoreContext, items: DueItem[], q: DueQuery, db: Db = ctx.db): Promise<Buffer> {
  const s = await readRegistrySettings(db);
  const dd = dueListDocument(items, q, {
    issuerParent: s.reportIssuerParent,
    issuerBody: s.reportIssuerBody,
    place: s.reportPlace,
    signerTitle: s.reportSignerTitle,
    signerName: s.reportSignerName,
  });
  return renderPdf(dd, { ...(await documentFontOptions(ctx)), createdAt: new Date(`${q.on}T00:00:00Z`) });
}
