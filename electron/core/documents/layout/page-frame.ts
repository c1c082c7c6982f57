import type { Content, ContentSection, DynamicContent, Margins as PdfMargins } from 'pdfmake/interfaces';
import type { DocT } from '../doc-t';
import { digestLine } from '../integrity/digest-code';
import { LINE_BOX } from './lines';
import type { Integrity } from '../types';
import { textWidth } from './measure';
import { SINGLE, SIZE } from './styles';
import { DECREE_MARGINS, mm, type Margins } from './units';

/** Name of the QR image in a document's `images`; builders add `qrImages(integrity)`. */
export const QR_IMAGE = 'ocopDigestQr';

/** QR side on paper: 13 mm (a version-3 code, ≈ 0,45 mm a module) decodes from a 150-dpi scan or a phone photo. */
export const QR_SIZE = mm(13);

/**
 * Office printers leave about 4–5 mm unprinted at the paper's edges: the QR code and the digest
 * line keep at least 5,5 mm clear of every edge (issue 13), inside the bottom margin.
 */
export const PRINT_SAFE = mm(5.5);

/** Where the frame draws its parts (pt); the batch renderer draws the same at the same places. */
export const FRAME = {
  pageNumberTop: mm(10),
  pageNumberSize: SIZE.pageNumber,
  markTop: mm(6),
  markSize: 10,
  digestSize: 7,
} as const;

/** Height of one 7-pt digest text line. */
const DIGEST_LINE = FRAME.digestSize * LINE_BOX * SINGLE;

/** The integrity footer's geometry on a page of `pageWidth` × `pageHeight` (pt, from the top-left). */
export function footerGeometry(pageWidth: number, pageHeight: number, margins: Margins, bottomGap = PRINT_SAFE) {
  const qrTop = pageHeight - bottomGap - QR_SIZE;
  return {
    qr: { x: pageWidth - margins[2] - QR_SIZE, y: qrTop, size: QR_SIZE },
    /** Two lines (label, token) at the left margin, their bottom level with the QR's. */
    label: { x: margins[0], y: qrTop + QR_SIZE - 2 * DIGEST_LINE },
    token: { x: margins[0], y: qrTop + QR_SIZE - DIGEST_LINE },
  };
}

/** x of a page number: centred on the text block (not on the paper), as the decree's samples are. */
export const pageNumberX = (pageWidth: number, margins: Margins, text: string): number =>
  margins[0] + (pageWidth - margins[0] - margins[2] - textWidth(text, FRAME.pageNumberSize)) / 2;

export interface FrameOptions {
  t: DocT;
  integrity?: Integrity;
  /** A boxed mark in the top margin of the section's first page ("DỰ THẢO"). */
  firstPageMark?: string;
  /** A line at the top of every page (a draft sheet's "BẢN NHÁP"). */
  everyPageMark?: string;
  margins?: Margins;
  orientation?: 'portrait' | 'landscape';
  /** Distance from the page's bottom edge to the QR code (default PRINT_SAFE). */
  qrBottomGap?: number;
  /** The document's reference printed after the anchor ("BB", "PD-12-3"; see digest-code.ts). */
  docRef?: string;
}

/**
 * A document section: its own page size, margins, page numbers and integrity footer.
 *
 * Page numbers follow the decree: Arabic digits, 14 pt, centred in the top margin, none on the
 * section's first page, counting from the section's start (an annex is numbered on its own;
 * each sheet of a batch starts again at 1). pdfmake passes header functions the absolute page
 * number only, but calls them for every page in order after layout, so the first number this
 * section's header sees is its first page; the minimum keeps that true if the same definition
 * is rendered again.
 */
export function section(content: Content, o: FrameOptions): ContentSection {
  let first = Number.POSITIVE_INFINITY;
  const margins = o.margins ?? DECREE_MARGINS;
  const header: DynamicContent = (current, _total, pageSize) => {
    first = Math.min(first, current);
    const relative = current - first + 1;
    const items: Content[] = [];
    if (relative === 1 && o.firstPageMark) items.push(draftBox(o.firstPageMark, margins));
    // Absolute positions (computed with Times metrics) so the mark and the number never push each other.
    if (o.everyPageMark) {
      const x = pageSize.width - margins[2] - textWidth(o.everyPageMark, FRAME.markSize, true);
      items.push({ text: o.everyPageMark, fontSize: FRAME.markSize, bold: true, absolutePosition: { x, y: FRAME.markTop } });
    }
    if (relative > 1) {
      const n = String(relative);
      items.push({
        text: n,
        fontSize: FRAME.pageNumberSize,
        absolutePosition: { x: pageNumberX(pageSize.width, margins, n), y: FRAME.pageNumberTop },
      });
    }
    return items.length ? { stack: items } : null;
  };
  const footer: DynamicContent | undefined = o.integrity
    ? digestFooter(o.t, o.integrity, margins, o.qrBottomGap, o.docRef)
    : undefined;
  return {
    section: content,
    pageSize: 'A4',
    pageOrientation: o.orientation ?? 'portrait',
    pageMargins: margins as PdfMargins,
    header,
    ...(footer ? { footer } : { footer: null }),
  };
}

function draftBox(text: string, margins: Margins): Content {
  return {
    table: { body: [[{ text, fontSize: 12, bold: true, margin: [4, 1, 4, 1] }]] },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
    margin: [margins[0], mm(8), 0, 0],
  };
}

/**
 * The integrity footer of every page: the anchor and the document's reference as small text
 * (read back by `verify`) and the anchor as a QR code, inside the bottom margin and at least
 * PRINT_SAFE from the paper's edges.
 */
function digestFooter(t: DocT, integrity: Integrity, margins: Margins, qrBottomGap?: number, docRef?: string): DynamicContent {
  const label = digestLabel(t, integrity);
  const line = digestLine(integrity, docRef);
  // pdfmake lays a footer out in the bottom margin's box (absolute positions there are dropped):
  // place the parts relative to the box's top, at the same points footerGeometry gives.
  return (_current, _total, pageSize) => {
    const g = footerGeometry(pageSize.width, pageSize.height, margins, qrBottomGap);
    const boxTop = pageSize.height - margins[3];
    return {
      columns: [
        {
          width: '*',
          stack: [
            { text: label, fontSize: FRAME.digestSize, lineHeight: SINGLE },
            { text: line, fontSize: FRAME.digestSize, lineHeight: SINGLE },
          ],
          margin: [0, g.label.y - boxTop, 6, 0],
        },
        { width: QR_SIZE, image: QR_IMAGE, fit: [QR_SIZE, QR_SIZE], margin: [0, g.qr.y - boxTop, 0, 0] },
      ],
      margin: [margins[0], 0, margins[2], 0],
    };
  };
}

/** "Mã xác thực – phiên 12, lần chốt 1:" */
export const digestLabel = (t: DocT, i: Integrity): string => t('common.digest', { session: i.sessionRef, version: i.version });
