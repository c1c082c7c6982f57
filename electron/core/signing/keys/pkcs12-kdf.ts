import crypto from 'node:crypto';

/**
 * The PKCS #12 key derivation (RFC 7292 Appendix B.2), used by the MAC of every .p12/.pfx file
 * and by the legacy "pbeWithSHAAnd…" encryptions. `id` 1 = key, 2 = IV, 3 = MAC key.
 */
export function pkcs12Kdf(
  hash: 'sha1' | 'sha256' | 'sha384' | 'sha512',
  password: Uint8Array,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  n: number,
): Uint8Array {
  const u = crypto.createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const repeat = (src: Uint8Array): Uint8Array => {
    if (src.length === 0) return new Uint8Array(0);
    const out = new Uint8Array(v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const D = new Uint8Array(v).fill(id);
  const I = Buffer.concat([repeat(salt), repeat(password)]);
  const c = Math.ceil(n / u);
  const out = new Uint8Array(c * u);
  for (let i = 0; i < c; i++) {
    let A: Uint8Array = crypto.createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = crypto.createHash(hash).update(A).digest();
    out.set(A, i * u);
    if (i === c - 1) break;
    const B = new Uint8Array(v);
    for (let k = 0; k < v; k++) B[k] = A[k % u]!;
    // I_j = (I_j + B + 1) mod 2^(8v), big-endian, for each v-byte block of I.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, n);
}

/** A password as PKCS #12 wants it for its KDF: UTF-16 big-endian with a two-byte terminator. */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}
