/**
 * Where a signer signs on a document the app printed: the space between their title ("THƯ KÝ",
 * "CHỦ TỌA") and their printed name, found in the PDF's own text (pdf.js), on the last page that
 * prints the name alone on a line. Nothing about the layout is assumed beyond "title above,
 * name below, centred on the same column".
 */
import { extractPdfText, type TextItem } from '../documents/integrity/pdf-text';
import type { Rect } from './pdf/appearance';

export interface SignatureZone {
  pageIndex: number;
  zone: Rect;
}

const same = (a: string, b: string) =>
  a.normalize('NFC').replace(/\s+/gu, ' ').trim() === b.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * `halfWidth` asks for a wider zone (the chair's on the minutes, where the seal goes to the left of
 * the signature image): it is granted only as far as no printed text lies beside the signing space.
 */
export async function locateSignatureZone(
  pdf: Uint8Array,
  who: { title: string; name: string },
  opts: { halfWidth?: number } = {},
): Promise<SignatureZone | null> {
  const pages = await extractPdfText(pdf);
  for (let p = pages.length - 1; p >= 0; p--) {
    const page = pages[p]!;
    const names = page.items.filter((it) => same(it.str, who.name)).sort((a, b) => a.y - b.y);
    for (const name of names) {
      const centre = name.x + name.width / 2;
      const titles = page.items
        .filter((it: TextItem) => same(it.str, who.title) && it.y > name.y && Math.abs(it.x + it.width / 2 - centre) < 40)
        .sort((a, b) => a.y - b.y);
      const title = titles[0];
      if (!title) continue;
      const half = Math.max(85, Math.max(name.width, title.width) / 2 + 20);
      // The space ends at the lowest line of the title block (authority, title, office line):
      // the nearest text above the name within the column, never over it.
      const above = page.items.filter(
        (it) => it.y > name.y + name.size * 0.5 && it.y <= title.y && it.x < centre + half && it.x + it.width > centre - half,
      );
      const nearest = above.sort((a, b) => a.y - b.y)[0] ?? title;
      const top = nearest.y - nearest.size * 0.3;
      const bottom = name.y + name.size * 0.95;
      if (top - bottom < 20) continue;
      let wide = half;
      if (opts.halfWidth && opts.halfWidth > half) {
        // Text on the same rows as the signing space (another column's lines) limits the width.
        const beside = page.items.filter((it) => it.str.trim() && it.y + it.size > bottom && it.y - it.size * 0.3 < top);
        const leftEdge = Math.max(0, ...beside.filter((it) => it.x + it.width <= centre).map((it) => it.x + it.width + 2));
        const rightEdge = Math.min(page.width, ...beside.filter((it) => it.x >= centre).map((it) => it.x - 2));
        wide = Math.max(half, Math.min(opts.halfWidth, centre - leftEdge, rightEdge - centre));
      }
      return { pageIndex: p, zone: [Math.max(0, centre - wide), bottom, Math.min(page.width, centre + wide), top] };
    }
  }
  return null;
}

/**
 * Where the organisation's signature of an annex in a separate file goes (NĐ 30 Phụ lục I): the
 * top-right corner of page 1, right-aligned on the text block, above every printed line (the
 * widget never covers printed text). Null when page 1 leaves no room above its first line.
 */
export async function locateAnnexCorner(pdf: Uint8Array, box: { width: number; height: number }): Promise<SignatureZone | null> {
  const [page] = await extractPdfText(pdf);
  if (!page || page.items.length === 0) return null;
  const right = Math.min(page.width - 10, Math.max(...page.items.map((it) => it.x + it.width)));
  const top = Math.max(...page.items.map((it) => it.y + it.size));
  const y2 = page.height - 14;
  const y1 = y2 - box.height;
  if (y1 < top + 2 || right - box.width < 0) return null;
  return { pageIndex: 0, zone: [right - box.width, y1, right, y2] };
}
