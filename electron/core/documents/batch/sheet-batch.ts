/**
 * All scoring sheets of a session in one PDF, fast enough for 300 products × 9 members.
 *
 * pdfmake lays out about 20 pages a second; a session's 2 700 sheets are ~19 000 pages. But every
 * sheet of one criteria set has the same form: only the identification values, the ticks, the
 * scores and the closing part differ. So pdfmake lays out each form once (the template, with
 * placeholders whose positions it reports), and this module builds the output with pdf-lib: each
 * page draws its template page (embedded once, shared) and then the sheet's own values at the
 * recorded positions, the page number and the digest. The closing part is laid out by
 * `sheetTail` — the same lines pdfmake draws for a single sheet.
 */
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFEmbeddedPage, type PDFImage } from 'pdf-lib';
import { appendExistingPage, appendPage, GlyphCache, PageCanvas, type FontStyle, type Fonts } from './page-canvas';
import { CoreError } from '../../errors';
import {
  answerMapOf,
  FORM_TABLE,
  IDENT_FIELDS,
  identValues,
  fitSize,
  IDENT_SIZE,
  SCORE_COL,
  SHEET_IDS,
  SHEET_WIDTH,
  buildScoringSheet,
  sheetDocRef,
  sheetTail,
  sheetTotals,
  tailHeight,
  tailReserve,
} from '../builders/scoring-sheet';
import type { DocT } from '../doc-t';
import { digestLine, digestQrDataUrl } from '../integrity/digest-code';
import { CHECKBOX } from '../layout/checkbox';
import { blockHeight, lineBoxHeight } from '../layout/lines';
import { textWidth } from '../layout/measure';
import { digestLabel, footerGeometry, FRAME, pageNumberX } from '../layout/page-frame';
import { A4, DECREE_MARGINS } from '../layout/units';
import { resolveFont, type ResolvedFont } from '../fonts';
import { renderPdfWithInfo, type RenderOptions } from '../render';
import type { ScoringSheetData } from '../types';
import { renderSheetTemplate, templateKey, type SheetTemplate, type Spot } from './sheet-template';

export interface BatchOptions extends RenderOptions {
  /**
   * Start every sheet on a new leaf for double-sided printing: a sheet with an odd number of pages
   * is followed by a blank back (carrying only the anchor), so the next member's sheet never runs
   * onto the back of this one. On by default for a session's batch.
   */
  newLeaf?: boolean;
  /** Called after each sheet: (sheets done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops between sheets with the signal's reason. */
  signal?: AbortSignal;
}

export interface BatchResult {
  pdf: Buffer;
  pageCount: number;
  font: ResolvedFont;
  /** Distinct forms laid out (one template each). */
  templates: number;
}

const styleOf = (r: { bold?: boolean; italics?: boolean }): FontStyle =>
  r.bold && r.italics ? 'bolditalics' : r.bold ? 'bold' : r.italics ? 'italics' : 'normal';

const [LEFT, TOP, RIGHT, BOTTOM] = DECREE_MARGINS;
const H = A4.height;
/** Sheets between yields to the event loop (progress events, cancellation, a responsive UI host). */
const YIELD_EVERY = 10;

