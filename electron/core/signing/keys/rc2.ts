/**
 * RC2-CBC decryption (RFC 2268). Certificates inside PKCS #12 files written by OpenSSL 1.x and
 * by `openssl pkcs12 -legacy` are encrypted with 40-bit RC2, which OpenSSL 3 (Node) only offers
 * in its legacy provider and BoringSSL (Electron) not at all; so it is done here. Only
 * decryption: the app never writes RC2.
 */

/** RFC 2268 §2: the "random" permutation of 0..255 derived from the digits of pi. */
const PITABLE = Uint8Array.from(
  Buffer.from(
    'd978f9c419ddb5ed28e9fd794aa0d89d' +
      'c67e37832b76538e624c6488448bfba2' +
      '179a59f587b34f1361456d8d09817d32' +
      'bd8f40eb86b77b0bf09521225c6b4e82' +
      '54d66593ce60b21c7356c014a78cf1dc' +
      '1275ca1f3bbee4d1423dd430a33cb626' +
      '6fbf0eda4669075727f21d9bbc944303' +
      'f811c7f690ef3ee706c3d52fc8661ed7' +
      '08e8eade8052eef784aa72ac354d6a2a' +
      '961ad2715a1549744b9fd05e0418a4ec' +
      'c2e0416e0f51cbcc2491af50a1f47039' +
      '997c3a8523b8b47afc02365b25559731' +
      '2d5dfa98e38a92ae05df2910676cbac9' +
      'd300e6cfe19ea82c6316013f58e289a9' +
      '0d38341bab33ffb0bb480c5fb9b1cd2e' +
      'c5f3db47e5a59c770aa62068fe7fc1ad',
    'hex',
  ),
);

/** The 64 16-bit subkeys for `key` with `effectiveBits` (40 for rc2-40, 128 for rc2-128). */
export function rc2ExpandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const T = key.length;
  if (T < 1 || T > 128) throw new Error(`RC2: key length ${T} is out of range`);
  const L = new Uint8Array(128);
  L.set(key);
  for (let i = T; i < 128; i++) L[i] = PITABLE[(L[i - 1]! + L[i - T]!) & 0xff]!;
  const T8 = Math.ceil(effectiveBits / 8);
  const TM = 0xff >> (8 * T8 - effectiveBits);
  L[128 - T8] = PITABLE[L[128 - T8]! & TM]!;
  for (let i = 127 - T8; i >= 0; i--) L[i] = PITABLE[L[i + 1]! ^ L[i + T8]!]!;
  const K = new Uint16Array(64);
  for (let i = 0; i < 64; i++) K[i] = L[2 * i]! | (L[2 * i + 1]! << 8);
  return K;
}

const S = [1, 2, 3, 5] as const;

/** Decrypts one 8-byte block in place. */
export function rc2DecryptBlock(K: Uint16Array, block: Uint8Array): void {
  const R = [0, 1, 2, 3].map((i) => block[2 * i]! | (block[2 * i + 1]! << 8));
  let j = 63;
  const mix = () => {
    for (let i = 3; i >= 0; i--) {
      const r = R[i]!;
      R[i] = ((r >>> S[i]!) | (r << (16 - S[i]!))) & 0xffff;
      R[i] = (R[i]! - K[j]! - (R[(i + 3) % 4]! & R[(i + 2) % 4]!) - (~R[(i + 3) % 4]! & R[(i + 1) % 4]!)) & 0xffff;
      j--;
    }
  };
  const mash = () => {
    for (let i = 3; i >= 0; i--) R[i] = (R[i]! - K[R[(i + 3) % 4]! & 63]!) & 0xffff;
  };
  for (let n = 0; n < 5; n++) mix();
  mash();
  for (let n = 0; n < 6; n++) mix();
  mash();
  for (let n = 0; n < 5; n++) mix();
  for (let i = 0; i < 4; i++) {
    block[2 * i] = R[i]! & 0xff;
    block[2 * i + 1] = R[i]! >> 8;
  }
}

/** RC2-CBC decryption with PKCS #7 padding removed; throws when the padding is wrong (wrong key). */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (iv.length !== 8) throw new Error('RC2: the IV must be 8 bytes');
  if (data.length === 0 || data.length % 8 !== 0) throw new Error('RC2: the data is not a whole number of blocks');
  const K = rc2ExpandKey(key, effectiveBits);
  const out = new Uint8Array(data.length);
  let prev = iv;
  for (let off = 0; off < data.length; off += 8) {
    const c = data.subarray(off, off + 8);
    const block = Uint8Array.from(c);
    rc2DecryptBlock(K, block);
    for (let i = 0; i < 8; i++) out[off + i] = block[i]! ^ prev[i]!;
    prev = c;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > 8 || out.subarray(out.length - pad).some((b) => b !== pad)) throw new Error('RC2: bad padding');
  return out.subarray(0, out.length - pad);
}
