import type { Content, TableCell } from 'pdfmake/interfaces';
import type { DocT } from '../doc-t';
import type { Signer } from '../types';
import { recipientsBlock } from './recipients';
import { SIZE, SINGLE } from './styles';
import { BARE } from './tables';
import { mm } from './units';

/** Room for the wet signature and the seal: about five empty 14-pt lines (DOCUMENTS.md §1.4). */
export const SIGNATURE_SPACE = mm(28);

/**
 * The minutes' signing row is taller: the chair's signature there may carry the organisation's
 * seal at its real size (36 mm is the common size; NĐ 30 Phụ lục I), drawn over the left third of
 * the signature image, and it must fit between the title and the name without covering either.
 */
export const MINUTES_SIGNATURE_SPACE = mm(40);

export interface SignatureOptions {
  /** An italic hint under the title, e.g. "(Ký và ghi rõ họ tên)" on a scoring sheet. */
  hint?: string;
  /** A place/date line above the block (scoring sheets sign under their own date). */
  placeDate?: string;
}

/**
 * One signature block, centred: authority ("TM. HỘI ĐỒNG", "KT. CHỦ TỊCH"), title, office line,
 * space to sign, then the name — all 14 bold, as in the decree's samples. Kept on one page.
 */
export function signatureBlock(s: Signer, opts: SignatureOptions = {}): Content {
  const lines: Content[] = [];
  if (opts.placeDate) lines.push({ text: opts.placeDate, fontSize: SIZE.placeDate, italics: true });
  lines.push(...titleLines(s));
  if (opts.hint) lines.push({ text: opts.hint, fontSize: SIZE.note, italics: true });
  lines.push({ text: ' ', margin: [0, SIGNATURE_SPACE - 16, 0, 0] });
  lines.push({ text: s.name || ' ', fontSize: SIZE.signature, bold: true });
  return { stack: lines, alignment: 'center', lineHeight: SINGLE, unbreakable: true };
}

/** The lines above the signature space: authority, title, office line (14 bold caps). */
function titleLines(s: Signer): Content[] {
  const lines: Content[] = [];
  if (s.authority) lines.push({ text: s.authority, fontSize: SIZE.signature, bold: true });
  lines.push({ text: s.title, fontSize: SIZE.signature, bold: true });
  if (s.officeLine) lines.push({ text: s.officeLine, fontSize: SIZE.signature, bold: true });
  return lines;
}

/**
 * Two signers side by side with their titles, the signing space and their names on common
 * rows, so the names line up even when one title has more lines. `lead` (the closing sentence)
 * is kept on the same page so a page never holds signatures alone.
 */
export function twoSignatures(
  left: Signer,
  right: Signer,
  widths: [number, number, number],
  lead: Content[] = [],
  space = SIGNATURE_SPACE,
): Content {
  const cell = (stack: Content[]): TableCell => ({ stack, alignment: 'center', lineHeight: SINGLE }) as TableCell;
  const gap = { text: '' } as TableCell;
  const body: TableCell[][] = [
    [cell(titleLines(left)), gap, cell(titleLines(right))],
    [{ text: ' ', margin: [0, space - 16, 0, 0] } as TableCell, gap, { text: ' ' } as TableCell],
    [
      cell([{ text: left.name || ' ', fontSize: SIZE.signature, bold: true }]),
      gap,
      cell([{ text: right.name || ' ', fontSize: SIZE.signature, bold: true }]),
    ],
  ];
  return {
    stack: [...lead, { table: { widths, body, dontBreakRows: true }, layout: BARE, margin: [0, 12, 0, 0] }],
    unbreakable: true,
  };
}

/**
 * Biên bản (Mẫu 1.9): THƯ KÝ on the left, CHỦ TỌA on the right (60 | 7,5 | 97,5 mm in the sample,
 * scaled to the text width), and "Nơi nhận" under the left column below the signatures.
 */
export function minutesSignatures(
  t: DocT,
  secretary: Signer,
  chair: Signer,
  recipients: string[],
  width: number,
  lead: Content[] = [],
): Content {
  const total = 60 + 7.5 + 97.5;
  const widths: [number, number, number] = [(width * 60) / total, (width * 7.5) / total, (width * 97.5) / total];
  // Closing sentence, signatures and "Nơi nhận" stay on one page: neither the signatures nor the
  // recipients ever stand alone on the last page.
  const stack: Content[] = [...lead, twoSignatures(secretary, chair, widths, [], MINUTES_SIGNATURE_SPACE)];
  if (recipients.length > 0)
    stack.push({
      columns: [
        { width: widths[0], stack: [recipientsBlock(t, recipients)] },
        { width: '*', text: '' },
      ],
      margin: [0, 12, 0, 0],
    });
  return { stack, unbreakable: true };
}

/**
 * Quyết định and other named documents: "Nơi nhận" on the left (≈ 60 mm), the signer on the
 * right, both starting on the row of the authority line.
 */
export function recipientsAndSignature(
  t: DocT,
  recipients: string[],
  signer: Signer,
  width: number,
  lead: Content[] = [],
): Content {
  const left = Math.min(mm(62), width * 0.4);
  const table: Content = {
    table: {
      widths: [left, width - left],
      body: [[recipients.length ? recipientsBlock(t, recipients) : { text: '' }, signatureBlock(signer)]],
      dontBreakRows: true,
    },
    layout: BARE,
    margin: [0, 12, 0, 0],
  };
  return { stack: [...lead, table], unbreakable: true };
}

/** A single block on the right half (scoring sheets, certificates). */
export function rightSignature(signer: Signer, width: number, opts: SignatureOptions = {}): Content {
  const right = Math.max(mm(90), width * 0.5);
  return {
    columns: [
      { width: width - right, text: '' },
      { width: right, stack: [signatureBlock(signer, opts)] },
    ],
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}