/** Renders every sheet into one PDF; sheets of one session share one digest. */
export async function renderScoringSheetsBatch(
  sheets: ScoringSheetData[],
  t: DocT,
  opts: BatchOptions = {},
): Promise<BatchResult> {
  if (sheets.length === 0)
    throw new CoreError('VALIDATION', 'sheets: there is no sheet to print; choose a session with scored products');
  const digests = new Set(sheets.map((s) => (s.integrity ? `${s.integrity.sessionRef}:${s.integrity.digest}` : '')));
  if (digests.size > 1)
    throw new CoreError('VALIDATION', 'sheets: the sheets carry different session digests; print one session at a time');
  // Validate every answer list before any work (the same checks as the single-sheet builder).
  sheets.forEach((s) => answerMapOf(s.form, s.answers));

  const font = resolveFont(opts);
  const out = await PDFDocument.create();
  out.registerFontkit(fontkit);
  out.setTitle(t('sheet.title'));
  out.setProducer('OCOP Council');
  out.setCreator('OCOP Council');
  // Dates from the document's own data (pdf-lib would stamp the clock): the same session prints the same bytes.
  if (opts.createdAt) {
    out.setCreationDate(opts.createdAt);
    out.setModificationDate(opts.createdAt);
  }
  const fonts: Fonts = {
    normal: await out.embedFont(fs.readFileSync(font.files.normal), { subset: false }),
    bold: await out.embedFont(fs.readFileSync(font.files.bold), { subset: false }),
    italics: await out.embedFont(fs.readFileSync(font.files.italics), { subset: false }),
    bolditalics: await out.embedFont(fs.readFileSync(font.files.bolditalics), { subset: false }),
  };
  const glyphs = new GlyphCache(fonts);
  const integrity = sheets[0]!.integrity;
  const qr = integrity ? await out.embedPng(Buffer.from(digestQrDataUrl(integrity).split(',')[1]!, 'base64')) : null;

  const templates = new Map<string, { tpl: SheetTemplate; pages: PDFEmbeddedPage[] }>();
  // Sheets of a session share form objects: key by identity first, canonical JSON only once per form.
  const keyOf = new WeakMap<object, string>();
  let done = 0;
  let pageCount = 0;
  const reserve = tailReserve(t, SHEET_WIDTH);
  for (const sheet of sheets) {
    opts.signal?.throwIfAborted();
    let key = keyOf.get(sheet.form);
    if (key === undefined || sheet.setup || sheet.rescoringRound > 0) {
      key = templateKey(sheet);
      if (!sheet.setup && sheet.rescoringRound === 0) keyOf.set(sheet.form, key);
    }
    let entry = templates.get(key);
    if (!entry) {
      const tpl = await renderSheetTemplate(sheet, t, opts);
      const pages = await out.embedPdf(
        tpl.pdf,
        Array.from({ length: tpl.pageCount }, (_, i) => i),
      );
      entry = { tpl, pages };
      templates.set(key, entry);
    }
    // A closing part taller than the room every template keeps (a long opinion): this sheet is laid
    // out whole by pdfmake, as when printed alone, so its last page still holds its last criteria.
    const pages =
      tailHeight(sheetTail(sheet, t, SHEET_WIDTH)) > reserve
        ? await appendWholeSheet(out, sheet, t, opts)
        : drawSheet(out, entry.tpl, entry.pages, sheet, t, glyphs, qr);
    pageCount += pages;
    if (opts.newLeaf && pages % 2 === 1) {
      const back = new PageCanvas(out, appendPage(out, A4.width, A4.height), glyphs);
      drawFooter(back, sheet, t, qr);
      back.finish();
      pageCount++;
    }
    done++;
    opts.onProgress?.(done, sheets.length);
    if (done % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r));
  }
  // Object streams would be compressed with pako (slow JavaScript deflate); a plain xref is fine.
  const bytes = await out.save({ useObjectStreams: false, objectsPerTick: 2000 });
  return { pdf: Buffer.from(bytes), pageCount, font, templates: templates.size };
}

