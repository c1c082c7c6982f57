import QRCode from 'qrcode';
import type { Integrity } from '../types';
import { encodeMonochromePng } from './png';

/**
 * The digest as printed on every page: "OCOP:<session>:<digest>". ASCII only — QR readers
 * mis-decode non-ASCII payloads — and the same string as text and in the QR code, so `verify`
 * can read it from the text layer and a phone can read it from paper.
 */
export const digestToken = (i: Integrity): string => `OCOP:${i.sessionRef}:${i.digest}`;

/** Finds every printed token in extracted text. */
export const DIGEST_TOKEN_RE = /OCOP:([A-Za-z0-9._-]{1,40}):([A-Za-z0-9_-]{16,128})/gu;

/** Pixels per QR module in the PNG; the PDF scales the image, so this only sets the sharpness. */
const MODULE_PX = 8;
const QUIET_ZONE = 2;

/** The QR code of the token as a PNG data URL (error correction M: tolerates smudges and folds). */
export function digestQrDataUrl(i: Integrity): string {
  const qr = QRCode.create(digestToken(i), { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const size = (n + 2 * QUIET_ZONE) * MODULE_PX;
  const png = encodeMonochromePng(size, size, (x, y) => {
    const mx = Math.floor(x / MODULE_PX) - QUIET_ZONE;
    const my = Math.floor(y / MODULE_PX) - QUIET_ZONE;
    return mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx) === 1;
  });
  return `data:image/png;base64,${png.toString('base64')}`;
}
