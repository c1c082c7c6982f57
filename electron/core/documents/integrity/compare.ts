/**
 * Page-by-page comparison of a file's text with the text of the document re-rendered from the
 * database (see pdf-text.ts for exactly which text is compared). Differences are reported per
 * page as the lines the database's document has and the file lacks, and the lines the file has
 * and the document lacks (a line diff, so one changed figure names one line on each side).
 */
import type { PageDifference } from '../../../../shared/api/channels/document-register';
import { anchorsIn } from './digest-code';
import { pageLines, type PageText } from './pdf-text';

/** At most this many pages and lines per side are listed (the first differences tell the story). */
const MAX_PAGES = 20;
const MAX_LINES = 12;

/** Lines of a page, and whether it is a filler (a blank back page: nothing but the anchor footer). */
function linesOf(p: PageText): { lines: string[]; filler: boolean } {
  const lines = pageLines(p);
  const body = lines.filter((l) => !l.startsWith('Mã xác thực') && anchorsIn(l).length === 0);
  return { lines, filler: body.length === 0 && lines.length > 0 };
}

/** Lines only in `a` and only in `b`, in order (longest common subsequence of lines). */
export function lineDiff(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  const n = a.length;
  const m = b.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) L[i]![j] = a[i] === b[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) onlyA.push(a[i++]!);
    else onlyB.push(b[j++]!);
  }
  while (i < n) onlyA.push(a[i++]!);
  while (j < m) onlyB.push(b[j++]!);
  return { onlyA, onlyB };
}

export interface Comparison {
  /** Pages compared (fillers left out). */
  compared: number;
  differences: PageDifference[];
}

/**
 * Compares `found` (the file's pages) with `expected` (the re-rendered document's), page by page,
 * leaving out filler pages on both sides (a batch printed for double-sided printing adds blank
 * backs). A page the file lacks is reported with page 0; a page the file has in excess with no
 * expected lines.
 */
export function comparePages(expected: PageText[], found: PageText[]): Comparison {
  const exp = expected.map(linesOf).filter((p) => !p.filler);
  const got = found.map((p) => ({ page: p.page, ...linesOf(p) })).filter((p) => !p.filler);
  const differences: PageDifference[] = [];
  const n = Math.max(exp.length, got.length);
  for (let i = 0; i < n; i++) {
    const e = exp[i]?.lines ?? [];
    const g = got[i];
    const f = g?.lines ?? [];
    if (e.length === f.length && e.every((l, k) => l === f[k])) continue;
    const d = lineDiff(e, f);
    differences.push({ page: g?.page ?? 0, expected: d.onlyA.slice(0, MAX_LINES), found: d.onlyB.slice(0, MAX_LINES) });
    if (differences.length >= MAX_PAGES) break;
  }
  return { compared: n, differences };
}
