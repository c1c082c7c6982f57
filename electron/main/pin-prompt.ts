/**
 * The USB-token PIN prompt of the desktop app. It lives in the main process: a small modal
 * window of its own (its page is built here, with its own sandboxed preload) asks the PIN, and
 * the PIN travels from that window to main only, through a channel that accepts an answer only
 * from that window's page and only with the prompt's one-time nonce. The app's renderer never
 * sees the PIN; nothing here logs it or keeps it after the answer.
 */
import crypto from 'node:crypto';
import type { BrowserWindow, BrowserWindowConstructorOptions, IpcMain, IpcMainEvent } from 'electron';
import { resources, type Lang } from '../../shared/i18n/resources';
import type { AskPin, PinRequest } from '../core/signing/keys/pkcs11-token';

export const PIN_CHANNEL = 'ocop:pin';
export type PinChannelName = typeof PIN_CHANNEL;

/** What the PIN window's preload sends. */
export interface PinAnswer {
  nonce: string;
  /** Null = cancelled. */
  pin: string | null;
}

export interface PinPromptOptions {
  ipc: Pick<IpcMain, 'on' | 'removeListener'>;
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  parent: () => BrowserWindow | null;
  language: () => Lang;
  /** The PIN window's preload (out/preload/pin.cjs). */
  preloadPath: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
const fill = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{\{(\w+)\}\}/gu, (_, k: string) => String(vars[k] ?? ''));

/** The prompt's page: labelled field, the token's state, Sign and Cancel; Enter signs, Esc cancels. */
export function pinPageHtml(lang: Lang, req: PinRequest, nonce: string): string {
  const t = resources[lang].signatures.pin;
  const warn = req.pinState === 'final-try' ? t.finalTry : req.pinState === 'count-low' ? t.countLow : '';
  const body = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(t.windowTitle)}</title>
<style>body{font:16px system-ui,sans-serif;margin:20px;color:#222}h1{font-size:19px;margin:0 0 10px}
p{margin:4px 0}.warn{color:#a00;font-weight:600;margin:10px 0}label{display:block;margin-top:12px;font-weight:600}
input{font-size:20px;width:100%;box-sizing:border-box;padding:6px;margin-top:4px;letter-spacing:4px}
.row{display:flex;gap:10px;justify-content:flex-end;margin-top:16px}button{font-size:16px;padding:8px 18px}</style></head>
<body><h1>${escapeHtml(t.heading)}</h1>
<p>${escapeHtml(fill(t.token, { label: req.tokenLabel }))}</p><p>${escapeHtml(fill(t.signer, { signer: req.signer }))}</p>
${warn ? `<p class="warn" role="alert">${escapeHtml(warn)}</p>` : ''}
<form id="f"><label for="pin">${escapeHtml(t.label)}</label>
<input id="pin" type="password" autocomplete="off" minlength="${req.pinLength.min}" maxlength="${Math.min(req.pinLength.max, 64)}" required autofocus>
<p>${escapeHtml(fill(t.hint, { min: req.pinLength.min, max: Math.min(req.pinLength.max, 64) }))}</p>
<div class="row"><button type="button" id="cancel">${escapeHtml(t.cancel)}</button><button type="submit">${escapeHtml(t.sign)}</button></div></form>
<script>const n=${JSON.stringify(nonce)};document.getElementById('f').addEventListener('submit',e=>{e.preventDefault();window.ocopPin.answer(n,document.getElementById('pin').value)});
document.getElementById('cancel').addEventListener('click',()=>window.ocopPin.answer(n,null));
document.addEventListener('keydown',e=>{if(e.key==='Escape')window.ocopPin.answer(n,null)});</script></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(body)}`;
}

/** The host's AskPin for the core (CoreContext.askPin): one modal prompt at a time. */
export function createPinPrompt(opts: PinPromptOptions): AskPin {
  let busy = false;
  return (req) =>
    new Promise<string | null>((resolve) => {
      if (busy) return resolve(null);
      busy = true;
      const nonce = crypto.randomBytes(16).toString('hex');
      const parent = opts.parent();
      const win = opts.createWindow({
        width: 460,
        height: 380,
        resizable: false,
        minimizable: false,
        maximizable: false,
        modal: parent !== null,
        ...(parent ? { parent } : {}),
        title: resources[opts.language()].signatures.pin.windowTitle,
        autoHideMenuBar: true,
        webPreferences: {
          preload: opts.preloadPath,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
          devTools: false,
        },
      });
      let settled = false;
      const finish = (pin: string | null) => {
        if (settled) return;
        settled = true;
        busy = false;
        opts.ipc.removeListener(PIN_CHANNEL, onAnswer);
        if (!win.isDestroyed()) win.close();
        resolve(pin);
      };
      const onAnswer = (event: IpcMainEvent, answer: unknown) => {
        // Only this window's page, with this prompt's nonce, may answer; anything else is ignored.
        if (event.sender !== win.webContents) return;
        const a = answer as Partial<PinAnswer> | null;
        if (!a || a.nonce !== nonce) return;
        finish(typeof a.pin === 'string' && a.pin.length > 0 && a.pin.length <= 64 ? a.pin : null);
      };
      opts.ipc.on(PIN_CHANNEL, onAnswer);
      win.on('closed', () => finish(null));
      void win.loadURL(pinPageHtml(opts.language(), req, nonce));
    });
}
