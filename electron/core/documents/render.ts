import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { nfc } from '../../../shared/text/normalize';
import { resolveFont, type FontOptions, type ResolvedFont } from './fonts';

/** The family name builders use (`defaultStyle.font`); the renderer maps it to real files. */
export const DOCUMENT_FONT = 'Times';

export interface RenderOptions extends FontOptions {
  /** Written as the PDF's creation date; tests and reprints pass a fixed one. */
  createdAt?: Date;
}

export interface RenderedPdf {
  pdf: Buffer;
  font: ResolvedFont;
  pageCount: number;
}

/**
 * NFC-normalises every string of a document definition, including what header, footer and
 * background functions return: decomposed Vietnamese (some input methods, text pasted from PDFs)
 * is drawn by pdfmake with misplaced tone marks.
 */
export function nfcDocument<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => nfcDocument(fn(...args))) as T;
  }
  if (Array.isArray(value)) return value.map((v) => nfcDocument(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = nfcDocument(v);
    return out as T;
  }
  return value;
}

/**
 * Renders a document definition to PDF bytes. The only place that talks to pdfmake: it owns the
 * fonts (Tinos or the system's Times New Roman), forbids every URL and every local file but the
 * four font files, and writes PDF 1.7 (pdfmake's default 1.3 is older than the 1.4 the decree
 * asks of electronic copies).
 */
export async function renderPdfWithInfo(dd: TDocumentDefinitions, opts: RenderOptions = {}): Promise<RenderedPdf> {
  const font = resolveFont(opts);
  const allowed = new Set(Object.values(font.files).map((f) => path.resolve(f)));
  // pdfmake keeps fonts and policies on a module-wide instance; they are set right before each
  // createPdf, which copies them synchronously, so concurrent renders cannot mix them up.
  pdfmake.setFonts({ [DOCUMENT_FONT]: { ...font.files } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => allowed.has(path.resolve(p)));
  const doc: TDocumentDefinitions = {
    ...nfcDocument(dd),
    version: '1.7',
    defaultStyle: { font: DOCUMENT_FONT, ...(dd.defaultStyle ?? {}) },
    info: {
      producer: 'OCOP Council',
      creator: 'OCOP Council',
      ...(dd.info ?? {}),
      ...(opts.createdAt ? { creationDate: opts.createdAt } : {}),
    },
  };
  const pdf = await pdfmake.createPdf(doc).getBuffer();
  return { pdf, font, pageCount: countPages(pdf) };
}

/** Renders a document definition to PDF bytes (see `renderPdfWithInfo`). */
export async function renderPdf(dd: TDocumentDefinitions, opts: RenderOptions = {}): Promise<Buffer> {
  return (await renderPdfWithInfo(dd, opts)).pdf;
}

/** Page objects in a pdfkit-written PDF (pdfkit never hides them in object streams). */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
