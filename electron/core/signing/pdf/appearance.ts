/**
 * The visible part of a signature (NĐ 30/2020 Phụ lục I, DOCUMENTS.md §1.5): the signer's
 * handwritten-signature image centred in the signing space, the organisation's seal at its real
 * size overlapping about a third of it on the left, and an info line with signer, organisation
 * and time (ISO 8601, +07:00).
 *
 * All of it is drawn in the signature widget's appearance stream, never in the page's content:
 * the page text stays byte for byte what was printed (the content check compares it), and
 * viewers count a new signature field as an allowed change after earlier signatures.
 */
import fontkit, { type Font } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFRef } from 'pdf-lib';

/** [x1, y1, x2, y2] in PDF points, origin bottom-left. */
export type Rect = [number, number, number, number];

export interface PngImage {
  png: Uint8Array;
  /** Width to draw, in points. The height follows the image's aspect ratio. */
  widthPt: number;
}

export interface VisibleSignature {
  /** The signing space on the page (between the title and the printed name). */
  zone: Rect;
  signatureImage: PngImage | null;
  /** The seal, drawn at its real width, over the left third of the signature image. */
  sealImage: PngImage | null;
  /** Lines under the images: signer, organisation, time. */
  infoLines: string[];
  /** A TrueType font with Vietnamese (Tinos, or the document's Times New Roman). */
  fontBytes: Uint8Array;
  fontSize?: number;
  /** How the info lines sit in the zone: centred (under a signature) or right-aligned (an annex's top-right corner). */
  align?: 'center' | 'right';
  /**
   * The organisation's signature after the chair's: only the seal is drawn, placed as it would be
   * over the chair's signature laid out in the same zone (its image size and info lines), and
   * the widget is the seal's rectangle, so the chair's widget beside it stays its own.
   */
  sealOver?: { signature: { widthPt: number; w: number; h: number } | null; infoLineCount: number };
  /**
   * A seal may be drawn over this signature later (the organisation signs after the chair on the
   * minutes): the info lines go to the right of where the seal's right edge will fall, so the seal
   * at its real size covers none of them. The seal's step lays out with `sealOver`, which assumes
   * the same; both decide "beside or under" from the zone alone, so they agree.
   */
  sealSpot?: boolean;
}

/** The width of a 40 mm signature, the place a seal is measured from when the signer has no image. */
const DEFAULT_SIGNATURE_PT = 113.4;
/** Room the info lines need beside the seal: "Thời gian ký: 2026-06-01T15:00:21+07:00" is ~139 pt at 8 pt. */
const SIDE_LINES_MIN_PT = 140;

interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface AppearanceLayout {
  /** The widget's rectangle on the page: the zone (nothing is drawn outside it). */
  rect: Rect;
  signature: Placed | null;
  seal: Placed | null;
  /** Baseline origin of each info line, relative to `rect`. */
  lines: { x: number; y: number; text: string }[];
  fontSize: number;
}

/**
 * Where each part goes, in the zone's coordinates. Pure so it can be tested: the info lines at
 * the bottom, the signature image centred in the space above them (no wider than 80 % of the
 * zone, no taller than the space), the seal centred vertically on it with its right edge a third
 * of the way into the signature image, at its real size when the zone is tall enough.
 */
