import type { Content, ContentSection, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CoreError } from '../../errors';
import type { DocT } from '../doc-t';
import { qrImages } from '../integrity/images';
import { checkbox } from '../layout/checkbox';
import { documentOf } from '../layout/document';
import { longDate, NBSP, placeDateLine } from '../layout/format';
import { nd30Header } from '../layout/header';
import { section } from '../layout/page-frame';
import { centredRule } from '../layout/rule';
import { rightSignature } from '../layout/signature';
import { SIZE, SINGLE } from '../layout/styles';
import { GRID } from '../layout/tables';
import { textWidth } from '../layout/measure';
import { contentWidth, DECREE_MARGINS, mm } from '../layout/units';
import type { ScoringForm, ScoringSheetData } from '../types';

type Criterion = ScoringForm['parts'][number]['groups'][number]['criteria'][number];

const STAR_MARK = { 3: '***', 4: '****', 5: '*****' } as const;

/** Chosen level per criterion code; validated against the form so a wrong index cannot print. */
function answerMap(form: ScoringForm, answers: ScoringSheetData['answers']): Map<string, number> | null {
  if (answers === null) return null;
  const criteria = new Map<string, Criterion>();
  for (const p of form.parts) for (const g of p.groups) for (const c of g.criteria) criteria.set(c.code, c);
  const map = new Map<string, number>();
  for (const a of answers) {
    const c = criteria.get(a.criterionCode);
    if (!c) throw new CoreError('VALIDATION', `answers: criterion ${a.criterionCode} is not in the set "${form.name}"; pass answers of the sheet's own criteria set`, { field: 'answers', criterionCode: a.criterionCode });
    if (a.levelIndex >= c.levels.length) {
      throw new CoreError('VALIDATION', `answers: criterion ${a.criterionCode} has ${c.levels.length} levels, level index ${a.levelIndex} does not exist`, { field: 'answers', criterionCode: a.criterionCode });
    }
    if (map.has(a.criterionCode)) throw new CoreError('VALIDATION', `answers: criterion ${a.criterionCode} is answered twice; a sheet holds one chosen level per criterion`, { field: 'answers', criterionCode: a.criterionCode });
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
  const chosen = answerMap(form, answers);
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
  if (sheets.length === 0) throw new CoreError('VALIDATION', 'sheets: there is no sheet to print; choose a session with scored products');
  const digests = new Set(sheets.map((s) => (s.integrity ? `${s.integrity.sessionRef}:${s.integrity.digest}` : '')));
  if (digests.size > 1) throw new CoreError('VALIDATION', 'sheets: the sheets carry different session digests; print one session at a time');
  return documentOf(
    sheets.map((s) => sheetSection(s, t)),
    { title: t('sheet.title'), images: qrImages(sheets[0]!.integrity) },
  );
}

const sheetTitle = (d: ScoringSheetData, t: DocT): string =>
  [t('sheet.title'), d.product?.name, d.member?.fullName].filter(Boolean).join(' – ');

function sheetSection(d: ScoringSheetData, t: DocT): ContentSection {
  const width = contentWidth('portrait', DECREE_MARGINS);
  const chosen = answerMap(d.form, d.answers);
  const totals = sheetTotals(d.form, d.answers);
  const content: Content[] = [];
  if (d.setup) {
    content.push(nd30Header(t, { issuer: d.setup.issuer, numberLine: null, placeDateLine: d.setup.showPlaceDate ? placeDateLine(t, d.setup.placeDate) : null, width }));
  }
  content.push(heading(d, t, width));
  content.push(identification(d, t, width));
  for (const text of d.form.disqualifiers) content.push(leadText(text, { margin: [0, 4, 0, 0] }));
  content.push(formTable(d, t, chosen, totals));
  if (d.form.starRule) content.push({ text: d.form.starRule, italics: true, fontSize: SIZE.table, margin: [0, 4, 0, 0] });
  content.push(opinion(d, t, width));
  const placeDate = d.placeDate ? placeDateLine(t, d.placeDate) : `${'…'.repeat(6)}, ${longDate(t, null)}`;
  content.push(rightSignature({ title: t('sheet.evaluator'), name: d.member?.fullName ?? '' }, width, { placeDate, hint: t('common.signHint') }));
  return section(content, {
    t,
    integrity: d.integrity,
    ...(d.draft ? { everyPageMark: t('sheet.draftMark') } : {}),
  });
}

function heading(d: ScoringSheetData, t: DocT, width: number): Content {
  const name = d.form.heading || d.form.name;
  const lines: Content[] = [
    { text: t('sheet.title'), fontSize: SIZE.title, bold: true },
    { text: d.form.setNo ? t('sheet.heading', { no: d.form.setNo, name }) : t('sheet.headingCustom', { name }), fontSize: 13, bold: true },
  ];
  if (d.form.classificationLine) lines.push({ text: d.form.classificationLine, fontSize: 13, italics: true });
  if (d.rescoringRound > 0) lines.push({ text: t('sheet.rescoring', { round: d.rescoringRound }), fontSize: 13, bold: true });
  lines.push(centredRule(width, mm(30)));
  return { stack: lines, alignment: 'center', lineHeight: SINGLE, margin: [0, 0, 0, 6] };
}

/** Dots ("…") filling the rest of a line after `label`, for handwriting on a paper sheet. */
function dotsAfter(label: string, width: number, size = 13, boldLabel = false): string {
  const room = width - textWidth(label, size, boldLabel) - 4;
  return '…'.repeat(Math.max(3, Math.floor(room / textWidth('…', size))));
}

/** "Tên sản phẩm: …" lines; dotted for a blank sheet. */
function identification(d: ScoringSheetData, t: DocT, width: number): Content {
  const p = d.product;
  const line = (label: string, value: string | undefined): Content => ({
    text: [label, value ? { text: value, bold: true } : dotsAfter(label, width)],
    fontSize: 13,
    margin: [0, 1, 0, 0],
  });
  return {
    stack: [
      line(t('sheet.productName'), p?.name),
      line(t('sheet.productCode'), p?.code || undefined),
      line(t('sheet.producer'), p?.producerName),
      line(t('sheet.phone'), p?.producerPhone || undefined),
      line(t('sheet.address'), p?.producerAddress || undefined),
      line(t('sheet.evaluatorLine'), d.member?.fullName),
    ],
    lineHeight: SINGLE,
  };
}

/** "Hồ sơ bị loại khi: …" with the lead-in in bold, as printed in the decision. */
function leadText(text: string, extra: Record<string, unknown> = {}): Content {
  const colon = text.indexOf(':');
  const parts = colon > 0 && colon < 40 ? [{ text: text.slice(0, colon + 1), bold: true }, text.slice(colon + 1)] : [text];
  return { text: parts, fontSize: 13, alignment: 'justify', lineHeight: SINGLE, ...extra };
}

const num = (n: number | null): string => (n === null ? '' : String(n));

function formTable(d: ScoringSheetData, t: DocT, chosen: Map<string, number> | null, totals: SheetTotals): Content {
  const filled = chosen !== null;
  const span2 = (cell: Record<string, unknown>): TableCell[] => [{ ...cell, colSpan: 2 } as TableCell, {} as TableCell];
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'center', bold }) as TableCell;
  const body: TableCell[][] = [
    [...span2({ text: t('sheet.colCriteria'), bold: true, alignment: 'center' }), right(t('sheet.colMax'), true), right(t('sheet.colScore'), true)],
  ];
  for (const part of d.form.parts) {
    body.push([...span2({ text: t('sheet.part', { code: part.code, title: part.title, max: part.max }), bold: true }), right(String(part.max), true), right(filled ? num(totals.parts[part.code]!) : '', true)]);
    for (const group of part.groups) {
      const single = group.criteria.length === 1 && group.criteria[0]!.code === group.code;
      if (!single) body.push([...span2({ text: `${group.code}. ${group.title}`, bold: true }), right(String(group.max), true), right(filled ? num(totals.groups[group.code]!) : '', true)]);
      let parent: string | undefined;
      for (const c of group.criteria) {
        if (c.parent && c.parent.code !== parent) {
          parent = c.parent.code;
          body.push([...span2({ text: `${c.parent.code}. ${c.parent.title}`, bold: true, italics: true }), right(String(c.parent.max)), right('')]);
        }
        const title = single ? `${c.code}. ${c.title.toUpperCase()}` : `${c.code}. ${c.title}`;
        body.push([...span2({ text: title, bold: true }), right(String(c.max), true), right(filled ? num(pointsOf(c, chosen)) : '', true)]);
        for (const note of c.notes) body.push([...span2({ text: note, italics: true }), right(''), right('')]);
        let currentCase: string | undefined;
        c.levels.forEach((level, i) => {
          if (level.case && level.case !== currentCase) {
            currentCase = level.case;
            body.push([...span2({ text: level.case, bold: true, italics: true }), right(''), right('')]);
          }
          const isChosen = chosen?.get(c.code) === i;
          const text: Content[] | string = level.minForStars ? [level.text, { text: ` ${STAR_MARK[level.minForStars]}`, bold: true }] : level.text;
          body.push([
            checkbox(isChosen) as TableCell,
            { text } as TableCell,
            right(String(level.points)),
            right(isChosen ? String(level.points) : ''),
          ]);
          if (level.note) body.push([{} as TableCell, { text: level.note, italics: true } as TableCell, right(''), right('')]);
        });
        const remark = d.criterionNotes[c.code];
        if (remark) body.push([...span2({ text: t('sheet.memberNote', { text: remark }), italics: true }), right(''), right('')]);
      }
    }
    body.push([...span2({ text: t('sheet.partTotal', { code: part.code }), bold: true, alignment: 'right' }), right(String(part.max), true), right(filled ? num(totals.parts[part.code]!) : '', true)]);
  }
  body.push([...span2({ text: t('sheet.total'), bold: true }), right(String(d.form.total), true), right(filled ? num(totals.total) : '', true)]);
  return {
    table: { widths: [11, '*', mm(17), mm(17)], headerRows: 1, dontBreakRows: true, body },
    layout: {
      ...GRID,
      // No rule between the box column and the option text: they read as one cell "□ text".
      vLineWidth: (i: number) => (i === 1 ? 0 : 0.5),
      paddingLeft: (i: number) => (i === 1 ? 1 : 3),
      paddingRight: (i: number) => (i === 0 ? 0 : 3),
    },
    fontSize: SIZE.table,
    lineHeight: 1,
    margin: [0, 6, 0, 0],
  };
}

function opinion(d: ScoringSheetData, t: DocT, width: number): Content {
  const label = { text: t('sheet.opinion'), bold: true };
  if (d.opinion) return { text: [label, d.opinion], fontSize: 13, alignment: 'justify', lineHeight: SINGLE, margin: [0, 8, 0, 0] };
  // Dotted lines to write on.
  const full = '.'.repeat(Math.floor((width - 4) / textWidth('.', 13)));
  const first = '.'.repeat(Math.floor((width - 4 - textWidth(t('sheet.opinion'), 13, true)) / textWidth('.', 13)));
  return {
    stack: [{ text: [label, first] }, { text: full }, { text: full }, { text: NBSP }],
    fontSize: 13,
    lineHeight: 1.3,
    margin: [0, 8, 0, 0],
  };
}
