import type { Content, ContentSection, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CoreError } from '../../errors';
import type { DocT } from '../doc-t';
import { docRefOf } from '../integrity/doc-ref';
import { qrImages } from '../integrity/images';
import { checkbox } from '../layout/checkbox';
import { documentOf } from '../layout/document';
import { longDate, NBSP, placeDateLine } from '../layout/format';
import { nd30Header } from '../layout/header';
import { section } from '../layout/page-frame';
import { centredRule } from '../layout/rule';
import { SIZE, SINGLE } from '../layout/styles';
import { GRID } from '../layout/tables';
import { textWidth } from '../layout/measure';
import {
  blankLine,
  blockHeight,
  centredLine,
  linesToContent,
  paragraphLines,
  type LineBlock,
  type PlacedLine,
  type Run,
} from '../layout/lines';
import { SIGNATURE_SPACE } from '../layout/signature';
import { contentWidth, DECREE_MARGINS, mm } from '../layout/units';
import type { ScoringForm, ScoringSheetData } from '../types';

type Criterion = ScoringForm['parts'][number]['groups'][number]['criteria'][number];

const STAR_MARK = { 3: '***', 4: '****', 5: '*****' } as const;

/** Chosen level per criterion code; validated against the form so a wrong index cannot print. */
export function answerMapOf(form: ScoringForm, answers: ScoringSheetData['answers']): Map<string, number> | null {
  if (answers === null) return null;
  const criteria = new Map<string, Criterion>();
  for (const p of form.parts) for (const g of p.groups) for (const c of g.criteria) criteria.set(c.code, c);
  const map = new Map<string, number>();
  for (const a of answers) {
    const c = criteria.get(a.criterionCode);
    if (!c)
      throw new CoreError(
        'VALIDATION',
        `answers: criterion ${a.criterionCode} is not in the set "${form.name}"; pass answers of the sheet's own criteria set`,
        { field: 'answers', criterionCode: a.criterionCode },
      );
    if (a.levelIndex >= c.levels.length) {
      throw new CoreError(
        'VALIDATION',
        `answers: criterion ${a.criterionCode} has ${c.levels.length} levels, level index ${a.levelIndex} does not exist`,
        { field: 'answers', criterionCode: a.criterionCode },
      );
    }
    if (map.has(a.criterionCode))
      throw new CoreError(
        'VALIDATION',
        `answers: criterion ${a.criterionCode} is answered twice; a sheet holds one chosen level per criterion`,
        { field: 'answers', criterionCode: a.criterionCode },
      );
    map.set(a.criterionCode, a.levelIndex);
  }
  return map;
}

/** Points of a criterion on this sheet (null = not answered). */
const pointsOf = (c: Criterion, chosen: Map<string, number> | null): number | null => {
  const i = chosen?.get(c.code);
  return i === undefined ? null : c.levels[i]!.points;
};

export interface SheetTotals {
  parts: Record<string, number>;
  groups: Record<string, number>;
  total: number;
}

/** Part, group and grand totals of the chosen levels (whole points; unanswered criteria count 0). */
export function sheetTotals(form: ScoringForm, answers: ScoringSheetData['answers']): SheetTotals {
  const chosen = answerMapOf(form, answers);
  const parts: Record<string, number> = {};
  const groups: Record<string, number> = {};
  let total = 0;
  for (const p of form.parts) {
    let partSum = 0;
    for (const g of p.groups) {
      const sum = g.criteria.reduce((s, c) => s + (pointsOf(c, chosen) ?? 0), 0);
      groups[g.code] = sum;
      partSum += sum;
    }
    parts[p.code] = partSum;
    total += partSum;
  }
  return { parts, groups, total };
}

/** One Phiếu đánh giá (one member × one product), or a blank/pre-filled sheet for paper scoring. */
export function buildScoringSheet(d: ScoringSheetData, t: DocT): TDocumentDefinitions {
  return documentOf([sheetSection(d, t)], { title: sheetTitle(d, t), images: qrImages(d.integrity) });
}

/**
 * All sheets of a session in one PDF, each a section that restarts its page numbers. Sheets of
 * one session share its digest, so the QR image is embedded once.
 */
export function buildScoringSheets(sheets: ScoringSheetData[], t: DocT): TDocumentDefinitions {
  if (sheets.length === 0)
    throw new CoreError('VALIDATION', 'sheets: there is no sheet to print; choose a session with scored products');
  const digests = new Set(sheets.map((s) => (s.integrity ? `${s.integrity.sessionRef}:${s.integrity.digest}` : '')));
  if (digests.size > 1)
    throw new CoreError('VALIDATION', 'sheets: the sheets carry different session digests; print one session at a time');
  return documentOf(
    sheets.map((s) => sheetSection(s, t)),
    { title: t('sheet.title'), images: qrImages(sheets[0]!.integrity) },
  );
}

