import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_DATA_FOLDER, PORTABLE_DATA_FOLDER, resolveDataDir, type DataDirInput } from './data-dir';

const appData = path.resolve('/home/thu/.config');
const userData = path.join(appData, 'OCOP Council');
const base: DataDirInput = { env: {}, isPackaged: true, development: false, appData, userData };

describe('resolveDataDir', () => {
  it("an installed app uses Electron's user-data folder (the one the CLI computes too)", () => {
    expect(resolveDataDir(base)).toEqual({ dir: userData, reason: 'user-data' });
  });

  it('the portable executable keeps its data beside the .exe, not in the borrowed computer’s profile', () => {
    const stick = path.resolve('/media/usb/OCOP');
    expect(resolveDataDir({ ...base, env: { PORTABLE_EXECUTABLE_DIR: stick } })).toEqual({
      dir: path.join(stick, PORTABLE_DATA_FOLDER),
      reason: 'portable',
    });
    expect(PORTABLE_DATA_FOLDER).toBe('OCOP Council Data');
  });

  it('OCOP_DATA_DIR wins over everything, as the docs and the CLI say (relative paths made absolute)', () => {
    expect(resolveDataDir({ ...base, env: { OCOP_DATA_DIR: '/srv/ocop', PORTABLE_EXECUTABLE_DIR: '/media/usb' } })).toEqual({
      dir: path.resolve('/srv/ocop'),
      reason: 'OCOP_DATA_DIR',
    });
    expect(resolveDataDir({ ...base, env: { OCOP_DATA_DIR: 'data' } }).dir).toBe(path.resolve('data'));
    expect(resolveDataDir({ ...base, isPackaged: false, development: true, env: { OCOP_DATA_DIR: '/tmp/x' } }).reason).toBe(
      'OCOP_DATA_DIR',
    );
  });

  it('blank variables are ignored', () => {
    expect(resolveDataDir({ ...base, env: { OCOP_DATA_DIR: '  ', PORTABLE_EXECUTABLE_DIR: '' } }).reason).toBe('user-data');
  });

  it('electron-vite dev gets its own folder, so it never migrates the real database', () => {
    const r = resolveDataDir({ ...base, isPackaged: false, development: true });
    expect(r).toEqual({ dir: path.join(appData, DEV_DATA_FOLDER), reason: 'development' });
    expect(r.dir).not.toBe(userData);
  });

  it('an unpackaged app started with `electron .` (npm start) is a real install: the real folder', () => {
    expect(resolveDataDir({ ...base, isPackaged: false, development: false })).toEqual({ dir: userData, reason: 'user-data' });
  });

  it('a portable variable outside a packaged app is ignored', () => {
    expect(resolveDataDir({ ...base, isPackaged: false, env: { PORTABLE_EXECUTABLE_DIR: '/media/usb' } }).reason).toBe(
      'user-data',
    );
  });
});
