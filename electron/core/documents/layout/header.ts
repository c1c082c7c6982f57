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

/** The right column must hold the 13-pt Quốc hiệu on one line (95,7 mm in Times metrics). */
const RIGHT_MIN = mm(97);
/** The official Mẫu 1.9 / 1.2 header tables hang 6 mm into the left margin; never more. */
const MAX_HANG = mm(6);

export interface HeaderGeometry {
  left: number;
  right: number;
  /** How far the header reaches into the left margin (points). */
  hang: number;
}

/**
 * Column widths of the two-column header: 55 | 100 mm on a portrait page (DOCUMENTS.md §1.3).
 * When an issuer line needs more, the left column grows, first taking from the right column
 * (never below 97 mm) and then reaching up to 6 mm into the left margin as the official samples
 * do. On a wider page the extra width goes to the left so each block stays centred on its half.
 */
export function headerGeometry(width: number, leftNeeded = 0): HeaderGeometry {
  if (width > mm(160)) return { left: width / 2 - mm(10), right: width / 2 + mm(10), hang: 0 };
  const left = Math.min(Math.max(width - mm(100), leftNeeded), width - RIGHT_MIN + MAX_HANG);
  const right = Math.max(RIGHT_MIN, width - left);
  return { left, right, hang: left + right - width };
}

/**
 * Issuer lines are typed by the office and never auto-wrapped; the decree allows 12–13 pt, so a
 * line too long for the column at 13 pt is set at 12.
 */
function issuerSize(lines: string[], room: number): number {
  const widest = (size: number) => Math.max(0, ...lines.map((l) => textWidth(l, size, true)));
  return widest(SIZE.issuer) <= room ? SIZE.issuer : 12;
}

/**
 * The Decree 30/2020 header: left, the parent body (regular caps) and the issuing body (bold
 * caps) with a rule of 40 % of its longest line under it, then "Số: …"; right, the Quốc hiệu
 * (13 bold), the Tiêu ngữ (14 bold) with a rule exactly as long as it, then the place and date
 * (14 italic) on the same row as the number.
 */
export function nd30Header(t: DocT, h: HeaderInput): Content {
  const allLines = [...h.issuer.parentLines, ...h.issuer.bodyLines];
  const widest13 = Math.max(...allLines.map((l) => textWidth(l, SIZE.issuer, true)));
  const fit12 = Math.max(...allLines.map((l) => textWidth(l, 12, true)));
  // Ask for room at 13 pt; when even the widest geometry cannot give it, settle for 12 pt.
  const g0 = headerGeometry(h.width, widest13 + 2);
  const g = g0.left >= widest13 + 1 ? g0 : headerGeometry(h.width, fit12 + 2);
  const { left, right } = g;
  const size = issuerSize(allLines, left - 1);
  const bodyWidth = Math.max(...h.issuer.bodyLines.map((l) => textWidth(l, size, true)));
  const tieuNgu = t('common.tieuNgu');
  const leftTop: Content[] = [
    ...h.issuer.parentLines.map((l): Content => ({ text: l, fontSize: size })),
    ...h.issuer.bodyLines.map((l): Content => ({ text: l, fontSize: size, bold: true })),
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
          h.numberLine === null
            ? { text: '' }
            : { text: h.numberLine, fontSize: SIZE.number, alignment: 'center', margin: [0, 2, 0, 0] },
          h.placeDateLine === null
            ? { text: '' }
            : { text: h.placeDateLine, fontSize: SIZE.placeDate, italics: true, alignment: 'center', margin: [0, 2, 0, 0] },
        ],
      ],
    },
    layout: BARE,
    margin: [-g.hang, 0, 0, 14],
  };
}
