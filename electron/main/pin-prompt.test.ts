import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions, IpcMain } from 'electron';
import { BrowserWindow, resetFakeElectron } from './test/fake-electron';
import { createPinPrompt, PIN_CHANNEL, pinPageHtml } from './pin-prompt';
import type { PinRequest } from '../core/signing/keys/pkcs11-token';

const req: PinRequest = {
  tokenLabel: 'VNPT-CA <Token>',
  signer: 'Nguyễn Văn Đức',
  pinState: 'ok',
  pinLength: { min: 4, max: 16 },
};

class FakeWin extends BrowserWindow {
  close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
}

function setup() {
  const ipc = new EventEmitter();
  const windows: FakeWin[] = [];
  const parent = new FakeWin({});
  const ask = createPinPrompt({
    ipc: ipc as unknown as Pick<IpcMain, 'on' | 'removeListener'>,
    createWindow: (o: BrowserWindowConstructorOptions) => {
      const w = new FakeWin(o as Record<string, unknown>);
      windows.push(w);
      return w as unknown as ElectronBrowserWindow;
    },
    parent: () => parent as unknown as ElectronBrowserWindow,
    language: () => 'vi',
    preloadPath: '/app/out/preload/pin.cjs',
  });
  const nonceOf = (w: FakeWin) => {
    const html = decodeURIComponent(String(w.loadURL.mock.calls[0]![0]).replace(/^data:text\/html;charset=utf-8,/u, ''));
    return /const n="([0-9a-f]{32})"/u.exec(html)![1]!;
  };
  return { ipc, windows, ask, nonceOf, parent };
}

beforeEach(() => resetFakeElectron());

describe('the USB-token PIN prompt (main process)', () => {
  it('opens a sandboxed modal window of its own and answers the PIN its page sends with the nonce', async () => {
    const { ipc, windows, ask, nonceOf, parent } = setup();
    const answer = ask(req);
    const w = windows[0]!;
    expect(w.options).toMatchObject({
      modal: true,
      parent,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        preload: '/app/out/preload/pin.cjs',
        devTools: false,
      },
    });
    const nonce = nonceOf(w);
    // Another page (the app's own renderer included) cannot answer, nor can a wrong nonce.
    ipc.emit(PIN_CHANNEL, { sender: parent.webContents }, { nonce, pin: '1111' });
    ipc.emit(PIN_CHANNEL, { sender: w.webContents }, { nonce: 'f'.repeat(32), pin: '2222' });
    ipc.emit(PIN_CHANNEL, { sender: w.webContents }, { nonce, pin: '123456' });
    await expect(answer).resolves.toBe('123456');
    expect(w.close).toHaveBeenCalled();
    expect(ipc.listenerCount(PIN_CHANNEL)).toBe(0);
  });

  it('closing the window or pressing Cancel answers null; a second prompt while one is open is refused', async () => {
    const { ipc, windows, ask, nonceOf } = setup();
    const first = ask(req);
    await expect(ask(req)).resolves.toBeNull();
    windows[0]!.close();
    await expect(first).resolves.toBeNull();
    const second = ask(req);
    ipc.emit(PIN_CHANNEL, { sender: windows[1]!.webContents }, { nonce: nonceOf(windows[1]!), pin: null });
    await expect(second).resolves.toBeNull();
  });

  it('the page names the token and signer (escaped), warns on the last try, and never holds a PIN', () => {
    const html = decodeURIComponent(pinPageHtml('vi', { ...req, pinState: 'final-try' }, 'ab'.repeat(16)));
    expect(html).toContain('Token: VNPT-CA &#60;Token&#62;');
    expect(html).toContain('Người ký: Nguyễn Văn Đức');
    expect(html).toContain('Chỉ còn 1 lần thử');
    expect(html).toContain('<label for="pin">Mã PIN</label>');
    expect(html).toContain('type="password"');
    expect(decodeURIComponent(pinPageHtml('en', req, 'cd'.repeat(16)))).toContain('Signer: Nguyễn Văn Đức');
  });
});
