/** Shared set-up of the signing tests: a test PKI, a real minutes PDF, poppler and qpdf read-backs. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMinutes } from '../../documents/builders/minutes';
import { documentT } from '../../documents/doc-t';
import { renderPdf } from '../../documents/render';
import { INTEGRITY, minutesData } from '../../documents/test/fixtures';
import { readCertificate } from '../certificate';
import { makeTestPki, type TestPki } from './test-pki';

export const NOW = new Date('2026-06-18T07:30:00Z');

export const tmp = (prefix = 'ocop-sign-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

let pkiPromise: Promise<TestPki> | null = null;
/** One PKI per test file (key generation is the slow part). */
export const testPki = (): Promise<TestPki> => (pkiPromise ??= makeTestPki(tmp('ocop-pki-'), NOW));

export { INTEGRITY };

/** The minutes of a finalized 10-product session, as the app prints them. */
export async function minutesPdf(products = 10): Promise<Uint8Array> {
  return new Uint8Array(await renderPdf(buildMinutes(minutesData(products), documentT('vi')), { createdAt: NOW }));
}

export const anchors = (pki: TestPki) => [readCertificate(pki.root.der)];

export interface PdfsigSignature {
  fieldName: string;
  commonName: string;
  valid: boolean;
  total: boolean;
}

/** pdfsig's verdict for each signature (poppler, independent of the app's code). */
export function pdfsig(pdf: Uint8Array): PdfsigSignature[] {
  const dir = tmp('ocop-pdfsig-');
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  const out = `${r.stdout}${r.stderr}`;
  return out
    .split(/^Signature #\d+:$/mu)
    .slice(1)
    .map((block) => ({
      fieldName: /Signature Field Name: (.*)$/mu.exec(block)?.[1]?.trim() ?? '',
      commonName: /Signer Certificate Common Name: (.*)$/mu.exec(block)?.[1]?.trim() ?? '',
      valid: /Signature Validation: Signature is Valid\./u.test(block),
      total: /Total document signed/u.test(block) && !/Not total document signed/u.test(block),
    }));
}

/** `qpdf --check`: exit 0 (or 3 = warnings only) and no error line. */
export function qpdfCheck(pdf: Uint8Array): { ok: boolean; output: string } {
  const dir = tmp('ocop-qpdf-');
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, pdf);
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Text of every page as pdftotext reads it. */
export function pageTexts(pdf: Uint8Array): string[] {
  const dir = tmp('ocop-text-');
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, pdf);
  const out = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return out.split('\f');
}
