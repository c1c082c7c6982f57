/**
 * Header lines are printed exactly as typed, one line each (an automatic wrap once printed
 * "PHÂN / HẠNG"). A line wider than the header's left column would be wrapped by the layout
 * anyway, so saving refuses it and says to split it — before anyone prints.
 */
import type { DocumentSettings } from '../../../../shared/api/channels/document-settings';
import { CoreError } from '../../errors';
import { headerGeometry } from '../layout/header';
import { textWidth } from '../layout/measure';
import { contentWidth, DECREE_MARGINS } from '../layout/units';

/** Widest the left column gets on a portrait page (it reaches into the margin as the official samples do). */
const ROOM = headerGeometry(contentWidth('portrait', DECREE_MARGINS), Number.POSITIVE_INFINITY).left - 1;
const toMm = (pt: number): string => ((pt * 25.4) / 72).toFixed(0);

const fits = (line: string): boolean => textWidth(line, 12, true) <= ROOM;

/** Greedy join of pieces with spaces, never past the column. */
function pack(pieces: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const next = current ? `${current} ${piece}` : piece;
    if (current && !fits(next)) {
      out.push(current);
      current = piece;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Defaults only (a council without its header lines gives its whole name as one line): a line
 * too wide is broken after a comma first ("HỘI ĐỒNG ĐÁNH GIÁ," / "PHÂN HẠNG SẢN PHẨM OCOP"), then
 * between words, so the defaults always print and save as they show and never split "PHÂN / HẠNG"
 * when a comma gives a better place.
 */
export function wrapToFit(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    if (fits(line)) return [line];
    const clauses = line.split(/(?<=,)\s+/u).filter(Boolean);
    return pack(clauses).flatMap((l) => (fits(l) ? [l] : pack(l.split(/\s+/u).filter(Boolean))));
  });
}

export function assertHeaderLinesFit(s: Pick<DocumentSettings, 'parentLines' | 'bodyLines'>): void {
  for (const field of ['parentLines', 'bodyLines'] as const) {
    s[field].forEach((line, i) => {
      // 12 pt bold is the smallest the decree allows for these lines and what the layout falls back to.
      const w = textWidth(line, 12, true);
      if (w > ROOM) {
        throw new CoreError(
          'VALIDATION',
          `${field}[${i}]: "${line}" is too long for one line of the header (${toMm(w)} mm, at most ${toMm(ROOM)} mm); split it into two lines`,
          { field },
        );
      }
    });
  }
}
