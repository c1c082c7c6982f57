import fs from 'node:fs';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinutes } from '../builders/minutes';
import { documentT } from '../doc-t';
import { INTEGRITY, minutesData } from '../test/fixtures';
import { pageGrey, pdfPages, tmpDir } from '../test/pdf-tools';
import { renderTo } from '../test/render-doc';
import { Integrity } from '../types';
import { digestQrDataUrl, digestToken } from './digest-code';
import { readDigestFromPdf, tokensIn } from './read-digest';

const t = documentT('vi');
let dir: string;
let withDigest: string;
let without: string;

beforeAll(async () => {
  dir = tmpDir();
  withDigest = await renderTo(dir, 'with', buildMinutes(minutesData(10), t));
  without = await renderTo(dir, 'without', buildMinutes(minutesData(3, null), t));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Decodes the QR code in the bottom strip of a page rendered at 200 dpi. */
function qrOnPage(file: string, page: number): string | null {
  const g = pageGrey(file, page, 200);
  const top = Math.floor(g.height * 0.85);
  const h = g.height - top;
  const rgba = new Uint8ClampedArray(g.width * h * 4);
  for (let i = 0; i < g.width * h; i++) {
    const v = g.data[top * g.width + i]!;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, g.width, h)?.data ?? null;
}

describe('integrity on paper', { timeout: 60_000 }, () => {
  it('accepts only ASCII session references and digests', () => {
    expect(Integrity.safeParse({ sessionRef: '12', digest: 'ab'.repeat(32) }).success).toBe(true);
    expect(Integrity.safeParse({ sessionRef: 'phiên-1', digest: 'ab'.repeat(32) }).success).toBe(false);
    expect(Integrity.safeParse({ sessionRef: '12', digest: 'short' }).success).toBe(false);
    expect(Integrity.safeParse({ sessionRef: '12', digest: 'ab'.repeat(32) + ' ' }).success).toBe(false);
    expect(digestToken(INTEGRITY)).toBe(`OCOP:12:${INTEGRITY.digest}`);
    expect(digestQrDataUrl(INTEGRITY)).toMatch(/^data:image\/png;base64,/u);
  });

  it('prints the token as text on every page (pdftotext)', () => {
    const pages = pdfPages(withDigest);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(tokensIn(p)).toEqual([{ sessionRef: '12', digest: INTEGRITY.digest }]);
  });

  it('prints the same token as a QR code that a reader decodes, on the first and the last page', () => {
    const n = pdfPages(withDigest).length;
    expect(qrOnPage(withDigest, 1)).toBe(digestToken(INTEGRITY));
    expect(qrOnPage(withDigest, n)).toBe(digestToken(INTEGRITY));
    expect(qrOnPage(without, 1)).toBeNull();
  });

  it('reads the digest back from the PDF with pdf.js, page by page', async () => {
    const r = await readDigestFromPdf(fs.readFileSync(withDigest));
    expect(r.pageCount).toBe(pdfPages(withDigest).length);
    expect(r.consistent).toBe(true);
    expect(r.sessionRef).toBe('12');
    expect(r.digest).toBe(INTEGRITY.digest);
    expect(r.pages.every((p) => p !== null)).toBe(true);
  });

  it('reports a PDF without a digest as not carrying one', async () => {
    const r = await readDigestFromPdf(fs.readFileSync(without));
    expect(r.consistent).toBe(false);
    expect(r.digest).toBeNull();
    expect(r.pages.every((p) => p === null)).toBe(true);
  });
});
