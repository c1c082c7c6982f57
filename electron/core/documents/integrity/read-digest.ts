import { DIGEST_TOKEN_RE } from './digest-code';

export interface PageDigest {
  /** 1-based page number. */
  page: number;
  sessionRef: string;
  digest: string;
}

export interface PdfDigestReading {
  pageCount: number;
  /** The token found on each page (null where a page carries none). */
  pages: (PageDigest | null)[];
  /** The one session and digest every page carries, or null when pages disagree or some lack it. */
  sessionRef: string | null;
  digest: string | null;
  /** True when every page carries the same token. */
  consistent: boolean;
}

/** Reads the digest tokens ("OCOP:<session>:<digest>") from the text of one page's extracted text. */
export function tokensIn(text: string): { sessionRef: string; digest: string }[] {
  return [...text.matchAll(DIGEST_TOKEN_RE)].map((m) => ({ sessionRef: m[1]!, digest: m[2]! }));
}

/**
 * pdf.js in Node runs its worker in the same thread: importing the worker module ourselves (and
 * handing it over through `globalThis.pdfjsWorker`, which pdf.js looks for) keeps that working
 * when a bundler moves files around. The minified builds load noticeably faster under tsx.
 */
export async function loadPdfjs() {
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
  return import('pdfjs-dist/legacy/build/pdf.min.mjs');
}

/**
 * Reads back the session digest printed on every page of a PDF (for `verify`): extracts each
 * page's text with pdf.js (works on every desktop, no poppler needed) and finds the token.
 * The caller compares it with the database; this function only reports what the paper says.
 */
export async function readDigestFromPdf(pdf: Uint8Array): Promise<PdfDigestReading> {
  const pdfjs = await loadPdfjs();
  // pdf.js may take ownership of (detach) the buffer it is given: hand it a copy.
  const loading = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 });
  const doc = await loading.promise;
  try {
    const pages: (PageDigest | null)[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const text = content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
      const found = tokensIn(text)[0];
      pages.push(found ? { page: i, ...found } : null);
      page.cleanup();
    }
    const first = pages[0] ?? null;
    const consistent =
      pages.length > 0 &&
      pages.every((p) => p !== null && first !== null && p.sessionRef === first.sessionRef && p.digest === first.digest);
    return {
      pageCount: doc.numPages,
      pages,
      sessionRef: consistent ? first!.sessionRef : null,
      digest: consistent ? first!.digest : null,
      consistent,
    };
  } finally {
    await doc.cleanup();
    await loading.destroy();
  }
}
