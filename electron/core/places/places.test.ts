import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { call, callError } from '../test/call';
import { fileCore, memoryCore } from '../test/fixtures';

let core: Core | undefined;
afterEach(() => core?.close());

/** The three-tier export of danhmuchanhchinh.nso.gov.vn as it looks: a title line, then the header. */
const THREE_TIER: string[][] = [
  ['DANH MỤC ĐƠN VỊ HÀNH CHÍNH'],
  ['Tỉnh / Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp'],
  ['Tỉnh Hà Tĩnh', '42', '', '', 'Phường Thành Sen', '18073', 'Phường'],
  ['Tỉnh Hà Tĩnh', '42', '', '', 'Xã Tân Thạnh', '18100', 'Xã'],
  ['Tỉnh Hà Tĩnh', '42', '', '', 'Xã Cẩm Xuyên', '18400', 'Xã'],
  ['Tỉnh Nghệ An', '40', '', '', 'Phường Tân Thành', '16000', 'Phường'],
  ['Tỉnh Nghệ An', '40', '', '', 'Xã Hưng Nguyên', '17500', 'Xã'],
];

const b64 = (b: Uint8Array | Buffer) => Buffer.from(b).toString('base64');

function xls(rows: string[][]): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return b64(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
}

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').addRows(rows);
  return b64(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('commune list: import and search', () => {
  it('says where to get the list until one is installed, then reads the legacy .xls export and finds communes without accents', async () => {
    core = await memoryCore();
    expect(await call(core, 'places:communeList', {})).toBeNull();
    expect(await call(core, 'places:searchCommunes', { query: 'tan' })).toEqual({ listLoaded: false, communes: [] });

    const content = xls(THREE_TIER);
    expect(Buffer.from(content, 'base64').subarray(0, 4).toString('hex')).toBe('d0cf11e0'); // a real OLE2 (.xls) file
    const dry = await call(core, 'places:importCommunes', { fileName: 'Danh sach xa.xls', contentBase64: content, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, format: 'xls', communes: 5, replaced: 0 });
    expect(await call(core, 'places:communeList', {})).toBeNull();

    const done = await call(core, 'places:importCommunes', { fileName: 'Danh sach xa.xls', contentBase64: content });
    expect(done.byProvince).toEqual([
      { code: '40', name: 'Tỉnh Nghệ An', communes: 2 },
      { code: '42', name: 'Tỉnh Hà Tĩnh', communes: 3 },
    ]);
    expect(await call(core, 'places:communeList', {})).toMatchObject({ communes: 5, provinces: 2, fileName: 'Danh sach xa.xls' });

    const names = async (query: string, provinceCode?: string) =>
      (await call(core!, 'places:searchCommunes', { query, ...(provinceCode ? { provinceCode } : {}) })).communes.map(
        (c) => c.name,
      );
    expect(await names('tan thanh')).toEqual(['Phường Tân Thành', 'Xã Tân Thạnh']);
    expect(await names('TÂN THẠNH', '42')).toEqual(['Xã Tân Thạnh']);
    expect(await names('xa cam xuyen')).toEqual(['Xã Cẩm Xuyên']);
    expect(await names('1807')).toEqual(['Phường Thành Sen']);
    expect(await names('thanh sen hung')).toEqual([]);
    expect((await call(core, 'places:searchCommunes', { query: 'hung nguyen' })).communes[0]).toMatchObject({
      code: '17500',
      provinceCode: '40',
      level: 'Xã',
    });
    const audit = await call(core, 'audit:tail', { limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'places.importCommunes' });
  });

  it('refuses a list with problems whole, naming sheet, row and column, and keeps the list in force', async () => {
    core = await fileCore();
    await call(core, 'places:importCommunes', { fileName: 'a.xls', contentBase64: xls(THREE_TIER) });
    const bad = await xlsx([
      ['Mã', 'Tên', 'Cấp', 'Mã TP', 'Tỉnh / Thành Phố'],
      ['42', 'Tỉnh Hà Tĩnh', 'Tỉnh', '42', 'Tỉnh Hà Tĩnh'], // a province row in a per-level export: skipped
      [18073, 'Phường Thành Sen', 'Phường', 42, 'Tỉnh Hà Tĩnh'],
      ['18A73', 'Xã Lỗi', 'Xã', '42', 'Tỉnh Hà Tĩnh'],
      ['18100', 'Xã Tân Thạnh', 'Xã', '99', 'Tỉnh Không Có'],
      ['18073', 'Xã Khác Tên', 'Xã', '42', 'Tỉnh Hà Tĩnh'],
    ]);
    const err = await callError(core, 'places:importCommunes', { fileName: 'b.xlsx', contentBase64: bad });
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.message).toContain('nothing imported');
    const errors = (err.details as { errors: { sheet: string; row: number; column: string; code: string }[] }).errors;
    expect(errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['Danh sách', 4, 'Mã', 'bad_code'],
      ['Danh sách', 5, 'Mã TP', 'bad_province'],
      ['Danh sách', 6, 'Mã', 'duplicate_code'],
    ]);
    expect(await call(core, 'places:communeList', {})).toMatchObject({ fileName: 'a.xls', communes: 5 });
    expect((await call(core, 'places:searchCommunes', { query: 'tan thanh' })).communes).toHaveLength(2);
  });

  it('reads a CSV saved from a spreadsheet (BOM, semicolons, a code that lost its leading zero) and replaces the list', async () => {
    core = await memoryCore();
    await call(core, 'places:importCommunes', { fileName: 'a.xls', contentBase64: xls(THREE_TIER) });
    const csv =
      '\uFEFFMã;Tên;Cấp;Mã TP;Tỉnh / Thành Phố\r\n67;Phường Ba Đình;Phường;1;Thành phố Hà Nội\r\n"4";"Xã ""Mới""";Xã;01;Hà Nội\r\n';
    const r = await call(core, 'places:importCommunes', { fileName: 'ha-noi.csv', contentBase64: b64(Buffer.from(csv)) });
    expect(r).toMatchObject({ format: 'csv', communes: 2, replaced: 5 });
    const hits = (await call(core, 'places:searchCommunes', { query: 'ba dinh' })).communes;
    expect(hits).toEqual([expect.objectContaining({ code: '00067', provinceCode: '01', name: 'Phường Ba Đình' })]);
    expect((await call(core, 'places:searchCommunes', { query: 'tan thanh' })).communes).toEqual([]);
  });

  it('refuses a file that is no list, with a typed message that says what to do', async () => {
    core = await memoryCore();
    const pdf = await callError(core, 'places:importCommunes', {
      fileName: 'x.pdf',
      contentBase64: b64(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])),
    });
    expect(pdf).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(pdf.message).toContain('neither an Excel workbook');
    const noHeader = await callError(core, 'places:importCommunes', {
      fileName: 'y.csv',
      contentBase64: b64(Buffer.from('a,b\n1,2\n')),
    });
    expect(noHeader.message).toContain('no header row');
    const notBase64 = await callError(core, 'places:importCommunes', { fileName: 'z.xls', contentBase64: '***' });
    expect(notBase64.code).toBe('VALIDATION');
  });

  it('keeps the record of each import as it was (sqlite refuses an edit behind the app)', async () => {
    core = await fileCore();
    await call(core, 'places:importCommunes', { fileName: 'a.xls', contentBase64: xls(THREE_TIER) });
    expect(() => core!.ctx.sqlite.prepare("UPDATE place_commune_import SET imported_by = 'x'").run()).toThrow(/IMMUTABLE/);
    expect(() => core!.ctx.sqlite.prepare("INSERT INTO place_commune VALUES ('123', 'X', 'x', '', '42', '', '')").run()).toThrow(
      /CHECK/,
    );
  });

  it('lists the built-in provinces for every host', async () => {
    core = await memoryCore();
    const p = await call(core, 'places:provinces', {});
    expect([p.current.length, p.former.length]).toEqual([34, 63]);
    expect(p.current.find((x) => x.code === '42')).toMatchObject({ name: 'Tỉnh Hà Tĩnh', formedFrom: ['42'] });
  });
});
