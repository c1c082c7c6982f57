import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resources, type Lang } from '../../shared/i18n/resources';
import { CRASH_REPEAT_COUNT, CRASH_REPEAT_WINDOW_MS, watchRenderer } from './crash';
import { BrowserWindow, dialog, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

beforeEach(() => resetFakeElectron());

type Answer = { response: number; checkboxChecked: boolean };
function watched(lang: Lang = 'vi') {
  const win = new BrowserWindow({});
  const reload = vi.fn();
  const quit = vi.fn();
  const log = vi.fn();
  let t = 1_000_000;
  const clock = { advance: (ms: number) => (t += ms) };
  watchRenderer(win as never, { language: () => lang, reload, quit, log, now: () => t });
  const gone = (reason: string, exitCode = 1) => win.webContents.emit('render-process-gone', {}, { reason, exitCode });
  return { win, reload, quit, log, gone, clock };
}
const answer = (response: number) => dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false } as Answer);
/** Lets the dialog's promise chain finish (the box closed). */
const settle = () => new Promise((r) => setTimeout(r, 0));
const lastOptions = () => dialog.showMessageBox.mock.calls.at(-1)![1] as Record<string, unknown>;

describe('a crashed page', () => {
  it('tells the user nothing saved is lost and reloads when asked (Enter)', async () => {
    const { win, reload, quit, gone } = watched();
    answer(0);
    gone('crashed', 11);
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(quit).not.toHaveBeenCalled();
    expect(dialog.showMessageBox.mock.calls[0]![0]).toBe(win);
    const o = lastOptions();
    const t = resources.vi.menu.crash;
    expect(o).toMatchObject({ type: 'error', title: t.title, message: t.message, buttons: [t.reload, t.quit], defaultId: 0 });
    expect(o.detail).toContain(t.detail);
    expect(o.detail).toContain('crashed (11)');
  });

  it('quits when the user chooses to', async () => {
    const { reload, quit, gone } = watched();
    answer(1);
    gone('oom');
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(reload).not.toHaveBeenCalled();
  });

  it('says nothing when the page closed normally (quitting)', () => {
    const { gone, log } = watched();
    gone('clean-exit', 0);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it(`after ${CRASH_REPEAT_COUNT} crashes within ${CRASH_REPEAT_WINDOW_MS / 60000} minutes suggests quitting (Esc quits)`, async () => {
    const { gone, clock, quit } = watched('en');
    for (let i = 0; i < CRASH_REPEAT_COUNT - 1; i++) {
      gone('crashed');
      await settle();
      expect(dialog.showMessageBox).toHaveBeenCalledTimes(i + 1);
      clock.advance(60_000);
    }
    expect(lastOptions()).toMatchObject({ defaultId: 0, cancelId: 0 });
    answer(1);
    gone('crashed');
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    expect(lastOptions()).toMatchObject({ defaultId: 1, cancelId: 1, title: resources.en.menu.crash.title });
    expect(lastOptions().detail).toContain(resources.en.menu.crash.repeated);
  });

  it('crashes far apart are not "repeated"', async () => {
    const { gone, clock } = watched();
    for (let i = 0; i < CRASH_REPEAT_COUNT + 1; i++) {
      gone('crashed');
      await settle();
      expect(dialog.showMessageBox).toHaveBeenCalledTimes(i + 1);
      clock.advance(CRASH_REPEAT_WINDOW_MS);
    }
    expect(lastOptions()).toMatchObject({ defaultId: 0 });
  });

  it('never stacks a second dialog while one is open', () => {
    const { gone } = watched();
    dialog.showMessageBox.mockReturnValueOnce(new Promise(() => {}));
    gone('crashed');
    gone('crashed');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });
});

describe('a page that hangs', () => {
  it('offers to wait (the default) or reload', async () => {
    const { win, reload } = watched();
    answer(1);
    win.emit('unresponsive');
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    const t = resources.vi.menu.unresponsive;
    expect(lastOptions()).toMatchObject({
      type: 'warning',
      title: t.title,
      buttons: [t.wait, t.reload],
      defaultId: 0,
      cancelId: 0,
    });
  });

  it('waiting does nothing', async () => {
    const { win, reload, log } = watched();
    answer(0);
    win.emit('unresponsive');
    await settle();
    expect(log).toHaveBeenCalledWith('the window is not responding');
    expect(reload).not.toHaveBeenCalled();
  });

  it('closes its dialog by itself when the page responds again, and asks once per hang', () => {
    const { win } = watched();
    dialog.showMessageBox.mockReturnValueOnce(new Promise(() => {}));
    win.emit('unresponsive');
    win.emit('unresponsive');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const signal = lastOptions().signal as AbortSignal;
    expect(signal.aborted).toBe(false);
    win.emit('responsive');
    expect(signal.aborted).toBe(true);
  });
});
