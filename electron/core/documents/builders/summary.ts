import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocT } from '../doc-t';
import { docRefOf } from '../integrity/doc-ref';
import { qrImages } from '../integrity/images';
import { documentOf } from '../layout/document';
import { documentNumberText, longDate, meanText, points, starText } from '../layout/format';
import { section } from '../layout/page-frame';
import { twoSignatures } from '../layout/signature';
import { SIZE } from '../layout/styles';
import { GRID } from '../layout/tables';
import { annexHeading } from '../layout/title';
import { LINE_BOX, wrapRuns } from '../layout/lines';
import { contentWidth, DECREE_MARGINS, DECREE_MARGINS_MIN, mm, type Margins } from '../layout/units';
import type { SummaryData, SummaryRow } from '../types';

/** Text width of one member's column and of the fixed columns (mm), at 10,5 pt ("82,5", "100"). */
const MEMBER_COL = 8.5;
const FIXED = { no: 7.5, sum: 10.5, mean: 12.5, spread: 10.5, minima: 15, star: 10.5, note: 15 };
/** Product and producer columns need at least this much to stay readable (mm, each). */
const NAME_MIN = 25;
/** Cell padding left + right (pt); pdfmake's column widths exclude it. */
const PAD = 2;

export interface SummaryGeometry {
  orientation: 'portrait' | 'landscape';
  margins: Margins;
  width: number;
}

/**
 * Portrait while the member columns fit beside readable name columns; landscape (allowed by the
 * decree for wide tables) when they do not — with 9 members the table needs landscape.
 */
export function summaryGeometry(memberCount: number): SummaryGeometry {
  const fixed = Object.values(FIXED).reduce((a, b) => a + b, 0) + memberCount * MEMBER_COL;
  const columns = Object.keys(FIXED).length + 2 + memberCount;
  const portrait = contentWidth('portrait', DECREE_MARGINS);
  if (mm(fixed + 2 * NAME_MIN) + columns * 2 * PAD <= portrait)
    return { orientation: 'portrait', margins: DECREE_MARGINS, width: portrait };
  return { orientation: 'landscape', margins: DECREE_MARGINS_MIN, width: contentWidth('landscape', DECREE_MARGINS_MIN) };
}

/**
 * Bảng tổng hợp kết quả chấm điểm (annex to the biên bản): each member's total, the sum, the
 * exact mean (rounded for print only, never shown at a band edge it does not reach), the spread
 * (flagged above the council's limit), the starred minima, the star and notes; then the legend
 * of member columns and the THƯ KÝ / CHỦ TỌA signatures.
 */
export function buildSummary(d: SummaryData, t: DocT): TDocumentDefinitions {
  const g = summaryGeometry(d.members.length);
  const attached = t('summary.attached', {
    number: documentNumberText(d.minutesNumber),
    date: longDate(t, d.minutesDate),
    council: d.councilName,
  });
  const lead: Content[] = [
    {
      text: t('summary.legend', {
        list: d.members.map((m, i) => t('summary.legendItem', { n: i + 1, name: m.fullName })).join('; '),
      }),
      fontSize: SIZE.tableSmall,
      italics: true,
      margin: [0, 6, 0, 0],
    },
  ];
  if (d.rows.some((r) => r.totalsCenti.some((v) => v === null)))
    lead.push({ text: t('summary.notScored'), fontSize: SIZE.tableSmall, italics: true });
  const total = 60 + 7.5 + 97.5;
  const sigWidths: [number, number, number] =
    g.orientation === 'portrait'
      ? [(g.width * 60) / total, (g.width * 7.5) / total, (g.width * 97.5) / total]
      : [g.width * 0.4, g.width * 0.1, g.width * 0.5];
  // The legend travels with the signatures so a page never holds signatures alone.
  const content: Content[] = [
    annexHeading(t('common.annex'), t('summary.title'), attached, g.width),
    table(d, t, g),
    twoSignatures(d.secretary, d.chair, sigWidths, lead),
  ];
  return documentOf(
    [
      section(content, {
        t,
        integrity: d.integrity,
        docRef: docRefOf.summary(),
        margins: g.margins,
        orientation: g.orientation,
        ...(d.draft ? { firstPageMark: t('common.draft') } : {}),
      }),
    ],
    {
      title: t('summary.title'),
      images: qrImages(d.integrity),
    },
  );
}

