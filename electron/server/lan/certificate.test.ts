import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test/fixtures';
import { certificateFiles, lanCertificate } from './certificate';

const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { input, encoding: 'utf8' });

describe('the meeting-room certificate', () => {
  it('is generated once, read back by openssl with the same SHA-256 fingerprint, and reused', async () => {
    const dir = tempDir('ocop-cert-');
    const now = new Date('2026-06-01T00:00:00Z');
    const c = await lanCertificate(dir, ['127.0.0.2'], now);
    const files = certificateFiles(dir);
    expect(fs.statSync(files.key).mode & 0o777).toBe(0o600);

    const text = openssl(['x509', '-in', files.cert, '-noout', '-text', '-fingerprint', '-sha256']);
    expect(text).toContain(`sha256 Fingerprint=${c.fingerprint}`);
    expect(text).toMatch(/Public Key Algorithm: id-ecPublicKey[\s\S]*NIST CURVE: P-256/);
    expect(text).toContain('IP Address:127.0.0.2');
    expect(text).toContain('TLS Web Server Authentication');
    expect(text).toMatch(/CA:FALSE/);
    // The key belongs to the certificate.
    expect(openssl(['pkey', '-in', files.key, '-pubout'])).toBe(openssl(['x509', '-in', files.cert, '-noout', '-pubkey']));
    expect(c.notAfter.getTime() - now.getTime()).toBeGreaterThan(700 * 86_400_000);

    const again = await lanCertificate(dir, ['127.0.0.3'], new Date('2027-01-01T00:00:00Z'));
    expect(again.fingerprint).toBe(c.fingerprint);
  });

  it('is made anew when the files are damaged, do not match, or near their end', async () => {
    const dir = tempDir('ocop-cert-');
    const now = new Date('2026-06-01T00:00:00Z');
    const first = await lanCertificate(dir, [], now);
    const files = certificateFiles(dir);
    fs.writeFileSync(files.cert, 'not a certificate');
    const second = await lanCertificate(dir, [], now);
    expect(second.fingerprint).not.toBe(first.fingerprint);

    // A key from elsewhere next to the certificate.
    const other = await lanCertificate(tempDir('ocop-cert-'), [], now);
    fs.writeFileSync(files.key, other.keyPem);
    const third = await lanCertificate(dir, [], now);
    expect(third.fingerprint).not.toBe(second.fingerprint);

    const late = await lanCertificate(dir, [], new Date(third.notAfter.getTime() - 10 * 86_400_000));
    expect(late.fingerprint).not.toBe(third.fingerprint);
  });
});