/** "PD-<registration>-<member>" for a member's sheet of a product; none for a blank or anonymous one. */
export const sheetDocRef = (d: ScoringSheetData): string | undefined =>
  d.product && d.member ? docRefOf.sheet(d.product.registrationId, d.member.id) : undefined;

const sheetTitle = (d: ScoringSheetData, t: DocT): string =>
  [t('sheet.title'), d.product?.name, d.member?.fullName].filter(Boolean).join(' – ');

/**
 * 'full' draws everything; 'template' draws only what every sheet of a criteria set shares —
 * the form with empty boxes and score cells — and leaves values, page numbers, the digest and
 * the closing part out. 'markers' is the template with each score cell tagged by a 1-pt text
 * marker "§id§": pdfmake reports wrong positions for table rows it moves to the next page (they
 * are laid out in an unbreakable block first), so the batch renderer reads the markers' real
 * positions back from that PDF; the layout is the same as the clean template's.
 */
export type SheetMode = 'full' | 'template' | 'markers';

/** The 1-pt marker text of a placeholder (see SheetMode 'markers'). */
export const marker = (id: string): string => `§${id}§`;
export const MARKER_RE = /§([^§]+)§/gu;

export const IDENT_FIELDS = ['productName', 'productCode', 'producer', 'phone', 'address', 'evaluatorLine'] as const;
export type IdentField = (typeof IDENT_FIELDS)[number];

/** Ids of the template's placeholders. */
export const SHEET_IDS = {
  value: (field: IdentField) => `v:${field}`,
  rescoring: 'rescoring',
  levelScore: (code: string, level: number) => `s:l:${code}:${level}`,
  criterion: (code: string) => `s:c:${code}`,
  group: (code: string) => `s:g:${code}`,
  part: (code: string) => `s:p:${code}`,
  partTotal: (code: string) => `s:pt:${code}`,
  total: 's:total',
  tail: 'tail',
} as const;

export const SHEET_WIDTH = contentWidth('portrait', DECREE_MARGINS);
/** Identification lines and their size; a value too long for its line is set smaller (never wrapped). */
export const IDENT_SIZE = 13;
/** Text width of the "Điểm chấm" and "Thang điểm" columns (pdfmake widths exclude the cell padding). */
export const SCORE_COL = mm(17);

/**
 * Geometry of the form table, shared with the batch renderer, which must put boxes and scores
 * exactly where pdfmake puts them: pdfmake places column i's content at the sum of the previous
 * widths plus, per column, the previous right padding, the rule and the left padding.
 */
export const FORM_TABLE = {
  boxWidth: 11,
  pad: 3,
  /** Cell padding above the text; pdfmake reports a cell's position before it (measured). */
  padTop: 2,
  line: 0.5,
  /** x of the box column's content, from the text margin. */
  boxX: 0.5 + 3,
  /** x of the score column's content, from the text margin: the right edge less rule, padding and width. */
  scoreX: SHEET_WIDTH - 0.5 - 3 - SCORE_COL,
  /** Size of the table text (12 pt) and of the drawn box. */
  size: SIZE.table,
} as const;

function sheetSection(d: ScoringSheetData, t: DocT): ContentSection {
  return section(sheetContent(d, t, 'full'), {
    t,
    integrity: d.integrity,
    ...(sheetDocRef(d) ? { docRef: sheetDocRef(d)! } : {}),
    ...(d.draft ? { everyPageMark: t('sheet.draftMark') } : {}),
  });
}

