import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRowError } from '../../../../shared/api/fields';
import { auditTail } from '../../audit/audit-repo';
import type { Core } from '../../context';
import { call, callError } from '../../test/call';
import { coreAt } from '../test/fixtures';
import { COLUMNS, SHEET_ENTRIES } from './columns';
import { buildWorkbook } from './template';

/**
 * A stranger's workbooks: lists as provinces keep them (a title above the header, merged cells,
 * formulas, dates typed as text, 29 February, empty and repeated rows) and files that are not
 * the list at all. Each either imports as a reader of the sheet would read it, or is refused
 * with the sheet, row and column to fix — and then nothing is written, not even an audit event.
 */

let core: Core;
beforeAll(async () => {
  core = await coreAt('2027-06-01T08:00:00.000Z');
});
afterAll(() => core?.close());

type Row = (string | number | Date | null)[];
const FIELDS = COLUMNS.map((c) => c.field);
const col = (field: (typeof FIELDS)[number]): number => FIELDS.indexOf(field) + 1;
const letter = (field: (typeof FIELDS)[number]): string => String.fromCharCode(64 + col(field));
const row = (o: Partial<Record<(typeof FIELDS)[number], string | number | Date>>): Row => FIELDS.map((f) => o[f] ?? null);

const HONEY = {
  stt: 1,
  productName: 'Mật ong rừng',
  producerName: 'HTX Mật ong Tân Lạc',
  producerKind: 'Hợp tác xã',
  district: 'Tân Lạc',
  commune: 'Xã Phong Phú',
  sector: 'Thực phẩm',
  star: 4,
  points: 75,
  decisionNo: '1234/QĐ-UBND',
  decisionDate: '15/03/2024',
  year: 2024,
  legalBasis: 'QĐ 148/QĐ-TTg (2023)',
} as const;
const TEA = {
  ...HONEY,
  stt: 2,
  productName: 'Chè shan tuyết',
  producerName: 'Hộ Lò Văn A',
  producerKind: 'Hộ sản xuất',
  star: 3,
  points: 60,
};

async function workbook(edit: (ws: ExcelJS.Worksheet) => void = () => {}, rows: Row[] = [row(HONEY), row(TEA)]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(rows)) as unknown as ArrayBuffer);
  edit(wb.getWorksheet(SHEET_ENTRIES)!);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function refused(contentBase64: string): Promise<ImportRowError[]> {
  const before = (await auditTail(core.ctx.db, 1))[0]?.seq ?? 0;
  const e = await callError(core, 'registry:import', { contentBase64 });
  expect(e.code).toBe('IMPORT_INVALID');
  expect(e.message).toContain('nothing was imported');
  // Nothing written: no entry, no import record, no audit event.
  expect(await core.ctx.db.selectFrom('registry_entry').select('id').execute()).toEqual([]);
  expect(await core.ctx.db.selectFrom('registry_import').select('id').execute()).toEqual([]);
  expect((await auditTail(core.ctx.db, 1))[0]?.seq ?? 0).toBe(before);
  return (e.details as { errors: ImportRowError[] }).errors;
}

/** A dry run (nothing written either way) that must pass: the entries the file would create. */
async function accepted(contentBase64: string): Promise<number> {
  const r = await call(core, 'registry:import', { contentBase64, dryRun: true });
  return r.created;
}

