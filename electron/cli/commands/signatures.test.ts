import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../core/test/fixtures';
import { minutesPdf, pdfsig, testPki } from '../../core/signing/test/signing-fixture';
import { makeSoftHsmToken } from '../../core/signing/test/softhsm';
import type { TestPki } from '../../core/signing/test/test-pki';
import { run } from '../test/run-cli';

// Real openssl, SoftHSM2, poppler and PDF work: generous on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

let pki: TestPki;
let dir: string;
let unsigned: string;

beforeAll(async () => {
  pki = await testPki();
  dir = tempDir('ocop-cli-sign-');
  unsigned = path.join(dir, 'bien-ban.pdf');
  fs.writeFileSync(unsigned, await minutesPdf());
}, 120_000);

afterEach(() => {
  delete process.env.OCOP_P12_PASSWORD;
});

describe('CLI sign, verify, trust', () => {
  it('signs twice with .p12 files (password from the environment); verify lists both, trusted once the root is imported', async () => {
    const data = tempDir();
    const once = path.join(dir, 'ky-1.pdf');
    const twice = path.join(dir, 'ky-2.pdf');
    process.env.OCOP_P12_PASSWORD = 'mật khẩu';
    const s1 = await run([
      'sign',
      unsigned,
      '--p12',
      pki.p12(pki.secretary, 'mật khẩu'),
      '--out',
      once,
      '--field',
      'secretary',
      '--data-dir',
      data,
      '--json',
    ]);
    expect(s1.code, s1.err).toBe(0);
    expect(JSON.parse(s1.out)).toMatchObject({
      file: once,
      fieldName: 'secretary',
      signer: { commonName: 'Trần Thị Bích Ngọc' },
    });
    const s2 = await run([
      'sign',
      once,
      '--p12',
      pki.p12(pki.chair, 'mật khẩu'),
      '--out',
      twice,
      '--field',
      'chair',
      '--data-dir',
      data,
    ]);
    expect(s2.code, s2.err).toBe(0);
    expect(s2.out).toContain('signed by Nguyễn Văn Đức');
    expect(pdfsig(fs.readFileSync(twice)).map((s) => [s.fieldName, s.valid, s.total])).toEqual([
      ['secretary', true, false],
      ['chair', true, true],
    ]);

    const before = await run(['verify', twice, '--data-dir', data]);
    expect(before.out).toContain('Signatures: 2 (the trust store is empty');
    expect(before.out).toContain('#1 secretary: Trần Thị Bích Ngọc, Hội đồng OCOP tỉnh Hòa Bình');
    expect(before.out).toContain('appended after it: later signatures');
    expect(before.out).toContain('revocation NOT CHECKED');
    expect(before.out).toContain('NOT TRUSTED');

    const rootFile = path.join(pki.dir, 'root.crt');
    const imp = await run(['trust', 'import', rootFile, '--data-dir', data]);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toContain('imported CN=Root CA Thử nghiệm OCOP');
    expect((await run(['trust', 'import', rootFile, '--data-dir', data])).out).toContain('already trusted');
    const after = await run(['verify', twice, '--json', '--data-dir', data]);
    const report = JSON.parse(after.out).signatures;
    expect(report.signatures.map((s: { certificate: { chain: string } }) => s.certificate.chain)).toEqual(['trusted', 'trusted']);
    expect(report.allValid).toBe(true);

    const list = await run(['trust', 'list', '--json', '--data-dir', data]);
    const [trusted] = JSON.parse(list.out);
    expect(trusted).toMatchObject({ isCa: true, subject: expect.stringContaining('Root CA Thử nghiệm OCOP') });
    expect((await run(['trust', 'remove', trusted.fingerprint, '--data-dir', data])).out).toContain('removed');
    expect((await run(['trust', 'list', '--data-dir', data])).out).toContain('The trust store is empty');
  });

  it('a wrong password, an expired certificate and a missing key source end with a clear message', async () => {
    const data = tempDir();
    process.env.OCOP_P12_PASSWORD = 'sai';
    const wrong = await run([
      'sign',
      unsigned,
      '--p12',
      pki.p12(pki.chair, 'đúng'),
      '--out',
      path.join(dir, 'x.pdf'),
      '--data-dir',
      data,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('[KEY_PASSWORD]');
    process.env.OCOP_P12_PASSWORD = 'x';
    const expired = await run([
      'sign',
      unsigned,
      '--p12',
      pki.p12(pki.expired, 'x'),
      '--out',
      path.join(dir, 'y.pdf'),
      '--data-dir',
      data,
    ]);
    expect(expired.err).toMatch(/\[CERTIFICATE_REFUSED\].*expired on/u);
    expect(fs.existsSync(path.join(dir, 'y.pdf'))).toBe(false);
    expect((await run(['sign', unsigned, '--out', path.join(dir, 'z.pdf'), '--data-dir', data])).code).toBe(2);
  });

  it('an edit appended after signing makes verify fail and say what changed', async () => {
    const data = tempDir();
    process.env.OCOP_P12_PASSWORD = 'x';
    const signed = path.join(dir, 'ky-sua.pdf');
    await run(['sign', unsigned, '--p12', pki.p12(pki.chair, 'x'), '--out', signed, '--data-dir', data]);
    const { appendPageEdit } = await import('../../core/signing/test/edit');
    const edited = path.join(dir, 'da-sua.pdf');
    fs.writeFileSync(edited, await appendPageEdit(fs.readFileSync(signed)));
    const v = await run(['verify', edited, '--data-dir', data]);
    expect(v.code).toBe(1);
    expect(v.out).toContain('PAGE CONTENT CHANGED');
  });

  it('signs with a USB token (SoftHSM2) from a separate process, the PIN typed on standard input', async () => {
    const token = makeSoftHsmToken(tempDir('ocop-cli-hsm-'), pki.chair, [pki.ca], 'Token Chủ tọa');
    const data = tempDir();
    const cli = path.resolve(import.meta.dirname, '../index.ts');
    const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
    const tokens = spawnSync(tsx, [cli, 'tokens', '--pkcs11', token.module, '--json', '--data-dir', data], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(tokens.status, tokens.stderr).toBe(0);
    const slot = (JSON.parse(tokens.stdout) as { slotId: string; token: { label: string } | null }[]).find(
      (s) => s.token?.label === 'Token Chủ tọa',
    )!;
    const out = path.join(dir, 'ky-token.pdf');
    const r = spawnSync(
      tsx,
      [
        cli,
        'sign',
        unsigned,
        '--pkcs11',
        token.module,
        '--slot',
        slot.slotId,
        '--out',
        out,
        '--field',
        'chair',
        '--data-dir',
        data,
      ],
      {
        encoding: 'utf8',
        input: `${token.pin}\n`,
        env: process.env,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('PIN of the token "Token Chủ tọa" for Nguyễn Văn Đức');
    expect(r.stdout + r.stderr).not.toContain(token.pin);
    expect(pdfsig(fs.readFileSync(out))).toEqual([
      { fieldName: 'chair', commonName: 'Nguyễn Văn Đức', valid: true, total: true },
    ]);
    const bad = spawnSync(
      tsx,
      [
        cli,
        'sign',
        unsigned,
        '--pkcs11',
        token.module,
        '--slot',
        slot.slotId,
        '--out',
        path.join(dir, 'k.pdf'),
        '--data-dir',
        data,
      ],
      {
        encoding: 'utf8',
        input: '000000\n',
        env: process.env,
      },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('[TOKEN_PIN]');
  }, 300_000);
});
