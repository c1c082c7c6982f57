/**
 * Reading rendered PDFs back with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm), the way a
 * person would check them. Tests write into a temporary folder removed at the end of the run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-docs-'));

export function writePdf(dir: string, name: string, pdf: Buffer): string {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Text of the whole file or of one page, laid out as on paper. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-']).normalize('NFC');
}

/** Text in content order (cells of a table row stay together), for tables whose cells wrap. */
export const pdfRaw = (file: string): string => run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).normalize('NFC');

/** Text of each page separately (pdftotext separates pages with form feeds). */
export const pdfPages = (file: string): string[] => pdfText(file).split('\f').slice(0, -1);

export interface PdfInfo {
  pages: number;
  pageSize: string;
  version: string;
  landscape: boolean;
}

export function pdfInfo(file: string): PdfInfo {
  const out = run('pdfinfo', [file]);
  const get = (key: string) => new RegExp(`^${key}:\\s*(.*)$`, 'mu').exec(out)?.[1]?.trim() ?? '';
  const size = get('Page size');
  const [w, h] = size.split(' x ').map((v) => parseFloat(v));
  return { pages: Number(get('Pages')), pageSize: size, version: get('PDF version'), landscape: (w ?? 0) > (h ?? 0) };
}

/** Fonts with their "emb" column. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/u);
      // name type [type2] encoding emb sub uni id gen — read emb from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** The first non-empty line of a page: where the decree puts the page number. */
export const firstLine = (pageText: string): string =>
  pageText
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';

/** Renders page `page` to a greyscale bitmap (PGM) at `dpi`, for decoding the QR code. */
export function pageGrey(file: string, page: number, dpi: number): { width: number; height: number; data: Uint8Array } {
  const buf = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  // P5\n<w> <h>\n<max>\n<bytes>
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(buf.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: buf.subarray(header[0].length, header[0].length + width * height) };
}

/** Renders every page to PNG (for looking at, and for the committed samples). */
export function toPngs(file: string, outPrefix: string, dpi = 80): void {
  run('pdftoppm', ['-png', '-r', String(dpi), file, outPrefix]);
}

export interface WordBox {
  text: string;
  /** Points from the page's top-left. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageBoxes {
  width: number;
  height: number;
  words: WordBox[];
}

/** Every word of every page with its box (pdftotext -bbox), as a reader's eye finds them on paper. */
export function pdfWordBoxes(file: string): PageBoxes[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const unescape = (s: string) =>
    s
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&quot;/gu, '"')
      .replace(/&#39;/gu, "'")
      .replace(/&amp;/gu, '&');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)].map(
      (w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: unescape(w[5]!).normalize('NFC'),
      }),
    ),
  }));
}

/** Bounding box (points, top-left origin) of the ink on a page rendered at `dpi` (anything darker than light grey). */
export function inkBox(
  file: string,
  page: number,
  dpi = 72,
): { xMin: number; yMin: number; xMax: number; yMax: number; width: number; height: number } {
  const g = pageGrey(file, page, dpi);
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++)
      if (g.data[y * g.width + x]! < 200) {
        if (x < xMin) xMin = x;
        if (x > xMax) xMax = x;
        if (y < yMin) yMin = y;
        if (y > yMax) yMax = y;
      }
  const k = 72 / dpi;
  return { xMin: xMin * k, yMin: yMin * k, xMax: (xMax + 1) * k, yMax: (yMax + 1) * k, width: g.width * k, height: g.height * k };
}
