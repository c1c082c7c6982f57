import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors';
import { resources } from '../../shared/i18n/resources';
import { askOpenPaths, askSavePath, startupErrorText } from './dialogs';
import { BrowserWindow, dialog, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

beforeEach(() => resetFakeElectron());

describe('file dialogs', () => {
  it('answers null when the user cancels', async () => {
    expect(await askSavePath(null, { title: 'Lưu' })).toBeNull();
    expect(await askOpenPaths(null, { title: 'Mở' })).toBeNull();
  });

  it('returns the chosen path, attached to the window, asking before overwriting', async () => {
    const win = new BrowserWindow({});
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/bien-ban.pdf' });
    const filters = [{ name: 'PDF', extensions: ['pdf'] }];
    expect(await askSavePath(win as never, { title: 'Lưu biên bản', defaultPath: 'bien-ban.pdf', filters })).toBe(
      '/home/u/bien-ban.pdf',
    );
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        title: 'Lưu biên bản',
        defaultPath: 'bien-ban.pdf',
        filters,
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    );
  });

  it('opens one file, or several when asked', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a.xlsx', '/b.xlsx'] });
    expect(await askOpenPaths(null, { title: 'Nhập', multiple: true })).toEqual(['/a.xlsx', '/b.xlsx']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));
  });
});

describe('startupErrorText', () => {
  it.each(['vi', 'en'] as const)('has a title and a message for every error code in %s', (lang) => {
    for (const code of ERROR_CODES) {
      const t = startupErrorText(lang, code, 'technical detail', '/data');
      expect(t.title).toBe(resources[lang].menu.startupFailed);
      expect(t.body.startsWith(resources[lang].errors[code]), code).toBe(true);
      expect(t.body).toContain(`${resources[lang].settings.dataLocation}: /data`);
      expect(t.body).toContain('technical detail');
    }
  });
});
