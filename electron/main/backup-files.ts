import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { BackupFileRequest, BackupFileResult } from '../../shared/api/bridge';
import { fail, ok, type Envelope } from '../../shared/api/envelope';
import { invoke, type Logger } from '../core/api';
import type { CoreContext } from '../core/context';
import { askOpenPaths, askSavePath } from './dialogs';

/**
 * The narrow IPC channel for backup files in the desktop app: "Lưu bản sao ra…", "Khôi phục từ
 * tệp…" and the whole archive. Main shows the native dialog and calls the core on the path the
 * user chose; the page never names a path, so it cannot read or write anywhere the user did not
 * pick. The browser host downloads instead (the bridge's /download routes).
 */
export const BACKUP_FILE_CHANNEL = 'ocop:backupFile';
export type BackupFileChannelName = typeof BACKUP_FILE_CHANNEL;

const BACKUP_NAME = /^[^/\\]{1,250}\.sqlite$/u;

export interface BackupFilesOptions {
  ctx: CoreContext;
  isAppUrl: (url: string) => boolean;
  window: () => BrowserWindow | null;
  /** Dialog titles in the user's language. */
  titles: () => { saveCopy: string; restore: string; archive: string };
  actor?: () => string | undefined;
  log?: Logger;
}

const stamp = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');

export function registerBackupFiles(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  opts: BackupFilesOptions,
): { dispose: () => void } {
  const log = opts.log ?? ((msg, err) => console.error(`[ocop-main] ${msg}`, err ?? ''));
  const handler = async (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<BackupFileResult>> => {
    const frame = event.senderFrame;
    const url = frame?.url ?? '';
    if (!frame || frame.parent !== null || !opts.isAppUrl(url)) {
      log(`refused a backup file request from ${JSON.stringify(url)}`);
      return fail({ code: 'FORBIDDEN_SENDER', message: 'Backup files are handled only for the app’s own page' });
    }
    const r = (typeof request === 'object' && request !== null ? request : {}) as Partial<BackupFileRequest> & { name?: unknown };
    const meta = opts.actor?.() ? { actor: opts.actor()! } : {};
    const win = opts.window();
    switch (r.action) {
      case 'saveCopy': {
        if (r.name !== undefined && (typeof r.name !== 'string' || !BACKUP_NAME.test(r.name)))
          return fail({ code: 'VALIDATION', message: 'name: not the name of a backup (….sqlite)' });
        const to = await askSavePath(win, {
          title: opts.titles().saveCopy,
          defaultPath: typeof r.name === 'string' ? r.name : `ocop-sao-luu-${stamp()}.sqlite`,
          filters: [{ name: 'SQLite', extensions: ['sqlite'] }],
        });
        if (to === null) return ok({ done: false, path: null });
        const env = await invoke(
          opts.ctx,
          'backup:saveCopy',
          { to, ...(typeof r.name === 'string' ? { name: r.name } : {}) },
          meta,
          log,
        );
        return env.ok ? ok({ done: true, path: env.value.file }) : env;
      }
      case 'pickRestoreFile': {
        // Only the choice: the page then shows what the restore would change (backup:preview on
        // this path) and restores it (backup:restore) after the user confirms.
        const picked = await askOpenPaths(win, {
          title: opts.titles().restore,
          filters: [{ name: 'SQLite', extensions: ['sqlite'] }],
        });
        return ok(picked === null ? { done: false, path: null } : { done: true, path: picked[0]! });
      }
      case 'exportArchive': {
        const out = await askSavePath(win, {
          title: opts.titles().archive,
          defaultPath: `ocop-luu-tru-${stamp()}.tar`,
          filters: [{ name: 'Tar', extensions: ['tar'] }],
        });
        if (out === null) return ok({ done: false, path: null });
        const env = await invoke(opts.ctx, 'archive:export', { out }, meta, log);
        return env.ok ? ok({ done: true, path: env.value.file, files: env.value.files }) : env;
      }
      default:
        return fail({ code: 'VALIDATION', message: 'action: one of saveCopy, pickRestoreFile, exportArchive' });
    }
  };
  ipcMain.handle(BACKUP_FILE_CHANNEL, handler);
  return { dispose: () => ipcMain.removeHandler(BACKUP_FILE_CHANNEL) };
}
