/**
 * Signing a document with a key, after checking that its certificate may sign now: the one
 * entry the services, the CLI and the bench use. A refused certificate never reaches the PDF.
 */
import { checkSigningCertificate, describeProblems, type CertificateProblem } from './certificate-check';
import type { SigningKey } from './keys/signing-key';
import { signPdf, type SignedPdf, type SignPdfOptions } from './pdf/sign-pdf';

export class CertificateRefused extends Error {
  constructor(
    readonly problems: CertificateProblem[],
    message: string,
  ) {
    super(message);
    this.name = 'CertificateRefused';
  }
}

export async function signDocument(pdf: Uint8Array, key: SigningKey, opts: Omit<SignPdfOptions, 'key'>): Promise<SignedPdf> {
  const verdict = checkSigningCertificate(key.certificate, opts.signingTime);
  if (!verdict.ok)
    throw new CertificateRefused(
      verdict.problems,
      `The certificate of ${key.certificate.commonName} cannot sign: ${describeProblems(key.certificate, verdict.problems)}`,
    );
  return signPdf(pdf, { ...opts, key });
}
