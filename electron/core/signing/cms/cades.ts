/**
 * The CMS that goes into a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3, EN 319 122-1):
 * SignedData over detached content, SHA-256, signed attributes contentType, messageDigest and
 * ESS signing-certificate-v2 (RFC 5035) and — as the baseline requires — no CMS signing-time
 * (the claimed time is the signature dictionary's /M).
 *
 * The private-key operation is a callback over the DER of the signed attributes, so the same
 * code serves a key read from a .p12 file (Node crypto) and a USB token (PKCS #11 C_Sign).
 */
import crypto from 'node:crypto';
import type { CertificateInfo } from '../certificate';
import { algorithm, context, integer, octetString, oid, seq, setOf, tlv } from '../der';
import { OID } from '../oids';

export interface CmsSigner {
  certificate: CertificateInfo;
  /** Issuing CA certificates to embed (DER), nearest first; the root may be left out. */
  chain: Uint8Array[];
  /** Signs `data` (hashing it with SHA-256 itself): RSA PKCS #1 v1.5, or ECDSA as DER Ecdsa-Sig-Value. */
  sign: (data: Uint8Array) => Promise<Uint8Array>;
}

/** The signed attributes, DER-encoded as the SET OF that is signed (tag 0x31). */
export function signedAttributes(contentDigest: Uint8Array, cert: CertificateInfo): Uint8Array {
  const attribute = (type: string, value: Uint8Array) => seq(oid(type), setOf(value));
  // ESSCertIDv2 with the default hash (SHA-256) leaves hashAlgorithm out, as DER requires; the
  // issuerSerial binds the hash to this issuer and serial (GeneralNames = [4] directoryName).
  const essCertIdV2 = seq(
    octetString(crypto.createHash('sha256').update(cert.der).digest()),
    seq(seq(context(4, cert.issuerDer)), cert.serialDer),
  );
  return setOf(
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octetString(contentDigest)),
    attribute(OID.signingCertificateV2, seq(seq(essCertIdV2))),
  );
}

/** Builds the DER ContentInfo(SignedData) for `contentDigest` (SHA-256 of the signed byte ranges). */
export async function buildCadesDetached(contentDigest: Uint8Array, signer: CmsSigner): Promise<Uint8Array> {
  if (contentDigest.length !== 32)
    throw new Error(`buildCadesDetached: a SHA-256 digest has 32 bytes, got ${contentDigest.length}`);
  const cert = signer.certificate;
  const attrs = signedAttributes(contentDigest, cert);
  const signature = await signer.sign(attrs);
  const signatureAlgorithm =
    cert.keyType === 'ec' ? algorithm(OID.ecdsaWithSha256) : cert.keyType === 'rsa' ? algorithm(OID.sha256WithRSA, true) : null;
  if (!signatureAlgorithm) throw new Error('buildCadesDetached: only RSA and EC keys can sign');
  const signerInfo = seq(
    integer(1),
    seq(cert.issuerDer, cert.serialDer),
    algorithm(OID.sha256),
    // The same bytes as signed, with the SET tag replaced by [0] IMPLICIT.
    tlv(0xa0, attrs.subarray(headerLength(attrs))),
    signatureAlgorithm,
    octetString(signature),
  );
  // Certificates: the signer first, then its chain, each once, byte for byte.
  const seen = new Set<string>();
  const certs = [cert.der, ...signer.chain].filter((der) => {
    const key = Buffer.from(der).toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const signedData = seq(integer(1), setOf(algorithm(OID.sha256)), seq(oid(OID.data)), tlv(0xa0, ...certs), setOf(signerInfo));
  return seq(oid(OID.signedData), context(0, signedData));
}

/** Bytes of a DER header (tag + length) at the start of `der`. */
function headerLength(der: Uint8Array): number {
  const first = der[1]!;
  return first < 0x80 ? 2 : 2 + (first & 0x7f);
}
