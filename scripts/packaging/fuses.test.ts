import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPack, electronExecutable } from './after-pack.mjs';
import { FUSE_DECISIONS, fuseConfig } from './fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Every fuse @electron/fuses knows, by name (the enum also maps numbers back to names). */
const KNOWN = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))) as (keyof typeof FuseV1Options)[];

/**
 * A stand-in for the Electron executable: bytes around the fuse wire exactly as Electron lays it
 * out (sentinel, version 1, length, one byte per fuse: '0' off, '1' on). Electron 45's defaults.
 */
function fakeElectron(file: string, wireLength = KNOWN.length): void {
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 1];
  const wire = Buffer.from(
    Array.from({ length: wireLength }, (_, i) => ((defaults[i] ?? 1) ? FuseState.ENABLE : FuseState.DISABLE)),
  );
  const noise = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + 7) % 251));
  fs.writeFileSync(file, Buffer.concat([noise(8192), Buffer.from(SENTINEL), Buffer.from([1, wireLength]), wire, noise(4096)]));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-fuses-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => void vi.spyOn(console, 'log').mockImplementation(() => {}));

const linux = (appOutDir: string) => ({
  appOutDir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'OCOP Council' }, executableName: 'ocop-council' },
});

describe('fuse decisions', () => {
  it('decide every fuse @electron/fuses knows, and no other', () => {
    expect(Object.keys(FUSE_DECISIONS).sort()).toEqual([...KNOWN].sort());
    for (const name of KNOWN) expect(typeof FUSE_DECISIONS[name], name).toBe('boolean');
  });

  it('turn off running as Node, NODE_OPTIONS, the inspector and file: privileges; require the asar and check it', () => {
    expect(FUSE_DECISIONS).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      GrantFileProtocolExtraPrivileges: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      // Decided and documented in fuses.mjs and docs/packaging.md: no cookies exist to encrypt.
      EnableCookieEncryption: false,
    });
  });

  it('ask @electron/fuses to fail on any fuse of the binary left undecided', () => {
    const c = fuseConfig() as unknown as Record<string, unknown>;
    expect(c.strictlyRequireAllFuses).toBe(true);
    for (const name of KNOWN) expect(c[FuseV1Options[name]], name).toBe(FUSE_DECISIONS[name]);
  });
});

describe('the afterPack hook', () => {
  it('flips the fuses of the packaged executable, as the wire reads back', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'linux-'));
    fakeElectron(path.join(out, 'ocop-council'));
    await afterPack(linux(out));
    const wire = (await getCurrentFuseWire(path.join(out, 'ocop-council'))) as unknown as Record<number, number>;
    for (const name of KNOWN) {
      expect(wire[FuseV1Options[name]], name).toBe(FUSE_DECISIONS[name] ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('fails the packaging when the Electron binary has a fuse nobody decided (a newer Electron)', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'newer-'));
    const exe = path.join(out, 'ocop-council');
    fakeElectron(exe, KNOWN.length + 1);
    const before = fs.readFileSync(exe);
    await expect(afterPack(linux(out))).rejects.toThrow(/strictlyRequireAllFuses/);
    // Nothing half-written: the binary is as it was.
    expect(fs.readFileSync(exe).equals(before)).toBe(true);
  });

  it('fails when the executable has no fuse wire at all', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'none-'));
    fs.writeFileSync(path.join(out, 'ocop-council'), 'not electron');
    await expect(afterPack(linux(out))).rejects.toThrow(/sentinel/);
  });

  it('finds the executable electron-builder made on each platform', () => {
    const packager = { appInfo: { productFilename: 'OCOP Council' }, executableName: 'ocop-council' };
    expect(electronExecutable({ appOutDir: '/r/win-unpacked', electronPlatformName: 'win32', packager })).toBe(
      path.join('/r/win-unpacked', 'OCOP Council.exe'),
    );
    expect(electronExecutable({ appOutDir: '/r/linux-unpacked', electronPlatformName: 'linux', packager })).toBe(
      path.join('/r/linux-unpacked', 'ocop-council'),
    );
    expect(() => electronExecutable({ appOutDir: '/r', electronPlatformName: 'aix', packager })).toThrow(/aix/);
  });
});
