/**
 * A test PKI generated in the tests (never shipped): a root CA and an issuing CA with Vietnamese
 * names, signer certificates for the secretary and the chair, and the certificates a signer must
 * be refused with (expired, not yet valid, encryption-only key usage), plus a second, untrusted
 * root. Keys are RSA 2048 like the tokens Vietnamese CAs hand out. .p12 files are written by the
 * real `openssl pkcs12`, in the three generations signers hold.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(crypto.webcrypto as Crypto);

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

export interface TestIdentity {
  name: string;
  cert: x509.X509Certificate;
  der: Uint8Array;
  keys: CryptoKeyPair;
  certPem: string;
  keyPem: string;
}

export interface TestPki {
  dir: string;
  root: TestIdentity;
  ca: TestIdentity;
  secretary: TestIdentity;
  chair: TestIdentity;
  organisation: TestIdentity;
  expired: TestIdentity;
  notYetValid: TestIdentity;
  wrongUsage: TestIdentity;
  otherRoot: TestIdentity;
  stranger: TestIdentity;
  /** A CRL of `ca` revoking `revoked`' serial (and nobody else). */
  revoked: TestIdentity;
  crl: (at: Date, revoked: TestIdentity[]) => Promise<Uint8Array>;
  /** A signing certificate for any name (the members a test session prints), issued by `ca`. */
  signerNamed: (cn: string, o?: string) => Promise<TestIdentity>;
  /** Writes a .p12 of `who` (with the CA chain) and answers its path. */
  p12: (who: TestIdentity, password: string, kind?: 'openssl3' | 'legacy' | 'windows') => string;
}

const DAY = 86_400_000;
let serial = 0x1000;

async function issue(
  name: string,
  subject: string,
  issuer: TestIdentity | null,
  opts: { ca?: boolean; usage?: number; notBefore: Date; notAfter: Date },
): Promise<TestIdentity> {
  const keys = (await crypto.webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  serial += 1;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(opts.ca === true, undefined, true),
    new x509.KeyUsagesExtension(
      opts.usage ??
        (opts.ca
          ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
          : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation),
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const base = {
    serialNumber: serial.toString(16).padStart(8, '0'),
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    extensions,
    signingAlgorithm: ALG,
  };
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
        ...base,
        subject,
        issuer: issuer.cert.subject,
        publicKey: keys.publicKey,
        signingKey: issuer.keys.privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...base, name: subject, keys });
  const pkcs8 = new Uint8Array(await crypto.webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    name,
    cert,
    der: new Uint8Array(cert.rawData),
    keys,
    certPem: cert.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8.buffer, 'PRIVATE KEY'),
  };
}

/** Builds the PKI valid around `now` in a fresh folder under `dir`. */
export async function makeTestPki(dir: string, now: Date): Promise<TestPki> {
  fs.mkdirSync(dir, { recursive: true });
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const root = await issue('root', 'CN=Root CA Thử nghiệm OCOP, O=Ban Cơ yếu Thử nghiệm, C=VN', null, {
    ca: true,
    notBefore: at(-3650),
    notAfter: at(3650),
  });
  const ca = await issue('ca', 'CN=CA Chuyên dùng Thử nghiệm, O=Cục Chứng thực số Thử nghiệm, C=VN', root, {
    ca: true,
    notBefore: at(-1000),
    notAfter: at(2000),
  });
  const signer = (name: string, cn: string, o = 'Hội đồng OCOP tỉnh Hòa Bình') =>
    issue(name, `CN=${cn}, O=${o}, C=VN`, ca, { notBefore: at(-365), notAfter: at(730) });
  const secretary = await signer('secretary', 'Trần Thị Bích Ngọc');
  const chair = await signer('chair', 'Nguyễn Văn Đức');
  const organisation = await signer(
    'organisation',
    'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hòa Bình',
    'Ủy ban nhân dân tỉnh Hòa Bình',
  );
  const revoked = await signer('revoked', 'Lê Văn Thu Hồi');
  const expired = await issue('expired', 'CN=Phạm Hết Hạn, O=Hội đồng OCOP tỉnh Hòa Bình, C=VN', ca, {
    notBefore: at(-800),
    notAfter: at(-35),
  });
  const notYetValid = await issue('notYetValid', 'CN=Đỗ Chưa Hiệu Lực, O=Hội đồng OCOP tỉnh Hòa Bình, C=VN', ca, {
    notBefore: at(30),
    notAfter: at(800),
  });
  const wrongUsage = await issue('wrongUsage', 'CN=Vũ Chỉ Mã Hóa, O=Hội đồng OCOP tỉnh Hòa Bình, C=VN', ca, {
    usage: x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment,
    notBefore: at(-10),
    notAfter: at(700),
  });
  const otherRoot = await issue('otherRoot', 'CN=Root CA Lạ, C=VN', null, { ca: true, notBefore: at(-100), notAfter: at(3000) });
  const stranger = await issue('stranger', 'CN=Người Lạ, C=VN', otherRoot, { notBefore: at(-10), notAfter: at(300) });
  for (const id of [root, ca, secretary, chair, organisation, revoked, expired, notYetValid, wrongUsage, otherRoot, stranger]) {
    fs.writeFileSync(path.join(dir, `${id.name}.crt`), id.certPem);
    fs.writeFileSync(path.join(dir, `${id.name}.key`), id.keyPem);
  }
  return {
    dir,
    root,
    ca,
    secretary,
    chair,
    organisation,
    expired,
    notYetValid,
    wrongUsage,
    otherRoot,
    stranger,
    revoked,
    signerNamed: async (cn, o = 'Hội đồng OCOP tỉnh Hòa Bình') => {
      const id = await issue(`signer-${serial}`, `CN=${cn}, O=${o}, C=VN`, ca, { notBefore: at(-365), notAfter: at(730) });
      fs.writeFileSync(path.join(dir, `${id.name}.crt`), id.certPem);
      fs.writeFileSync(path.join(dir, `${id.name}.key`), id.keyPem);
      return id;
    },
    crl: async (when, list) => {
      const crl = await x509.X509CrlGenerator.create({
        issuer: ca.cert.subject,
        thisUpdate: when,
        nextUpdate: new Date(when.getTime() + 7 * DAY),
        entries: list.map((r) => ({ serialNumber: r.cert.serialNumber, revocationDate: when })),
        signingKey: ca.keys.privateKey,
        signingAlgorithm: ALG,
      });
      return new Uint8Array(crl.rawData);
    },
    p12: (who, password, kind = 'openssl3') => {
      const file = path.join(dir, `${who.name}-${kind}.p12`);
      const chain = path.join(dir, `${who.name}-chain.pem`);
      const chainCerts = who === stranger ? [otherRoot] : [ca, root];
      fs.writeFileSync(chain, chainCerts.map((c) => c.certPem).join('\n'));
      const extra =
        kind === 'legacy'
          ? ['-legacy']
          : kind === 'windows'
            ? ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']
            : [];
      execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        path.join(dir, `${who.name}.key`),
        '-in',
        path.join(dir, `${who.name}.crt`),
        '-certfile',
        chain,
        '-name',
        who.name,
        '-passout',
        `pass:${password}`,
        '-out',
        file,
        ...extra,
      ]);
      return file;
    },
  };
}