function table(d: SummaryData, t: DocT, g: SummaryGeometry): Content {
  const n = d.members.length;
  const small = g.orientation === 'landscape' || n > 3;
  const fs = small ? 10.5 : SIZE.table;
  const span = (text: string): TableCell => ({ text, bold: true, alignment: 'center', rowSpan: 2 }) as TableCell;
  const head1: TableCell[] = [
    span(t('summary.colNo')),
    span(t('summary.colProduct')),
    span(t('summary.colProducer')),
    { text: t('summary.colMembers'), bold: true, alignment: 'center', colSpan: n } as TableCell,
    ...Array.from({ length: n - 1 }, () => ({}) as TableCell),
    span(t('summary.colSum')),
    span(t('summary.colMean')),
    span(t('summary.colSpread')),
    span(t('summary.colMinima')),
    span(t('summary.colStar')),
    span(t('summary.colNote')),
  ];
  const head2: TableCell[] = [
    {} as TableCell,
    {} as TableCell,
    {} as TableCell,
    ...d.members.map((_, i) => ({ text: t('summary.colMember', { n: i + 1 }), bold: true, alignment: 'center' }) as TableCell),
    ...Array.from({ length: 6 }, () => ({}) as TableCell),
  ];
  const body: TableCell[][] = [head1, head2, ...d.rows.map((r, i) => row(d, t, r, i))];
  // The two header rows must be as tall as the tallest label spanning both (pdfmake does not grow
  // spanned rows to fit a rowSpan cell, which would then overflow into the first data row).
  const spanned: [string, number][] = [
    [t('summary.colSum'), FIXED.sum],
    [t('summary.colMean'), FIXED.mean],
    [t('summary.colSpread'), FIXED.spread],
    [t('summary.colMinima'), FIXED.minima],
    [t('summary.colStar'), FIXED.star],
    [t('summary.colNote'), FIXED.note],
  ];
  const lineH = fs * LINE_BOX;
  const tallest = Math.max(...spanned.map(([text, w]) => wrapRuns([{ text, bold: true }], fs, mm(w)).length)) * lineH;
  const row1Height = Math.max(lineH, tallest - (lineH + 2 * 2 + 0.5)) + 2;
  const widths = [
    mm(FIXED.no),
    '*',
    '*',
    ...d.members.map(() => mm(MEMBER_COL)),
    mm(FIXED.sum),
    mm(FIXED.mean),
    mm(FIXED.spread),
    mm(FIXED.minima),
    mm(FIXED.star),
    mm(FIXED.note),
  ];
  return {
    // Row 2 (TV1 … TVn) is made tall enough for the two-row labels beside it: pdfmake does not
    // grow spanned rows to fit a rowSpan cell, which would then overflow into the first data row.
    table: { widths, headerRows: 2, dontBreakRows: true, body, heights: (r: number) => (r === 1 ? row1Height : 'auto') },
    layout: { ...GRID, paddingLeft: () => PAD, paddingRight: () => PAD },
    fontSize: fs,
    lineHeight: 1,
  };
}

function row(d: SummaryData, t: DocT, r: SummaryRow, i: number): TableCell[] {
  const centre = (text: string, extra: Record<string, unknown> = {}): TableCell =>
    ({ text, alignment: 'center', ...extra }) as TableCell;
  const scored = r.totalsCenti.filter((v): v is number => v !== null);
  const sum = scored.reduce((a, b) => a + b, 0);
  const over = r.spreadCenti !== null && r.spreadCenti > d.spreadLimitCenti;
  const notes = [r.note, over ? t('summary.spreadOver', { limit: points(t, d.spreadLimitCenti) }) : '']
    .filter(Boolean)
    .join('; ');
  const productLines: Content[] = [{ text: r.product.name, bold: true }];
  if (r.product.code) productLines.push({ text: r.product.code, fontSize: 9 });
  if (r.product.setName) productLines.push({ text: r.product.setName, fontSize: 9, italics: true });
  const producer: Content[] = [{ text: r.product.producerName }];
  if (r.product.producerAddress) producer.push({ text: r.product.producerAddress, fontSize: 9 });
  return [
    centre(String(i + 1)),
    { stack: productLines } as TableCell,
    { stack: producer } as TableCell,
    ...d.members.map((_, m) =>
      centre(r.totalsCenti[m] === null || r.totalsCenti[m] === undefined ? t('common.dash') : points(t, r.totalsCenti[m]!)),
    ),
    centre(scored.length ? points(t, sum) : t('common.dash')),
    centre(r.mean ? meanText(t, r.mean, d.legalBasis) : t('common.dash'), { bold: true }),
    centre(
      r.spreadCenti === null ? t('common.dash') : points(t, r.spreadCenti),
      over ? { bold: true, decoration: 'underline' } : {},
    ),
    centre(minimaText(t, r), r.minimaMet === false ? { fontSize: 9 } : {}),
    centre(r.star ? starText(t, r.star) : t('summary.notClassified'), { bold: r.star !== null }),
    { text: notes, fontSize: 9 } as TableCell,
  ];
}

/**
 * "Đạt": the star the mean reached kept its starred minima; otherwise which minima were missed,
 * e.g. "Chưa đạt mức 4 sao: 1.5, 2.3" (the criteria that lowered the star). "—" when unranked.
 */
export function minimaText(t: DocT, r: SummaryRow): string {
  if (r.minimaMet === null || r.star === null) return t('common.dash');
  if (r.minimaMet || r.cappedBy.length === 0) return t('summary.minimaMet');
  const stars = Math.min(...r.cappedBy.map((c) => c.requiredStars));
  return t('summary.minimaCapped', { stars, codes: r.cappedBy.map((c) => c.code).join(', ') });
}
