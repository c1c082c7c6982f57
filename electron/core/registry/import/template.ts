import ExcelJS from 'exceljs';
import { LEGAL_BASIS_IDS } from '../../../../shared/ocop/legal-basis';
import { REVOKE_GROUNDS } from '../../../../shared/ocop/registry-status';
import { BASIS_SECTORS, NGANH_NAMES, NGANH_NOS } from '../../../../shared/ocop/registry-sectors';
import { classificationTree } from '../../dossiers/classification-tree';
import { PRODUCER_KIND_LABELS } from '../../dossiers/import/xlsx-columns';
import {
  BASIS_LABELS,
  COLUMNS,
  GROUND_LABELS,
  KIND_LABELS,
  SHEET_ENTRIES,
  SHEET_GUIDE,
  SHEET_LISTS,
  YES_NO,
  type ColumnDef,
  type ListName,
} from './columns';

export const TEMPLATE_FILE_NAME = 'mau-danh-sach-san-pham-ocop.xlsx';
const PREPARED_ROWS = 3000;

export function listValues(): Record<ListName, string[]> {
  const sectors = new Set<string>();
  for (const no of NGANH_NOS) sectors.add(NGANH_NAMES[no]);
  for (const n of classificationTree.nganh) for (const m of n.nhom) sectors.add(m.name);
  for (const s of BASIS_SECTORS['1048/QĐ-TTg']) sectors.add(s.name);
  return {
    producerKinds: Object.values(PRODUCER_KIND_LABELS),
    kinds: Object.values(KIND_LABELS),
    bases: LEGAL_BASIS_IDS.map((b) => BASIS_LABELS[b]),
    yesNo: Object.values(YES_NO),
    grounds: REVOKE_GROUNDS.map((g) => GROUND_LABELS[g]),
    sectors: [...sectors],
  };
}

const LIST_ORDER: ListName[] = ['producerKinds', 'kinds', 'bases', 'yesNo', 'grounds', 'sectors'];
const LIST_TITLES: Record<ListName, string> = {
  producerKinds: 'Loại hình chủ thể',
  kinds: 'Lần đánh giá',
  bases: 'Căn cứ đánh giá',
  yesNo: 'Có/Không',
  grounds: 'Lý do thu hồi (Điều 8)',
  sectors: 'Ngành, nhóm (gợi ý; được ghi khác)',
};

/** Column letters past Z (AA, AB…): the sheet has 28 columns. */
export const colLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);

/** The data sheet with headers, formats and drop-downs; `rows` (already in column order) are written below. */
export function addEntriesSheet(
  wb: ExcelJS.Workbook,
  lists: Record<ListName, string[]>,
  rows: (string | number | Date | null)[][],
): void {
  const ws = wb.addWorksheet(SHEET_ENTRIES, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 45;
  const last = Math.max(PREPARED_ROWS, rows.length) + 1;
  COLUMNS.forEach((c: ColumnDef, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE699' : 'FFDDEBF7' } };
    cell.note = c.help;
    const col = ws.getColumn(i + 1);
    if (c.kind === 'text' || c.kind === 'code5' || c.kind === 'choice') col.numFmt = '@';
    if (c.kind === 'date') col.numFmt = 'dd/mm/yyyy';
    if (c.list) {
      const listCol = colLetter(LIST_ORDER.indexOf(c.list));
      // The sector list only suggests: old lists word sectors their own way, so other text is accepted.
      const strict = c.list !== 'sectors';
      (ws as unknown as { dataValidations: { add: (r: string, v: object) => void } }).dataValidations.add(
        `${colLetter(i)}2:${colLetter(i)}${last}`,
        {
          type: 'list',
          allowBlank: !c.required,
          formulae: [`'${SHEET_LISTS}'!$${listCol}$2:$${listCol}$${lists[c.list].length + 1}`],
          showErrorMessage: strict,
          errorTitle: c.header,
          error: 'Chọn một giá trị trong danh sách.',
        },
      );
    }
  });
  for (const r of rows) ws.addRow(r);
}

function addGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET_GUIDE);
  ws.columns = [{ width: 34 }, { width: 10 }, { width: 110 }];
  const lines = [
    'MẪU NHẬP DANH SÁCH SẢN PHẨM OCOP CÁC NĂM TRƯỚC',
    '',
    `1. Mỗi dòng của sheet "${SHEET_ENTRIES}" là một lần công nhận (hoặc một sản phẩm đã đánh giá nhưng dưới 3 sao).`,
    '2. Sản phẩm được đánh giá lại hoặc nâng hạng: thêm một dòng mới cho lần sau, cùng tên sản phẩm và tên chủ thể (hoặc cùng mã sản phẩm);',
    '   ứng dụng nối hai lần với nhau, lần trước chuyển sang "đã đánh giá lại/nâng hạng" từ ngày của quyết định sau.',
    '3. Địa chỉ, huyện và xã: ghi đúng như danh sách cũ (trước 1/7/2025 còn cấp huyện). Nếu biết xã/phường hiện nay, ghi thêm mã và tên xã hiện nay.',
    '4. Ngành, nhóm: ghi như danh sách cũ. Ứng dụng xếp theo phân loại của căn cứ đánh giá (QĐ 1048, 148 hoặc 26/2026);',
    '   chỗ nào có thể hiểu hai cách (ví dụ "Lưu niệm - nội thất - trang trí" của QĐ 1048) sẽ được hỏi để xác nhận một lần rồi ghi nhớ.',
    '5. Cột có dấu * là bắt buộc (tiêu đề nền vàng). Ngày ghi ngày/tháng/năm (15/03/2024). Không đổi tên tiêu đề cột.',
    '6. Tệp được nhập toàn bộ hoặc không nhập gì: nếu có lỗi, ứng dụng liệt kê sheet, dòng, cột và cách sửa.',
    '7. Nhập lại cùng một tệp không thay đổi gì. Tệp xuất từ sổ sản phẩm OCOP của ứng dụng có cùng các cột này.',
    '',
  ];
  for (const l of lines) ws.addRow([l]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['Cột', 'Bắt buộc', 'Cách ghi']).font = { bold: true };
  for (const c of COLUMNS) {
    ws.addRow([c.header.replace('*', ''), c.required ? 'Có' : '', c.help]).alignment = { wrapText: true, vertical: 'top' };
  }
}

function addLists(wb: ExcelJS.Workbook, lists: Record<ListName, string[]>): void {
  const ws = wb.addWorksheet(SHEET_LISTS);
  LIST_ORDER.forEach((name, i) => {
    ws.getColumn(i + 1).width = name === 'sectors' || name === 'grounds' ? 48 : 30;
    ws.getCell(1, i + 1).value = LIST_TITLES[name];
    ws.getCell(1, i + 1).font = { bold: true };
    lists[name].forEach((v, j) => (ws.getCell(j + 2, i + 1).value = v));
  });
}

/** A workbook in the import format: guide, data sheet (empty for the template), lists. */
export async function buildWorkbook(rows: (string | number | Date | null)[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCOP Council';
  // No clock in the document properties: the same content gives the same file.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const lists = listValues();
  addGuide(wb);
  addEntriesSheet(wb, lists, rows);
  addLists(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
