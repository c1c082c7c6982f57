/**
 * The preload of the USB-token PIN window (electron/main/pin-prompt.ts): one function that sends
 * the typed PIN (or null for cancel) with the prompt's nonce to main. Nothing else is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { PinAnswer, PinChannelName } from '../main/pin-prompt';

const PIN_CHANNEL: PinChannelName = 'ocop:pin';

contextBridge.exposeInMainWorld('ocopPin', {
  answer: (nonce: unknown, pin: unknown) => {
    if (typeof nonce !== 'string' || (pin !== null && typeof pin !== 'string')) return;
    const message: PinAnswer = { nonce, pin };
    ipcRenderer.send(PIN_CHANNEL, message);
  },
});
