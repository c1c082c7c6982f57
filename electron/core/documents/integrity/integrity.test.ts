import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../errors';
import { buildMinutes } from '../builders/minutes';
import { documentT } from '../doc-t';
import { INTEGRITY, minutesData } from '../test/fixtures';
import { pdfPages, tmpDir } from '../test/pdf-tools';
import { renderTo } from '../test/render-doc';
import { Integrity } from '../types';
import { readDocumentAnchor, readImageAnchor } from './anchor';
import { anchorsIn, anchorToken, digestLine, digestQrDataUrl } from './digest-code';
import { docRefOf, parseDocRef } from './doc-ref';

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

/** Page `page` of a PDF as a PNG at `dpi`, as a scanner would give it. */
function scan(file: string, page: number, dpi: number): Buffer {
  const prefix = path.join(dir, `scan-${path.basename(file, '.pdf')}-${page}-${dpi}`);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return fs.readFileSync(`${prefix}.png`);
}

const EXPECTED = {
  sessionId: 12,
  version: 1,
  digestPrefix: INTEGRITY.digest.slice(0, 20).toUpperCase(),
  auditSeq: INTEGRITY.auditSeq,
  auditHashPrefix: INTEGRITY.auditHash.slice(0, 16).toUpperCase(),
};
/** The same as read from one page or QR code (session as the printed reference). */
const PARSED = {
  sessionRef: '12',
  version: 1,
  digestPrefix: EXPECTED.digestPrefix,
  auditSeq: EXPECTED.auditSeq,
  auditHashPrefix: EXPECTED.auditHashPrefix,
};

describe('the anchor on paper', { timeout: 60_000 }, () => {
  it('is short upper-case ASCII naming session, version, digest and audit head; reads back from text', () => {
    expect(anchorToken(INTEGRITY)).toBe('OCOP:12:1:3F9A2C7D5E1B8A4F6C0D:4127:C1D2E3F4A5B60718');
    expect(anchorToken(INTEGRITY)).toMatch(/^[A-Z0-9:]{1,61}$/u); // QR alphanumeric mode, version 3 at most
    expect(digestLine(INTEGRITY, docRefOf.sheet(5, 3))).toBe(`${anchorToken(INTEGRITY)}/PD-5-3`);
    const [a] = anchorsIn(`Mã xác thực (phiên 12, lần chốt 1):\n${digestLine(INTEGRITY, 'GCN-7')}`);
    expect(a).toMatchObject({ ...PARSED, docRef: 'GCN-7' });
    expect(parseDocRef('GCN-7')).toEqual({ kind: 'certificate', registrationId: 7 });
    expect(parseDocRef('PD-5-3')).toEqual({ kind: 'sheet', registrationId: 5, memberId: 3 });
    expect(parseDocRef('XX')).toBeNull();
    // The line printed before versions were carried still reads (no version, whole digest).
    const [old] = anchorsIn(`OCOP:12:${INTEGRITY.digest}`);
    expect(old).toMatchObject({ sessionRef: '12', version: null, digestPrefix: INTEGRITY.digest.toUpperCase(), auditSeq: null });
    expect(anchorsIn('OCOP:12:1:3F9A:1:AB')).toEqual([]);
    expect(digestQrDataUrl(INTEGRITY)).toMatch(/^data:image\/png;base64,/u);
  });

  it('accepts only ASCII session references, digests and hashes', () => {
    expect(Integrity.safeParse(INTEGRITY).success).toBe(true);
    expect(Integrity.safeParse({ ...INTEGRITY, sessionRef: 'phiên-1' }).success).toBe(false);
    expect(Integrity.safeParse({ ...INTEGRITY, digest: 'short' }).success).toBe(false);
    expect(Integrity.safeParse({ ...INTEGRITY, auditHash: 'XYZ' }).success).toBe(false);
    expect(Integrity.safeParse({ ...INTEGRITY, version: 0 }).success).toBe(false);
  });

  it('prints the anchor and the document reference as text on every page (pdftotext)', () => {
    const pages = pdfPages(withDigest);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain(digestLine(INTEGRITY, 'BB'));
    for (const p of pages) expect(p).toContain('Mã xác thực (phiên 12, lần chốt 1):');
  });

  it('reads the anchor of every page of a PDF (for audit verify --against)', async () => {
    const r = await readDocumentAnchor(fs.readFileSync(withDigest));
    expect(r.source).toBe('pdf');
    expect(r.anchors).toEqual([{ ...EXPECTED, pages: Array.from({ length: r.pageCount }, (_, i) => i + 1) }]);
    const none = await readDocumentAnchor(fs.readFileSync(without));
    expect(none.anchors).toEqual([]);
  });

  it('reads the anchor from a 150-dpi scan (PNG) and a photo-sized JPEG of a printed page', async () => {
    const n = pdfPages(withDigest).length;
    for (const page of [1, n]) {
      const png = scan(withDigest, page, 150);
      const r = await readDocumentAnchor(png);
      expect(r.source).toBe('png');
      expect(r.anchors).toEqual([{ ...EXPECTED, pages: [1] }]);
    }
    // A 200-dpi colour JPEG (quality 80) of the last page, as a phone or copier saves it.
    const decoded = PNG.sync.read(scan(withDigest, n, 200));
    const jpg = jpeg.encode({ data: decoded.data, width: decoded.width, height: decoded.height }, 80).data;
    expect(readImageAnchor(jpg, 'jpeg')).toMatchObject({ ...PARSED, docRef: null });
    expect((await readDocumentAnchor(jpg)).anchors).toHaveLength(1);
    // A page without a QR code: no anchor.
    expect((await readDocumentAnchor(scan(without, 1, 150))).anchors).toEqual([]);
  });

  it('refuses what is not a PDF, PNG or JPEG, and an image that is damaged', async () => {
    const err = await readDocumentAnchor(Buffer.from('hello')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).message).toMatch(/not a PDF, PNG or JPEG/u);
    const png = scan(without, 1, 50);
    await expect(readDocumentAnchor(png.subarray(0, 200))).rejects.toThrow(/PNG image cannot be read/u);
  });
});
