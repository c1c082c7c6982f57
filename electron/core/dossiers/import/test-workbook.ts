import ExcelJS from 'exceljs';
import {
  PRODUCER_COLUMNS,
  PRODUCT_COLUMNS,
  REGISTRATION_COLUMNS,
  SHEET_PRODUCERS,
  SHEET_PRODUCTS,
  SHEET_REGISTRATIONS,
  type ColumnDef,
} from './xlsx-columns';
import { buildTemplate } from './xlsx-template';

export type Cells = Record<string, unknown>;

export interface WorkbookRows {
  producers?: Cells[];
  products?: Cells[];
  registrations?: Cells[];
}

/** The real template with rows filled in by field name, as a user would in Excel. */
export async function workbookWith(rows: WorkbookRows, edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildTemplate()) as unknown as ArrayBuffer);
  const fill = (sheet: string, cols: ColumnDef[], data: Cells[] = []) => {
    const ws = wb.getWorksheet(sheet)!;
    data.forEach((r, i) => {
      for (const [field, value] of Object.entries(r)) {
        const col = cols.findIndex((c) => c.field === field);
        if (col < 0) throw new Error(`no column for field ${field} in ${sheet}`);
        ws.getCell(i + 2, col + 1).value = value as ExcelJS.CellValue;
      }
    });
  };
  fill(SHEET_PRODUCERS, PRODUCER_COLUMNS, rows.producers);
  fill(SHEET_PRODUCTS, PRODUCT_COLUMNS, rows.products);
  fill(SHEET_REGISTRATIONS, REGISTRATION_COLUMNS, rows.registrations);
  edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const producerRow = (i: number, over: Cells = {}): Cells => ({
  producerKey: `CT${i}`,
  kind: 'Hợp tác xã',
  name: `Hợp tác xã Nông sản số ${i}`,
  taxCode: String(1_000_000_000 + i).padStart(10, '0'),
  representativeName: 'Nguyễn Thị Lan',
  representativePosition: 'Giám đốc',
  representativeGender: 'Nữ',
  representativeEthnicMinority: 'Không',
  communeCode: '00004',
  communeName: 'Phường Ba Đình',
  provinceCode: '01',
  provinceName: 'Thành phố Hà Nội',
  phone: '0912345678',
  email: `htx${i}@vidu.vn`,
  ...over,
});

export const productRow = (i: number, producer: number, over: Cells = {}): Cells => ({
  productKey: `SP${i}`,
  producerKey: `CT${producer}`,
  name: `Nước mắm loại ${i}`,
  setKey: '09 - Tương, nước mắm, gia vị dạng lỏng khác',
  specification: 'Chai 500 ml',
  ...over,
});

export const registrationRow = (product: number, over: Cells = {}): Cells => ({
  productKey: `SP${product}`,
  round: '1/2026',
  kind: 'Lần đầu',
  receivedCommuneOn: '02/03/2026',
  ...over,
});
