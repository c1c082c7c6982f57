import zlib from 'node:zlib';
import { PDFName, PDFPage, type PDFDocument, type PDFEmbeddedPage, type PDFFont, type PDFImage, type PDFRef } from 'pdf-lib';
import { ASCENDER } from '../layout/lines';

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';
export type Fonts = Record<FontStyle, PDFFont>;

const n = (v: number): string => (Math.round(v * 1000) / 1000).toString();

/**
 * Encodes strings once per font: pdf-lib shapes text with fontkit on every encode (about a
 * millisecond), and a session repeats the same scores, names and labels thousands of times.
 */
export class GlyphCache {
  private readonly hex = new Map<string, string>();
  constructor(readonly fonts: Fonts) {}

  encode(text: string, style: FontStyle): string {
    const key = `${style}\u0000${text}`;
    let h = this.hex.get(key);
    if (h === undefined) {
      h = this.fonts[style].encodeText(text).toString();
      this.hex.set(key, h);
    }
    return h;
  }
}

/**
 * One page's drawing, written as PDF operators and stored as a single content stream
 * compressed with Node's zlib. (pdf-lib's own drawing compresses every stream with pako in
 * JavaScript, which alone would take minutes for a session's 19 000 pages.) Coordinates are
 * given from the page's top-left, like pdfmake's.
 */
export class PageCanvas {
  private readonly ops: string[] = [];
  private readonly fontKeys: Partial<Record<FontStyle, string>> = {};

  constructor(
    readonly doc: PDFDocument,
    readonly page: PDFPage,
    private readonly glyphs: GlyphCache,
  ) {}

  get height(): number {
    return this.page.getHeight();
  }

  /** Draws an embedded page (a template page) over the whole page. */
  drawEmbeddedPage(embedded: PDFEmbeddedPage): void {
    const name = this.page.node.newXObject('Tpl', embedded.ref).asString();
    this.ops.push(`q 1 0 0 1 0 0 cm ${name} Do Q`);
  }

  /** Text whose line box starts `top` pt below the page's top edge (baseline at top + ascender). */
  text(s: string, x: number, top: number, size: number, style: FontStyle): void {
    if (!s) return;
    const key = (this.fontKeys[style] ??= this.page.node
      .newFontDictionary(this.glyphs.fonts[style].name, this.glyphs.fonts[style].ref)
      .asString());
    const y = this.height - top - ASCENDER * size;
    this.ops.push(`BT ${key} ${n(size)} Tf ${n(x)} ${n(y)} Td ${this.glyphs.encode(s, style)} Tj ET`);
  }

  /** A straight line between two points given from the top-left. */
  line(x1: number, top1: number, x2: number, top2: number, width: number): void {
    const h = this.height;
    this.ops.push(`q ${n(width)} w 0 G ${n(x1)} ${n(h - top1)} m ${n(x2)} ${n(h - top2)} l S Q`);
  }

  /** An image with its top-left corner at (x, top). */
  image(img: PDFImage, x: number, top: number, width: number, height: number): void {
    const name = this.page.node.newXObject('Img', img.ref).asString();
    this.ops.push(`q ${n(width)} 0 0 ${n(height)} ${n(x)} ${n(this.height - top - height)} cm ${name} Do Q`);
  }

  /** Stores the page's drawing as its content stream. */
  finish(): void {
    const data = zlib.deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'));
    const stream = this.doc.context.stream(data, { Filter: 'FlateDecode' });
    this.page.node.addContentStream(this.doc.context.register(stream));
  }
}

/**
 * Appends a page at the end of the page tree. pdf-lib's addPage walks the tree to find the
 * insertion point, which is quadratic over a session's 19 000 pages; appending to the root's
 * Kids is constant (a flat page tree is valid PDF).
 */
export function appendPage(doc: PDFDocument, width: number, height: number): PDFPage {
  const page = PDFPage.create(doc);
  page.setSize(width, height);
  return appendExistingPage(doc, page);
}

/**
 * Appends a page made elsewhere (copied from another PDF) the same way: pdf-lib's addPage counts
 * pages from a cache that pages appended here do not update, and would insert it too early.
 */
export function appendExistingPage(doc: PDFDocument, page: PDFPage): PDFPage {
  const pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  doc.catalog.Pages().pushLeafNode(page.ref);
  page.node.setParent(pagesRef);
  return page;
}
