import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocumentAnchor } from '../documents/integrity/anchor';
import { readCertificate } from './certificate';
import { p12SigningKey } from './keys/p12-key';
import { pdfDate, isoWithOffset } from './pdf/pdf-syntax';
import { CertificateRefused, signDocument } from './sign-document';
import { appendPageEdit } from './test/edit';
import { sealPng, signaturePng } from './test/images';
import { anchors, INTEGRITY, minutesPdf, NOW, pageTexts, pdfsig, qpdfCheck, testPki } from './test/signing-fixture';
import type { TestPki } from './test/test-pki';
import { readCrls } from './verify/crl';
import { verifyPdfSignatures, type PdfSignaturesReport } from './verify/verify-pdf';
import { resolveFont } from '../documents/fonts';

// Real openssl, SoftHSM2, poppler and PDF work: generous on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

let pki: TestPki;
let unsigned: Uint8Array;
let twice: Uint8Array;
const later = new Date(NOW.getTime() + 15 * 60_000);
const key = (
  who: keyof Pick<TestPki, 'secretary' | 'chair' | 'expired' | 'notYetValid' | 'wrongUsage' | 'stranger' | 'revoked'>,
) => p12SigningKey(fs.readFileSync(pki.p12(pki[who], 'mật khẩu')), 'mật khẩu');

/** Our verify and pdfsig must agree on every signature: valid bytes and whole-document coverage. */
function expectAgreement(pdf: Uint8Array, ours: PdfSignaturesReport): void {
  const theirs = pdfsig(pdf);
  expect(theirs.length).toBe(ours.signatures.length);
  ours.signatures.forEach((s, i) => {
    expect({ field: s.fieldName, cn: s.signer?.commonName, valid: s.intact, total: s.coversWholeDocument }).toEqual({
      field: theirs[i]!.fieldName,
      cn: theirs[i]!.commonName,
      valid: theirs[i]!.valid,
      total: theirs[i]!.total,
    });
  });
}

beforeAll(async () => {
  pki = await testPki();
  unsigned = await minutesPdf();
  const once = await signDocument(unsigned, key('secretary'), {
    signingTime: NOW,
    fieldName: 'secretary',
    reason: 'Thư ký ký biên bản',
  });
  twice = (await signDocument(once.pdf, key('chair'), { signingTime: later, fieldName: 'chair', reason: 'Chủ tọa ký biên bản' }))
    .pdf;
}, 120_000);

describe('PAdES signing of the minutes (secretary, then chair)', () => {
  it('pdfsig finds both signatures valid, ETSI.CAdES.detached, the last covering the whole file; qpdf --check passes', async () => {
    const theirs = pdfsig(twice);
    expect(theirs.map((s) => [s.fieldName, s.commonName, s.valid, s.total])).toEqual([
      ['secretary', 'Trần Thị Bích Ngọc', true, false],
      ['chair', 'Nguyễn Văn Đức', true, true],
    ]);
    const check = qpdfCheck(twice);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok).toBe(true);
    // The first signature still covers exactly the bytes it signed: the unsigned file plus its own update.
    expect(Buffer.from(twice.subarray(0, unsigned.length)).equals(Buffer.from(unsigned))).toBe(true);
  });

  it('our verify names signer, issuer, serial and time, agrees with pdfsig, and trusts only an imported root', async () => {
    const untrusted = await verifyPdfSignatures(twice, { trustAnchors: [] });
    expectAgreement(twice, untrusted);
    const [s1, s2] = untrusted.signatures;
    expect(s1).toMatchObject({
      index: 1,
      fieldName: 'secretary',
      intact: true,
      coversWholeDocument: false,
      laterChanges: ['signature'],
      signingTime: isoWithOffset(NOW),
      signer: {
        commonName: 'Trần Thị Bích Ngọc',
        organization: 'Hội đồng OCOP tỉnh Hòa Bình',
        serialHex: pki.secretary.cert.serialNumber.replace(/^0+/u, '').toUpperCase(),
      },
      certificate: { chain: 'untrusted-root', problemsAtSigningTime: [] },
      revocation: { status: 'not-checked' },
      pades: { signingCertificateV2: true, cmsSigningTime: false, baselineB: true },
    });
    expect(s1!.signer!.issuer).toContain('CA Chuyên dùng Thử nghiệm');
    expect(s1!.signingTime).toBe('2026-06-18T14:30:00+07:00');
    expect(s2).toMatchObject({ fieldName: 'chair', intact: true, coversWholeDocument: true, laterChanges: [] });
    expect(untrusted.allValid).toBe(false);

    const trusted = await verifyPdfSignatures(twice, { trustAnchors: anchors(pki) });
    expect(trusted.signatures.map((s) => s.certificate.chain)).toEqual(['trusted', 'trusted']);
    expect(trusted.signatures[0]!.certificate.chainPath).toHaveLength(3);
    expect(trusted.signatures[0]!.certificate.trustAnchor).toContain('Root CA Thử nghiệm OCOP');
    expect(trusted.allValid).toBe(true);
  });

  it('writes the claimed time in /M in Vietnam time and no CMS signing-time (PAdES baseline)', () => {
    expect(Buffer.from(twice).toString('latin1')).toContain(`/M (${pdfDate(NOW)})`);
    expect(pdfDate(NOW)).toBe("D:20260618143000+07'00'");
  });

  it('keeps the document anchor (session, version, digest) readable on every page of the signed file', async () => {
    const before = await readDocumentAnchor(unsigned);
    const after = await readDocumentAnchor(twice);
    expect(after).toEqual(before);
    expect(after.anchors).toHaveLength(1);
    expect(after.anchors[0]).toMatchObject({ sessionId: Number(INTEGRITY.sessionRef), version: INTEGRITY.version });
    expect(after.anchors[0]!.pages).toHaveLength(after.pageCount);
  });

  it('an edit appended after signing is reported by pdfsig and by our verify, with its kind', async () => {
    const edited = await appendPageEdit(twice);
    expect(qpdfCheck(edited).ok).toBe(true);
    const ours = await verifyPdfSignatures(edited, { trustAnchors: anchors(pki) });
    expectAgreement(edited, ours);
    expect(ours.signatures.map((s) => s.coversWholeDocument)).toEqual([false, false]);
    expect(ours.signatures[1]!.laterChanges).toContain('page-content');
    expect(ours.signatures[0]!.laterChanges).toEqual(expect.arrayContaining(['signature', 'page-content']));
    expect(ours.allValid).toBe(false);
  });

  it('a byte changed inside the signed range breaks the signature for pdfsig and for us', async () => {
    const text = Buffer.from(twice).toString('latin1');
    const at = text.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(twice);
    tampered[at + 1] = 'p'.charCodeAt(0);
    const ours = await verifyPdfSignatures(tampered, { trustAnchors: anchors(pki) });
    expectAgreement(tampered, ours);
    expect(ours.signatures.map((s) => [s.intact, s.problems])).toEqual([
      [false, ['digest-mismatch']],
      [false, ['digest-mismatch']],
    ]);
  });

  it('a file with no signature has an empty report', async () => {
    const r = await verifyPdfSignatures(unsigned, { trustAnchors: anchors(pki) });
    expect(r).toEqual({ signatures: [], allValid: false });
    expect(pdfsig(unsigned)).toEqual([]);
  });

  it('refuses a second signature in a role already signed', async () => {
    await expect(signDocument(twice, key('chair'), { signingTime: later, fieldName: 'chair' })).rejects.toThrow(
      /already has a field named "chair"/u,
    );
  });
});

