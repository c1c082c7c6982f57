/**
 * What the signing code needs to know about an X.509 certificate, read once: the raw pieces the
 * CMS embeds (issuer name, serial), who it names, when it is valid, what its key may do.
 */
import crypto from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { children, encodedOf, explicit, parseAsn1 } from './asn1';

export interface CertificateInfo {
  der: Uint8Array;
  /** SHA-256 of the DER, lower-case hex: how the app names a certificate (trust store, logs). */
  fingerprint: string;
  subject: string;
  issuer: string;
  /** The subject's common name (CN), or the whole subject when it has none. */
  commonName: string;
  /** O= of the subject, when present. */
  organization: string | null;
  /** Serial number, upper-case hex without leading zeros, as CA portals show it. */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** DER of the issuer Name and of the serial INTEGER, exactly as in the certificate. */
  issuerDer: Uint8Array;
  serialDer: Uint8Array;
  subjectDer: Uint8Array;
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean; keyCertSign: boolean; present: boolean };
  isCa: boolean;
  /** SubjectKeyIdentifier extension (hex), when present. */
  subjectKeyId: string | null;
  keyType: 'rsa' | 'ec' | 'other';
  publicKey: crypto.KeyObject;
}

/** Parses a DER certificate; throws an Error naming the problem. */
export function readCertificate(der: Uint8Array): CertificateInfo {
  const cert = new x509.X509Certificate(Uint8Array.from(der));
  const node = new crypto.X509Certificate(Buffer.from(der));
  const tbs = children(children(parseAsn1(der, 'certificate'), 'Certificate')[0]!, 'TBSCertificate');
  // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, …
  const offset = tbs[0]!.idBlock.tagClass === 3 ? 1 : 0;
  if (offset === 1) explicit(tbs[0], 0, 'version');
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  const bc = cert.getExtension(x509.BasicConstraintsExtension);
  const flags = ku?.usages ?? 0;
  const subject = cert.subjectName;
  const cn = subject.getField('CN')[0] ?? null;
  const keyType = node.publicKey.asymmetricKeyType;
  return {
    der: Uint8Array.from(der),
    fingerprint: crypto.createHash('sha256').update(der).digest('hex'),
    subject: cert.subject,
    issuer: cert.issuer,
    commonName: cn ?? cert.subject,
    organization: subject.getField('O')[0] ?? null,
    serialHex: cert.serialNumber.replace(/^0+(?=.)/u, '').toUpperCase(),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    serialDer: encodedOf(tbs[offset]!),
    issuerDer: encodedOf(tbs[offset + 2]!),
    subjectDer: encodedOf(tbs[offset + 4]!),
    keyUsage: {
      present: ku !== null,
      digitalSignature: (flags & x509.KeyUsageFlags.digitalSignature) !== 0,
      nonRepudiation: (flags & x509.KeyUsageFlags.nonRepudiation) !== 0,
      keyCertSign: (flags & x509.KeyUsageFlags.keyCertSign) !== 0,
    },
    isCa: bc?.ca === true,
    subjectKeyId: cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId.toLowerCase() ?? null,
    keyType: keyType === 'rsa' ? 'rsa' : keyType === 'ec' ? 'ec' : 'other',
    publicKey: node.publicKey,
  };
}

/** DER from a PEM (one or more certificates) or DER file. */
export function certificatesFromFile(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const blocks = [
      ...text.matchAll(/-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/gu),
    ];
    return blocks.map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/gu, ''), 'base64')));
  }
  return [Uint8Array.from(bytes)];
}
