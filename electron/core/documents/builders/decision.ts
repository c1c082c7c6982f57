import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { getLegalBasis, type Star } from '../../../../shared/ocop/legal-basis';
import type { DocT } from '../doc-t';
import { docRefOf } from '../integrity/doc-ref';
import { qrImages } from '../integrity/images';
import { documentOf } from '../layout/document';
import { countText, documentNumberText, longDate, meanText, numberLine, placeDateLine, roman, starText } from '../layout/format';
import { nd30Header } from '../layout/header';
import { section } from '../layout/page-frame';
import { para } from '../layout/paragraph';
import { recipientsAndSignature } from '../layout/signature';
import { SIZE } from '../layout/styles';
import { GRID } from '../layout/tables';
import { annexHeading, titleBlock } from '../layout/title';
import { contentWidth, DECREE_MARGINS, mm } from '../layout/units';
import type { DecisionData, DecisionProduct } from '../types';

/** Star levels of a provincial decision, highest first (5★ is the ministry's). */
const PROVINCIAL_STARS: Star[] = [4, 3];

/**
 * Dự thảo Quyết định công nhận kết quả đánh giá, phân hạng (NĐ 30 Mẫu 1.2, for the Chủ tịch UBND
 * tỉnh): header with a blank number while it is a draft, "QUYẾT ĐỊNH" + subject, the authority,
 * the "Căn cứ" lines, the proposal, "QUYẾT ĐỊNH:", Điều 1–3, Nơi nhận and the signer; then the
 * annex — a new section numbered on its own — listing the recognised products per star level.
 */
export function buildDecision(d: DecisionData, t: DocT): TDocumentDefinitions {
  const width = contentWidth('portrait', DECREE_MARGINS);
  const basis = getLegalBasis(d.legalBasis);
  const groups = PROVINCIAL_STARS.map((star) => ({ star, products: d.products.filter((p) => p.star === star) })).filter(
    (g) => g.products.length > 0,
  );
  const breakdown = groups
    .map((g) => t('decision.article1Item', { count: countText(g.products.length), stars: starText(t, g.star) }))
    .join(', ');
  const article = (n: number, text: string): Content => para([{ text: `${t('decision.article', { n })} `, bold: true }, text]);

  const main: Content[] = [
    nd30Header(t, {
      issuer: d.setup.issuer,
      numberLine: numberLine(t, d.setup.number),
      placeDateLine: placeDateLine(t, d.setup.placeDate, d.year),
      width,
    }),
    titleBlock(t('decision.type'), t('decision.subject', { subject: d.subject }), width),
    { text: d.authority, fontSize: SIZE.body, bold: true, alignment: 'center', margin: [0, 6, 0, 6] },
    ...d.legalBases.map((b) => para(t('decision.basis', { text: b }), { italics: true, margin: [0, 3, 0, 0] })),
    para(t('decision.proposal', { text: d.proposal }), { italics: true, margin: [0, 3, 0, 0] }),
    { text: t('decision.decides'), fontSize: SIZE.body, bold: true, alignment: 'center', margin: [0, 10, 0, 4] },
    article(
      1,
      t('decision.article1', { province: d.provinceName, year: d.year, count: countText(d.products.length), breakdown }),
    ),
    article(2, t('decision.article2', { months: basis.certificateValidityMonths })),
    para(t('decision.article2Unit', { unit: d.presentingUnit })),
    // Điều 3 travels with the signature so the signer's page is never without text.
    recipientsAndSignature(t, d.setup.recipients, d.signer, width, [
      article(3, t('decision.article3')),
      para(t('decision.article3Executors', { executors: joinAnd(t, d.executors) })),
    ]),
  ];

  const annex: Content[] = [
    annexHeading(
      t('common.annex'),
      t('decision.annexTitle', { year: d.year }),
      t('decision.annexAttached', {
        number: documentNumberText(d.setup.number),
        date: longDate(t, d.setup.placeDate.date, d.year),
        province: d.provinceName,
      }),
      width,
    ),
    ...groups.flatMap((g, i) => [
      {
        text: t('decision.annexGroup', { roman: roman(i + 1), stars: starText(t, g.star).toUpperCase() }),
        bold: true,
        fontSize: 13,
        margin: [0, 8, 0, 4],
      } as Content,
      annexTable(d, t, g.products),
    ]),
  ];

  const frame = {
    t,
    integrity: d.integrity,
    docRef: docRefOf.decision(),
    ...(d.draft ? { firstPageMark: t('common.draft') } : {}),
  };
  return documentOf([section(main, frame), section(annex, { t, integrity: d.integrity, docRef: docRefOf.decision() })], {
    title: `${t('decision.type')} ${t('decision.subject', { subject: d.subject })}`,
    images: qrImages(d.integrity),
  });
}

function annexTable(d: DecisionData, t: DocT, products: DecisionProduct[]): Content {
  const th = (text: string): TableCell => ({ text, bold: true, alignment: 'center' }) as TableCell;
  const centre = (text: string): TableCell => ({ text, alignment: 'center' }) as TableCell;
  const header: TableCell[] = [
    th(t('decision.colNo')),
    th(t('decision.colProduct')),
    th(t('decision.colProducer')),
    th(t('decision.colAddress')),
    th(t('decision.colGroup')),
    ...(d.showScores ? [th(t('decision.colScore'))] : []),
    th(t('decision.colStar')),
    th(t('decision.colNote')),
  ];
  const body: TableCell[][] = products.map((p, i) => [
    centre(String(i + 1)),
    { text: p.product.name, bold: true } as TableCell,
    { text: p.product.producerName } as TableCell,
    { text: p.product.producerAddress } as TableCell,
    { text: p.product.setName } as TableCell,
    ...(d.showScores ? [centre(p.mean ? meanText(t, p.mean, d.legalBasis) : t('common.dash'))] : []),
    centre(starText(t, p.star)),
    { text: t(`common.kinds.${p.product.kind}`), fontSize: 10 } as TableCell,
  ]);
  const widths = [mm(8), '*', '*', '*', mm(24), ...(d.showScores ? [mm(12)] : []), mm(12), mm(18)];
  return {
    table: { widths, headerRows: 1, dontBreakRows: true, body: [header, ...body] },
    layout: { ...GRID, paddingLeft: () => 2, paddingRight: () => 2 },
    fontSize: SIZE.tableSmall,
    lineHeight: 1,
  };
}

/** "A, B, C và D" (the last item joined with "và"). */
export function joinAnd(t: DocT, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${t('decision.and')}${items.at(-1)}`;
}
