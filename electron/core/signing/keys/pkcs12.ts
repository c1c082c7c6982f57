/**
 * Reads a PKCS #12 (.p12/.pfx) file: checks its password MAC, decrypts the key and the
 * certificates, and answers the signing key with its certificate and the rest of the chain.
 *
 * Written here rather than taken from a library because the files signers hold come in every
 * generation: Windows exports (3DES + SHA-1 MAC), OpenSSL 1.x / `-legacy` (40-bit RC2
 * certificates, 3DES key) and OpenSSL 3 (PBES2: PBKDF2 + AES-256-CBC, SHA-256 MAC). Node's and
 * Electron's crypto cover the hashes, PBKDF2, AES and 3DES; RC2 is in rc2.ts.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import { children, explicit, intOf, octets, oidOf, parseAsn1, encodedOf, type Block } from '../asn1';
import { hashName, OID } from '../oids';
import { bmpPassword, pkcs12Kdf } from './pkcs12-kdf';
import { rc2CbcDecrypt } from './rc2';

export interface Pkcs12Contents {
  privateKey: crypto.KeyObject;
  /** DER of the certificate that matches the private key. */
  certificate: Uint8Array;
  /** DER of the other certificates in the file (usually the issuing CA chain). */
  otherCertificates: Uint8Array[];
}

/** Why a file could not be read; `wrong-password` is the MAC check (or decryption) failing. */
export type Pkcs12Problem = 'not-pkcs12' | 'wrong-password' | 'unsupported' | 'no-key' | 'no-certificate';

