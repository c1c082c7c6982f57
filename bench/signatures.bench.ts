/**
 * Issue 15: signing and verifying the minutes of a 300-product session (≈ 30 pages) with a .p12
 * key, PAdES B-B as an incremental update.
 * - sign (read the PDF, append the signature field, hash, CMS, write): target < 1 s, reported
 *   beside the bare CMS signature of the same digest (the cryptography alone) as a ratio;
 * - verify the twice-signed file (both signatures, chain, later-change analysis): target < 2 s.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { buildMinutes } from '../electron/core/documents/builders/minutes';
import { documentT } from '../electron/core/documents/doc-t';
import { renderPdfWithInfo } from '../electron/core/documents/render';
import { minutesData } from '../electron/core/documents/test/fixtures';
import { readCertificate } from '../electron/core/signing/certificate';
import { buildCadesDetached } from '../electron/core/signing/cms/cades';
import { p12SigningKey } from '../electron/core/signing/keys/p12-key';
import type { SigningKey } from '../electron/core/signing/keys/signing-key';
import { signDocument } from '../electron/core/signing/sign-document';
import { NOW, tmp } from '../electron/core/signing/test/signing-fixture';
import { makeTestPki } from '../electron/core/signing/test/test-pki';
import { verifyPdfSignatures } from '../electron/core/signing/verify/verify-pdf';
import { defineCases } from './harness';

interface State {
  pdf: Uint8Array;
  pages: number;
  key: SigningKey;
  chair: SigningKey;
  twice: Uint8Array;
  anchors: ReturnType<typeof readCertificate>[];
  cmsMs: number;
  signMs: number[];
}

let shared: Promise<State> | null = null;
const setup = () =>
  (shared ??= (async () => {
    const pki = await makeTestPki(tmp('ocop-bench-pki-'), NOW);
    const r = await renderPdfWithInfo(buildMinutes(minutesData(300), documentT('vi')), { createdAt: NOW });
    const key = p12SigningKey(fs.readFileSync(pki.p12(pki.secretary, 'x')), 'x');
    const chair = p12SigningKey(fs.readFileSync(pki.p12(pki.chair, 'x')), 'x');
    const pdf = new Uint8Array(r.pdf);
    const once = await signDocument(pdf, key, { signingTime: NOW, fieldName: 'secretary' });
    const twice = (await signDocument(once.pdf, chair, { signingTime: NOW, fieldName: 'chair' })).pdf;
    // The bare CMS signature of one digest: the floor any signing of this file pays.
    const digest = crypto.createHash('sha256').update(pdf).digest();
    const t: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await buildCadesDetached(digest, key);
      t.push(performance.now() - t0);
    }
    t.sort((a, b) => a - b);
    return { pdf, pages: r.pageCount, key, chair, twice, anchors: [readCertificate(pki.root.der)], cmsMs: t[10]!, signMs: [] };
  })());

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export const cases = defineCases<State>(
  {
    name: 'signatures:sign — biên bản of a 300-product session signed with a .p12 key (PAdES B-B, incremental)',
    setup,
    iterations: 10,
    warmup: 2,
    target: { medianMs: 1000 },
    run: async (s) => {
      const t0 = performance.now();
      await signDocument(s.pdf, s.key, { signingTime: NOW, fieldName: 'secretary' });
      s.signMs.push(performance.now() - t0);
    },
    notes: (s) =>
      `${s.pages} pages, ${(s.pdf.length / 1024).toFixed(0)} KiB; bare CMS signature of the digest (RSA 2048) ${s.cmsMs.toFixed(1)} ms; sign / bare CMS = ${(median(s.signMs) / s.cmsMs).toFixed(1)}×`,
  },
  {
    name: 'signatures:verify — the same minutes signed twice (secretary, chair): both signatures, chain, later changes',
    setup,
    iterations: 10,
    warmup: 1,
    target: { medianMs: 2000 },
    run: async (s) => {
      const r = await verifyPdfSignatures(s.twice, { trustAnchors: s.anchors });
      if (!r.allValid) throw new Error('bench: the twice-signed minutes did not verify');
    },
    notes: (s) => `${(s.twice.length / 1024).toFixed(0)} KiB, 2 signatures, trusted root`,
  },
);