describe('a stranger’s workbook', () => {
  it('refuses a file that is not an .xlsx workbook, naming what it is', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refused(xls.toString('base64'))).toEqual([
      expect.objectContaining({ code: 'not_xlsx', params: { value: 'xls' }, message: expect.stringContaining('.xls') }),
    ]);
    const csv = Buffer.from('STT,Tên sản phẩm\n1,Mật ong\n');
    expect((await refused(csv.toString('base64')))[0]).toMatchObject({ code: 'not_xlsx', params: { value: 'other' } });
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]);
    expect((await refused(zip.toString('base64')))[0]).toMatchObject({ code: 'not_xlsx', params: { value: 'damaged' } });
  });

  it('refuses a workbook without the list’s sheet and names the sheets it has', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Tên sản phẩm']);
    wb.addWorksheet('Tổng hợp').addRow(['x']);
    const errors = await refused(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'missing_sheet',
        sheet: SHEET_ENTRIES,
        params: { value: SHEET_ENTRIES, sheets: 'Sheet1, Tổng hợp' },
      }),
    ]);
  });

  it('reads a list with a merged title block above its header; row numbers stay Excel’s', async () => {
    const file = await workbook((ws) => {
      ws.spliceRows(1, 0, ['DANH SÁCH SẢN PHẨM OCOP TỈNH HÒA BÌNH NĂM 2024'], []);
      ws.mergeCells('A1:J1');
    });
    expect(await accepted(file)).toBe(2);
    // A problem on the second product is reported on the row Excel shows (title 1, blank 2, header 3).
    const bad = await workbook((ws) => ws.spliceRows(1, 0, ['DANH SÁCH'], []), [row(HONEY), row({ ...TEA, star: 'ba' })]);
    expect(await refused(bad)).toEqual([
      expect.objectContaining({ sheet: SHEET_ENTRIES, row: 5, column: 'Hạng sao', code: 'invalid_number' }),
    ]);
  });

  it('refuses cells merged across columns or merging the header with the rows below', async () => {
    const across = await workbook((ws) => ws.mergeCells(`${letter('productName')}3:${letter('producerKind')}3`));
    expect(await refused(across)).toEqual([
      expect.objectContaining({
        sheet: SHEET_ENTRIES,
        row: 3,
        column: 'Tên sản phẩm',
        code: 'merged_across',
        params: { value: 'B3:D3', columns: 'Tên sản phẩm, Tên chủ thể, Loại hình chủ thể' },
      }),
    ]);
    const header = await workbook((ws) => {
      ws.spliceRows(2, 0, []);
      ws.mergeCells(`${letter('productName')}1:${letter('productName')}2`);
    });
    expect(await refused(header)).toEqual([
      expect.objectContaining({ row: 1, column: 'Tên sản phẩm', code: 'merged_header', params: { value: 'B1:B2' } }),
    ]);
  });

  it('gives a cell merged down a column (one decision for two products) to every row it covers', async () => {
    const file = await workbook((ws) => {
      ws.getCell(3, col('decisionNo')).value = null;
      ws.mergeCells(`${letter('decisionNo')}2:${letter('decisionNo')}3`);
    });
    expect(await accepted(file)).toBe(2);
  });

  it('reads a formula’s computed value; refuses one without a value or showing an error', { timeout: 60_000 }, async () => {
    const computed = await workbook((ws) => {
      ws.getCell(3, col('star')).value = { formula: '1+2', result: 3 };
      ws.getCell(3, col('stt')).value = { formula: 'ROW()-1' }; // STT is not read: its formula does not matter
    });
    expect(await accepted(computed)).toBe(2);
    const noValue = await workbook(
      (ws) => (ws.getCell(3, col('star')).value = { formula: `${letter('star')}2-1` } as ExcelJS.CellFormulaValue),
    );
    expect(await refused(noValue)).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Hạng sao',
        code: 'formula_no_value',
        params: { value: '=D2-1'.replace('D', letter('star')) },
      }),
    ]);
    const error = await workbook((ws) => {
      ws.getCell(2, col('productName')).value = {
        formula: 'VLOOKUP(A2,X:Y,2,0)',
        result: { error: '#N/A' },
      } as ExcelJS.CellFormulaValue;
    });
    expect(await refused(error)).toEqual([
      expect.objectContaining({ row: 2, column: 'Tên sản phẩm', code: 'formula_error', params: { value: '#N/A' } }),
    ]);
  });

  it(
    'reads dates typed as text day/month/year, 29/02 of a leap year included, and names the ones that are not dates',
    { timeout: 60_000 },
    async () => {
      expect(await accepted(await workbook(undefined, [row(HONEY), row({ ...TEA, decisionDate: '29/02/2024' })]))).toBe(2);
      expect(await accepted(await workbook(undefined, [row(HONEY), row({ ...TEA, decisionDate: '29.2.2024' })]))).toBe(2);
      for (const text of ['29/02/2023', '31/04/2024', '03/15/2024', '15/03/24', 'ngày 15 tháng 3 năm 2024']) {
        const errors = await refused(await workbook(undefined, [row(HONEY), row({ ...TEA, decisionDate: text })]));
        expect(errors, text).toEqual([
          expect.objectContaining({ row: 3, column: 'Ngày quyết định', code: 'invalid_date', params: { value: text } }),
        ]);
      }
    },
  );

  it('skips empty rows, reads "4 sao" as 4 stars, and refuses a repeated row naming both rows', async () => {
    expect(await accepted(await workbook(undefined, [row(HONEY), [], [null, '  '], row(TEA)]))).toBe(2);
    expect(await accepted(await workbook(undefined, [row({ ...HONEY, star: '4 sao' }), row({ ...TEA, star: '3★' })]))).toBe(2);
    const errors = await refused(await workbook(undefined, [row(HONEY), row(TEA), [], row({ ...TEA, stt: 3 })]));
    expect(errors).toEqual([
      expect.objectContaining({ row: 5, code: 'duplicate_row', params: expect.objectContaining({ firstRow: 3 }) }),
    ]);
  });

  it('refuses a sheet with a header but no rows, and one whose header is not the template’s', async () => {
    expect(await refused(await workbook(undefined, []))).toEqual([
      expect.objectContaining({ code: 'empty_file', sheet: SHEET_ENTRIES }),
    ]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['TT', 'Tên SP', 'Chủ thể']);
    ws.addRow([1, 'Mật ong', 'HTX A']);
    const errors = await refused(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(errors.map((e) => [e.sheet, e.row, e.code, e.column])).toEqual(
      COLUMNS.filter((c) => c.required).map((c) => ['Sheet1', 1, 'missing_column', c.header]),
    );
  });
});
