/**
 * Whether a signer's certificate leads, issuer by issuer, to a certificate the user imported
 * into the app's trust store, with every certificate of the path valid at the signing time.
 * Certificates come from the signature itself and from the trust store; nothing is fetched.
 */
import crypto from 'node:crypto';
import type { CertificateInfo } from '../certificate';

export type ChainStatus = 'trusted' | 'untrusted-root' | 'incomplete' | 'invalid';

export interface ChainResult {
  status: ChainStatus;
  /** Subjects from the signer up to where the path ended. */
  path: string[];
  /** The trust-store certificate the path ended at (trusted only). */
  anchor: CertificateInfo | null;
  /** Certificates of the path not valid at the signing time (subjects). */
  notValidAtSigningTime: string[];
  detail: string;
}

const verifiedBy = (cert: CertificateInfo, issuer: CertificateInfo): boolean => {
  try {
    return new crypto.X509Certificate(Buffer.from(cert.der)).verify(issuer.publicKey);
  } catch {
    return false;
  }
};

export function buildChain(signer: CertificateInfo, pool: CertificateInfo[], anchors: CertificateInfo[], at: Date): ChainResult {
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint));
  const candidates = [...anchors, ...pool];
  const path: CertificateInfo[] = [signer];
  const validAt = (c: CertificateInfo) => at >= c.notBefore && at <= c.notAfter;
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    const notValid = path.filter((c) => !validAt(c)).map((c) => c.subject);
    if (anchorPrints.has(current.fingerprint))
      return {
        status: 'trusted',
        path: path.map((c) => c.subject),
        anchor: current,
        notValidAtSigningTime: notValid,
        detail: 'trusted',
      };
    const issuer = candidates.find(
      (c) =>
        c.fingerprint !== current.fingerprint &&
        Buffer.from(c.subjectDer).equals(Buffer.from(current.issuerDer)) &&
        verifiedBy(current, c),
    );
    const selfSigned = Buffer.from(current.subjectDer).equals(Buffer.from(current.issuerDer)) && verifiedBy(current, current);
    if (!issuer) {
      return {
        status: selfSigned ? 'untrusted-root' : 'incomplete',
        path: path.map((c) => c.subject),
        anchor: null,
        notValidAtSigningTime: notValid,
        detail: selfSigned
          ? `the path ends at the root "${current.subject}", which is not in the app's trust store`
          : `the issuer "${current.issuer}" of "${current.subject}" is neither in the signature nor in the trust store`,
      };
    }
    if (!issuer.isCa && !anchorPrints.has(issuer.fingerprint))
      return {
        status: 'invalid',
        path: path.map((c) => c.subject),
        anchor: null,
        notValidAtSigningTime: notValid,
        detail: `"${issuer.subject}" is not a CA`,
      };
    path.push(issuer);
    current = issuer;
  }
  return {
    status: 'invalid',
    path: path.map((c) => c.subject),
    anchor: null,
    notValidAtSigningTime: [],
    detail: 'the path is longer than 10 certificates',
  };
}
