import ExcelJS from 'exceljs';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import {
  ANOMALY_COLUMNS,
  ANOMALY_TARGETS,
  CRITERIA_COLUMNS,
  FLAGS,
  FORM_COLUMNS,
  FORM_KINDS,
  GUIDE_LINES,
  INFO_COLUMNS,
  INFO_ROWS,
  ROW_KINDS,
  RULE_COLUMNS,
  RULE_KINDS,
  SHEET,
  SKIP_LABELS,
  STRUCTURE_COLUMNS,
  STRUCTURE_KINDS,
  type ColumnDef,
  type InfoKey,
} from './criteria-xlsx-layout';

type Cell = string | number | null;

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnDef[],
  rows: Record<string, Cell>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.field, header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.field, r[c.field] ?? null])));
  for (const c of columns) if (c.width >= 30) ws.getColumn(c.field).alignment = { wrapText: true, vertical: 'top' };
  return ws;
}

const stars = (n: number | undefined): Cell => (n === undefined ? null : '*'.repeat(n));

function infoValue(set: CriteriaSet, key: InfoKey): Cell {
  switch (key) {
    case 'format':
      return set.format;
    case 'formatVersion':
      return set.formatVersion;
    case 'setKey':
      return set.setKey;
    case 'decision':
      return set.decision;
    case 'setNo':
      return set.setNo;
    case 'name':
      return set.name;
    case 'heading':
      return set.heading;
    case 'classificationLine':
      return set.classificationLine;
    case 'classification.nganh':
      return set.classification?.nganh ?? null;
    case 'classification.nhom':
      return set.classification?.nhom ?? null;
    case 'classification.phanNhom':
      return set.classification?.phanNhom ?? null;
    case 'classification.ministries':
      return set.classification ? set.classification.ministries.join('; ') : null;
    case 'total':
      return set.total;
    case 'starRule':
      return set.starRule;
    case 'source.document':
      return set.source?.document ?? null;
    case 'source.officialUrl':
      return set.source?.officialUrl ?? null;
    case 'source.transcript':
      return set.source?.transcript ?? null;
    case 'source.method':
      return set.source?.method ?? null;
  }
}

/** Writes a set as the documented XLSX template (every field, so reading it back gives the same set). */
export async function criteriaSetToXlsx(set: CriteriaSet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCOP Council';
  // Fixed dates: the same set always gives the same workbook content.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;

  const guide = wb.addWorksheet(SHEET.guide);
  guide.getColumn(1).width = 140;
  guide.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  for (const line of GUIDE_LINES) guide.addRow([line]);
  guide.getRow(1).font = { bold: true, size: 13 };

  addTable(
    wb,
    SHEET.info,
    INFO_COLUMNS,
    INFO_ROWS.map((r) => ({ label: r.label, value: infoValue(set, r.key), key: r.key })),
  );

  addTable(wb, SHEET.form, FORM_COLUMNS, [
    ...set.formHeaderFields.map((text) => ({ kind: FORM_KINDS.header, text })),
    ...set.formFooterFields.map((text) => ({ kind: FORM_KINDS.footer, text })),
    ...set.disqualifiers.map((text) => ({ kind: FORM_KINDS.disqualifier, text })),
  ]);

  addTable(
    wb,
    SHEET.structure,
    STRUCTURE_COLUMNS,
    set.parts.flatMap((p) => [
      { kind: STRUCTURE_KINDS.part, code: p.code, title: p.title, max: p.max },
      ...p.groups.map((g) => ({ kind: STRUCTURE_KINDS.group, code: g.code, title: g.title, max: g.max })),
    ]),
  );

  const rows: Record<string, Cell>[] = [];
  for (const p of set.parts)
    for (const g of p.groups)
      for (const c of g.criteria) {
        const flags = [c.possibleTypo ? FLAGS.possibleTypo : null, c.levelsImplied ? FLAGS.levelsImplied : null]
          .filter(Boolean)
          .join('; ');
        rows.push({
          kind: ROW_KINDS.criterion,
          group: g.code,
          code: c.code,
          text: c.title,
          points: c.max,
          parentCode: c.parent?.code ?? null,
          parentTitle: c.parent?.title ?? null,
          parentMax: c.parent?.max ?? null,
          flags: flags || null,
        });
        for (const n of c.notes) rows.push({ kind: ROW_KINDS.note, code: c.code, text: n });
        for (const k of c.cases ?? []) rows.push({ kind: ROW_KINDS.case, code: c.code, text: k });
        for (const l of c.levels) {
          rows.push({
            kind: ROW_KINDS.level,
            code: c.code,
            text: l.text,
            points: l.points,
            stars: stars(l.minForStars),
            case: l.case !== undefined && c.cases ? c.cases.indexOf(l.case) + 1 : null,
            sourcePoints: l.sourcePoints ?? null,
            flags: l.pointsBlankInSource ? FLAGS.pointsBlankInSource : null,
          });
          if (l.note) rows.push({ kind: ROW_KINDS.levelNote, code: c.code, text: l.note });
        }
      }
  const crit = addTable(wb, SHEET.criteria, CRITERIA_COLUMNS, rows);
  // Lists for the columns an office worker types most: fewer misspelt row kinds and star marks.
  // One range each (not one per cell): exceljs squeezes per-cell validations slowly.
  const lastRow = Math.max(rows.length + 200, 400);
  const validations = (crit as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  validations.add(`A2:A${lastRow}`, { type: 'list', allowBlank: true, formulae: [`"${Object.values(ROW_KINDS).join(',')}"`] });
  validations.add(`F2:F${lastRow}`, { type: 'list', allowBlank: true, formulae: ['"***,****,*****"'] });
  crit.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value === ROW_KINDS.criterion) row.font = { bold: true };
  });

  addTable(
    wb,
    SHEET.rules,
    RULE_COLUMNS,
    set.rules.map((r) => ({
      id: r.id,
      kind: RULE_KINDS[r.kind],
      criterion: r.criterionCode,
      condition:
        r.kind === 'disqualify' || r.kind === 'conditional'
          ? r.condition
          : r.kind === 'stop' && r.trigger.type === 'condition'
            ? r.trigger.condition
            : null,
      levels:
        r.kind === 'stop' && r.trigger.type === 'levels'
          ? r.trigger.levels.map((l) => `${l.criterionCode}:${l.levelIndex + 1}`).join('; ')
          : null,
      skip: r.kind === 'stop' ? SKIP_LABELS[r.skip] : null,
      pattern: r.pattern,
      sourceText: r.sourceText,
    })),
  );

  addTable(
    wb,
    SHEET.anomalies,
    ANOMALY_COLUMNS,
    set.anomalies.map((a) => ({
      target: ANOMALY_TARGETS[a.target.kind],
      code: a.target.kind === 'set' ? null : a.target.code,
      text: a.text,
    })),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
