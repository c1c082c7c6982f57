/**
 * The XLSX template of a criteria set (documented in docs/formats/criteria-set.md §XLSX). Sheet
 * and column titles are Vietnamese because office workers fill the file; the reader finds
 * columns by their title (accent- and case-insensitive), so reordering columns is harmless.
 * Labels in "Loại" columns are Vietnamese too; the reader also accepts the JSON keys.
 */

export const SHEET = {
  guide: 'Hướng dẫn',
  info: 'Thông tin',
  form: 'Phiếu',
  structure: 'Phần - Nhóm',
  criteria: 'Tiêu chí',
  rules: 'Quy tắc',
  anomalies: 'Bất thường',
} as const;

export interface ColumnDef<F extends string = string> {
  field: F;
  header: string;
  width: number;
  required?: boolean;
}

/** "Thông tin": one row per field; the reader goes by column "Khóa" (the JSON field name). */
export const INFO_COLUMNS = [
  { field: 'label', header: 'Trường', width: 34 },
  { field: 'value', header: 'Giá trị', width: 90, required: true },
  { field: 'key', header: 'Khóa', width: 22, required: true },
] as const satisfies readonly ColumnDef[];

export const INFO_ROWS = [
  { key: 'format', label: 'Định dạng tệp (không sửa)' },
  { key: 'formatVersion', label: 'Phiên bản định dạng (không sửa)' },
  { key: 'setKey', label: 'Mã bộ tiêu chí (vd. tinh-ab/che-2027)' },
  { key: 'decision', label: 'Căn cứ (26/2026/QĐ-TTg, 148/QĐ-TTg, 1048/QĐ-TTg)' },
  { key: 'setNo', label: 'Số thứ tự bộ trong phụ lục (để trống nếu bộ riêng)' },
  { key: 'name', label: 'Tên bộ tiêu chí' },
  { key: 'heading', label: 'Tên in ở đầu phiếu' },
  { key: 'classificationLine', label: 'Dòng phân loại dưới tên (nếu có)' },
  { key: 'classification.nganh', label: 'Ngành (Phụ lục I)' },
  { key: 'classification.nhom', label: 'Nhóm (Phụ lục I)' },
  { key: 'classification.phanNhom', label: 'Phân nhóm (để trống nếu không có)' },
  { key: 'classification.ministries', label: 'Cơ quan chủ trì quản lý (nhiều cơ quan cách nhau bằng "; ")' },
  { key: 'total', label: 'Tổng điểm tối đa' },
  { key: 'starRule', label: 'Ghi chú dấu sao cuối phiếu' },
  { key: 'source.document', label: 'Nguồn: văn bản' },
  { key: 'source.officialUrl', label: 'Nguồn: địa chỉ văn bản chính thức' },
  { key: 'source.transcript', label: 'Nguồn: bản chép đã dùng' },
  { key: 'source.method', label: 'Nguồn: cách chép' },
] as const;
export type InfoKey = (typeof INFO_ROWS)[number]['key'];

export const FORM_COLUMNS = [
  { field: 'kind', header: 'Loại', width: 24, required: true },
  { field: 'text', header: 'Nội dung', width: 120, required: true },
] as const satisfies readonly ColumnDef[];
export const FORM_KINDS = { header: 'Dòng đầu phiếu', footer: 'Dòng cuối phiếu', disqualifier: 'Hồ sơ bị loại khi' } as const;

export const STRUCTURE_COLUMNS = [
  { field: 'kind', header: 'Loại', width: 10, required: true },
  { field: 'code', header: 'Mã', width: 8, required: true },
  { field: 'title', header: 'Tên', width: 80, required: true },
  { field: 'max', header: 'Điểm tối đa', width: 12, required: true },
] as const satisfies readonly ColumnDef[];
export const STRUCTURE_KINDS = { part: 'Phần', group: 'Nhóm' } as const;

export const CRITERIA_COLUMNS = [
  { field: 'kind', header: 'Loại dòng', width: 18, required: true },
  { field: 'group', header: 'Nhóm', width: 7 },
  { field: 'code', header: 'Mã', width: 8 },
  { field: 'text', header: 'Nội dung', width: 90, required: true },
  { field: 'points', header: 'Điểm', width: 8, required: true },
  { field: 'stars', header: 'Dấu sao', width: 9 },
  { field: 'case', header: 'Trường hợp số', width: 13 },
  { field: 'parentCode', header: 'Mã mục cha', width: 11 },
  { field: 'parentTitle', header: 'Tên mục cha', width: 24 },
  { field: 'parentMax', header: 'Điểm mục cha', width: 12 },
  { field: 'sourcePoints', header: 'Điểm in trong văn bản', width: 14 },
  { field: 'flags', header: 'Ghi nhận khi đối chiếu', width: 30 },
] as const satisfies readonly ColumnDef[];
export const ROW_KINDS = {
  criterion: 'Tiêu chí',
  level: 'Phương án',
  note: 'Ghi chú',
  levelNote: 'Ghi chú phương án',
  case: 'Trường hợp',
} as const;
export const FLAGS = {
  possibleTypo: 'có thể lỗi đánh máy',
  levelsImplied: 'phương án suy ra',
  pointsBlankInSource: 'ô điểm để trống',
} as const;

