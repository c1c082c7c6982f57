import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(crypto.webcrypto as Crypto);

/**
 * The meeting-room listener's TLS certificate: one per installation, generated on first use with
 * @peculiar/x509 (ECDSA P-256, SHA-256), kept in `<data folder>/room/` with the key readable by
 * the user only, and reused for two years so members accept the browser's warning once and can
 * compare the same fingerprint every meeting. It is self-signed: no authority vouches for a
 * laptop in a meeting room, which is exactly why the pairing screen shows the fingerprint.
 */
export interface LanCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate (DER), upper-case hex pairs joined by ":" — as browsers show it. */
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
  /** The IP addresses and names the certificate was made for. */
  subjectAltNames: string[];
}

const ALG: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const VALID_DAYS = 730;
/** Renewed when fewer days than this remain, so it never expires in the middle of a meeting season. */
const RENEW_DAYS = 30;
const DAY_MS = 86_400_000;

export const certificateFiles = (dataDir: string) => ({
  dir: path.join(dataDir, 'room'),
  cert: path.join(dataDir, 'room', 'lan-certificate.pem'),
  key: path.join(dataDir, 'room', 'lan-key.pem'),
});

export function fingerprintOf(der: ArrayBuffer | Uint8Array): string {
  const hex = crypto
    .createHash('sha256')
    .update(der instanceof Uint8Array ? der : new Uint8Array(der))
    .digest('hex')
    .toUpperCase();
  return hex.match(/../g)!.join(':');
}

function describe(certPem: string, keyPem: string): LanCertificate {
  const cert = new x509.X509Certificate(certPem);
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return {
    certPem,
    keyPem,
    fingerprint: fingerprintOf(cert.rawData),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    subjectAltNames: san ? san.names.items.map((n) => n.value) : [],
  };
}

/** The stored certificate when it is readable, matches its key and is not about to expire. */
function readStored(dataDir: string, now: Date): LanCertificate | null {
  const f = certificateFiles(dataDir);
  try {
    const c = describe(fs.readFileSync(f.cert, 'utf8'), fs.readFileSync(f.key, 'utf8'));
    const pub = crypto.createPublicKey(c.certPem).export({ type: 'spki', format: 'der' });
    const fromKey = crypto.createPublicKey(crypto.createPrivateKey(c.keyPem)).export({ type: 'spki', format: 'der' });
    if (!pub.equals(fromKey)) return null;
    if (c.notAfter.getTime() - now.getTime() < RENEW_DAYS * DAY_MS || c.notBefore.getTime() > now.getTime()) return null;
    return c;
  } catch {
    return null;
  }
}

export async function generateCertificate(addresses: readonly string[], now: Date): Promise<LanCertificate> {
  const keys = (await crypto.webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const host = os.hostname().replace(/[^A-Za-z0-9.-]/g, '') || 'ocop';
  const names: x509.JsonGeneralName[] = [
    { type: 'dns', value: 'localhost' },
    { type: 'dns', value: host },
    ...[...new Set(['127.0.0.1', ...addresses])].map((ip) => ({ type: 'ip' as const, value: ip })),
  ];
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: crypto
      .randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=OCOP Council (${host}), O=OCOP Council`,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + VALID_DAYS * DAY_MS),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(names, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = await crypto.webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const keyPem = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
  return describe(cert.toString('pem'), keyPem);
}

/** The installation's certificate: the stored one, or a new one written next to the database. */
export async function lanCertificate(dataDir: string, addresses: readonly string[], now = new Date()): Promise<LanCertificate> {
  const stored = readStored(dataDir, now);
  if (stored) return stored;
  const fresh = await generateCertificate(addresses, now);
  const f = certificateFiles(dataDir);
  fs.mkdirSync(f.dir, { recursive: true });
  // The key first, readable by the user only; the certificate is public.
  writeAtomic(f.key, fresh.keyPem, 0o600);
  writeAtomic(f.cert, fresh.certPem, 0o644);
  return fresh;
}

function writeAtomic(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}
