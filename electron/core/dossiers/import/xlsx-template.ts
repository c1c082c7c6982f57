import ExcelJS from 'exceljs';
import { setCellLabel } from '../../../../shared/ocop/dossier-classification';
import { classificationTree } from '../classification-tree';
import {
  GENDER_LABELS,
  PRODUCER_KIND_LABELS,
  REGISTRATION_KIND_LABELS,
  SHEETS,
  SHEET_GUIDE,
  SHEET_LISTS,
  YES_NO_LABELS,
  type ColumnDef,
  type ListName,
} from './xlsx-columns';

export const TEMPLATE_FILE_NAME = 'mau-nhap-ho-so-ocop.xlsx';
/** Rows prepared with lists and text formats; more rows can be added, the import reads them all. */
const PREPARED_ROWS = 2000;

export function listValues(): Record<ListName, string[]> {
  const sets: string[] = [];
  for (const n of classificationTree.nganh)
    for (const m of n.nhom) for (const l of m.leaves) sets.push(setCellLabel(l.setNo, l.setName));
  return {
    producerKinds: Object.values(PRODUCER_KIND_LABELS),
    registrationKinds: Object.values(REGISTRATION_KIND_LABELS),
    genders: Object.values(GENDER_LABELS),
    yesNo: Object.values(YES_NO_LABELS),
    sets,
  };
}

const LIST_ORDER: ListName[] = ['producerKinds', 'registrationKinds', 'genders', 'yesNo', 'sets'];
const LIST_TITLES: Record<ListName, string> = {
  producerKinds: 'Loại hình chủ thể',
  registrationKinds: 'Lần đăng ký',
  genders: 'Giới tính',
  yesNo: 'Có/Không',
  sets: 'Bộ tiêu chí (Phụ lục I, Phụ lục II)',
};

const colLetter = (i: number): string => String.fromCharCode(65 + i);

function addDataSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnDef[],
  lists: Record<ListName, string[]>,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE699' : 'FFDDEBF7' } };
    if (c.help) cell.note = c.help;
    const col = ws.getColumn(i + 1);
    // Codes and numbers typed as text keep their leading zeros ("00004", "0912…").
    if (c.kind === 'code2' || c.kind === 'code5' || c.kind === 'digits' || c.kind === 'text' || c.kind === 'choice')
      col.numFmt = '@';
    if (c.kind === 'date') col.numFmt = 'dd/mm/yyyy';
    if (c.list) {
      const listCol = colLetter(LIST_ORDER.indexOf(c.list));
      const range = `${colLetter(i)}2:${colLetter(i)}${PREPARED_ROWS + 1}`;
      // exceljs types omit dataValidations.add; it writes one <dataValidation> for the range.
      (ws as unknown as { dataValidations: { add: (r: string, v: object) => void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'${SHEET_LISTS}'!$${listCol}$2:$${listCol}$${lists[c.list].length + 1}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: 'Chọn một giá trị trong danh sách.',
      });
    }
  });
}

function addGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET_GUIDE);
  ws.columns = [{ width: 18 }, { width: 30 }, { width: 10 }, { width: 90 }];
  const lines = [
    'MẪU NHẬP HỒ SƠ ĐĂNG KÝ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP',
    '',
    '1. Điền sheet "Chủ thể", rồi "Sản phẩm", rồi "Đăng ký". Mỗi dòng là một chủ thể / một sản phẩm / một lần đăng ký của một sản phẩm trong một đợt.',
    '2. "Mã chủ thể" và "Mã sản phẩm (trong tệp)" do người lập tệp tự đặt để nối các sheet với nhau (ví dụ CT001, SP001).',
    '3. Cột có dấu * là bắt buộc (tiêu đề nền vàng). Ngày ghi dạng ngày/tháng/năm (15/03/2026). Không đổi tên tiêu đề cột.',
    '4. Tệp được nhập toàn bộ hoặc không nhập gì: nếu có lỗi, ứng dụng liệt kê sheet, dòng, cột và cách sửa; chưa có dữ liệu nào được ghi.',
    '5. Trùng lặp: cùng mã số thuế = cùng chủ thể; cùng tên sản phẩm của cùng chủ thể = cùng sản phẩm; cùng sản phẩm trong cùng đợt = cùng lần đăng ký.',
    '   Khi nhập, chọn "Bỏ qua" (giữ dữ liệu đã có) hoặc "Cập nhật" (ghi đè bằng dữ liệu trong tệp).',
    '',
  ];
  for (const l of lines) ws.addRow([l]);
  ws.getRow(1).font = { bold: true, size: 14 };
  const head = ws.addRow(['Sheet', 'Cột', 'Bắt buộc', 'Cách ghi']);
  head.font = { bold: true };
  for (const s of SHEETS)
    for (const c of s.columns)
      ws.addRow([s.name, c.header.replace('*', ''), c.required ? 'Có' : '', c.help]).alignment = {
        wrapText: true,
        vertical: 'top',
      };
}

function addLists(wb: ExcelJS.Workbook, lists: Record<ListName, string[]>): void {
  const ws = wb.addWorksheet(SHEET_LISTS);
  LIST_ORDER.forEach((name, i) => {
    ws.getColumn(i + 1).width = name === 'sets' ? 70 : 32;
    ws.getCell(1, i + 1).value = LIST_TITLES[name];
    ws.getCell(1, i + 1).font = { bold: true };
    lists[name].forEach((v, j) => (ws.getCell(j + 2, i + 1).value = v));
  });
}

/** The empty import workbook with guide, lists and drop-downs, generated in code (never a stored binary). */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCOP Council';
  // No clock in the document properties: the template's content never depends on when it was made.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const lists = listValues();
  addGuide(wb);
  for (const s of SHEETS) addDataSheet(wb, s.name, s.columns, lists);
  addLists(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
