/**
 * Line breaks for centred titles (trích yếu, annex titles, "(Kèm theo …)" lines) that never split
 * a Vietnamese word: Vietnamese writes a word's syllables with spaces ("ĐÁNH GIÁ", "Đồng Tháp"), so
 * a plain word wrap breaks inside words ("ĐÁNH / GIÁ", "Đồng / Tháp"). A title may break only
 * before the syllables that start the phrases these titles are made of (đánh giá, phân hạng, sản
 * phẩm, tỉnh …, năm …, ngày …), after a comma, or before "(" — and the lines are balanced (the
 * fewest lines, then the most even lengths), the way a person sets a centred title.
 */
import { foldForSearch } from '../../../../shared/text/normalize';
import { textWidth } from './measure';

/** Syllables (folded: no accents, lower case) a title line may start with. */
const PHRASE_STARTS = new Set([
  've', // về việc
  'cong', // công nhận
  'danh', // đánh giá, danh sách
  'phan', // phân hạng
  'san', // sản phẩm
  'ket', // kết quả
  'tinh', // tỉnh …
  'thanh', // thành phố …
  'nam', // năm 2026
  'ngay', // ngày 05 tháng 01 năm 2026
  'hoi', // Hội đồng
  'hop', // Họp
  'cua', // của …
  'kem', // kèm theo
  'dot', // đợt 1
  'va', // và
  'tai', // tại
  'duoc', // được công nhận
  'chuong', // Chương trình
  'bang', // bảng tổng hợp
  'cham', // chấm điểm
]);

/** Breaks allowed before token i (i ≥ 1). */
function allowedBreaks(tokens: string[]): boolean[] {
  return tokens.map((tok, i) => {
    if (i === 0) return false;
    const prev = tokens[i - 1]!;
    if (/[,;:]$/u.test(prev) || tok.startsWith('(')) return true;
    const folded = foldForSearch(tok.replace(/^[("“]+/u, ''));
    // A date stays whole: "ngày 20 tháng 01 năm 2026" breaks before "ngày", never before its "năm".
    if (folded === 'nam' && i >= 2 && foldForSearch(tokens[i - 2]!) === 'thang') return false;
    return PHRASE_STARTS.has(folded);
  });
}

/**
 * The title with "\n" where its lines break (unchanged when it fits on one line). When a phrase
 * alone is wider than the line, it falls back to breaking between any two syllables there.
 */
export function breakTitle(text: string, size: number, width: number, bold = true, italics = false): string {
  const room = width - 2; // pdfmake's own wrap must never need to break again
  const tokens = text.split(' ').filter((t) => t !== '');
  if (tokens.length <= 1 || textWidth(text, size, bold, italics) <= room) return text;
  const allowed = allowedBreaks(tokens);
  const lineWidth = (i: number, j: number) => textWidth(tokens.slice(i, j).join(' '), size, bold, italics);
  const n = tokens.length;
  // best[i] = [lines, cost] to set tokens i… ; next[i] = where the line starting at i ends.
  const best: [number, number][] = new Array(n + 1);
  const next: number[] = new Array(n + 1).fill(n);
  best[n] = [0, 0];
  for (let i = n - 1; i >= 0; i--) {
    best[i] = [Infinity, Infinity];
    for (let j = i + 1; j <= n; j++) {
      if (j < n && !allowed[j]) continue;
      const w = lineWidth(i, j);
      if (w > room) break;
      const [lines, cost] = best[j]!;
      const cand: [number, number] = [lines + 1, cost + (room - w) ** 2];
      if (cand[0] < best[i]![0] || (cand[0] === best[i]![0] && cand[1] < best[i]![1])) {
        best[i] = cand;
        next[i] = j;
      }
    }
  }
  if (!Number.isFinite(best[0]![0])) return text; // a phrase wider than the line: let pdfmake wrap it
  const lines: string[] = [];
  for (let i = 0; i < n; i = next[i]!) lines.push(tokens.slice(i, next[i]).join(' '));
  return lines.join('\n');
}
