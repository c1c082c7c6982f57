/**
 * Small readers over asn1js for the structures the signing code walks by hand (PKCS #12, CMS
 * attributes): each throws a plain Error naming what it expected, which callers turn into a
 * CoreError with the file's context.
 */
import * as asn1js from 'asn1js';

export type Block = asn1js.AsnType;

/** Parses one BER/DER value that must fill `bytes` exactly. */
export function parseAsn1(bytes: Uint8Array, what: string): Block {
  const view = new Uint8Array(bytes);
  const r = asn1js.fromBER(view);
  if (r.offset === -1) throw new Error(`${what}: not valid ASN.1 (${r.result.error || 'parse error'})`);
  if (r.offset !== view.byteLength)
    throw new Error(`${what}: ${view.byteLength - r.offset} trailing byte(s) after the ASN.1 value`);
  return r.result;
}

/** The children of a SEQUENCE or SET (or of any constructed value, e.g. an explicit [0]). */
export function children(b: Block, what: string): Block[] {
  const value = (b as asn1js.Constructed).valueBlock?.value;
  if (!Array.isArray(value)) throw new Error(`${what}: expected a constructed value`);
  return value as Block[];
}

export function oidOf(b: Block | undefined, what: string): string {
  if (!(b instanceof asn1js.ObjectIdentifier)) throw new Error(`${what}: expected an object identifier`);
  return b.valueBlock.toString();
}

/** The bytes of an OCTET STRING, concatenating the pieces of a constructed (BER) one. */
export function octets(b: Block | undefined, what: string): Uint8Array {
  if (b instanceof asn1js.OctetString) {
    if (b.valueBlock.isConstructed) {
      const parts = (b.valueBlock.value as Block[]).map((p) => octets(p, what));
      return Buffer.concat(parts);
    }
    return new Uint8Array(b.valueBlock.valueHexView);
  }
  // An implicitly tagged [n] OCTET STRING parses as a primitive with an unknown tag, or as a
  // constructed one holding octet strings.
  if (b && b.idBlock.tagClass === 3) {
    if (b.idBlock.isConstructed) return Buffer.concat(children(b, what).map((p) => octets(p, what)));
    return new Uint8Array((b as asn1js.Primitive).valueBlock.valueHexView);
  }
  throw new Error(`${what}: expected an OCTET STRING`);
}

/** A non-negative INTEGER that fits a JavaScript number. */
export function intOf(b: Block | undefined, what: string): number {
  if (!(b instanceof asn1js.Integer)) throw new Error(`${what}: expected an INTEGER`);
  const n = Number(b.toBigInt());
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what}: integer out of range`);
  return n;
}

/** The single child of an explicit context tag [tag]. */
export function explicit(b: Block | undefined, tag: number, what: string): Block {
  if (!b || b.idBlock.tagClass !== 3 || b.idBlock.tagNumber !== tag) throw new Error(`${what}: expected [${tag}]`);
  const inner = children(b, what);
  if (inner.length !== 1) throw new Error(`${what}: [${tag}] must hold one value`);
  return inner[0]!;
}

/** The DER (or BER, as read) bytes a value was parsed from. */
export function encodedOf(b: Block): Uint8Array {
  return new Uint8Array(b.valueBeforeDecodeView);
}

export function toBytes(buf: ArrayBuffer | Uint8Array): Uint8Array {
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
}
