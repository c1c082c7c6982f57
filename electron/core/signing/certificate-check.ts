/**
 * Whether a certificate may sign a document now (Luật Giao dịch điện tử 2023 Điều 23: a valid
 * certificate at signing time; the key usage must allow signatures). Answers every problem, so
 * the message can say which.
 */
import type { CertificateInfo } from './certificate';

export type CertificateProblem = 'expired' | 'not-yet-valid' | 'key-usage' | 'unsupported-key';

export interface CertificateVerdict {
  ok: boolean;
  problems: CertificateProblem[];
}

export function checkSigningCertificate(cert: CertificateInfo, at: Date): CertificateVerdict {
  const problems: CertificateProblem[] = [];
  if (at.getTime() > cert.notAfter.getTime()) problems.push('expired');
  if (at.getTime() < cert.notBefore.getTime()) problems.push('not-yet-valid');
  // No KeyUsage extension means no restriction (RFC 5280 §4.2.1.3).
  if (cert.keyUsage.present && !cert.keyUsage.digitalSignature && !cert.keyUsage.nonRepudiation) problems.push('key-usage');
  if (cert.keyType === 'other') problems.push('unsupported-key');
  return { ok: problems.length === 0, problems };
}

/** An English sentence for logs and the CLI; the app translates `problems` itself. */
export function describeProblems(cert: CertificateInfo, problems: CertificateProblem[]): string {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return problems
    .map((p) => {
      switch (p) {
        case 'expired':
          return `the certificate expired on ${iso(cert.notAfter)}`;
        case 'not-yet-valid':
          return `the certificate is valid only from ${iso(cert.notBefore)}`;
        case 'key-usage':
          return 'the certificate’s key usage allows neither digitalSignature nor nonRepudiation (it is not a signing certificate)';
        case 'unsupported-key':
          return 'the certificate’s key is neither RSA nor EC';
      }
    })
    .join('; ');
}
