import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../core/test/fixtures';
import { APP_ENTRY, isAppUrl, resolveAppLocation } from './app-url';
import { registerSavePdf, SAVE_PDF_CHANNEL } from './save-pdf';
import { BrowserWindow, dialog, ipcMain, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const rendererDir = path.resolve('/opt/ocop/out/renderer');
const loc = resolveAppLocation({ isPackaged: true, rendererDir });
const fromFrame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } });
const fromApp = fromFrame(`${APP_ENTRY}#/documents`);
const PDF = Buffer.from('%PDF-1.7\n% test\n');
const JOB = '5b0c8a52-6a43-4c1e-9a39-0d6f1f1e2a11';

type Answer = { ok: boolean; value?: { saved: boolean; path: string | null }; error?: { code: string; message: string } };
let dir: string;
let win: BrowserWindow;
let call: (event: object, request: unknown) => Promise<Answer>;

beforeEach(() => {
  resetFakeElectron();
  dir = tempDir();
  fs.mkdirSync(path.join(dir, 'exports'));
  win = new BrowserWindow({});
  registerSavePdf(ipcMain as never, {
    isAppUrl: (u) => isAppUrl(u, loc),
    exportsDir: path.join(dir, 'exports'),
    window: () => win as never,
    title: () => 'Lưu văn bản PDF',
    log: () => {},
  });
  const handler = ipcMain.handlers.get(SAVE_PDF_CHANNEL)!;
  call = (event, request) => handler(event, request) as Promise<Answer>;
});

describe('ocop:savePdf', () => {
  it('asks where to save, attached to the window, then writes the bytes there', async () => {
    const target = path.join(dir, 'bien-ban.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(fromApp, { fileName: 'bien-ban-phien-3.pdf', bytes: new Uint8Array(PDF) })).toEqual({
      ok: true,
      value: { saved: true, path: target },
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        title: 'Lưu văn bản PDF',
        defaultPath: 'bien-ban-phien-3.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    );
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
  });

  it('copies a finished batch from exports/ without the bytes crossing IPC', async () => {
    fs.writeFileSync(path.join(dir, 'exports', `batch-${JOB}.pdf`), PDF);
    const target = path.join(dir, 'tat-ca.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(fromApp, { fileName: 'tat-ca-phieu-danh-gia-phien-3.pdf', batchJobId: JOB })).toMatchObject({
      ok: true,
      value: { saved: true },
    });
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
  });

  it('answers saved: false and writes nothing when the user cancels', async () => {
    expect(await call(fromApp, { fileName: 'a.pdf', bytes: new Uint8Array(PDF) })).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
  });

  it.each([
    ['a web page', fromFrame('https://example.com/')],
    ['a sub-frame of the app page', fromFrame(fromApp.senderFrame.url, { url: fromApp.senderFrame.url })],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with FORBIDDEN_SENDER before any dialog', async (_what, event) => {
    const r = await call(event, { fileName: 'a.pdf', bytes: new Uint8Array(PDF) });
    expect(r.error?.code).toBe('FORBIDDEN_SENDER');
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    [null, 'takes { fileName, bytes }'],
    [{ fileName: '../../etc/passwd.pdf', bytes: new Uint8Array(PDF) }, 'fileName: "../../etc/passwd.pdf" is not a PDF file name'],
    [{ fileName: 'bien-ban.exe', bytes: new Uint8Array(PDF) }, 'fileName: "bien-ban.exe"'],
    [{ fileName: 'a.pdf' }, 'either bytes or batchJobId'],
    [{ fileName: 'a.pdf', bytes: new Uint8Array(PDF), batchJobId: JOB }, 'either bytes or batchJobId'],
    [{ fileName: 'a.pdf', bytes: 'JVBERi0=' }, 'bytes: must be a Uint8Array'],
    [{ fileName: 'a.pdf', bytes: new Uint8Array(Buffer.from('<html>')) }, 'bytes: not a PDF'],
    [{ fileName: 'a.pdf', batchJobId: '../ocop.sqlite' }, 'batchJobId: not a batch id'],
  ])('refuses %j: %s', async (request, message) => {
    const r = await call(fromApp, request);
    expect(r.error?.code).toBe('VALIDATION');
    expect(r.error?.message).toContain(message);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses bytes over 64 MiB, and a batch whose PDF is not there', async () => {
    const big = new Uint8Array(64 * 1024 * 1024 + 1);
    big.set(PDF);
    expect((await call(fromApp, { fileName: 'a.pdf', bytes: big })).error?.message).toContain('over the 67108864-byte limit');
    expect((await call(fromApp, { fileName: 'a.pdf', batchJobId: JOB })).error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('print the batch again'),
    });
  });

  it('reports a folder it cannot write to as IO, naming the path', async () => {
    const target = path.join(dir, 'missing-folder', 'a.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const r = await call(fromApp, { fileName: 'a.pdf', bytes: new Uint8Array(PDF) });
    expect(r.error?.code).toBe('IO');
    expect(r.error?.message).toContain(target);
  });
});
