import { QR_IMAGE } from '../layout/page-frame';
import type { Integrity } from '../types';
import { digestQrDataUrl } from './digest-code';

/** The `images` entry a document needs for its integrity footer (embedded once, drawn on every page). */
export const qrImages = (integrity: Integrity | undefined): Record<string, string> =>
  integrity ? { [QR_IMAGE]: digestQrDataUrl(integrity) } : {};