/** The content of one sheet (see SheetMode). */
export function sheetContent(d: ScoringSheetData, t: DocT, mode: SheetMode): Content[] {
  const width = SHEET_WIDTH;
  const chosen = mode === 'full' ? answerMapOf(d.form, d.answers) : null;
  const tpl = mode !== 'full';
  const totals = sheetTotals(d.form, mode === 'full' ? d.answers : null);
  const content: Content[] = [];
  if (d.setup) {
    content.push(
      nd30Header(t, {
        issuer: d.setup.issuer,
        numberLine: null,
        placeDateLine: d.setup.showPlaceDate ? placeDateLine(t, d.setup.placeDate) : null,
        width,
      }),
    );
  }
  content.push(heading(d, t, width, mode));
  content.push(identification(d, t, width, mode));
  for (const text of d.form.disqualifiers) content.push(leadText(text, { margin: [0, 4, 0, 0] }));
  const table = formTable(d, t, chosen, totals, mode);
  content.push(table.head);
  // The last criterion, the totals, the star note and the closing part (opinion, signature) stay
  // together: a sheet's last page never holds the signature alone, so it cannot be swapped. The
  // group always reserves the room of a sheet with an empty opinion, so the template the batch
  // lays out once per form and each sheet printed alone break their pages the same way.
  const group: Content[] = [table.last];
  if (d.form.starRule) group.push({ text: d.form.starRule, italics: true, fontSize: SIZE.table, margin: [0, 4, 0, 0] });
  const reserve = tailReserve(t, width);
  if (tpl) {
    // The closing part starts right here; in a template this marker records where.
    const tail: Content =
      mode === 'markers'
        ? { text: marker(SHEET_IDS.tail), fontSize: 1, lineHeight: 0.01, id: SHEET_IDS.tail }
        : { text: NBSP, fontSize: 1, lineHeight: 0.01, id: SHEET_IDS.tail };
    group.push(tail);
    group.push(spacer(reserve));
  } else {
    const tail = sheetTail(d, t, width);
    group.push(...linesToContent(tail));
    group.push(spacer(Math.max(0, reserve - tailHeight(tail))));
  }
  content.push({ stack: group, unbreakable: true });
  return content;
}

/** An invisible block of `height` points. */
const spacer = (height: number): Content => ({ text: NBSP, fontSize: 1, lineHeight: 0.01, margin: [0, height, 0, 0] });

export const tailHeight = (blocks: LineBlock[]): number => blocks.reduce((h, b) => h + blockHeight(b), 0);

/** Height of the closing part of a sheet with an empty opinion and no remarks: what every sheet reserves. */
export function tailReserve(t: DocT, width: number): number {
  const empty = sheetTail({ criterionNotes: {}, opinion: '', placeDate: null, member: null } as ScoringSheetData, t, width);
  return tailHeight(empty);
}

/** The values of the identification lines (undefined = dotted for handwriting). */
export function identValues(d: ScoringSheetData): Record<IdentField, string | undefined> {
  const p = d.product;
  return {
    productName: p?.name,
    productCode: p?.code || undefined,
    producer: p?.producerName,
    phone: p?.producerPhone || undefined,
    address: p?.producerAddress || undefined,
    evaluatorLine: d.member?.fullName,
  };
}

/** Size at which `value` fits `room` on one line: 13 pt, or smaller down to 8 pt. */
export function fitSize(value: string, room: number, bold = true): number {
  const w = textWidth(value, IDENT_SIZE, bold);
  if (w <= room) return IDENT_SIZE;
  return Math.max(8, Math.floor(((IDENT_SIZE * room) / w) * 2) / 2);
}

/**
 * The closing part of a sheet, laid out line by line so both renderers place it identically:
 * the evaluator's remarks per criterion, the opinion (or dotted lines to write on), and the
 * signature block on the right half with its place and date.
 */
export function sheetTail(d: ScoringSheetData, t: DocT, width: number): LineBlock[] {
  const blocks: LineBlock[] = [];
  const remarks = Object.entries(d.criterionNotes).filter(([, v]) => v.trim());
  if (remarks.length) {
    const lines: PlacedLine[] = [];
    remarks.forEach(([code, text], i) => {
      lines.push(
        ...paragraphLines([{ text: t('sheet.memberNote', { code, text }), italics: true }], SIZE.table, width, {
          lineHeight: SINGLE,
          gapBefore: i === 0 ? 6 : 2,
        }),
      );
    });
    blocks.push({ lines, keepTogether: false });
  }
  const label: Run = { text: t('sheet.opinion'), bold: true };
  if (d.opinion) {
    blocks.push({
      lines: paragraphLines([label, { text: d.opinion }], 13, width, { lineHeight: SINGLE, gapBefore: 8 }),
      keepTogether: false,
    });
  } else {
    const dot = textWidth('.', 13);
    const first = '.'.repeat(Math.floor((width - 4 - textWidth(label.text, 13, true)) / dot));
    const full = '.'.repeat(Math.floor((width - 4) / dot));
    blocks.push({
      lines: [
        { runs: [label, { text: first }], size: 13, lineHeight: 1.3, dx: 0, gapBefore: 8 },
        { runs: [{ text: full }], size: 13, lineHeight: 1.3, dx: 0, gapBefore: 0 },
        { runs: [{ text: full }], size: 13, lineHeight: 1.3, dx: 0, gapBefore: 0 },
      ],
      keepTogether: false,
    });
  }
  const right = Math.max(mm(90), width * 0.5);
  const x = width - right;
  const placeDate = d.placeDate ? placeDateLine(t, d.placeDate) : `${'…'.repeat(6)}, ${longDate(t, null)}`;
  blocks.push({
    lines: [
      centredLine([{ text: placeDate, italics: true }], SIZE.placeDate, x, right, { lineHeight: SINGLE, gapBefore: 10 }),
      centredLine([{ text: t('sheet.evaluator'), bold: true }], SIZE.signature, x, right, { lineHeight: SINGLE }),
      centredLine([{ text: t('common.signHint'), italics: true }], SIZE.note, x, right, { lineHeight: SINGLE }),
      blankLine(SIZE.signature, SIGNATURE_SPACE - 16, SINGLE),
      centredLine([{ text: d.member?.fullName || NBSP, bold: true }], SIZE.signature, x, right, { lineHeight: SINGLE }),
    ],
    keepTogether: true,
  });
  return blocks;
}

