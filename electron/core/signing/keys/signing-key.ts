import type { CertificateInfo } from '../certificate';

/** Where a signing key lives. */
export type KeySourceKind = 'p12' | 'pkcs11';

/**
 * A private key able to sign, with its certificate: the one shape the PDF signer sees, whether
 * the key came from a .p12 file (in memory for the duration of one signing) or stays on a USB
 * token (each signature is a C_Sign on the token).
 */
export interface SigningKey {
  source: KeySourceKind;
  certificate: CertificateInfo;
  /** Issuing CA certificates to embed (DER), nearest first. */
  chain: Uint8Array[];
  /** Signs `data` with SHA-256: RSA PKCS #1 v1.5, or ECDSA answered as a DER Ecdsa-Sig-Value. */
  sign: (data: Uint8Array) => Promise<Uint8Array>;
  /** Forgets the key (logs out of the token and unloads its module). Idempotent. */
  close: () => void;
}
