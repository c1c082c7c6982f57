/**
 * A SoftHSM2 token for tests, in its own configuration and token folder: initialised, with a
 * signer's key and certificate imported by the real softhsm2-util and pkcs11-tool, and the
 * PIN-counting wrapper module (pin-counting-module.c) compiled beside it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestIdentity } from './test-pki';

export const SOFTHSM_MODULE = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
].find((p) => fs.existsSync(p));

export interface TestToken {
  dir: string;
  module: string;
  /** The wrapper that counts wrong PINs and locks after `tries`. */
  countingModule: string;
  label: string;
  pin: string;
  /** Clears the wrapper's count of wrong PINs. */
  resetCount: () => void;
}

export function makeSoftHsmToken(
  dir: string,
  signer: TestIdentity,
  extraCerts: TestIdentity[],
  label = 'Token Thư ký',
  /** More signers on the same token, each key with its certificate (ids 11, 12 …). */
  moreSigners: TestIdentity[] = [],
): TestToken {
  if (!SOFTHSM_MODULE) throw new Error('SoftHSM2 is not installed (apt-get install softhsm2; scripts/setup.sh does it)');
  fs.mkdirSync(path.join(dir, 'tokens'), { recursive: true });
  const conf = path.join(dir, 'softhsm2.conf');
  fs.writeFileSync(conf, `directories.tokendir = ${path.join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  const state = path.join(dir, 'pin-failures');
  process.env.OCOP_SHIM_STATE = state;
  process.env.OCOP_SHIM_TARGET = SOFTHSM_MODULE;
  process.env.OCOP_SHIM_TRIES = '3';
  const pin = '123456';
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { env: process.env, stdio: 'pipe' });
  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '87654321', '--pin', pin]);
  const importKey = (who: TestIdentity, id: string) => {
    const file = path.join(dir, `${id}.key`);
    fs.writeFileSync(file, who.keyPem);
    run('softhsm2-util', ['--import', file, '--token', label, '--label', `key ${who.name}`, '--id', id, '--pin', pin]);
  };
  importKey(signer, '01');
  moreSigners.forEach((who, i) => importKey(who, String(11 + i)));
  const write = (who: TestIdentity, id: string) => {
    const der = path.join(dir, `${who.name}.der`);
    fs.writeFileSync(der, who.der);
    run('pkcs11-tool', [
      '--module',
      SOFTHSM_MODULE,
      '--token-label',
      label,
      '--login',
      '--pin',
      pin,
      '--write-object',
      der,
      '--type',
      'cert',
      '--id',
      id,
      '--label',
      who.name,
    ]);
  };
  write(signer, '01');
  moreSigners.forEach((who, i) => write(who, String(11 + i)));
  extraCerts.forEach((c, i) => write(c, String(i + 2).padStart(2, '0')));
  const countingModule = path.join(dir, 'pin-counting-module.so');
  const include = path.resolve(import.meta.dirname, '../../../../node_modules/pkcs11js/includes/pkcs11');
  run('cc', [
    '-shared',
    '-fPIC',
    '-o',
    countingModule,
    path.join(import.meta.dirname, 'pin-counting-module.c'),
    '-ldl',
    '-I',
    include,
  ]);
  return { dir, module: SOFTHSM_MODULE, countingModule, label, pin, resetCount: () => fs.rmSync(state, { force: true }) };
}
