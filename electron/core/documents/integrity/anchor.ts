/**
 * Reading a document's anchor back — the session, finalization version, results digest and
 * audit-log head it was printed from — from the PDF the app wrote, or from a photo or scan of a
 * printed page (PNG or JPEG, through its QR code). Used by `verify` (documents) and by
 * `audit verify --against FILE` (issue 14): the paper holds the audit head outside the database.
 */
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { CoreError } from '../../errors';
import { anchorsIn, type ParsedAnchor } from './digest-code';
import { extractPdfText, pageLines, type PageText } from './pdf-text';

export type { ParsedAnchor } from './digest-code';

/** What a file is, by its first bytes. */
export type AnchorSource = 'pdf' | 'png' | 'jpeg';

export function sniffFile(bytes: Uint8Array): AnchorSource | null {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  return null;
}

/** The anchor of each page of a PDF (null where a page carries none), with the text read. */
export interface PdfAnchors {
  pageCount: number;
  pages: (ParsedAnchor | null)[];
  /** The pages' text as extracted (reused by the content comparison). */
  text: PageText[];
}

export async function readPdfAnchors(pdf: Uint8Array): Promise<PdfAnchors> {
  const text = await extractPdfText(pdf);
  return { pageCount: text.length, pages: text.map((p) => anchorsIn(pageLines(p).join('\n'))[0] ?? null), text };
}

interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function decodeImage(bytes: Uint8Array, kind: 'png' | 'jpeg'): Rgba {
  try {
    if (kind === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes));
      return {
        width: png.width,
        height: png.height,
        data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      };
    }
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024, maxResolutionInMP: 200 });
    return {
      width: img.width,
      height: img.height,
      data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length),
    };
  } catch (e) {
    throw new CoreError(
      'VALIDATION',
      `file: the ${kind.toUpperCase()} image cannot be read (${e instanceof Error ? e.message : String(e)}); scan or photograph the page again`,
    );
  }
}

function crop(img: Rgba, x: number, y: number, w: number, h: number): Rgba {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const from = ((y + row) * img.width + x) * 4;
    data.set(img.data.subarray(from, from + w * 4), row * w * 4);
  }
  return { width: w, height: h, data };
}

/** Averages `f` × `f` blocks (a phone photo is far larger than a QR decoder needs). */
function shrink(img: Rgba, f: number): Rgba {
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const data = new Uint8ClampedArray(w * h * 4);
  const n = f * f;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < f; dy++) {
        let i = ((y * f + dy) * img.width + x * f) * 4;
        for (let dx = 0; dx < f; dx++, i += 4) {
          r += img.data[i]!;
          g += img.data[i + 1]!;
          b += img.data[i + 2]!;
        }
      }
      const o = (y * w + x) * 4;
      data[o] = r / n;
      data[o + 1] = g / n;
      data[o + 2] = b / n;
      data[o + 3] = 255;
    }
  return { width: w, height: h, data };
}

const decodeQr = (img: Rgba): ParsedAnchor | null => {
  const r = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
  return r ? (anchorsIn(r.data)[0] ?? null) : null;
};

/**
 * The anchor in a photo or scan of a printed page. The QR code sits at the bottom right of a
 * page, so the bottom part is tried first (fast), then the whole picture, shrunk when it is
 * a large photo; null when no anchor QR code is found.
 */
export function readImageAnchor(bytes: Uint8Array, kind: 'png' | 'jpeg'): ParsedAnchor | null {
  const img = decodeImage(bytes, kind);
  const tries: (() => Rgba)[] = [];
  const bottom = Math.floor(img.height * 0.7);
  // Upright page: the bottom 30 %; then the whole picture (rotated, cropped or a close-up).
  tries.push(() => crop(img, 0, bottom, img.width, img.height - bottom));
  const longSide = Math.max(img.width, img.height);
  if (longSide > 2400) tries.push(() => shrink(img, Math.ceil(longSide / 2000)));
  tries.push(() => img);
  for (const t of tries) {
    const found = decodeQr(t());
    if (found) return found;
  }
  return null;
}

/** A document's anchor, as issue 14's `audit verify --against FILE` reads it. */
export interface DocumentAnchor {
  sessionId: number;
  /** Finalization seq; null on pages printed before versions were carried (no audit head either). */
  version: number | null;
  /** Upper-case hex prefix of the results digest (20 digits; 64 on older prints). */
  digestPrefix: string;
  auditSeq: number | null;
  /** Upper-case hex prefix of the audit event's hash (16 digits). */
  auditHashPrefix: string | null;
  /** 1-based pages carrying this anchor (a photo is page 1). */
  pages: number[];
}

export interface FileAnchors {
  source: AnchorSource;
  pageCount: number;
  /** Distinct anchors in page order (usually one). Empty when the file carries none. */
  anchors: DocumentAnchor[];
}

/**
 * Reads the anchor(s) of a PDF the app printed, or of a photo/scan (PNG, JPEG) of a printed page.
 * Refuses (VALIDATION) a file that is none of these; a file without an anchor gives `anchors: []`.
 */
export async function readDocumentAnchor(bytes: Uint8Array): Promise<FileAnchors> {
  const source = sniffFile(bytes);
  if (!source)
    throw new CoreError(
      'VALIDATION',
      'file: not a PDF, PNG or JPEG file; give the PDF the app printed, or a photo or scan of a printed page',
    );
  const found: { page: number; a: ParsedAnchor }[] = [];
  let pageCount = 1;
  if (source === 'pdf') {
    const r = await readPdfAnchors(bytes);
    pageCount = r.pageCount;
    r.pages.forEach((a, i) => a && found.push({ page: i + 1, a }));
  } else {
    const a = readImageAnchor(bytes, source);
    if (a) found.push({ page: 1, a });
  }
  const byKey = new Map<string, DocumentAnchor>();
  for (const { page, a } of found) {
    if (!/^\d{1,9}$/u.test(a.sessionRef)) continue;
    const key = [a.sessionRef, a.version, a.digestPrefix, a.auditSeq, a.auditHashPrefix].join(':');
    const known = byKey.get(key);
    if (known) known.pages.push(page);
    else
      byKey.set(key, {
        sessionId: Number(a.sessionRef),
        version: a.version,
        digestPrefix: a.digestPrefix,
        auditSeq: a.auditSeq,
        auditHashPrefix: a.auditHashPrefix,
        pages: [page],
      });
  }
  return { source, pageCount, anchors: [...byKey.values()] };
}
