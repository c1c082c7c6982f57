/**
 * Checks one CMS signature over the bytes its /ByteRange names: the messageDigest attribute
 * against the bytes, the signature over the signed attributes with the signer's public key,
 * and the ESS signing-certificate(-v2) binding. The CMS is parsed with pkijs; the arithmetic is
 * Node's.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { children, octets, oidOf, parseAsn1 } from '../asn1';
import { readCertificate, type CertificateInfo } from '../certificate';
import { hashName, OID } from '../oids';

export type CmsProblem =
  | 'unreadable' // not a CMS SignedData
  | 'no-signer-certificate'
  | 'unsupported-algorithm'
  | 'digest-mismatch' // the signed bytes changed
  | 'bad-signature' // the signature value does not verify
  | 'signing-certificate-mismatch'; // the ESS attribute names another certificate

export interface CmsCheck {
  ok: boolean;
  problems: CmsProblem[];
  signer: CertificateInfo | null;
  /** Every certificate the CMS carries (for path building). */
  certificates: CertificateInfo[];
  hash: string | null;
  /** Whether the signed attributes hold ESS signing-certificate-v2 (PAdES baseline). */
  signingCertificateV2: boolean;
  /** Whether they hold the CMS signing-time (which PAdES baseline forbids). */
  cmsSigningTime: Date | null;
  detail: string;
}

/** The DER CMS at the start of /Contents (which is zero-padded after it). */
function derPrefix(contents: Uint8Array): Uint8Array {
  if (contents.length < 2 || contents[0] !== 0x30) return contents;
  const first = contents[1]!;
  if (first < 0x80) return contents.subarray(0, 2 + first);
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + contents[2 + i]!;
  return contents.subarray(0, 2 + n + len);
}

const fail = (problems: CmsProblem[], detail: string, extra: Partial<CmsCheck> = {}): CmsCheck => ({
  ok: false,
  problems,
  signer: null,
  certificates: [],
  hash: null,
  signingCertificateV2: false,
  cmsSigningTime: null,
  detail,
  ...extra,
});

