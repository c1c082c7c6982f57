/**
 * Text laid out into lines by the app itself (greedy word wrap with Times metrics), for the parts
 * of a document that two renderers must place identically: the scoring sheet's closing part is
 * drawn by pdfmake for a single sheet and by the fast batch renderer for a whole session.
 */
import { NBSP } from './format';
import { textWidth } from './measure';

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

export interface PlacedLine {
  runs: Run[];
  size: number;
  /** pdfmake's lineHeight factor (the box is size × 1,107 × lineHeight). */
  lineHeight: number;
  /** Offset from the left text margin, already including centring. */
  dx: number;
  /** Space above the line (pt). */
  gapBefore: number;
}

export interface LineBlock {
  lines: PlacedLine[];
  /** Moved whole to the next page when it does not fit (signature blocks). */
  keepTogether: boolean;
}

/** (ascender − descender) / em of Times/Tinos: pdfmake's line box at lineHeight 1. */
export const LINE_BOX = (1825 + 443) / 2048;
/** Ascender / em: the baseline sits this far below a line's top. */
export const ASCENDER = 1825 / 2048;

export const lineBoxHeight = (l: Pick<PlacedLine, 'size' | 'lineHeight'>): number => l.size * LINE_BOX * l.lineHeight;
export const blockHeight = (b: LineBlock): number => b.lines.reduce((h, l) => h + l.gapBefore + lineBoxHeight(l), 0);

export const runsWidth = (runs: Run[], size: number): number =>
  runs.reduce((w, r) => w + textWidth(r.text, size, r.bold, r.italics), 0);

/**
 * Greedy word wrap of styled runs into lines no wider than `width`. Spaces at line ends are
 * dropped; a word longer than a line is split by characters.
 */
export function wrapRuns(runs: Run[], size: number, width: number): Run[][] {
  type Word = { parts: Run[]; width: number };
  const words: Word[] = [];
  let current: Word = { parts: [], width: 0 };
  const push = () => {
    if (current.parts.length) words.push(current);
    current = { parts: [], width: 0 };
  };
  for (const run of runs) {
    const tokens = run.text.split(/( +)/u);
    for (const tok of tokens) {
      if (tok === '') continue;
      if (/^ +$/u.test(tok)) {
        push();
        continue;
      }
      const part: Run = { ...run, text: tok };
      current.parts.push(part);
      current.width += textWidth(tok, size, run.bold, run.italics);
    }
  }
  push();
  const space = (r: Run) => textWidth(' ', size, r.bold, r.italics);
  const lines: Run[][] = [];
  let line: Run[] = [];
  let lineWidth = 0;
  for (const w of words) {
    const gap = line.length ? space(w.parts[0]!) : 0;
    if (line.length && lineWidth + gap + w.width > width) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    if (!line.length && w.width > width) {
      // A single over-long word: split it by characters.
      for (const part of w.parts) {
        let chunk = '';
        for (const ch of part.text) {
          if (lineWidth + textWidth(chunk + ch, size, part.bold, part.italics) > width && (chunk || line.length)) {
            if (chunk) line.push({ ...part, text: chunk });
            lines.push(line);
            line = [];
            lineWidth = 0;
            chunk = '';
          }
          chunk += ch;
        }
        if (chunk) {
          line.push({ ...part, text: chunk });
          lineWidth += textWidth(chunk, size, part.bold, part.italics);
        }
      }
      continue;
    }
    if (line.length) {
      line.push({ ...w.parts[0]!, text: ' ' });
      lineWidth += gap;
    }
    line.push(...w.parts);
    lineWidth += w.width;
  }
  if (line.length) lines.push(line);
  return lines.map(mergeRuns);
}

/** Joins neighbouring runs of the same style (fewer text operations in the PDF). */
function mergeRuns(line: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of line) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italics === !!r.italics) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** Lines of a paragraph, left-aligned at `dx`. */
export function paragraphLines(
  runs: Run[],
  size: number,
  width: number,
  opts: { lineHeight: number; gapBefore?: number; dx?: number },
): PlacedLine[] {
  return wrapRuns(runs, size, width).map((r, i) => ({
    runs: r,
    size,
    lineHeight: opts.lineHeight,
    dx: opts.dx ?? 0,
    gapBefore: i === 0 ? (opts.gapBefore ?? 0) : 0,
  }));
}

/** One line centred in a box [x, x + width]. */
export function centredLine(
  runs: Run[],
  size: number,
  x: number,
  width: number,
  opts: { lineHeight: number; gapBefore?: number },
): PlacedLine {
  const w = runsWidth(runs, size);
  return { runs, size, lineHeight: opts.lineHeight, dx: x + Math.max(0, (width - w) / 2), gapBefore: opts.gapBefore ?? 0 };
}

/** An empty line of a given size (space for a signature). */
export const blankLine = (size: number, gapBefore: number, lineHeight = 1): PlacedLine => ({
  runs: [{ text: NBSP }],
  size,
  lineHeight,
  dx: 0,
  gapBefore,
});

/** pdfmake nodes drawing these lines exactly where the batch renderer draws them. */
export function linesToContent(blocks: LineBlock[]): import('pdfmake/interfaces').Content[] {
  return blocks.map((b) => ({
    stack: b.lines.map((l) => ({
      text: l.runs.map((r) => ({ text: r.text, bold: !!r.bold, italics: !!r.italics })),
      fontSize: l.size,
      lineHeight: l.lineHeight,
      noWrap: true,
      margin: [l.dx, l.gapBefore, 0, 0] as [number, number, number, number],
    })),
    ...(b.keepTogether ? { unbreakable: true } : {}),
  }));
}