export function layoutAppearance(
  v: Omit<VisibleSignature, 'fontBytes'>,
  sizes: { signature: { w: number; h: number } | null; seal: { w: number; h: number } | null },
  textWidth: (s: string, size: number) => number,
): AppearanceLayout {
  const [zx1, zy1, zx2, zy2] = v.zone;
  const zw = zx2 - zx1;
  const zh = zy2 - zy1;
  const fontSize = v.fontSize ?? 8;
  const lineGap = fontSize * 1.2;
  const lineCount = v.sealOver ? v.sealOver.infoLineCount : v.infoLines.length;
  const infoHeight = lineCount * lineGap + (lineCount ? 2 : 0);
  const space = { x: 0, y: infoHeight, w: zw, h: Math.max(10, zh - infoHeight) };
  // The signature image: drawn here, or (sealOver) the chair's, only to place the seal over it.
  const sig = v.sealOver
    ? v.sealOver.signature && { widthPt: v.sealOver.signature.widthPt, size: v.sealOver.signature }
    : v.signatureImage && sizes.signature && { widthPt: v.signatureImage.widthPt, size: sizes.signature };
  let signature: Placed | null = null;
  if (sig) {
    const aspect = sig.size.h / sig.size.w;
    let w = Math.min(sig.widthPt, zw * 0.8);
    let h = w * aspect;
    if (h > space.h) {
      h = space.h;
      w = h / aspect;
    }
    signature = { x: space.x + (space.w - w) / 2, y: space.y + (space.h - h) / 2, w, h };
  }
  // Where the seal's right edge falls: a third of the way into the signature image (or, with no
  // image, into the place a 40 mm signature would take), the same in the chair's and the seal's step.
  const reserve = Boolean(v.sealSpot || v.sealOver);
  let sigBox = signature;
  if (!sigBox && reserve) {
    const w = Math.min(DEFAULT_SIGNATURE_PT, zw * 0.8);
    const h = Math.min(w * 0.4, space.h);
    sigBox = { x: (zw - w) / 2, y: space.y + (space.h - h) / 2, w, h };
  }
  const sealRight = sigBox ? sigBox.x + sigBox.w / 3 : null;
  // The info lines sit beside the seal when the zone leaves room for them right of it; otherwise
  // they stay centred under the image and the seal keeps above them (shrunk if it must).
  const side = reserve && sealRight !== null && zw - (sealRight + 4) >= SIDE_LINES_MIN_PT;
  let seal: Placed | null = null;
  if (v.sealImage && sizes.seal) {
    // Real size, unless the signing space is smaller: the widget never reaches over printed
    // text (the content check leaves text inside a signature widget out of its comparison).
    const floor = side ? 0 : space.y;
    let w = v.sealImage.widthPt;
    let h = (w * sizes.seal.h) / sizes.seal.w;
    if (h > zh - floor) {
      w = (w * (zh - floor)) / h;
      h = zh - floor;
    }
    const right = sealRight ?? space.x + space.w / 2 + w / 2;
    const x = Math.max(0, right - w);
    const cy = sigBox ? sigBox.y + sigBox.h / 2 : space.y + space.h / 2;
    seal = { x, y: Math.min(Math.max(floor, cy - h / 2), zh - h), w, h };
  }
  const lines = v.infoLines.map((full, i) => {
    const y = (v.infoLines.length - 1 - i) * lineGap + 2 + fontSize * 0.25;
    if (side) {
      const x0 = sealRight! + 4;
      return { text: fitText(full, zw - x0, (s) => textWidth(s, fontSize)), x: x0, y };
    }
    const text = fitText(full, zw, (s) => textWidth(s, fontSize));
    const width = textWidth(text, fontSize);
    const x = v.align === 'right' ? Math.max(0, zw - width) : Math.max(0, (zw - width) / 2);
    return { text, x, y };
  });
  if (v.sealOver) {
    // Only the seal: the widget is its rectangle, the seal drawn at the widget's origin.
    if (!seal) return { rect: [zx1, zy1, zx1, zy1], signature: null, seal: null, lines: [], fontSize };
    return {
      rect: [zx1 + seal.x, zy1 + seal.y, zx1 + seal.x + seal.w, zy1 + seal.y + seal.h],
      signature: null,
      seal: { x: 0, y: 0, w: seal.w, h: seal.h },
      lines: [],
      fontSize,
    };
  }
  return {
    rect: [zx1, zy1, zx2, zy2],
    signature: v.signatureImage ? signature : null,
    seal,
    lines,
    fontSize,
  };
}

/** `text`, shortened with an ellipsis when it is wider than `max`, so a line never runs into the next column. */
export function fitText(text: string, max: number, width: (s: string) => number): string {
  if (width(text) <= max) return text;
  let base = text;
  while (base.length > 1 && width(`${base}…`) > max) base = base.slice(0, -1);
  return `${base.trimEnd()}…`;
}

