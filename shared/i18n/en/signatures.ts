import type vi from '../vi/signatures';
import type { Shape } from '../shape';

export default {
  pin: {
    windowTitle: 'USB token PIN',
    heading: 'Sign with a USB token',
    token: 'Token: {{label}}',
    signer: 'Signer: {{signer}}',
    label: 'PIN',
    hint: 'The PIN has {{min}}–{{max}} characters. The app never stores it.',
    countLow: 'The token says a wrong PIN was typed before. Too many wrong PINs lock it.',
    finalTry: 'One try left: another wrong PIN locks the token.',
    sign: 'Sign',
    cancel: 'Cancel',
  },
  state: {
    unsigned: 'Not signed',
    secretarySigned: 'Signed by the secretary',
    complete: 'Fully signed',
    scanned: 'Signed on paper (scan)',
  },
} satisfies Shape<typeof vi>;
