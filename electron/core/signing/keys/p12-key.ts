import crypto from 'node:crypto';
import { readCertificate } from '../certificate';
import { readPkcs12 } from './pkcs12';
import type { SigningKey } from './signing-key';

/**
 * A signing key from a .p12/.pfx file and its password. The file's other certificates become
 * the chain embedded in the signature. Throws Pkcs12Error (wrong password, damaged file…).
 */
export function p12SigningKey(file: Uint8Array, password: string): SigningKey {
  const contents = readPkcs12(file, password);
  let key: crypto.KeyObject | null = contents.privateKey;
  const certificate = readCertificate(contents.certificate);
  return {
    source: 'p12',
    certificate,
    chain: orderChain(certificate.issuerDer, contents.otherCertificates),
    sign: async (data) => {
      if (!key) throw new Error('p12SigningKey: the key was closed');
      // RSA: PKCS #1 v1.5 (crypto.sign's default padding); EC: DER-encoded (r, s).
      return new Uint8Array(crypto.sign('sha256', data, key));
    },
    close: () => {
      key = null;
    },
  };
}

/** The file's certificates from the signer's issuer upwards; the rest after them. */
export function orderChain(issuerDer: Uint8Array, certs: Uint8Array[]): Uint8Array[] {
  const infos = certs.map((der) => readCertificate(der));
  const out: Uint8Array[] = [];
  const used = new Set<number>();
  let wanted = Buffer.from(issuerDer);
  for (;;) {
    const i = infos.findIndex((c, k) => !used.has(k) && Buffer.from(c.subjectDer).equals(wanted));
    if (i < 0) break;
    used.add(i);
    out.push(infos[i]!.der);
    if (Buffer.from(infos[i]!.issuerDer).equals(Buffer.from(infos[i]!.subjectDer))) break;
    wanted = Buffer.from(infos[i]!.issuerDer);
  }
  return [...out, ...infos.filter((_, k) => !used.has(k)).map((c) => c.der)];
}
