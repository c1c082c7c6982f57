import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { ErrorCode } from '../../shared/api/errors';
import { resources, type Lang } from '../../shared/i18n/resources';

/**
 * Native file dialogs for the desktop host (saving a backup or a PDF, choosing a file to import
 * or restore). Thin on purpose: the core does the work on the chosen path, and the browser host
 * uses downloads and <input type=file> instead. `null` means the user cancelled.
 */
export interface SaveOptions {
  title: string;
  /** Suggested file name or full path. */
  defaultPath?: string;
  filters?: FileFilter[];
}

export async function askSavePath(win: BrowserWindow | null, o: SaveOptions): Promise<string | null> {
  const opts = {
    title: o.title,
    defaultPath: o.defaultPath,
    filters: o.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  };
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return r.canceled || !r.filePath ? null : r.filePath;
}

export interface OpenOptions {
  title: string;
  filters?: FileFilter[];
  multiple?: boolean;
}

export async function askOpenPaths(win: BrowserWindow | null, o: OpenOptions): Promise<string[] | null> {
  const opts = {
    title: o.title,
    filters: o.filters,
    properties: (o.multiple ? ['openFile', 'multiSelections'] : ['openFile']) as ('openFile' | 'multiSelections')[],
  };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
}

/**
 * The text of the dialog shown when the app cannot start (database from a newer version,
 * locked, read-only, damaged): what happened and what to do in the user's language, where the
 * data is, and the technical message for whoever helps them.
 */
export function startupErrorText(
  lang: Lang,
  code: ErrorCode,
  technical: string,
  dataDir: string,
): { title: string; body: string } {
  const r = resources[lang];
  return {
    title: r.menu.startupFailed,
    body: `${r.errors[code]}\n\n${r.settings.dataLocation}: ${dataDir}\n\n${technical}`,
  };
}

/** A blocking error box: usable before any window exists. */
export function showStartupError(text: { title: string; body: string }): void {
  dialog.showErrorBox(text.title, text.body);
}