describe('certificates the signer may not use', () => {
  it.each([
    ['expired', ['expired'], /expired on/u],
    ['notYetValid', ['not-yet-valid'], /valid only from/u],
    ['wrongUsage', ['key-usage'], /neither digitalSignature nor nonRepudiation/u],
  ] as const)('%s: refused with the reason, nothing signed', async (who, problems, message) => {
    const err = await signDocument(unsigned, key(who), { signingTime: NOW, fieldName: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CertificateRefused);
    expect((err as CertificateRefused).problems).toEqual(problems);
    expect((err as CertificateRefused).message).toMatch(message);
  });

  it('a certificate from an unknown root signs, but verify says the root is not trusted', async () => {
    const s = await signDocument(unsigned, key('stranger'), { signingTime: NOW, fieldName: 'x' });
    const r = await verifyPdfSignatures(s.pdf, { trustAnchors: anchors(pki) });
    expect(r.signatures[0]!.certificate).toMatchObject({ chain: 'untrusted-root' });
    expect(r.signatures[0]!.certificate.chainDetail).toContain('Root CA Lạ');
    expectAgreement(s.pdf, r);
  });
});

describe('revocation', () => {
  it('is "not-checked" without a CRL, "good" with the issuer’s CRL, "revoked" when the CRL lists the serial', async () => {
    const s = await signDocument(unsigned, key('revoked'), { signingTime: NOW, fieldName: 'x' });
    const none = await verifyPdfSignatures(s.pdf, { trustAnchors: anchors(pki) });
    expect(none.signatures[0]!.revocation).toEqual({ status: 'not-checked' });
    const clean = readCrls(await pki.crl(new Date(NOW.getTime() - 86_400_000), []));
    expect((await verifyPdfSignatures(s.pdf, { trustAnchors: anchors(pki), crls: clean })).signatures[0]!.revocation.status).toBe(
      'good',
    );
    const listed = readCrls(await pki.crl(new Date(NOW.getTime() - 86_400_000), [pki.revoked]));
    const r = await verifyPdfSignatures(s.pdf, { trustAnchors: anchors(pki), crls: listed });
    expect(r.signatures[0]!.revocation).toMatchObject({ status: 'revoked', beforeSigning: true });
    expect(r.allValid).toBe(false);
  });
});

describe('the visible signature (NĐ 30 Phụ lục I)', () => {
  it('draws images and the info line in the widget only: the page text pdftotext reads is unchanged, pdfsig still valid', async () => {
    const font = fs.readFileSync(resolveFont({}).files.normal);
    const signed = await signDocument(unsigned, key('chair'), {
      signingTime: NOW,
      fieldName: 'chair',
      appearance: {
        pageIndex: 0,
        zone: [300, 300, 520, 380],
        signatureImage: { png: signaturePng(), widthPt: 120 },
        sealImage: { png: sealPng(), widthPt: 102 },
        infoLines: ['Ký bởi: Nguyễn Văn Đức', 'Hội đồng OCOP tỉnh Hòa Bình', isoWithOffset(NOW)],
        fontBytes: font,
      },
    });
    // Nothing is drawn outside the signing space (the widget never covers printed text).
    expect(signed.rect).toEqual([300, 300, 520, 380]);
    expect(pdfsig(signed.pdf)[0]).toMatchObject({ valid: true, total: true });
    expect(qpdfCheck(signed.pdf).ok).toBe(true);
    expect(pageTexts(signed.pdf)).toEqual(pageTexts(unsigned));
    expect(readCertificate(pki.chair.der).commonName).toBe('Nguyễn Văn Đức');
  });
});
