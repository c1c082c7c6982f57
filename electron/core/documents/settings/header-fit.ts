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

export function assertHeaderLinesFit(s: Pick<DocumentSettings, 'parentLines' | 'bodyLines'>): void {
  for (const field of ['parentLines', 'bodyLines'] as const) {
    s[field].forEach((line, i) => {
      // 12 pt bold is the smallest the decree allows for these lines and what the layout falls back to.
      const w = textWidth(line, 12, true);
      if (w > ROOM) {
        throw new CoreError('VALIDATION', `${field}[${i}]: "${line}" is too long for one line of the header (${toMm(w)} mm, at most ${toMm(ROOM)} mm); split it into two lines`, { field });
      }
    });
  }
}
