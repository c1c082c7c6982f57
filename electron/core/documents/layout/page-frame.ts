import type { Content, ContentSection, DynamicContent, Margins as PdfMargins } from 'pdfmake/interfaces';
import type { DocT } from '../doc-t';
import { digestToken } from '../integrity/digest-code';
import type { Integrity } from '../types';
import { textWidth } from './measure';
import { SIZE } from './styles';
import { DECREE_MARGINS, mm, type Margins } from './units';

/** Name of the QR image in a document's `images`; builders add `qrImages(integrity)`. */
export const QR_IMAGE = 'ocopDigestQr';

/** QR side on paper: 15 mm reads reliably with a phone and fits the 20-mm bottom margin. */
export const QR_SIZE = mm(15);

/** Where the frame draws its parts (pt); the batch renderer draws the same at the same places. */
export const FRAME = {
  pageNumberTop: mm(10),
  pageNumberSize: SIZE.pageNumber,
  markTop: mm(6),
  markSize: 10,
  digestSize: 7,
  /** Top of the digest text within the QR's height. */
  digestTextTop: QR_SIZE / 2 - 8,
  /** Gap between the digest text and the QR code. */
  digestGap: 6,
} as const;

export interface FrameOptions {
  t: DocT;
  integrity?: Integrity;
  /** A boxed mark in the top margin of the section's first page ("DỰ THẢO"). */
  firstPageMark?: string;
  /** A line at the top of every page (a draft sheet's "BẢN NHÁP"). */
  everyPageMark?: string;
  margins?: Margins;
  orientation?: 'portrait' | 'landscape';
  /** Distance from the page's bottom edge to the QR code (default: centred in the bottom margin). */
  qrBottomGap?: number;
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
        absolutePosition: { x: (pageSize.width - textWidth(n, FRAME.pageNumberSize)) / 2, y: FRAME.pageNumberTop },
      });
    }
    return items.length ? { stack: items } : null;
  };
  const footer: DynamicContent | undefined = o.integrity ? digestFooter(o.t, o.integrity, margins, o.qrBottomGap) : undefined;
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
 * The integrity footer of every page: the token as small text (read back by `verify`) and the
 * same token as a QR code, both inside the bottom margin.
 */
function digestFooter(t: DocT, integrity: Integrity, margins: Margins, qrBottomGap?: number): DynamicContent {
  const top = qrBottomGap === undefined ? (margins[3] - QR_SIZE) / 2 : Math.max(0, margins[3] - QR_SIZE - qrBottomGap);
  const label = t('common.digest', { session: integrity.sessionRef });
  const token = digestToken(integrity);
  return () => ({
    columns: [
      {
        width: '*',
        stack: [
          { text: label, fontSize: FRAME.digestSize },
          { text: token, fontSize: FRAME.digestSize },
        ],
        margin: [0, FRAME.digestTextTop, FRAME.digestGap, 0],
      },
      { width: QR_SIZE, image: QR_IMAGE, fit: [QR_SIZE, QR_SIZE] },
    ],
    margin: [margins[0], top, margins[2], 0],
  });
}
