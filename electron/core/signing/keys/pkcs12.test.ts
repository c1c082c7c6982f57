import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { testPki } from '../test/signing-fixture';
import type { TestPki } from '../test/test-pki';
import { p12SigningKey } from './p12-key';
import { Pkcs12Error, readPkcs12 } from './pkcs12';
import { rc2DecryptBlock, rc2ExpandKey } from './rc2';

// Real openssl, SoftHSM2, poppler and PDF work: generous on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

let pki: TestPki;
beforeAll(async () => {
  pki = await testPki();
}, 60_000);

const problem = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof Pkcs12Error) return e.problem;
    throw e;
  }
  return 'none';
};

describe('RC2 (RFC 2268 test vectors)', () => {
  it.each([
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ])('key %s (%i bits) decrypts %s back', (key, bits, plain, cipher) => {
    const block = Uint8Array.from(Buffer.from(cipher, 'hex'));
    rc2DecryptBlock(rc2ExpandKey(Buffer.from(key, 'hex'), bits), block);
    expect(Buffer.from(block).toString('hex')).toBe(plain);
  });
});

describe('PKCS #12 files written by openssl', () => {
  it.each(['openssl3', 'legacy', 'windows'] as const)('%s: the key, its certificate and the CA chain (root last)', (kind) => {
    const file = fs.readFileSync(pki.p12(pki.secretary, 'Mật khẩu 123', kind));
    const key = p12SigningKey(file, 'Mật khẩu 123');
    expect(key.certificate.commonName).toBe('Trần Thị Bích Ngọc');
    expect(
      key.chain.map((d) => Buffer.from(d).equals(Buffer.from(pki.ca.der)) || Buffer.from(d).equals(Buffer.from(pki.root.der))),
    ).toEqual([true, true]);
    expect(Buffer.from(key.chain[0]!).equals(Buffer.from(pki.ca.der))).toBe(true);
  });

  it('a wrong password is told apart from a damaged file', () => {
    const file = fs.readFileSync(pki.p12(pki.chair, 'đúng'));
    expect(problem(() => readPkcs12(file, 'sai'))).toBe('wrong-password');
    expect(problem(() => readPkcs12(file, ''))).toBe('wrong-password');
    expect(problem(() => readPkcs12(new TextEncoder().encode('%PDF-1.7 not a p12'), 'x'))).toBe('not-pkcs12');
    const cut = file.subarray(0, file.length - 40);
    expect(problem(() => readPkcs12(cut, 'đúng'))).toBe('not-pkcs12');
    expect(problem(() => readPkcs12(fs.readFileSync(pki.p12(pki.chair, '', 'openssl3')), ''))).toBe('none');
  });

  it('signs with the key it read (RSA PKCS #1 v1.5, verified by the certificate)', async () => {
    const key = p12SigningKey(fs.readFileSync(pki.p12(pki.chair, 'x')), 'x');
    const data = new TextEncoder().encode('dữ liệu');
    const sig = await key.sign(data);
    const crypto = await import('node:crypto');
    expect(crypto.verify('sha256', data, key.certificate.publicKey, sig)).toBe(true);
  });
});
