/**
 * Revocation from a CRL file the user provides (the app works offline and never fetches one):
 * the CRL must be issued and signed by the signer's issuer; the answer says whether the
 * certificate was revoked, and when, relative to the signing time.
 */
import crypto from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { CertificateInfo } from '../certificate';

x509.cryptoProvider.set(crypto.webcrypto as Crypto);

export type Revocation =
  | { status: 'not-checked' }
  | { status: 'good'; crlThisUpdate: string; crlNextUpdate: string | null }
  | { status: 'revoked'; revokedAt: string; beforeSigning: boolean; crlThisUpdate: string }
  | { status: 'no-matching-crl'; detail: string };

export type ParsedCrl = x509.X509Crl;

/** Reads DER or PEM CRLs (several PEM blocks in one file are fine); throws an Error naming the problem. */
export function readCrls(bytes: Uint8Array): ParsedCrl[] {
  const text = Buffer.from(bytes).toString('latin1');
  const ders = text.includes('-----BEGIN X509 CRL-----')
    ? [...text.matchAll(/-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/gu)].map((m) =>
        Buffer.from(m[1]!.replace(/\s+/gu, ''), 'base64'),
      )
    : [Buffer.from(bytes)];
  return ders.map((der) => {
    try {
      return new x509.X509Crl(Uint8Array.from(der));
    } catch (e) {
      throw new Error(`not a CRL (DER or PEM): ${(e as Error).message}`, { cause: e });
    }
  });
}

const sameName = (a: string, b: string) => a.replace(/\s*,\s*/gu, ',') === b.replace(/\s*,\s*/gu, ',');

export async function checkRevocation(
  cert: CertificateInfo,
  issuer: CertificateInfo | null,
  crls: ParsedCrl[],
  signingTime: Date | null,
): Promise<Revocation> {
  if (crls.length === 0) return { status: 'not-checked' };
  const mine = crls.filter((c) => sameName(c.issuer, cert.issuer));
  if (mine.length === 0) return { status: 'no-matching-crl', detail: `no CRL given is issued by "${cert.issuer}"` };
  if (!issuer)
    return { status: 'no-matching-crl', detail: 'the issuer certificate is not known, so the CRL signature cannot be checked' };
  const issuerCert = new x509.X509Certificate(Uint8Array.from(issuer.der));
  for (const crl of mine) {
    const sigOk = await crl.verify({ publicKey: issuerCert }).catch(() => false);
    if (!sigOk) continue;
    const entry = crl.entries.find((e) => e.serialNumber.replace(/^0+/u, '').toUpperCase() === cert.serialHex);
    const thisUpdate = crl.thisUpdate.toISOString();
    if (entry)
      return {
        status: 'revoked',
        revokedAt: entry.revocationDate.toISOString(),
        beforeSigning: signingTime ? entry.revocationDate <= signingTime : true,
        crlThisUpdate: thisUpdate,
      };
    return { status: 'good', crlThisUpdate: thisUpdate, crlNextUpdate: crl.nextUpdate?.toISOString() ?? null };
  }
  return { status: 'no-matching-crl', detail: `the CRL of "${cert.issuer}" is not signed by the issuer's key` };
}
