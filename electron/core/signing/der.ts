/**
 * A minimal DER writer. The CMS the app signs embeds certificates and names byte for byte as
 * the issuing CA wrote them (re-encoding them through a parser can change a byte and break the
 * CA's signature), so structures are assembled from raw encodings here.
 */

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** tag + length + the concatenated contents. */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(contents);
  return Buffer.concat([Uint8Array.of(tag), lengthBytes(body.length), body]);
}

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, ...items);
/** A SET OF in DER order: the element encodings sorted as byte strings (X.690 §11.6). */
export const setOf = (...items: Uint8Array[]): Uint8Array => tlv(0x31, ...[...items].sort((a, b) => Buffer.compare(a, b)));
export const octetString = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const nullValue = (): Uint8Array => Uint8Array.of(0x05, 0x00);
/** [n] with constructed contents (EXPLICIT tagging, or IMPLICIT over a SEQUENCE/SET). */
export const context = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...items);

export function integer(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`DER integer: ${n} is not a small non-negative integer`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  if (bytes.length === 0 || bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map((p) => {
    if (!/^\d+$/u.test(p)) throw new Error(`DER oid: ${JSON.stringify(dotted)} is not dotted decimal`);
    return Number(p);
  });
  const arcs = [parts[0]! * 40 + parts[1]!, ...parts.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** AlgorithmIdentifier with absent parameters, or NULL parameters where the algorithm wants them (RSA). */
export const algorithm = (dotted: string, withNull = false): Uint8Array =>
  withNull ? seq(oid(dotted), nullValue()) : seq(oid(dotted));
