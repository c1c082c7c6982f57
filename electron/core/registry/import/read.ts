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

/** How far down a title block above the header row may reach (a province's list often starts with its title). */
const HEADER_SCAN_ROWS = 10;

/** Old Excel 97–2003 (.xls) files are OLE compound documents; they start with these bytes. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function notXlsx(content: Buffer): ImportRowError {
  const value = content.subarray(0, 8).equals(OLE_MAGIC)
    ? 'xls'
    : content.subarray(0, 2).toString('latin1') === 'PK'
      ? 'damaged'
      : 'other';
  const why = {
    xls: 'it is an old Excel 97–2003 file (.xls); open it in Excel and save it as "Excel Workbook (.xlsx)"',
    damaged:
      'it is a ZIP file but not a readable workbook (damaged, or another format); open it in Excel and save it again as .xlsx',
    other: 'it is not an Excel workbook (a CSV, PDF or other file?); open the list in Excel and save it as .xlsx',
  }[value];
  return { code: 'not_xlsx', message: `The file cannot be read: ${why}.`, params: { value } };
}

/** The row holding the column headers: the first of the top rows naming every required column, else the one naming most. */
function findHeaderRow(ws: ExcelJS.Worksheet, byHeader: Map<string, (typeof COLUMNS)[number]>): number {
  let best = { row: 1, required: -1, matched: 0 };
  const requiredCount = COLUMNS.filter((c) => c.required).length;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, Math.max(1, ws.rowCount)); r++) {
    let required = 0;
    let matched = 0;
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      const c = byHeader.get(headerKey(String(plainCell(cell.value) ?? '')));
      if (!c) return;
      matched++;
      if (c.required) required++;
    });
    if (required === requiredCount) return r;
    if (required > best.required || (required === best.required && matched > best.matched)) best = { row: r, required, matched };
  }
  return best.matched > 0 ? best.row : 1;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  ref: string;
}

function mergeRanges(ws: ExcelJS.Worksheet): MergeRange[] {
  const out: MergeRange[] = [];
  for (const ref of ws.model.merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/u.exec(ref);
    if (!m) continue;
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    out.push({ left: col(m[1]!), top: Number(m[2]), right: col(m[3]!), bottom: Number(m[4]), ref });
  }
  return out;
}

/**
 * A cell exceljs hands over as a formula: the value Excel computed is kept in the file and is
 * what the list says; a formula with no computed value (a file written by a program that does
 * not calculate) or one that computed an error (#N/A, #DIV/0!) cannot be read as data.
 */
function formulaProblem(v: unknown): { code: string; text: string } | null {
  if (v === null || typeof v !== 'object' || v instanceof Date) return null;
  const o = v as Record<string, unknown>;
  if ('error' in o && typeof o.error === 'string') return { code: 'formula_error', text: o.error };
  if (!('formula' in o) && !('sharedFormula' in o)) return null;
  const formula = String(o.formula ?? o.sharedFormula ?? '');
  const result = o.result;
  if (result === undefined || result === null) return { code: 'formula_no_value', text: `=${formula}` };
  if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object)) {
    return { code: 'formula_error', text: String((result as { error: unknown }).error) };
  }
  return null;
}

/**
 * Reads the data sheet into plain rows keyed by field. Structural problems (not an XLSX file, no
 * data sheet, a required column missing, cells merged across columns, formulas without a value,
 * too many rows) come back as errors with sheet, row and column; cell values are judged by
 * parse-row.ts. A workbook with a single sheet is read whatever that sheet is called (a
 * province's own list saved from another program), and a title block above the header row is
 * skipped. A cell merged down a column (one decision for several products) gives its value to
 * every row it covers, as a reader of the sheet sees it.
 */