/** Draws one sheet (template pages with values, then the closing part, flowing to new pages if needed); returns its page count. */
function drawSheet(
  out: PDFDocument,
  tpl: SheetTemplate,
  tplPages: PDFEmbeddedPage[],
  d: ScoringSheetData,
  t: DocT,
  glyphs: GlyphCache,
  qr: PDFImage | null,
): number {
  const newPage = () => new PageCanvas(out, appendPage(out, A4.width, A4.height), glyphs);
  const pages: PageCanvas[] = tplPages.map((embedded) => {
    const c = newPage();
    c.drawEmbeddedPage(embedded);
    return c;
  });
  const spot = (id: string): Spot => {
    const s = tpl.spots.get(id);
    if (!s) throw new Error(`sheet template has no placeholder ${id}`);
    return s;
  };

  // Identification values (one line each, shrunk to fit) and the re-scoring line.
  const values = identValues(d);
  for (const field of IDENT_FIELDS) {
    const s = spot(SHEET_IDS.value(field));
    const value = values[field];
    const room = LEFT + SHEET_WIDTH - s.left;
    if (value) pages[s.page - 1]!.text(value, s.left, s.top, fitSize(value, room), 'bold');
    else
      pages[s.page - 1]!.text(
        '…'.repeat(Math.max(3, Math.floor((room - 5) / textWidth('…', IDENT_SIZE)))),
        s.left,
        s.top,
        IDENT_SIZE,
        'normal',
      );
  }
  if (d.rescoringRound > 0) {
    const s = spot(SHEET_IDS.rescoring);
    const label = t('sheet.rescoring', { round: d.rescoringRound });
    pages[s.page - 1]!.text(label, LEFT + (SHEET_WIDTH - textWidth(label, 13, true)) / 2, s.top, 13, 'bold');
  }

  // Ticks and scores.
  const size = FORM_TABLE.size;
  const score = (id: string, value: number, bold: boolean): Spot => {
    const s = spot(id);
    const str = String(value);
    pages[s.page - 1]!.text(
      str,
      LEFT + FORM_TABLE.scoreX + (SCORE_COL - textWidth(str, size, bold)) / 2,
      s.top + FORM_TABLE.padTop,
      size,
      bold ? 'bold' : 'normal',
    );
    return s;
  };
  const chosen = answerMapOf(d.form, d.answers);
  if (chosen) {
    const totals = sheetTotals(d.form, d.answers);
    for (const part of d.form.parts) {
      score(SHEET_IDS.part(part.code), totals.parts[part.code]!, true);
      score(SHEET_IDS.partTotal(part.code), totals.parts[part.code]!, true);
      for (const group of part.groups) {
        const single = group.criteria.length === 1 && group.criteria[0]!.code === group.code;
        if (!single) score(SHEET_IDS.group(group.code), totals.groups[group.code]!, true);
        for (const c of group.criteria) {
          const i = chosen.get(c.code);
          if (i === undefined) continue;
          const points = c.levels[i]!.points;
          score(SHEET_IDS.criterion(c.code), points, true);
          const s = score(SHEET_IDS.levelScore(c.code, i), points, false);
          drawCross(pages[s.page - 1]!, LEFT + FORM_TABLE.boxX, s.top + FORM_TABLE.padTop);
        }
      }
    }
    score(SHEET_IDS.total, totals.total, true);
  }

  // The closing part, from the template's end marker; new pages when it runs over.
  const tail = spot(SHEET_IDS.tail);
  let current = pages[tail.page - 1]!;
  let y = tail.top;
  const bottom = H - BOTTOM;
  const breakPage = () => {
    current = newPage();
    pages.push(current);
    y = TOP;
  };
  for (const block of sheetTail(d, t, SHEET_WIDTH)) {
    if (block.keepTogether && y + blockHeight(block) > bottom) breakPage();
    for (const l of block.lines) {
      if (y + l.gapBefore + lineBoxHeight(l) > bottom) breakPage();
      y += l.gapBefore;
      let x = LEFT + l.dx;
      for (const r of l.runs) {
        if (r.text.trim()) current.text(r.text, x, y, l.size, styleOf(r));
        x += textWidth(r.text, l.size, r.bold, r.italics);
      }
      y += lineBoxHeight(l);
    }
  }

  // Page numbers (from page 2, centred on the text block), the draft mark, the anchor; then each page's stream.
  const mark = d.draft ? t('sheet.draftMark') : null;
  pages.forEach((page, i) => {
    if (i > 0) {
      const num = String(i + 1);
      page.text(num, pageNumberX(A4.width, DECREE_MARGINS, num), FRAME.pageNumberTop, FRAME.pageNumberSize, 'normal');
    }
    if (mark) page.text(mark, A4.width - RIGHT - textWidth(mark, FRAME.markSize, true), FRAME.markTop, FRAME.markSize, 'bold');
    drawFooter(page, d, t, qr);
    page.finish();
  });
  return pages.length;
}

/** The anchor footer (label, line with the sheet's reference, QR code) where the single-sheet frame puts it. */
function drawFooter(page: PageCanvas, d: ScoringSheetData, t: DocT, qr: PDFImage | null): void {
  if (!qr || !d.integrity) return;
  const g = footerGeometry(A4.width, A4.height, DECREE_MARGINS);
  page.image(qr, g.qr.x, g.qr.y, g.qr.size, g.qr.size);
  page.text(digestLabel(t, d.integrity), g.label.x, g.label.y, FRAME.digestSize, 'normal');
  page.text(digestLine(d.integrity, sheetDocRef(d)), g.token.x, g.token.y, FRAME.digestSize, 'normal');
}

/** Lays one sheet out with pdfmake (as printed alone) and appends its pages; returns their count. */
async function appendWholeSheet(out: PDFDocument, d: ScoringSheetData, t: DocT, opts: BatchOptions): Promise<number> {
  const whole = await renderPdfWithInfo(buildScoringSheet(d, t), opts);
  const src = await PDFDocument.load(whole.pdf);
  const copied = await out.copyPages(src, src.getPageIndices());
  for (const p of copied) appendExistingPage(out, p);
  return copied.length;
}

/** The cross of a ticked box, over the template's empty box (box column content at `x`, row text top `top`). */
function drawCross(page: PageCanvas, x: number, top: number): void {
  const { x: bx, top: bt, size, inset, cross } = CHECKBOX;
  const x1 = x + bx + inset;
  const x2 = x + bx + size - inset;
  const t1 = top + bt + inset;
  const t2 = top + bt + size - inset;
  page.line(x1, t1, x2, t2, cross);
  page.line(x1, t2, x2, t1, cross);
}
