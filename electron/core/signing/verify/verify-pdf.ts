/**
 * Verifies every signature of a PDF, offline: who signed (signer, issuer, serial), the claimed
 * signing time, whether the bytes each signature covers are intact, whether it covers the whole
 * file or what kind of changes were appended after it, whether the certificate was valid at
 * signing time and chains to a root the user imported, and revocation — only when a CRL file is
 * given, and said plainly when it is not.
 */
import { checkSigningCertificate, type CertificateProblem } from '../certificate-check';
import type { CertificateInfo } from '../certificate';
import { isoWithOffset, parsePdfDate } from '../pdf/pdf-syntax';
import { buildChain, type ChainStatus } from './chain';
import { checkCms, type CmsProblem } from './cms-check';
import { checkRevocation, type ParsedCrl, type Revocation } from './crl';
import { findSignatures, loadPdf } from './find-signatures';
import { classifyChanges, type ChangeKind } from './revisions';

export interface CertificateSummary {
  commonName: string;
  subject: string;
  issuer: string;
  organization: string | null;
  serialHex: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
}

export interface SignatureReport {
  /** 1-based, in signing order. */
  index: number;
  fieldName: string;
  subFilter: string | null;
  signer: CertificateSummary | null;
  /** The claimed time (/M, or the CMS signing-time when /M is absent), ISO 8601 in Vietnam time. */
  signingTime: string | null;
  /** The covered bytes are unchanged and the signature value verifies. */
  intact: boolean;
  problems: CmsProblem[];
  /** The signature covers the file to its last byte. */
  coversWholeDocument: boolean;
  /** What later incremental updates changed, when the signature does not cover the whole file. */
  laterChanges: ChangeKind[];
  certificate: {
    /** Problems at the signing time (expired, not yet valid, wrong key usage). */
    problemsAtSigningTime: CertificateProblem[];
    chain: ChainStatus;
    chainPath: string[];
    trustAnchor: string | null;
    chainDetail: string;
  };
  revocation: Revocation;
  pades: { signingCertificateV2: boolean; cmsSigningTime: boolean; baselineB: boolean };
}

export interface VerifyOptions {
  /** DER certificates the user imported into the trust store. */
  trustAnchors: CertificateInfo[];
  crls?: ParsedCrl[];
}

export interface PdfSignaturesReport {
  signatures: SignatureReport[];
  /** The whole file is covered by the last signature and every signature is intact and trusted. */
  allValid: boolean;
}

const summary = (c: CertificateInfo): CertificateSummary => ({
  commonName: c.commonName,
  subject: c.subject,
  issuer: c.issuer,
  organization: c.organization,
  serialHex: c.serialHex,
  fingerprint: c.fingerprint,
  notBefore: isoWithOffset(c.notBefore),
  notAfter: isoWithOffset(c.notAfter),
});

export async function verifyPdfSignatures(pdf: Uint8Array, opts: VerifyOptions): Promise<PdfSignaturesReport> {
  const doc = await loadPdf(pdf);
  const found = findSignatures(doc);
  const reports: SignatureReport[] = [];
  for (const [i, sig] of found.entries()) {
    const [a, b, c, d] = sig.byteRange;
    const rangeOk =
      sig.byteRange.length === 4 &&
      a === 0 &&
      [b, c, d].every((n) => Number.isInteger(n) && n! >= 0) &&
      b! < c! &&
      c! + d! <= pdf.length &&
      pdf[b!] === 0x3c && // '<' of /Contents
      pdf[c! - 1] === 0x3e; // '>'
    const cms = rangeOk
      ? checkCms(sig.contents, [pdf.subarray(0, b!), pdf.subarray(c!, c! + d!)])
      : { ...checkCms(new Uint8Array(0), []), detail: 'the /ByteRange does not frame the /Contents' };
    const claimed = (sig.m ? parsePdfDate(sig.m) : null) ?? cms.cmsSigningTime;
    const at = claimed ?? new Date();
    const signedLength = rangeOk ? c! + d! : 0;
    const covers = rangeOk && signedLength === pdf.length;
    let laterChanges: ChangeKind[] = [];
    if (rangeOk && !covers) {
      try {
        laterChanges = classifyChanges(await loadPdf(pdf.subarray(0, signedLength)), doc);
      } catch {
        laterChanges = ['other'];
      }
      // Bytes appended that no PDF reader sees (garbage after %%EOF) still change the file.
      if (laterChanges.length === 0) laterChanges = ['other'];
    }
    const signer = cms.signer;
    const chain = signer
      ? buildChain(signer, cms.certificates, opts.trustAnchors, at)
      : { status: 'invalid' as const, path: [], anchor: null, notValidAtSigningTime: [], detail: 'no signer certificate' };
    const issuer =
      signer && chain.path.length > 1
        ? ([...cms.certificates, ...opts.trustAnchors].find((x) => x.subject === chain.path[1]) ?? null)
        : null;
    const certProblems = signer ? checkSigningCertificate(signer, at).problems.filter((p) => p !== 'unsupported-key') : [];
    reports.push({
      index: i + 1,
      fieldName: sig.fieldName,
      subFilter: sig.subFilter,
      signer: signer ? summary(signer) : null,
      signingTime: claimed ? isoWithOffset(claimed) : null,
      intact: rangeOk && cms.ok,
      problems: rangeOk ? cms.problems : ['unreadable'],
      coversWholeDocument: covers,
      laterChanges,
      certificate: {
        problemsAtSigningTime: certProblems,
        chain: chain.status,
        chainPath: chain.path,
        trustAnchor: chain.anchor?.subject ?? null,
        chainDetail: chain.detail,
      },
      revocation: signer ? await checkRevocation(signer, issuer, opts.crls ?? [], claimed) : { status: 'not-checked' },
      pades: {
        signingCertificateV2: cms.signingCertificateV2,
        cmsSigningTime: cms.cmsSigningTime !== null,
        baselineB: sig.subFilter === 'ETSI.CAdES.detached' && cms.signingCertificateV2 && cms.cmsSigningTime === null,
      },
    });
  }
  const last = reports.at(-1);
  const allValid =
    reports.length > 0 &&
    last!.coversWholeDocument &&
    reports.every(
      (r) =>
        r.intact &&
        r.certificate.chain === 'trusted' &&
        r.certificate.problemsAtSigningTime.length === 0 &&
        r.revocation.status !== 'revoked',
    ) &&
    reports.every((r) => r.laterChanges.every((k) => k === 'signature'));
  return { signatures: reports, allValid };
}