export async function readEntriesSheet(content: Buffer): Promise<{ sheet: string; rows: RawRow[]; errors: ImportRowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { sheet: SHEET_ENTRIES, rows: [], errors: [notXlsx(content)] };
  }
  const ws =
    wb.getWorksheet(SHEET_ENTRIES) ??
    wb.worksheets.find((w) => headerKey(w.name) === headerKey(SHEET_ENTRIES)) ??
    (wb.worksheets.length === 1 ? wb.worksheets[0] : undefined);
  if (!ws) {
    const sheets = wb.worksheets.map((w) => w.name).join(', ');
    return {
      sheet: SHEET_ENTRIES,
      rows: [],
      errors: [
        {
          sheet: SHEET_ENTRIES,
          code: 'missing_sheet',
          message: `Sheet "${SHEET_ENTRIES}" is missing (the file has: ${sheets || 'no sheets'}); rename the sheet holding the list to "${SHEET_ENTRIES}", or start from the template (registry template).`,
          params: { value: SHEET_ENTRIES, sheets },
        },
      ],
    };
  }
  const byHeader = new Map(COLUMNS.map((c) => [headerKey(c.header), c]));
  const headerRow = findHeaderRow(ws, byHeader);
  const at = new Map<number, Field>();
  ws.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, col) => {
    const c = byHeader.get(headerKey(String(plainCell(cell.value) ?? '')));
    if (c && ![...at.values()].includes(c.field)) at.set(col, c.field);
  });
  const found = new Set(at.values());
  const errors: ImportRowError[] = [];
  for (const c of COLUMNS) {
    if (c.required && !found.has(c.field)) {
      errors.push({
        sheet: ws.name,
        row: headerRow,
        column: c.header,
        code: 'missing_column',
        message: `Column "${c.header}" is missing from the header row (row ${headerRow}); copy it back from the template.`,
        params: { value: c.header.replace('*', '') },
      });
    }
  }
  const headerOf = (col: number): string =>
    at.has(col) ? COLUMNS.find((c) => c.field === at.get(col))!.header.replace('*', '') : colName(col);
  for (const m of mergeRanges(ws)) {
    if (m.bottom <= headerRow) continue; // the title block and the header itself (a header hidden by one is reported missing)
    const mapped = [...at.keys()].filter((col) => col >= m.left && col <= m.right);
    if (mapped.length === 0) continue; // merged cells outside the list's columns (a note, a signature block)
    if (m.top <= headerRow) {
      errors.push({
        sheet: ws.name,
        row: headerRow,
        column: headerOf(mapped[0]!),
        code: 'merged_header',
        message: `Cells ${m.ref} merge the header row with the rows below it; unmerge them so the header is one row and each list row starts below it.`,
        params: { value: m.ref },
      });
    } else if (m.right > m.left) {
      errors.push({
        sheet: ws.name,
        row: m.top,
        column: headerOf(mapped[0]!),
        code: 'merged_across',
        message: `Cells ${m.ref} are merged across columns (${mapped.map(headerOf).join(', ')}); unmerge them so each value sits in its own column.`,
        params: { value: m.ref, columns: mapped.map(headerOf).join(', ') },
      });
    }
  }
  const rows: RawRow[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow || tooMany) return;
    const cells: Partial<Record<Field, RawCell>> = {};
    let any = false;
    for (const [col, field] of at) {
      const raw = row.getCell(col).value;
      // STT is not read (the row number is what messages name), so its formulas do not matter.
      const problem = field === 'stt' ? null : formulaProblem(raw);
      if (problem) {
        const header = headerOf(col);
        errors.push({
          sheet: ws.name,
          row: rowNumber,
          column: header,
          code: problem.code,
          message:
            problem.code === 'formula_error'
              ? `${header}: the cell shows the error ${problem.text}; correct the formula or type the value.`
              : `${header}: the cell holds a formula (${problem.text}) with no computed value; open the file in Excel, let it calculate and save it, or paste the column as values.`,
          params: { value: problem.text },
        });
        any = true;
        continue;
      }
      const v = plainCell(raw);
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
        params: { value: MAX_ROWS },
      });
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      sheet: ws.name,
      code: 'empty_file',
      message: `Sheet "${ws.name}" has no data rows below the header (row ${headerRow}).`,
      params: { value: ws.name },
    });
  }
  return { sheet: ws.name, rows, errors };
}

/** Column letters as Excel shows them (1 → A, 28 → AB). */
function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
