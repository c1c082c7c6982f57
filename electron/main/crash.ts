import { dialog, type BrowserWindow, type MessageBoxOptions, type MessageBoxReturnValue } from 'electron';
import { resources, type Lang } from '../../shared/i18n/resources';

/** Three crashes within this time count as "keeps crashing": the dialog then suggests quitting. */
export const CRASH_REPEAT_WINDOW_MS = 5 * 60_000;
export const CRASH_REPEAT_COUNT = 3;

type ShowMessageBox = (win: BrowserWindow, o: MessageBoxOptions) => Promise<MessageBoxReturnValue>;

export interface RendererWatchOptions {
  language: () => Lang;
  /** Reloads the app page in the window (window.ts reloadApp). */
  reload: () => void;
  quit: () => void;
  log: (msg: string) => void;
  now?: () => number;
  showMessageBox?: ShowMessageBox;
}

/**
 * What happens when the page dies or hangs. The database and IPC live in main, not in the page,
 * and every change is saved by a call that main finishes on its own: a crashed or reloaded page
 * loses nothing that was saved. So the user is told that, and offered a reload (or, for a page
 * that is only busy, to wait); main never reloads on its own, which could loop on a page that
 * crashes at once.
 */
export function watchRenderer(win: BrowserWindow, o: RendererWatchOptions): void {
  const now = o.now ?? Date.now;
  const show: ShowMessageBox = o.showMessageBox ?? ((w, opts) => dialog.showMessageBox(w, opts));
  let crashes: number[] = [];
  let crashDialogOpen = false;

  win.webContents.on('render-process-gone', (_event, details) => {
    // 'clean-exit' is the page closing normally (quitting the app).
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    o.log(`the window's renderer process is gone: ${details.reason} (exit code ${details.exitCode})`);
    const t = now();
    crashes = [...crashes.filter((c) => t - c < CRASH_REPEAT_WINDOW_MS), t];
    if (crashDialogOpen) return;
    crashDialogOpen = true;
    const text = resources[o.language()].menu.crash;
    const repeated = crashes.length >= CRASH_REPEAT_COUNT;
    show(win, {
      type: 'error',
      title: text.title,
      message: text.message,
      detail: `${repeated ? text.repeated : text.detail}\n\n${text.reason}: ${details.reason} (${details.exitCode})`,
      buttons: [text.reload, text.quit],
      // Enter reloads; after repeated crashes Esc and closing the box quit instead.
      defaultId: repeated ? 1 : 0,
      cancelId: repeated ? 1 : 0,
      noLink: true,
    })
      .then(({ response }) => (response === 0 ? o.reload() : o.quit()))
      .catch((e: unknown) => o.log(`the crash dialog failed: ${String(e)}`))
      .finally(() => (crashDialogOpen = false));
  });

  let hang: AbortController | null = null;
  win.on('unresponsive', () => {
    if (hang || win.isDestroyed()) return;
    o.log('the window is not responding');
    hang = new AbortController();
    const text = resources[o.language()].menu.unresponsive;
    show(win, {
      type: 'warning',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: [text.wait, text.reload],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      // Closed by itself (as "wait") if the page recovers.
      signal: hang.signal,
    })
      .then(({ response }) => {
        if (response === 1) o.reload();
      })
      .catch((e: unknown) => o.log(`the not-responding dialog failed: ${String(e)}`))
      .finally(() => (hang = null));
  });
  win.on('responsive', () => hang?.abort());
}