export function checkCms(contents: Uint8Array, signedBytes: Uint8Array[]): CmsCheck {
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(Uint8Array.from(derPrefix(contents)));
    if (info.contentType !== OID.signedData)
      return fail(['unreadable'], `/Contents holds ${info.contentType}, not a CMS SignedData`);
    signed = new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    return fail(['unreadable'], `/Contents is not a readable CMS: ${(e as Error).message}`);
  }
  const certificates: CertificateInfo[] = [];
  for (const c of signed.certificates ?? []) {
    if (!(c instanceof pkijs.Certificate)) continue;
    try {
      certificates.push(readCertificate(new Uint8Array(c.toSchema().toBER())));
    } catch {
      // An unreadable extra certificate does not stop the check of the signer's.
    }
  }
  const si = signed.signerInfos[0];
  if (!si) return fail(['unreadable'], 'the CMS has no SignerInfo', { certificates });
  const signer = findSigner(si, certificates);
  if (!signer) return fail(['no-signer-certificate'], 'the CMS does not carry the signer’s certificate', { certificates });
  const hash = hashName(si.digestAlgorithm.algorithmId);
  if (!hash)
    return fail(['unsupported-algorithm'], `digest algorithm ${si.digestAlgorithm.algorithmId}`, { certificates, signer });

  const digest = crypto.createHash(hash);
  for (const part of signedBytes) digest.update(part);
  const computed = digest.digest();
  const attrs = si.signedAttrs;
  if (!attrs)
    return fail(['unsupported-algorithm'], 'the CMS has no signed attributes (not a CAdES signature)', {
      certificates,
      signer,
      hash,
    });
  const attr = (type: string) => attrs.attributes.find((a) => a.type === type);
  const md = attr(OID.messageDigest)?.values[0];
  const problems: CmsProblem[] = [];
  if (!(md instanceof asn1js.OctetString) || !Buffer.from(md.valueBlock.valueHexView).equals(computed))
    problems.push('digest-mismatch');

  const algOid = si.signatureAlgorithm.algorithmId;
  const toVerify = new Uint8Array(attrs.encodedValue);
  const signature = new Uint8Array(si.signature.valueBlock.valueHexView);
  let verified: boolean;
  try {
    if (algOid === OID.rsaPss)
      return fail(['unsupported-algorithm'], 'RSASSA-PSS signatures are not checked yet', { certificates, signer, hash });
    const rsa = [OID.rsaEncryption, OID.sha256WithRSA, OID.sha384WithRSA, OID.sha512WithRSA, OID.sha1WithRSA].includes(
      algOid as never,
    );
    const ec = [OID.ecPublicKey, OID.ecdsaWithSha256, OID.ecdsaWithSha384, OID.ecdsaWithSha512].includes(algOid as never);
    if (!rsa && !ec) return fail(['unsupported-algorithm'], `signature algorithm ${algOid}`, { certificates, signer, hash });
    const sigHash =
      algOid === OID.sha384WithRSA || algOid === OID.ecdsaWithSha384
        ? 'sha384'
        : algOid === OID.sha512WithRSA || algOid === OID.ecdsaWithSha512
          ? 'sha512'
          : algOid === OID.sha1WithRSA
            ? 'sha1'
            : hash;
    verified = crypto.verify(sigHash, toVerify, signer.publicKey, signature);
  } catch {
    verified = false;
  }
  if (!verified) problems.push('bad-signature');

  const v2 = attr(OID.signingCertificateV2);
  if (v2 && !essMatches(v2.values[0], signer, true)) problems.push('signing-certificate-mismatch');
  const v1 = attr(OID.signingCertificate);
  if (v1 && !essMatches(v1.values[0], signer, false)) problems.push('signing-certificate-mismatch');
  const st = attr(OID.signingTime)?.values[0];
  const cmsSigningTime = st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime ? st.toDate() : null;
  return {
    ok: problems.length === 0,
    problems,
    signer,
    certificates,
    hash,
    signingCertificateV2: v2 !== undefined,
    cmsSigningTime,
    detail: problems.length === 0 ? 'intact' : problems.join(', '),
  };
}

function findSigner(si: pkijs.SignerInfo, certs: CertificateInfo[]): CertificateInfo | null {
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = Buffer.from(si.sid.issuer.toSchema().toBER());
    const serial = Buffer.from(si.sid.serialNumber.valueBlock.valueHexView);
    return (
      certs.find((c) => {
        const tlv = parseAsn1(c.serialDer, 'serial') as asn1js.Integer;
        return Buffer.from(tlv.valueBlock.valueHexView).equals(serial) && Buffer.from(c.issuerDer).equals(issuer);
      }) ?? null
    );
  }
  // SubjectKeyIdentifier sid: [0] OCTET STRING, matched against each certificate's SKI extension.
  const ski = si.sid as asn1js.Primitive;
  const want = ski?.valueBlock?.valueHexView ? Buffer.from(ski.valueBlock.valueHexView).toString('hex') : null;
  if (!want) return null;
  return certs.find((c) => c.subjectKeyId === want) ?? null;
}

/** ESS signing-certificate(-v2): the first ESSCertID's hash must be the signer certificate's. */
function essMatches(value: unknown, signer: CertificateInfo, v2: boolean): boolean {
  try {
    const certs = children(children(value as asn1js.Sequence, 'SigningCertificate')[0]!, 'certs');
    const id = children(certs[0]!, 'ESSCertID');
    let algo = 'sha1';
    let hashAt = 0;
    if (v2) {
      algo = 'sha256';
      if (id[0] instanceof asn1js.Sequence) {
        algo = hashName(oidOf(children(id[0], 'hashAlgorithm')[0], 'hashAlgorithm')) ?? 'unknown';
        hashAt = 1;
      }
    }
    if (algo === 'unknown') return false;
    return Buffer.from(octets(id[hashAt], 'certHash')).equals(crypto.createHash(algo).update(signer.der).digest());
  } catch {
    return false;
  }
}
