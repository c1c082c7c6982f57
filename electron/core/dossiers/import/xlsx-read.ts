import ExcelJS from 'exceljs';
import type { ImportRowError } from '../../../../shared/api/channels/dossiers-fields';
import { foldForSearch } from '../../../../shared/text/normalize';
import { isBlank, plainCell, type RawCell } from './cell-values';
import { MAX_ROWS_PER_SHEET, SHEETS, type ColumnDef } from './xlsx-columns';

export interface RawRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: Record<string, RawCell>;
}

export interface RawSheet {
  name: string;
  columns: readonly ColumnDef[];
  rows: RawRow[];
}

const headerKey = (s: string): string => foldForSearch(s.replace(/\*/g, ''));

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(name) ?? wb.worksheets.find((w) => headerKey(w.name) === headerKey(name));
}

/**
 * Reads the three data sheets into plain rows keyed by field. Structural problems (not an XLSX
 * file, a missing sheet or required column, too many rows) are returned as errors; cell values
 * are not judged here.
 */
export async function readWorkbook(content: Buffer): Promise<{ sheets: RawSheet[]; errors: ImportRowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    return {
      sheets: [],
      errors: [
        {
          code: 'not_xlsx',
          message: `The file is not an Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}. Save it as .xlsx and try again.`,
        },
      ],
    };
  }
  const errors: ImportRowError[] = [];
  const sheets: RawSheet[] = [];
  for (const def of SHEETS) {
    const ws = findSheet(wb, def.name);
    if (!ws) {
      errors.push({
        sheet: def.name,
        code: 'missing_sheet',
        message: `Sheet "${def.name}" is missing; start from the template (dossiers template) and keep its sheets.`,
      });
      continue;
    }
    const byHeader = new Map(def.columns.map((c) => [headerKey(c.header), c]));
    const at = new Map<number, ColumnDef>();
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
      const c = byHeader.get(headerKey(String(plainCell(cell.value) ?? '')));
      if (c) at.set(col, c);
    });
    const found = new Set([...at.values()].map((c) => c.field));
    for (const c of def.columns) {
      if (c.required && !found.has(c.field)) {
        errors.push({
          sheet: def.name,
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
      const cells: Record<string, RawCell> = {};
      let any = false;
      for (const [col, c] of at) {
        const v = plainCell(row.getCell(col).value);
        cells[c.field] = v;
        if (!isBlank(v)) any = true;
      }
      if (!any) return;
      if (rows.length >= MAX_ROWS_PER_SHEET) {
        tooMany = true;
        errors.push({
          sheet: def.name,
          row: rowNumber,
          code: 'too_many_rows',
          message: `Sheet "${def.name}" has more than ${MAX_ROWS_PER_SHEET} rows; split the file.`,
        });
        return;
      }
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: def.name, columns: def.columns, rows });
  }
  return { sheets, errors };
}
