import type { Content } from 'pdfmake/interfaces';
import type { DocT } from '../doc-t';
import type { IssuerHeader } from '../types';
import { textWidth } from './measure';
import { centredRule } from './rule';
import { BARE } from './tables';
import { SIZE, SINGLE } from './styles';
import { mm } from './units';

export interface HeaderInput {
  issuer: IssuerHeader;
  /** Under the issuer, level with the place/date: "Số: 05/BB-HĐĐG" (or null for none). */
  numberLine: string | null;
  /** Right column, under the motto: "Đồng Tháp, ngày 05 tháng 01 năm 2026" (or null). */
  placeDateLine: string | null;
  /** Width between the margins. */
  width: number;
}

/**
 * Column widths of the two-column header: 55 | 100 mm on a portrait page (DOCUMENTS.md §1.3,
 * the right column ≥ 96 mm so the 13-pt Quốc hiệu fits on one line); on a wider page the extra
 * width goes to the left column so each block stays centred over its half.
 */
export function headerColumns(width: number): [number, number] {
  const right = mm(100);
  if (width <= mm(160)) return [width - right, right];
  return [width / 2 - mm(10), width / 2 + mm(10)];
}

/**
 * The Decree 30/2020 header: left, the parent body (regular caps) and the issuing body (bold
 * caps) with a rule of 40 % of its longest line under it, then "Số: …"; right, the Quốc hiệu
 * (13 bold), the Tiêu ngữ (14 bold) with a rule exactly as long as it, then the place and date
 * (14 italic) on the same row as the number.
 */
export function nd30Header(t: DocT, h: HeaderInput): Content {
  const [left, right] = headerColumns(h.width);
  const bodyWidth = Math.max(...h.issuer.bodyLines.map((l) => textWidth(l, SIZE.issuer, true)));
  const tieuNgu = t('common.tieuNgu');
  const leftTop: Content[] = [
    ...h.issuer.parentLines.map((l): Content => ({ text: l, fontSize: SIZE.issuer })),
    ...h.issuer.bodyLines.map((l): Content => ({ text: l, fontSize: SIZE.issuer, bold: true })),
    centredRule(left, bodyWidth * 0.4),
  ];
  const rightTop: Content[] = [
    { text: t('common.quocHieu'), fontSize: SIZE.quocHieu, bold: true },
    { text: tieuNgu, fontSize: SIZE.tieuNgu, bold: true },
    centredRule(right, textWidth(tieuNgu, SIZE.tieuNgu, true)),
  ];
  const cell = (stack: Content[]): Content => ({ stack, alignment: 'center', lineHeight: SINGLE });
  return {
    table: {
      widths: [left, right],
      body: [
        [cell(leftTop), cell(rightTop)],
        [
          h.numberLine === null ? { text: '' } : { text: h.numberLine, fontSize: SIZE.number, alignment: 'center', margin: [0, 2, 0, 0] },
          h.placeDateLine === null ? { text: '' } : { text: h.placeDateLine, fontSize: SIZE.placeDate, italics: true, alignment: 'center', margin: [0, 2, 0, 0] },
        ],
      ],
    },
    layout: BARE,
    margin: [0, 0, 0, 14],
  };
}
