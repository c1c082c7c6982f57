import QRCode from 'qrcode';
import type { Integrity } from '../types';
import { encodeMonochromePng } from './png';

/**
 * What a finalized document carries on every page, as text and as a QR code: its anchor.
 *
 *   OCOP:<session>:<version>:<digest 20 hex>:<audit seq>:<audit hash 16 hex>
 *
 * session = the session's id; version = the finalization's seq (1, then 2 after a reopen …);
 * digest = the first 20 hex digits (80 bits) of that finalization's results digest; audit seq
 * and hash = the audit-log event the finalization was hashed on (`session_finalization.audit_head`,
 * seq 0 for an empty log), its first 16 hex digits (64 bits). Upper-case so the QR code uses its
 * alphanumeric mode: about 50 characters fit a version-3 symbol (29 modules) that a 150-dpi scan
 * of a 14-mm code still decodes. ASCII only: QR readers mis-decode non-ASCII payloads.
 *
 * The text line adds the document's own reference after a slash ("…/BB", "…/PD-12-3"), which the
 * QR code leaves out (one code per version, shared by every document of it):
 * BB biên bản · TH bảng tổng hợp · QD quyết định · GCN-<registration> giấy chứng nhận ·
 * PD-<registration>-<member> phiếu đánh giá.
 */
export const DIGEST_PREFIX = 20;
export const AUDIT_PREFIX = 16;

/** The QR payload (and the start of the text line). */
export const anchorToken = (i: Integrity): string =>
  [
    'OCOP',
    i.sessionRef,
    String(i.version),
    i.digest.slice(0, DIGEST_PREFIX).toUpperCase(),
    String(i.auditSeq),
    i.auditHash.slice(0, AUDIT_PREFIX).toUpperCase(),
  ].join(':');

/** The text line printed under "Mã xác thực": the anchor and the document's reference. */
export const digestLine = (i: Integrity, docRef?: string): string => (docRef ? `${anchorToken(i)}/${docRef}` : anchorToken(i));

/** Document references: what follows the slash of the text line. */
export const DOC_REF_RE = /^(BB|TH|QD|GCN-\d{1,9}|PD-\d{1,9}-\d{1,9})$/u;

/** One anchor as read from paper or a PDF page. */
export interface ParsedAnchor {
  sessionRef: string;
  /** null for the older "OCOP:<session>:<64 hex>" line (printed before versions were carried). */
  version: number | null;
  /** Upper-case hex: 20 digits, or all 64 for an older line. */
  digestPrefix: string;
  auditSeq: number | null;
  auditHashPrefix: string | null;
  /** The document reference of a text line ("BB", "PD-12-3"); null in a QR code. */
  docRef: string | null;
  /** The text as found. */
  token: string;
}

const ANCHOR_RE = /OCOP:([A-Za-z0-9._-]{1,40}):(\d{1,6}):([0-9A-F]{20}):(\d{1,12}):([0-9A-F]{16})(?:\/([A-Z0-9-]{2,30}))?/gu;
/** What documents printed before issue 13 carry: the session and the whole digest in lower-case hex. */
const LEGACY_RE = /OCOP:([A-Za-z0-9._-]{1,40}):([0-9a-f]{64})(?![0-9a-fA-F])/gu;

/** Every anchor in a piece of text (a page's extracted text, or a QR payload), in order. */
export function anchorsIn(text: string): ParsedAnchor[] {
  const found: { at: number; a: ParsedAnchor }[] = [];
  for (const m of text.matchAll(ANCHOR_RE)) {
    found.push({
      at: m.index,
      a: {
        sessionRef: m[1]!,
        version: Number(m[2]),
        digestPrefix: m[3]!,
        auditSeq: Number(m[4]),
        auditHashPrefix: m[5]!,
        docRef: m[6] && DOC_REF_RE.test(m[6]) ? m[6] : null,
        token: m[0],
      },
    });
  }
  for (const m of text.matchAll(LEGACY_RE)) {
    found.push({
      at: m.index,
      a: {
        sessionRef: m[1]!,
        version: null,
        digestPrefix: m[2]!.toUpperCase(),
        auditSeq: null,
        auditHashPrefix: null,
        docRef: null,
        token: m[0],
      },
    });
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.a);
}

/** Pixels per QR module in the PNG; the PDF scales the image, so this only sets the sharpness. */
const MODULE_PX = 8;
const QUIET_ZONE = 2;

/** The QR code of the anchor as a PNG data URL (error correction M: tolerates smudges and folds). */
export function digestQrDataUrl(i: Integrity): string {
  const qr = QRCode.create(anchorToken(i), { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const size = (n + 2 * QUIET_ZONE) * MODULE_PX;
  const png = encodeMonochromePng(size, size, (x, y) => {
    const mx = Math.floor(x / MODULE_PX) - QUIET_ZONE;
    const my = Math.floor(y / MODULE_PX) - QUIET_ZONE;
    return mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx) === 1;
  });
  return `data:image/png;base64,${png.toString('base64')}`;
}
