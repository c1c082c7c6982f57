import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { addMonths } from '../../../../shared/ocop/iso-date';
import { getLegalBasis } from '../../../../shared/ocop/legal-basis';
import type { DocT } from '../doc-t';
import { docRefOf } from '../integrity/doc-ref';
import { qrImages } from '../integrity/images';
import { documentOf } from '../layout/document';
import { longDate, placeDateLine, starText } from '../layout/format';
import { nd30Header } from '../layout/header';
import { section } from '../layout/page-frame';
import { rightSignature } from '../layout/signature';
import { starRow, starRowWidth } from '../layout/stars';
import { SINGLE } from '../layout/styles';
import { A4, contentWidth, mm, type Margins } from '../layout/units';
import type { CertificateData } from '../types';

/** A specialised form printed on a bordered landscape page (DOCUMENTS.md §3.7): margins inside the frame. */
const MARGINS: Margins = [mm(22), mm(16), mm(22), mm(30)];
const RED = '#a50e1e';

/**
 * Last day of validity of a certificate issued on `issuedOn`: the same day number
 * `certificateValidityMonths` (36) months later under the round's legal basis, clamped to the
 * month's end (issued 29/02/2028 → valid until 28/02/2031).
 */
export const certificateExpiry = (d: { issuedOn: string; legalBasis: CertificateData['legalBasis'] }): string =>
  addMonths(d.issuedOn, getLegalBasis(d.legalBasis).certificateValidityMonths);

/**
 * Giấy chứng nhận kết quả phân hạng sản phẩm OCOP for a recognised product: issuer and national
 * motto, title, product, code, producer, address, star rank (drawn stars plus "4 sao" in text),
 * the recognising decision, validity with the computed expiry, place/date and signer.
 */
export function buildCertificate(d: CertificateData, t: DocT): TDocumentDefinitions {
  const width = contentWidth('landscape', MARGINS);
  const months = getLegalBasis(d.legalBasis).certificateValidityMonths;
  const field = (label: string, value: string, size = 15, bold = true): Content => ({
    text: [{ text: label }, { text: value, bold }],
    fontSize: size,
    alignment: 'center',
    margin: [0, 2, 0, 0],
  });
  const starWidth = starRowWidth(d.star, 20);
  const rankText = starText(t, d.star);
  const content: Content[] = [
    nd30Header(t, {
      issuer: d.issuer,
      numberLine: d.certificateNo ? t('certificate.number', { number: d.certificateNo }) : null,
      placeDateLine: null,
      width,
    }),
    // A draft says so above its title, in words a reader (and a text search) finds.
    ...(d.draft
      ? [
          {
            table: { body: [[{ text: t('common.draft'), fontSize: 13, bold: true, margin: [6, 1, 6, 1] }]] },
            layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
            alignment: 'center',
            margin: [width / 2 - 35, 0, 0, 4],
          } as Content,
        ]
      : []),
    { text: t('certificate.title'), fontSize: 30, bold: true, color: RED, alignment: 'center', margin: [0, 0, 0, 0] },
    { text: t('certificate.subtitle'), fontSize: 18, bold: true, color: RED, alignment: 'center', margin: [0, 0, 0, 10] },
    { text: [t('certificate.product'), { text: d.product.name, bold: true, fontSize: 22 }], fontSize: 15, alignment: 'center' },
    ...(d.product.code ? [field(t('certificate.code'), d.product.code)] : []),
    field(t('certificate.producer'), d.product.producerName),
    ...(d.product.producerAddress ? [field(t('certificate.address'), d.product.producerAddress, 15, false)] : []),
    {
      columns: [
        { width: '*', text: '' },
        { width: 'auto', text: [t('certificate.rank'), { text: rankText, bold: true }], fontSize: 15, margin: [0, 3, 8, 0] },
        { width: starWidth, ...(starRow(d.star, 20, RED) as object) } as Content,
        { width: '*', text: '' },
      ],
      margin: [0, 4, 0, 4],
    },
    {
      text: t('certificate.basis', { decision: d.decisionCitation }),
      fontSize: 13,
      italics: true,
      alignment: 'center',
      margin: [mm(20), 2, mm(20), 0],
    },
    {
      // No validity dates until the recognising decision is recorded (its date starts the 36 months).
      text:
        d.issuedOn === null
          ? t('certificate.validityPending', { months })
          : t('certificate.validity', {
              months,
              from: longDate(t, d.issuedOn),
              until: longDate(t, certificateExpiry({ issuedOn: d.issuedOn, legalBasis: d.legalBasis })),
            }),
      fontSize: 13,
      alignment: 'center',
      margin: [0, 2, 0, 0],
    },
    {
      ...(rightSignature(d.signer, width, { placeDate: placeDateLine(t, d.placeDate) }) as object),
      margin: [0, 4, 0, 0],
    } as Content,
  ];
  return documentOf(
    [
      {
        ...section(
          { stack: content, lineHeight: SINGLE },
          {
            t,
            integrity: d.integrity,
            docRef: docRefOf.certificate(d.product.registrationId),
            margins: MARGINS,
            orientation: 'landscape',
            qrBottomGap: mm(12),
          },
        ),
        background: () => frame(),
      },
    ],
    {
      title: `${t('certificate.title')} ${t('certificate.subtitle')} – ${d.product.name}`,
      images: qrImages(d.integrity),
      // A draft certificate must not pass for one: a large mark across the page.
      ...(d.draft ? { watermark: { text: t('common.draft'), color: '#a0a0a0', opacity: 0.15, bold: true, angle: -20 } } : {}),
    },
  );
}

/** A double rule around the page, the way provinces print certificates. */
function frame(): Content {
  const w = A4.height;
  const h = A4.width;
  const outer = mm(8);
  const inner = mm(10);
  return {
    canvas: [
      { type: 'rect', x: outer, y: outer, w: w - 2 * outer, h: h - 2 * outer, lineWidth: 2.2, lineColor: RED },
      { type: 'rect', x: inner, y: inner, w: w - 2 * inner, h: h - 2 * inner, lineWidth: 0.7, lineColor: RED },
    ],
  };
}
