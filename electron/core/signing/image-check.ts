/**
 * Checks a signature or seal image before it is kept (NĐ 30/2020 Phụ lục I: a blue handwritten
 * signature and a red seal, PNG with a transparent background): a real PNG, with transparency
 * where the paper should show, a sensible pixel size, and the ink colour expected. Answers every
 * problem so the message can say which.
 */
import { PNG } from 'pngjs';

export type ImageKind = 'signature' | 'seal';
export type ImageProblem =
  'not-png' | 'too-large-file' | 'too-small' | 'too-large' | 'no-transparency' | 'empty' | 'not-blue' | 'not-red';

export interface ImageCheck {
  ok: boolean;
  problems: ImageProblem[];
  widthPx: number;
  heightPx: number;
  /** Physical width from the PNG's pHYs chunk, when it says one (mm). */
  widthMmFromFile: number | null;
}

const MAX_BYTES = 2 * 1024 * 1024;

export function checkImage(bytes: Uint8Array, kind: ImageKind): ImageCheck {
  const fail = (problems: ImageProblem[], w = 0, h = 0): ImageCheck => ({
    ok: false,
    problems,
    widthPx: w,
    heightPx: h,
    widthMmFromFile: null,
  });
  if (bytes.length > MAX_BYTES) return fail(['too-large-file']);
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes));
  } catch {
    return fail(['not-png']);
  }
  const { width: w, height: h, data } = png;
  const problems: ImageProblem[] = [];
  if (w < 100 || h < 40) problems.push('too-small');
  if (w > 4000 || h > 4000) problems.push('too-large');
  let transparent = 0;
  let inked = 0;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let i = 0; i < w * h; i++) {
    const a = data[i * 4 + 3]!;
    if (a < 32) transparent++;
    else if (a > 128) {
      inked++;
      r += data[i * 4]!;
      g += data[i * 4 + 1]!;
      b += data[i * 4 + 2]!;
    }
  }
  // The paper must show through: at least a third of the pixels transparent, including the corners.
  const corners = [0, w - 1, (h - 1) * w, h * w - 1].every((p) => data[p * 4 + 3]! < 32);
  if (transparent < (w * h) / 3 || !corners) problems.push('no-transparency');
  if (inked < (w * h) / 500) problems.push('empty');
  else if (kind === 'signature' && !(b > r * 1.2 && b > g * 1.1)) problems.push('not-blue');
  else if (kind === 'seal' && !(r > g * 1.5 && r > b * 1.5)) problems.push('not-red');
  return { ok: problems.length === 0, problems, widthPx: w, heightPx: h, widthMmFromFile: physicalWidthMm(bytes, w) };
}

/** Width in millimetres from the pHYs chunk (pixels per metre), when the file states it. */
function physicalWidthMm(bytes: Uint8Array, widthPx: number): number | null {
  const buf = Buffer.from(bytes);
  let off = 8;
  while (off + 12 <= buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    if (type === 'pHYs' && len === 9) {
      const ppmX = buf.readUInt32BE(off + 8);
      const unit = buf.readUInt8(off + 16);
      return unit === 1 && ppmX > 0 ? Math.round((widthPx / ppmX) * 1000 * 10) / 10 : null;
    }
    if (type === 'IDAT' || type === 'IEND') return null;
    off += 12 + len;
  }
  return null;
}