function heading(d: ScoringSheetData, t: DocT, width: number, mode: SheetMode): Content {
  const name = d.form.heading || d.form.name;
  const lines: Content[] = [
    { text: t('sheet.title'), fontSize: SIZE.title, bold: true },
    {
      text: d.form.setNo ? t('sheet.heading', { no: d.form.setNo, name }) : t('sheet.headingCustom', { name }),
      fontSize: 13,
      bold: true,
    },
  ];
  if (d.form.classificationLine) lines.push({ text: d.form.classificationLine, fontSize: 13, italics: true });
  if (d.rescoringRound > 0) {
    lines.push(
      mode === 'full'
        ? { text: t('sheet.rescoring', { round: d.rescoringRound }), fontSize: 13, bold: true }
        : { text: NBSP, fontSize: 13, bold: true, id: SHEET_IDS.rescoring },
    );
  }
  lines.push(centredRule(width, mm(30)));
  return { stack: lines, alignment: 'center', lineHeight: SINGLE, margin: [0, 0, 0, 6] };
}

/** Dots ("…") filling the rest of a line after `label`, for handwriting on a paper sheet. */
function dotsAfter(label: string, width: number, size = 13, boldLabel = false): string {
  const room = width - textWidth(label.trimEnd(), size, boldLabel) - 8;
  return '…'.repeat(Math.max(3, Math.floor(room / textWidth('…', size))));
}

/**
 * "Tên sản phẩm: …" lines, one line each (a long value is set smaller, never wrapped, so every
 * sheet of a set has the same layout); dotted for a blank sheet.
 */
function identification(d: ScoringSheetData, t: DocT, width: number, mode: SheetMode): Content {
  const values = identValues(d);
  const line = (field: IdentField): Content => {
    const label = t(`sheet.${field}`);
    const room = width - textWidth(label.trimEnd(), IDENT_SIZE) - 5;
    const value = values[field];
    let cell: Content;
    if (mode !== 'full') cell = { text: NBSP, id: SHEET_IDS.value(field) };
    else if (value) cell = { text: value, bold: true, noWrap: true, fontSize: fitSize(value, room) };
    else cell = { text: dotsAfter(label, width), noWrap: true };
    return {
      columns: [
        { width: 'auto', text: label },
        { width: '*', stack: [cell] },
      ],
      columnGap: 3,
      fontSize: IDENT_SIZE,
      margin: [0, 1, 0, 0],
    };
  };
  return { stack: IDENT_FIELDS.map(line), lineHeight: SINGLE };
}

/** "Hồ sơ bị loại khi: …" with the lead-in in bold, as printed in the decision. */
function leadText(text: string, extra: Record<string, unknown> = {}): Content {
  const colon = text.indexOf(':');
  const parts = colon > 0 && colon < 40 ? [{ text: text.slice(0, colon + 1), bold: true }, text.slice(colon + 1)] : [text];
  return { text: parts, fontSize: 13, alignment: 'justify', lineHeight: SINGLE, ...extra };
}

const num = (n: number | null): string => (n === null ? '' : String(n));

