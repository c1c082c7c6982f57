import ExcelJS from 'exceljs';
import { nfc } from '../../../shared/text/normalize';
import { plainCell } from '../dossiers/import/cell-values';

/**
 * Reads the grid of a commune list file, whatever the statistics office's site gave: the "Xuất
 * Excel" export of danhmuchanhchinh.nso.gov.vn is a legacy Excel 97–2003 workbook (.xls, BIFF8),
 * which exceljs cannot read, so .xls goes through SheetJS (@e965/xlsx, the SheetJS CE build
 * published to npm; loaded only when such a file comes); .xlsx through exceljs like every other
 * import; a CSV saved from a spreadsheet (UTF-8, comma, semicolon or tab) is read as text. The
 * format is told by the file's bytes, not its name.
 */

export type FileKind = 'xlsx' | 'xls' | 'csv';

/** Rows of every sheet, cells as trimmed NFC text (numbers without exponent). */
export interface Grid {
  kind: FileKind;
  sheets: { name: string; rows: string[][] }[];
}

export class CommuneFileError extends Error {
  constructor(
    readonly code: 'unreadable' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function fileKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes.length >= 8 && OLE2.every((b, i) => bytes[i] === b)) return 'xls';
  // Text: no NUL in the first KB (a binary file of another kind is refused, not misread).
  const head = bytes.subarray(0, 1024);
  if (head.length > 0 && !head.includes(0)) return 'csv';
  return null;
}

const text = (v: unknown): string => {
  const p = plainCell(v);
  if (p === null) return '';
  if (typeof p === 'number') return Number.isInteger(p) ? p.toFixed(0) : String(p);
  if (p instanceof Date) return p.toISOString().slice(0, 10);
  return String(p).trim();
};

/** The largest grid read from one file; a file this big is not a commune list (about 3,300 rows). */
export const MAX_ROWS = 50_000;

export async function readGrid(bytes: Buffer): Promise<Grid> {
  const kind = fileKind(bytes);
  if (kind === null)
    throw new CommuneFileError(
      'unreadable',
      'The file is neither an Excel workbook (.xls, .xlsx) nor a CSV text file; export the list again from the statistics office site',
    );
  let sheets: Grid['sheets'];
  try {
    sheets =
      kind === 'xlsx' ? await readXlsx(bytes) : kind === 'xls' ? await readXls(bytes) : [{ name: 'CSV', rows: readCsv(bytes) }];
  } catch (e) {
    if (e instanceof CommuneFileError) throw e;
    throw new CommuneFileError(
      'unreadable',
      `The ${kind === 'csv' ? 'CSV' : `.${kind}`} file cannot be read (${e instanceof Error ? e.message : String(e)}); open it in a spreadsheet program and save it again as .xlsx`,
    );
  }
  if (sheets.every((s) => s.rows.length === 0)) throw new CommuneFileError('empty', 'The file has no rows');
  return { kind, sheets };
}

async function readXlsx(bytes: Buffer): Promise<Grid['sheets']> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (rows.length >= MAX_ROWS) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = text(cell.value)));
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    return { name: ws.name, rows };
  });
}

async function readXls(bytes: Buffer): Promise<Grid['sheets']> {
  const XLSX = await import('@e965/xlsx');
  // dense + no formulas + no HTML: only the cell values are wanted.
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: false, cellHTML: false, cellText: false, dense: true });
  return wb.SheetNames.map((name) => {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, raw: true, defval: '', blankrows: false });
    return { name, rows: rows.slice(0, MAX_ROWS).map((r) => r.map((c) => text(typeof c === 'string' ? nfc(c) : c))) };
  });
}

/** CSV as saved by Excel or LibreOffice: UTF-8 (BOM or not), quotes doubled, the separator guessed from the first line. */
export function readCsv(bytes: Buffer): string[][] {
  let s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  s = nfc(s);
  const firstLine = s.slice(0, s.search(/\r?\n|$/u));
  const sep = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell.trim());
      if (row.some((c) => c !== '')) rows.push(row);
      if (rows.length >= MAX_ROWS) return rows;
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(cell.trim());
  if (row.some((c) => c !== '')) rows.push(row);
  return rows;
}
