/**
 * Altered copies of a PDF the app printed, for tests of `verify`: the words on a page are edited
 * in the PDF's content streams with pdf-lib, the way someone would forge a copy (change a mean, a
 * star, a validity period; remove an annex row) and save it again as a valid PDF.
 *
 * pdfmake (pdfkit) writes every word as its own text operator, `[<glyph codes> kerning] TJ`, with
 * 2-byte glyph codes that the font's ToUnicode map turns into text: a word is read through that
 * map and rewritten with the codes of the new text (which must all be in the font's subset).
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';

export interface WordEdit {
  /** 1-based page; every page when absent. */
  page?: number;
  find: string;
  /** The new word, or null to remove the word from the page. */
  replace: string | null;
  /** Only where the next word is this (e.g. "sao" after "3"). */
  before?: string;
  /** Only where the previous word is this. */
  after?: string;
  /** Every match (default: the first only). */
  all?: boolean;
  /** With `replace: null`: remove every word on the same baseline too (a table row's first line). */
  wholeLine?: boolean;
}

interface FontMap {
  toText: Map<number, string>;
  toCode: Map<string, number>;
}

function parseToUnicode(cmap: string): FontMap {
  const toText = new Map<number, string>();
  const hexText = (h: string) => String.fromCodePoint(...(h.match(/.{4}/gu) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/gu)) {
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/giu)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        const items = [...m[3]!.matchAll(/<([0-9a-f]+)>/giu)].map((x) => x[1]!);
        items.forEach((h, i) => toText.set(lo + i, hexText(h)));
      } else {
        const base = parseInt(m[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) toText.set(c, String.fromCodePoint(base + c - lo));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/gu))
    for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/giu)) toText.set(parseInt(m[1]!, 16), hexText(m[2]!));
  const toCode = new Map<string, number>();
  for (const [code, text] of toText) if (!toCode.has(text)) toCode.set(text, code);
  return { toText, toCode };
}

function fontsOf(doc: PDFDocument, page: PDFPage): Map<string, FontMap> {
  const out = new Map<string, FontMap>();
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) return out;
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref as PDFRef, PDFDict);
    const tu = font.lookup(PDFName.of('ToUnicode'));
    if (tu instanceof PDFRawStream)
      out.set(name.asString().slice(1), parseToUnicode(Buffer.from(decodePDFRawStream(tu).decode()).toString('latin1')));
  }
  return out;
}

interface Word {
  text: string;
  font: string;
  /** Baseline of the word (the `Tm` before it), rounded to 0,1 pt. */
  y: number;
  /** Font size set by the last `Tf`. */
  size: string;
  /** Where the whole `[...] TJ` operator is in the stream. */
  start: number;
  end: number;
}

/** Applies the edits; throws when an edit matched nothing (a test must not pass on a no-op). */
/** The words of each page as the helper sees them (for writing a test's edits). */
export async function pdfWords(pdf: Uint8Array): Promise<string[][]> {
  const out: string[][] = [];
  await alterPdfWords(pdf, [], (page, words) => out.push(words));
  return out;
}

export async function alterPdfWords(
  pdf: Uint8Array,
  edits: WordEdit[],
  onWords?: (page: number, words: string[]) => void,
): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  const used = edits.map(() => 0);
  doc.getPages().forEach((page, pi) => {
    const fonts = fontsOf(doc, page);
    const contents = page.node.Contents();
    const streams: PDFRawStream[] =
      contents instanceof PDFArray
        ? contents.asArray().flatMap((r) => {
            const x = doc.context.lookup(r);
            return x instanceof PDFRawStream ? [x] : [];
          })
        : contents instanceof PDFRawStream
          ? [contents]
          : [];
    let src = streams.map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1')).join('\n');
    const words: Word[] = [];
    let font = '';
    let size = '12';
    let y = 0;
    for (const m of src.matchAll(/\/(F\d+) ([\d.]+) Tf|\[([^\]]*)\] TJ|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm/gu)) {
      if (m[1]) {
        font = m[1];
        size = m[2]!;
        continue;
      }
      if (m[4]) {
        y = Math.round(Number(m[4]) * 10) / 10;
        continue;
      }
      const map = fonts.get(font);
      if (!map) continue;
      const codes = [...m[3]!.matchAll(/<([0-9a-f]+)>/giu)].flatMap((h) =>
        (h[1]!.match(/.{4}/gu) ?? []).map((x) => parseInt(x, 16)),
      );
      words.push({
        text: codes.map((c) => map.toText.get(c) ?? '\uFFFD').join(''),
        font,
        size,
        y,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
    onWords?.(
      pi + 1,
      words.map((w) => w.text),
    );
    const replacements: { start: number; end: number; with: string }[] = [];
    words.forEach((w, wi) => {
      edits.forEach((e, ei) => {
        if (e.page !== undefined && e.page !== pi + 1) return;
        // pdfmake keeps the space after a word in the word ("4 " before "sao"): compare without it.
        if (w.text.trim() !== e.find || (!e.all && used[ei]! > 0)) return;
        if (e.before !== undefined && words[wi + 1]?.text.trim() !== e.before) return;
        if (e.after !== undefined && words[wi - 1]?.text.trim() !== e.after) return;
        used[ei]!++;
        if (e.replace === null) {
          const gone = e.wholeLine ? words.filter((x) => x.y === w.y) : [w];
          for (const x of gone) replacements.push({ start: x.start, end: x.end, with: '' });
          return;
        }
        const text = e.replace + w.text.slice(w.text.trimEnd().length);
        // The word's own font, or another font of the page that has every character (a forger uses what is there).
        const has = (f: string) => [...text].every((ch) => fonts.get(f)?.toCode.has(ch));
        const font = has(w.font) ? w.font : [...fonts.keys()].find(has);
        if (!font) throw new Error(`alterPdfWords: no font on page ${pi + 1} has every character of ${JSON.stringify(text)}`);
        const map = fonts.get(font)!;
        const hex = [...text].map((ch) => map.toCode.get(ch)!.toString(16).padStart(4, '0')).join('');
        const switchFont = font === w.font ? '' : `/${font} ${w.size} Tf `;
        replacements.push({ start: w.start, end: w.end, with: `${switchFont}[<${hex}> 0] TJ` });
      });
    });
    if (replacements.length === 0) return;
    const unique = [...new Map(replacements.map((r) => [r.start, r])).values()];
    for (const r of unique.sort((a, b) => b.start - a.start)) src = src.slice(0, r.start) + r.with + src.slice(r.end);
    const stream = doc.context.flateStream(Buffer.from(src, 'latin1'));
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  });
  const missed = edits.filter((_, i) => used[i] === 0);
  if (missed.length) throw new Error(`alterPdfWords: no word matched ${missed.map((e) => JSON.stringify(e.find)).join(', ')}`);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A copy of `base` whose page `page` (1-based) is page `fromPage` of `other` (a page swapped in from another document). */
export async function swapPage(base: Uint8Array, page: number, other: Uint8Array, fromPage: number): Promise<Buffer> {
  const doc = await PDFDocument.load(base);
  const src = await PDFDocument.load(other);
  const [copied] = await doc.copyPages(src, [fromPage - 1]);
  doc.removePage(page - 1);
  doc.insertPage(page - 1, copied!);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
