import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../core/api';
import { openCore, type Core } from '../core/context';
import { fixedClock, tempDir } from '../core/test/fixtures';
import { APP_ENTRY, isAppUrl, resolveAppLocation } from './app-url';
import { BACKUP_FILE_CHANNEL, registerBackupFiles } from './backup-files';
import { BrowserWindow, dialog, ipcMain, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const loc = resolveAppLocation({ isPackaged: true, rendererDir: path.resolve('/opt/ocop/out/renderer') });
const fromApp = { senderFrame: { url: `${APP_ENTRY}#/backup`, parent: null } };
type Answer = { ok: boolean; value?: { done: boolean; path: string | null; report?: unknown }; error?: { code: string } };

let core: Core;
let call: (event: object, request: unknown) => Promise<Answer>;

beforeEach(async () => {
  resetFakeElectron();
  core = await openCore({ dataDir: tempDir(), host: 'electron', now: fixedClock() });
  const win = new BrowserWindow({});
  registerBackupFiles(ipcMain as never, {
    ctx: core.ctx,
    isAppUrl: (u) => isAppUrl(u, loc),
    window: () => win as never,
    titles: () => ({ saveCopy: 'Lưu', restore: 'Khôi phục', archive: 'Lưu trữ' }),
    log: () => {},
  });
  const handler = ipcMain.handlers.get(BACKUP_FILE_CHANNEL)!;
  call = (event, request) => handler(event, request) as Promise<Answer>;
});
afterEach(() => core.close());

describe('ocop:backupFile (native dialogs for backups in the desktop app)', () => {
  it('saves a copy where the user chose, with its manifest; a cancelled dialog writes nothing', async () => {
    const usb = tempDir('ocop-usb-');
    const target = path.join(usb, 'sao-luu.sqlite');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(fromApp, { action: 'saveCopy' })).toEqual({ ok: true, value: { done: true, path: target } });
    expect(fs.existsSync(target) && fs.existsSync(path.join(usb, 'sao-luu.json'))).toBe(true);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(fromApp, { action: 'saveCopy' })).toEqual({ ok: true, value: { done: false, path: null } });
  });

  it('picks the file to restore; the page previews it, then restores it', async () => {
    const usb = tempDir('ocop-usb-');
    const file = path.join(usb, 'b.sqlite');
    expect((await invoke(core.ctx, 'backup:saveCopy', { to: file })).ok).toBe(true);
    await invoke(core.ctx, 'settings:set', { operatorName: 'Sau' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const r = await call(fromApp, { action: 'pickRestoreFile' });
    expect(r).toMatchObject({ ok: true, value: { done: true, path: file } });
    // Picking changes nothing; the page previews, then restores the picked file.
    expect(await invoke(core.ctx, 'settings:get', {})).toMatchObject({ ok: true, value: { operatorName: 'Sau' } });
    expect(await invoke(core.ctx, 'backup:preview', { path: file })).toMatchObject({ ok: true, value: { relation: 'older' } });
    expect(await invoke(core.ctx, 'backup:restore', { path: file })).toMatchObject({ ok: true, value: { verify: { ok: true } } });
    expect(await invoke(core.ctx, 'settings:get', {})).toMatchObject({ ok: true, value: { operatorName: '' } });
  });

  it('refuses other frames and unknown requests', async () => {
    expect(await call({ senderFrame: { url: 'https://evil.example/', parent: null } }, { action: 'saveCopy' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(await call(fromApp, { action: 'rm -rf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(fromApp, { action: 'saveCopy', name: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
