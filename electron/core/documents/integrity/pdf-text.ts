/**
 * The text a PDF's pages show, read with pdf.js (works on every desktop, no poppler needed):
 * for reading anchors back and for `verify`'s page-by-page comparison.
 *
 * What is compared (documented for signing, issue 15): each page's text items from pdf.js
 * `getTextContent` — the text drawn by the page's content streams, in every revision of the
 * file — except items whose origin lies inside the rectangle of a signature field's widget
 * (`/FT /Sig`) on that page. Annotation appearances (the widgets' own drawing) are never part of
 * a page's text content. So a signing step may add a widget, a signature image, and text drawn
 * inside the widget's rectangle (the signer's info line) without changing the compared text;
 * any other text it adds or changes is a difference.
 *
 * Items are put in reading order (top to bottom, then left to right) and joined into lines, so
 * two renderers that place the same words at the same places (pdfmake for one sheet, the batch
 * renderer for a session's sheets) give the same lines whatever order they draw them in.
 */
import { nfc } from '../../../../shared/text/normalize';

/** pdf.js in Node runs its worker in the same thread (see loadPdfjs). */
export async function loadPdfjs() {
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
  return import('pdfjs-dist/legacy/build/pdf.min.mjs');
}

export interface TextItem {
  str: string;
  /** Origin of the text (baseline start), PDF user space (origin bottom-left). */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageText {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
  /** Rectangles of signature widgets on the page (their text is not compared). */
  signatureRects: Rect[];
}

/** Extracts every page's text items (and signature widget rectangles). */
export async function extractPdfText(pdf: Uint8Array): Promise<PageText[]> {
  const pdfjs = await loadPdfjs();
  // pdf.js may take ownership of (detach) the buffer it is given: hand it a copy.
  const loading = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 });
  const doc = await loading.promise;
  try {
    const pages: PageText[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, , d, e, f] = it.transform as number[];
        items.push({
          str: nfc(it.str),
          x: e!,
          y: f!,
          width: it.width,
          size: Math.hypot(b!, d!) || Math.abs(a!),
        });
      }
      const annotations = (await page.getAnnotations()) as { fieldType?: string; subtype?: string; rect?: number[] }[];
      const signatureRects = annotations
        .filter((a) => a.subtype === 'Widget' && a.fieldType === 'Sig' && Array.isArray(a.rect) && a.rect.length === 4)
        .map((a) => {
          const [ax1, ay1, ax2, ay2] = a.rect as [number, number, number, number];
          return { x1: Math.min(ax1, ax2), y1: Math.min(ay1, ay2), x2: Math.max(ax1, ax2), y2: Math.max(ay1, ay2) };
        });
      pages.push({ page: i, width: x1 - x0, height: y1 - y0, items, signatureRects });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.cleanup();
    await loading.destroy();
  }
}

const inside = (it: TextItem, r: Rect): boolean => it.x >= r.x1 && it.x <= r.x2 && it.y >= r.y1 && it.y <= r.y2;

/** The items compared: all but those inside a signature widget. */
export const comparedItems = (p: PageText): TextItem[] =>
  p.signatureRects.length === 0 ? p.items : p.items.filter((it) => !p.signatureRects.some((r) => inside(it, r)));

/**
 * The page's lines in reading order: items whose baselines are within a third of their size of
 * each other form a line; within a line items go left to right, with a space where the gap
 * between two items is wider than a fifth of the size (the words of a line may be drawn as one
 * item or as several). Whitespace is collapsed; empty lines are dropped.
 */
export function pageLines(p: PageText): string[] {
  const items = comparedItems(p)
    .filter((it) => it.str.trim() !== '')
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of items) {
    const last = lines.at(-1);
    const ref = last?.[0];
    if (last && ref && Math.abs(ref.y - it.y) <= Math.max(1, Math.min(ref.size, it.size) / 3)) last.push(it);
    else lines.push([it]);
  }
  const out: string[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const it of line) {
      if (text !== '' && it.x - end > it.size / 5) text += ' ';
      text += it.str;
      end = Math.max(end, it.x + it.width);
    }
    const clean = text.replace(/\s+/gu, ' ').trim();
    if (clean) out.push(clean);
  }
  return out;
}