export class Pkcs12Error extends Error {
  constructor(
    readonly problem: Pkcs12Problem,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

interface KeyBag {
  pkcs8: Uint8Array;
  localKeyId: string | null;
}
interface CertBag {
  der: Uint8Array;
  localKeyId: string | null;
}

/** Reads `file` with `password` (UTF-8 as typed). Throws Pkcs12Error. */
export function readPkcs12(file: Uint8Array, password: string): Pkcs12Contents {
  let pfx: Block[];
  try {
    pfx = children(parseAsn1(file, 'PKCS #12 file'), 'PFX');
  } catch (e) {
    throw new Pkcs12Error('not-pkcs12', `The file is not a PKCS #12 (.p12/.pfx) file: ${(e as Error).message}`);
  }
  return guard(() => {
    if (intOf(pfx[0], 'PFX version') !== 3) throw new Pkcs12Error('unsupported', 'Only PKCS #12 version 3 files are read');
    const authSafe = children(pfx[1]!, 'PFX authSafe');
    const authType = oidOf(authSafe[0], 'authSafe contentType');
    if (authType !== OID.data)
      throw new Pkcs12Error(
        'unsupported',
        `The file is protected by a public key (${authType}), not a password; export it again with a password`,
      );
    const authBytes = octets(explicit(authSafe[1], 0, 'authSafe content'), 'authSafe content');
    const passwords = candidatePasswords(password);
    // The MAC tells a wrong password apart from a damaged file before any decryption.
    const pw = pfx[2] ? checkMac(pfx[2], authBytes, passwords) : passwords[0]!;
    const keys: KeyBag[] = [];
    const certs: CertBag[] = [];
    for (const ci of children(parseAsn1(authBytes, 'AuthenticatedSafe'), 'AuthenticatedSafe')) {
      const parts = children(ci, 'ContentInfo');
      const type = oidOf(parts[0], 'ContentInfo contentType');
      let safeContents: Uint8Array;
      if (type === OID.data) safeContents = octets(explicit(parts[1], 0, 'data'), 'data');
      else if (type === OID.encryptedData)
        safeContents = decryptEncryptedData(explicit(parts[1], 0, 'encryptedData'), pw, password);
      else
        throw new Pkcs12Error('unsupported', `A part of the file is enveloped (${type}); export it again with a password only`);
      readBags(parseAsn1(safeContents, 'SafeContents'), pw, password, keys, certs);
    }
    return pair(keys, certs);
  });
}

/** Turns structural surprises into `not-pkcs12` while letting Pkcs12Errors through. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Pkcs12Error) throw e;
    throw new Pkcs12Error('not-pkcs12', `The PKCS #12 file is damaged or of an unknown layout: ${(e as Error).message}`);
  }
}

/**
 * An empty password is encoded two ways by different writers (OpenSSL tries both as well): as
 * the two-byte terminator alone, or as nothing at all.
 */
function candidatePasswords(password: string): Uint8Array[] {
  return password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
}

function checkMac(macData: Block, authBytes: Uint8Array, passwords: Uint8Array[]): Uint8Array {
  const parts = children(macData, 'MacData');
  const digestInfo = children(parts[0]!, 'MacData mac');
  const algOid = oidOf(children(digestInfo[0]!, 'mac algorithm')[0], 'mac algorithm');
  if (algOid === OID.pbmac1)
    throw new Pkcs12Error(
      'unsupported',
      'The file uses PBMAC1 integrity, which is not supported yet; export it with -macalg sha256',
    );
  const hash = hashName(algOid);
  if (!hash) throw new Pkcs12Error('unsupported', `The file's MAC uses an unknown hash (${algOid})`);
  const expected = octets(digestInfo[1], 'mac digest');
  const salt = octets(parts[1], 'macSalt');
  const iterations = parts[2] ? intOf(parts[2], 'MAC iterations') : 1;
  const size = crypto.createHash(hash).digest().length;
  for (const pw of passwords) {
    const key = pkcs12Kdf(hash, pw, salt, 3, iterations, size);
    const mac = crypto.createHmac(hash, key).update(authBytes).digest();
    if (mac.length === expected.length && crypto.timingSafeEqual(mac, expected)) return pw;
  }
  throw new Pkcs12Error('wrong-password', 'The password does not open this PKCS #12 file (its integrity check failed)');
}

function decryptEncryptedData(enc: Block, bmp: Uint8Array, password: string): Uint8Array {
  const parts = children(enc, 'EncryptedData');
  const eci = children(parts[1]!, 'EncryptedContentInfo');
  const alg = children(eci[1]!, 'contentEncryptionAlgorithm');
  const data = octets(eci[2], 'encryptedContent');
  return decrypt(alg, data, bmp, password);
}

/** Decrypts with a PKCS #12 PBE or PBES2 algorithm identifier. */
function decrypt(alg: Block[], data: Uint8Array, bmp: Uint8Array, password: string): Uint8Array {
  const oid = oidOf(alg[0], 'encryption algorithm');
  try {
    if (oid === OID.pbes2) return decryptPbes2(alg[1]!, data, password);
    const p = children(alg[1]!, 'PBE parameters');
    const salt = octets(p[0], 'PBE salt');
    const iterations = intOf(p[1], 'PBE iterations');
    const kdf = (id: 1 | 2, n: number) => pkcs12Kdf('sha1', bmp, salt, id, iterations, n);
    switch (oid) {
      case OID.pbeSha3KeyTripleDes:
        return decipher('des-ede3-cbc', kdf(1, 24), kdf(2, 8), data);
      case OID.pbeSha2KeyTripleDes:
        return decipher('des-ede-cbc', kdf(1, 16), kdf(2, 8), data);
      case OID.pbeSha40BitRc2:
        return rc2CbcDecrypt(kdf(1, 5), 40, kdf(2, 8), data);
      case OID.pbeSha128BitRc2:
        return rc2CbcDecrypt(kdf(1, 16), 128, kdf(2, 8), data);
      default:
        throw new Pkcs12Error('unsupported', `The file is encrypted with an algorithm the app does not read (${oid})`);
    }
  } catch (e) {
    if (e instanceof Pkcs12Error) throw e;
    // A bad padding after a MAC that matched means the parts were encrypted under another password.
    throw new Pkcs12Error('wrong-password', `The password does not decrypt this PKCS #12 file (${(e as Error).message})`);
  }
}

const PRF: Record<string, string> = {
  [OID.hmacSha1]: 'sha1',
  [OID.hmacSha224]: 'sha224',
  [OID.hmacSha256]: 'sha256',
  [OID.hmacSha384]: 'sha384',
  [OID.hmacSha512]: 'sha512',
};
const CIPHER: Record<string, { name: string; keyLength: number }> = {
  [OID.aes128Cbc]: { name: 'aes-128-cbc', keyLength: 16 },
  [OID.aes192Cbc]: { name: 'aes-192-cbc', keyLength: 24 },
  [OID.aes256Cbc]: { name: 'aes-256-cbc', keyLength: 32 },
  [OID.desEde3Cbc]: { name: 'des-ede3-cbc', keyLength: 24 },
};

function decryptPbes2(params: Block, data: Uint8Array, password: string): Uint8Array {
  const [kdfAlg, encAlg] = children(params, 'PBES2 parameters').map((b) => children(b, 'PBES2 algorithm'));
  if (oidOf(kdfAlg![0], 'PBES2 KDF') !== OID.pbkdf2) throw new Pkcs12Error('unsupported', 'PBES2 with a KDF other than PBKDF2');
  const kp = children(kdfAlg![1]!, 'PBKDF2 parameters');
  const salt = octets(kp[0], 'PBKDF2 salt');
  const iterations = intOf(kp[1], 'PBKDF2 iterations');
  let prf = 'sha1';
  for (const extra of kp.slice(2)) {
    if (extra instanceof asn1js.Sequence) {
      const name = PRF[oidOf(children(extra, 'PBKDF2 prf')[0], 'PBKDF2 prf')];
      if (!name) throw new Pkcs12Error('unsupported', 'PBKDF2 with an unknown PRF');
      prf = name;
    }
  }
  const encOid = oidOf(encAlg![0], 'PBES2 cipher');
  const cipher = CIPHER[encOid];
  if (!cipher) throw new Pkcs12Error('unsupported', `PBES2 with an unknown cipher (${encOid})`);
  const iv = octets(encAlg![1], 'PBES2 IV');
  // PBES2 takes the password's bytes as typed (UTF-8), unlike the PKCS #12 KDF.
  const key = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  return decipher(cipher.name, key, iv, data);
}

function decipher(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const d = crypto.createDecipheriv(name, key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}

function readBags(safeContents: Block, bmp: Uint8Array, password: string, keys: KeyBag[], certs: CertBag[]): void {
  for (const bag of children(safeContents, 'SafeContents')) {
    const parts = children(bag, 'SafeBag');
    const bagId = oidOf(parts[0], 'SafeBag bagId');
    const value = explicit(parts[1], 0, 'SafeBag bagValue');
    const localKeyId = parts[2] ? readLocalKeyId(parts[2]) : null;
    if (bagId === OID.keyBag) keys.push({ pkcs8: encodedOf(value), localKeyId });
    else if (bagId === OID.pkcs8ShroudedKeyBag) {
      const epki = children(value, 'EncryptedPrivateKeyInfo');
      keys.push({
        pkcs8: decrypt(children(epki[0]!, 'key encryption'), octets(epki[1], 'encrypted key'), bmp, password),
        localKeyId,
      });
    } else if (bagId === OID.certBag) {
      const cb = children(value, 'CertBag');
      if (oidOf(cb[0], 'CertBag certId') === OID.x509Certificate)
        certs.push({ der: octets(explicit(cb[1], 0, 'certValue'), 'certValue'), localKeyId });
    }
    // CRL bags, secret bags and nested SafeContents are not needed to sign.
  }
}

function readLocalKeyId(attrs: Block): string | null {
  for (const a of children(attrs, 'bagAttributes')) {
    const parts = children(a, 'Attribute');
    if (oidOf(parts[0], 'attribute type') === OID.localKeyId) {
      const v = children(parts[1]!, 'attribute values')[0];
      return Buffer.from(octets(v, 'localKeyId')).toString('hex');
    }
  }
  return null;
}

/** The key and the certificate whose public key matches it; the other certificates as the chain. */
function pair(keys: KeyBag[], certs: CertBag[]): Pkcs12Contents {
  if (keys.length === 0)
    throw new Pkcs12Error('no-key', 'The PKCS #12 file holds no private key (only certificates); export it with its private key');
  if (certs.length === 0) throw new Pkcs12Error('no-certificate', 'The PKCS #12 file holds a private key but no certificate');
  for (const k of keys) {
    let privateKey: crypto.KeyObject;
    try {
      privateKey = crypto.createPrivateKey({ key: Buffer.from(k.pkcs8), format: 'der', type: 'pkcs8' });
    } catch (e) {
      throw new Pkcs12Error('unsupported', `The private key in the file cannot be read: ${(e as Error).message}`);
    }
    const publicDer = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    const match = certs.find((c) => {
      try {
        return new crypto.X509Certificate(Buffer.from(c.der)).publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer);
      } catch {
        return false;
      }
    });
    if (match)
      return { privateKey, certificate: match.der, otherCertificates: certs.filter((c) => c !== match).map((c) => c.der) };
  }
  throw new Pkcs12Error('no-certificate', 'No certificate in the PKCS #12 file matches its private key');
}