type PathCommand = { command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'; args: number[] };

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

/**
 * `text` as filled glyph outlines (PDF path operators), baseline at (x, y). Outlines rather than
 * text objects so that no text extractor — pdftotext, pdf.js, a content comparison — reads the
 * info line as part of the page; the same facts are in the signature dictionary (/Name, /M).
 */
export function outlineText(font: Font, text: string, size: number, x: number, y: number): string {
  const scale = size / font.unitsPerEm;
  const run = font.layout(text);
  const out: string[] = [];
  let penX = x;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const ox = penX + pos.xOffset * scale;
    const oy = y + pos.yOffset * scale;
    const X = (v: number) => n(ox + v * scale);
    const Y = (v: number) => n(oy + v * scale);
    let cx = 0;
    let cy = 0;
    for (const c of (glyph.path as unknown as { commands: PathCommand[] }).commands) {
      const a = c.args;
      switch (c.command) {
        case 'moveTo':
          out.push(`${X(a[0]!)} ${Y(a[1]!)} m`);
          [cx, cy] = [a[0]!, a[1]!];
          break;
        case 'lineTo':
          out.push(`${X(a[0]!)} ${Y(a[1]!)} l`);
          [cx, cy] = [a[0]!, a[1]!];
          break;
        case 'quadraticCurveTo': {
          // A quadratic Bézier as the cubic with control points 2/3 of the way to the quadratic one.
          const [qx, qy, ex, ey] = a as [number, number, number, number];
          out.push(
            `${X(cx + (2 / 3) * (qx - cx))} ${Y(cy + (2 / 3) * (qy - cy))} ${X(ex + (2 / 3) * (qx - ex))} ${Y(ey + (2 / 3) * (qy - ey))} ${X(ex)} ${Y(ey)} c`,
          );
          [cx, cy] = [ex, ey];
          break;
        }
        case 'bezierCurveTo':
          out.push(`${X(a[0]!)} ${Y(a[1]!)} ${X(a[2]!)} ${Y(a[3]!)} ${X(a[4]!)} ${Y(a[5]!)} c`);
          [cx, cy] = [a[4]!, a[5]!];
          break;
        case 'closePath':
          out.push('h');
          break;
      }
    }
    penX += pos.xAdvance * scale;
  });
  return out.length ? `${out.join('\n')}\nf` : '';
}

/** Width of `text` at `size` points in `font`, as laid out (kerning included). */
export const textWidthIn = (font: Font, text: string, size: number): number =>
  (font.layout(text).positions.reduce((w, p) => w + p.xAdvance, 0) * size) / font.unitsPerEm;

/** Builds the appearance Form XObject in `doc`; answers its reference and the widget rectangle. */
export async function buildAppearance(doc: PDFDocument, v: VisibleSignature): Promise<{ ref: PDFRef; rect: Rect }> {
  const font = fontkit.create(v.fontBytes);
  const sig = v.signatureImage ? await doc.embedPng(v.signatureImage.png) : null;
  const seal = v.sealImage ? await doc.embedPng(v.sealImage.png) : null;
  const layout = layoutAppearance(
    v,
    { signature: sig ? { w: sig.width, h: sig.height } : null, seal: seal ? { w: seal.width, h: seal.height } : null },
    (s, size) => textWidthIn(font, s, size),
  );
  const ops: string[] = [];
  const image = (name: string, p: { x: number; y: number; w: number; h: number }) =>
    ops.push(`q ${n(p.w)} 0 0 ${n(p.h)} ${n(p.x)} ${n(p.y)} cm /${name} Do Q`);
  if (sig && layout.signature) image('Sig', layout.signature);
  if (seal && layout.seal) image('Seal', layout.seal);
  ops.push('q 0 0 0 rg');
  for (const line of layout.lines) ops.push(outlineText(font, line.text, layout.fontSize, line.x, line.y));
  ops.push('Q');
  if (sig) await sig.embed();
  if (seal) await seal.embed();
  const [x1, y1, x2, y2] = layout.rect;
  const xobject = doc.context.flateStream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, n(x2 - x1), n(y2 - y1)].map(Number),
    ...(sig || seal
      ? { Resources: { XObject: { ...(sig ? { Sig: sig.ref } : {}), ...(seal ? { Seal: seal.ref } : {}) } } }
      : { Resources: {} }),
  });
  return { ref: doc.context.register(xobject), rect: layout.rect };
}