function formTable(
  d: ScoringSheetData,
  t: DocT,
  chosen: Map<string, number> | null,
  totals: SheetTotals,
  mode: SheetMode,
): { head: Content; last: Content } {
  const filled = chosen !== null;
  const span2 = (cell: Record<string, unknown>): TableCell[] => [{ ...cell, colSpan: 2 } as TableCell, {} as TableCell];
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'center', bold }) as TableCell;
  // A score cell: the value, or in a template an empty placeholder the batch renderer fills.
  const score = (value: string, id: string, bold = false): TableCell => {
    if (mode === 'full') return right(value, bold);
    return {
      text: mode === 'markers' ? [NBSP, { text: marker(id), fontSize: 1, bold: false }] : NBSP,
      alignment: 'center',
      bold,
    } as TableCell;
  };
  let lastCriterionRow = 1;
  const body: TableCell[][] = [
    [
      ...span2({ text: t('sheet.colCriteria'), bold: true, alignment: 'center' }),
      right(t('sheet.colMax'), true),
      right(t('sheet.colScore'), true),
    ],
  ];
  for (const part of d.form.parts) {
    body.push([
      ...span2({ text: t('sheet.part', { code: part.code, title: part.title, max: part.max }), bold: true }),
      right(String(part.max), true),
      score(filled ? num(totals.parts[part.code]!) : '', SHEET_IDS.part(part.code), true),
    ]);
    for (const group of part.groups) {
      const single = group.criteria.length === 1 && group.criteria[0]!.code === group.code;
      if (!single)
        body.push([
          ...span2({ text: `${group.code}. ${group.title}`, bold: true }),
          right(String(group.max), true),
          score(filled ? num(totals.groups[group.code]!) : '', SHEET_IDS.group(group.code), true),
        ]);
      let parent: string | undefined;
      for (const c of group.criteria) {
        lastCriterionRow = body.length;
        if (c.parent && c.parent.code !== parent) {
          parent = c.parent.code;
          body.push([
            ...span2({ text: `${c.parent.code}. ${c.parent.title}`, bold: true, italics: true }),
            right(String(c.parent.max)),
            right(''),
          ]);
        }
        const title = single ? `${c.code}. ${c.title.toUpperCase()}` : `${c.code}. ${c.title}`;
        body.push([
          ...span2({ text: title, bold: true }),
          right(String(c.max), true),
          score(filled ? num(pointsOf(c, chosen)) : '', SHEET_IDS.criterion(c.code), true),
        ]);
        for (const note of c.notes) body.push([...span2({ text: note, italics: true }), right(''), right('')]);
        let currentCase: string | undefined;
        c.levels.forEach((level, i) => {
          if (level.case && level.case !== currentCase) {
            currentCase = level.case;
            body.push([...span2({ text: level.case, bold: true, italics: true }), right(''), right('')]);
          }
          const isChosen = chosen?.get(c.code) === i;
          const text: Content[] | string = level.minForStars
            ? [level.text, { text: ` ${STAR_MARK[level.minForStars]}`, bold: true }]
            : level.text;
          body.push([
            checkbox(isChosen) as TableCell,
            { text } as TableCell,
            right(String(level.points)),
            score(isChosen ? String(level.points) : '', SHEET_IDS.levelScore(c.code, i)),
          ]);
          if (level.note) body.push([{} as TableCell, { text: level.note, italics: true } as TableCell, right(''), right('')]);
        });
      }
    }
    body.push([
      ...span2({ text: t('sheet.partTotal', { code: part.code }), bold: true, alignment: 'right' }),
      right(String(part.max), true),
      score(filled ? num(totals.parts[part.code]!) : '', SHEET_IDS.partTotal(part.code), true),
    ]);
  }
  body.push([
    ...span2({ text: t('sheet.total'), bold: true }),
    right(String(d.form.total), true),
    score(filled ? num(totals.total) : '', SHEET_IDS.total, true),
  ]);
  const layout = {
    ...GRID,
    // No rule between the box column and the option text: they read as one cell "□ text".
    vLineWidth: (i: number) => (i === 1 ? 0 : FORM_TABLE.line),
    paddingLeft: (i: number) => (i === 1 ? 1 : FORM_TABLE.pad),
    paddingRight: (i: number) => (i === 0 ? 0 : FORM_TABLE.pad),
    paddingTop: () => FORM_TABLE.padTop,
    paddingBottom: () => FORM_TABLE.padTop,
  };
  const widths = [FORM_TABLE.boxWidth, '*', SCORE_COL, SCORE_COL];
  // Two tables drawn as one: everything up to the last criterion, and the last criterion with the totals.
  return {
    head: {
      table: { widths, headerRows: 1, dontBreakRows: true, body: body.slice(0, lastCriterionRow) },
      layout,
      fontSize: SIZE.table,
      lineHeight: 1,
      margin: [0, 6, 0, 0],
    },
    last: {
      table: { widths, dontBreakRows: true, body: body.slice(lastCriterionRow) },
      layout,
      fontSize: SIZE.table,
      lineHeight: 1,
    },
  };
}
