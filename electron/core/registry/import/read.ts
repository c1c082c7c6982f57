import ExcelJS from 'exceljs';
import type { ImportRowError } from '../../../../shared/api/fields';
import { foldForSearch } from '../../../../shared/text/normalize';
import { isBlank, plainCell, type RawCell } from '../../dossiers/import/cell-values';
import { COLUMNS, MAX_ROWS, SHEET_ENTRIES, type Field } from './columns';

export interface RawRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: Partial<Record<Field, RawCell>>;
}

const headerKey = (s: string): string =>
  foldForSearch(s.replace(/\*/g, ''))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Reads the data sheet into plain rows keyed by field. Structural problems (not an XLSX file, no
 * data sheet, a required column missing, too many rows) come back as errors; cell values are
 * judged by parse-row.ts. A workbook with a single sheet is read whatever that sheet is called
 * (a province's own list saved from another program).
 */
export async function readEntriesSheet(content: Buffer): Promise<{ sheet: string; rows: RawRow[]; errors: ImportRowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    return {
      sheet: SHEET_ENTRIES,
      rows: [],
      errors: [
        {
          code: 'not_xlsx',
          message: `The file is not an Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}. Save it as .xlsx and try again.`,
        },
      ],
    };
  }
  const ws =
    wb.getWorksheet(SHEET_ENTRIES) ??
    wb.worksheets.find((w) => headerKey(w.name) === headerKey(SHEET_ENTRIES)) ??
    (wb.worksheets.length === 1 ? wb.worksheets[0] : undefined);
  if (!ws) {
    return {
      sheet: SHEET_ENTRIES,
      rows: [],
      errors: [
        {
          sheet: SHEET_ENTRIES,
          code: 'missing_sheet',
          message: `Sheet "${SHEET_ENTRIES}" is missing; start from the template (registry template) and keep its sheets.`,
        },
      ],
    };
  }
  const byHeader = new Map(COLUMNS.map((c) => [headerKey(c.header), c]));
  const at = new Map<number, Field>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const c = byHeader.get(headerKey(String(plainCell(cell.value) ?? '')));
    if (c) at.set(col, c.field);
  });
  const found = new Set(at.values());
  const errors: ImportRowError[] = [];
  for (const c of COLUMNS) {
    if (c.required && !found.has(c.field)) {
      errors.push({
        sheet: ws.name,
        row: 1,
        column: c.header,
        code: 'missing_column',
        message: `Column "${c.header}" is missing from the header row; copy it back from the template.`,
      });
    }
  }
  const rows: RawRow[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells: Partial<Record<Field, RawCell>> = {};
    let any = false;
    for (const [col, field] of at) {
      const v = plainCell(row.getCell(col).value);
      cells[field] = v;
      if (!isBlank(v) && field !== 'stt') any = true;
    }
    if (!any) return;
    if (rows.length >= MAX_ROWS) {
      tooMany = true;
      errors.push({
        sheet: ws.name,
        row: rowNumber,
        code: 'too_many_rows',
        message: `Sheet "${ws.name}" has more than ${MAX_ROWS} rows; split the file.`,
      });
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ sheet: ws.name, code: 'empty_file', message: `Sheet "${ws.name}" has no data rows.` });
  }
  return { sheet: ws.name, rows, errors };
}
