import { METRIC_CHARS, METRIC_WIDTHS } from './font-metrics';

export type FontStyleName = keyof typeof METRIC_WIDTHS;

const index = new Map<string, number>([...METRIC_CHARS].map((ch, i) => [ch, i]));
/** Width used for a character outside the table (about an average lower-case letter). */
const FALLBACK = 500;

export const styleName = (bold = false, italics = false): FontStyleName =>
  bold && italics ? 'bolditalics' : bold ? 'bold' : italics ? 'italics' : 'normal';

/**
 * Width in points of a single line of text set in Tinos / Times New Roman (same metrics).
 * Good to a fraction of a point, which is all the rules under headings need.
 */
export function textWidth(text: string, fontSize: number, bold = false, italics = false): number {
  const widths = METRIC_WIDTHS[styleName(bold, italics)];
  let total = 0;
  for (const ch of text.normalize('NFC')) {
    const i = index.get(ch);
    total += i === undefined ? FALLBACK : (widths[i] ?? FALLBACK);
  }
  return (total * fontSize) / 1000;
}
