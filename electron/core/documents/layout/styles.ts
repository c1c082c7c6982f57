import type { StyleDictionary } from 'pdfmake/interfaces';
import { mm } from './units';

/**
 * Type sizes of Decree 30/2020, preset "PL-III" (the official sample DOCX of Phụ lục III):
 * Quốc hiệu 13 bold, Tiêu ngữ 14 bold, issuer 13, number 13, place/date 14 italic, tên loại and
 * trích yếu 14 bold, body 14, signatures 14 bold, notes 13 italic, "Nơi nhận" 12 bold italic over
 * an 11-point list, page numbers 14.
 */
export const SIZE = {
  quocHieu: 13,
  tieuNgu: 14,
  issuer: 13,
  number: 13,
  placeDate: 14,
  title: 14,
  body: 14,
  signature: 14,
  note: 13,
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 14,
  /** Tables of forms and annexes (12–13 pt per DOCUMENTS.md §3.4). */
  table: 12,
  tableSmall: 11,
} as const;

/**
 * pdfmake's lineHeight 1 is (ascender − descender)/em = 1.107 em for Times metrics; Word's
 * "single" is 1.150 em. 1.04 reproduces single spacing of the official samples.
 */
export const SINGLE = 1.04;

/** First-line indent of body paragraphs (1 cm). */
export const INDENT = mm(10);

/** Space before each body paragraph (≥ 6 pt). */
export const PARA_GAP = 6;

export const DOC_STYLES: StyleDictionary = {
  body: { fontSize: SIZE.body, alignment: 'justify', lineHeight: SINGLE },
  title: { fontSize: SIZE.title, bold: true, alignment: 'center' },
  note: { fontSize: SIZE.note, italics: true },
  th: { fontSize: SIZE.table, bold: true, alignment: 'center' },
  td: { fontSize: SIZE.table },
};