export const RULE_COLUMNS = [
  { field: 'id', header: 'Mã quy tắc', width: 18, required: true },
  { field: 'kind', header: 'Loại', width: 20, required: true },
  { field: 'criterion', header: 'Mã tiêu chí', width: 11 },
  { field: 'condition', header: 'Điều kiện', width: 70 },
  { field: 'levels', header: 'Phương án kích hoạt', width: 24 },
  { field: 'skip', header: 'Bỏ qua', width: 20 },
  { field: 'pattern', header: 'Mẫu nhận dạng', width: 30 },
  { field: 'sourceText', header: 'Văn bản gốc', width: 90, required: true },
] as const satisfies readonly ColumnDef[];
export const RULE_KINDS = {
  disqualify: 'Loại hồ sơ',
  stop: 'Dừng đánh giá',
  conditional: 'Chỉ áp dụng khi',
  caseChoice: 'Chọn một trường hợp',
} as const;
export const SKIP_LABELS = { following: 'các bước tiếp theo', others: 'các chỉ tiêu khác' } as const;

export const ANOMALY_COLUMNS = [
  { field: 'target', header: 'Đối tượng', width: 14, required: true },
  { field: 'code', header: 'Mã', width: 8 },
  { field: 'text', header: 'Nội dung', width: 120, required: true },
] as const satisfies readonly ColumnDef[];
export const ANOMALY_TARGETS = { set: 'Bộ tiêu chí', part: 'Phần', criterion: 'Tiêu chí' } as const;

/** Reading instructions written on the first sheet of every exported file. */
export const GUIDE_LINES = [
  'MẪU NHẬP BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP',
  '',
  'Tệp này dùng để nhập một bộ tiêu chí vào ứng dụng Hội đồng OCOP, hoặc là bản xuất của một bộ đã có. Không đổi tên các trang tính và tên cột ở dòng 1.',
  '',
  `Trang "${SHEET.info}": mỗi dòng một thông tin; chỉ sửa cột "Giá trị". "Mã bộ tiêu chí" phân biệt các bộ: nhập lại một bộ cùng mã nhưng nội dung khác sẽ tạo phiên bản mới; nội dung giống hệt thì không có gì thay đổi.`,
  `Trang "${SHEET.form}": các dòng đầu phiếu (Tên sản phẩm, Mã số sản phẩm…), dòng cuối phiếu (Ý kiến của người đánh giá, ngày tháng, người đánh giá ký) và đoạn "Hồ sơ bị loại khi: …".`,
  `Trang "${SHEET.structure}": lần lượt Phần A, các nhóm của Phần A, Phần B, các nhóm của Phần B, Phần C, các nhóm của Phần C. Điểm tối đa của phần phải bằng tổng điểm các nhóm; tổng ba phần là 100 (26/2026: A 40, B 25, C 35).`,
  `Trang "${SHEET.criteria}": theo đúng thứ tự của phiếu. Mỗi tiêu chí là một dòng "${ROW_KINDS.criterion}" (cột Nhóm, Mã, Nội dung = tên tiêu chí, Điểm = điểm tối đa), tiếp theo là các dòng "${ROW_KINDS.level}" (Nội dung = phương án □, Điểm, Dấu sao: *** / **** / ***** hoặc 3 / 4 / 5), các dòng "${ROW_KINDS.note}" của tiêu chí, "${ROW_KINDS.levelNote}" (ghi chú chỉ của phương án ngay trên) và, nếu phải chọn một trong hai trường hợp, các dòng "${ROW_KINDS.case}" đứng trước phương án; khi đó cột "Trường hợp số" của phương án ghi 1 hoặc 2.`,
  'Điểm tối đa của tiêu chí phải bằng điểm của phương án cao nhất; điểm tối đa của nhóm bằng tổng điểm các tiêu chí của nhóm. Tiêu chí ba cấp (bộ chè, cà phê) ghi mã, tên và điểm mục cha (vd. 6.1 Ngoại hình) ở mỗi tiêu chí con.',
  `Trang "${SHEET.rules}": các quy tắc mà ghi chú nêu (loại hồ sơ, dừng đánh giá, chỉ áp dụng khi…, chọn một trường hợp). Nếu xóa hẳn trang này, ứng dụng tự đọc quy tắc từ các ghi chú bằng các mẫu câu đã biết.`,
  `Trang "${SHEET.anomalies}": các điểm trong văn bản nguồn cần đối chiếu với bản có chữ ký.`,
  '',
  'Nếu tệp có lỗi, ứng dụng không ghi gì và liệt kê từng lỗi kèm trang, dòng và cách sửa.',
] as const;
