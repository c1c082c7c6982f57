import type { EntryKind, RevokeGround } from '../../../../shared/ocop/registry-status';
import type { LegalBasisId } from '../../../../shared/ocop/legal-basis';

/**
 * The workbook of a province's earlier OCOP lists (docs/formats/registry-xlsx.md): one sheet, one
 * row per recognition (or per product entered but ranked below 3★). Headers are matched by their
 * text (accents, case and "*" ignored), so columns may be reordered and extra columns are ignored.
 * The export writes the same columns, so an exported list imports back unchanged.
 */

export const SHEET_GUIDE = 'Hướng dẫn';
export const SHEET_ENTRIES = 'Danh sách sản phẩm OCOP';
export const SHEET_LISTS = 'Danh mục';
export const MAX_ROWS = 50_000;

export type CellKind = 'text' | 'int' | 'decimal' | 'date' | 'code5' | 'choice';
export type ListName = 'producerKinds' | 'kinds' | 'bases' | 'yesNo' | 'grounds' | 'sectors';

export type Field =
  | 'stt'
  | 'productName'
  | 'producerName'
  | 'producerKind'
  | 'address'
  | 'district'
  | 'commune'
  | 'communeCode'
  | 'communeName'
  | 'provinceName'
  | 'sector'
  | 'star'
  | 'points'
  | 'decisionNo'
  | 'decisionDate'
  | 'signer'
  | 'year'
  | 'roundNo'
  | 'legalBasis'
  | 'kind'
  | 'certificateNo'
  | 'productCode'
  | 'womenLed'
  | 'ethnicMinority'
  | 'revokeDecisionNo'
  | 'revokedOn'
  | 'revokeGround'
  | 'note';

export interface ColumnDef {
  field: Field;
  header: string;
  required: boolean;
  kind: CellKind;
  width: number;
  list?: ListName;
  help: string;
}

export const KIND_LABELS: Record<EntryKind, string> = { first: 'Lần đầu', upgrade: 'Nâng hạng', reevaluation: 'Đánh giá lại' };
export const BASIS_LABELS: Record<LegalBasisId, string> = {
  '1048/QĐ-TTg': 'QĐ 1048/QĐ-TTg (2019)',
  '148/QĐ-TTg': 'QĐ 148/QĐ-TTg (2023)',
  '26/2026/QĐ-TTg': 'QĐ 26/2026/QĐ-TTg',
};
export const GROUND_LABELS: Record<RevokeGround, string> = {
  false_dossier: 'Hồ sơ không trung thực, giả mạo',
  criteria_not_met: 'Không còn đáp ứng Bộ tiêu chí',
  violation: 'Vi phạm (chất lượng, ATTP, môi trường, SHTT, nhãn)',
  mark_misuse: 'Sử dụng sai biểu trưng, thông tin OCOP',
  stopped_production: 'Không còn sản xuất, kinh doanh',
  authority_conclusion: 'Kết luận khác của cơ quan có thẩm quyền',
};
export const YES_NO = { yes: 'Có', no: 'Không' } as const;

export const COLUMNS: readonly ColumnDef[] = [
  {
    field: 'stt',
    header: 'STT',
    required: false,
    kind: 'int',
    width: 6,
    help: 'Số thứ tự trong danh sách (không bắt buộc, chỉ để đối chiếu).',
  },
  {
    field: 'productName',
    header: 'Tên sản phẩm*',
    required: true,
    kind: 'text',
    width: 32,
    help: 'Tên sản phẩm như trong quyết định công nhận.',
  },
  {
    field: 'producerName',
    header: 'Tên chủ thể*',
    required: true,
    kind: 'text',
    width: 32,
    help: 'Tên chủ thể OCOP (HTX, doanh nghiệp, hộ…) như đã ghi.',
  },
  {
    field: 'producerKind',
    header: 'Loại hình chủ thể',
    required: false,
    kind: 'choice',
    width: 20,
    list: 'producerKinds',
    help: 'Chọn trong danh sách; để trống thì ứng dụng đọc từ đầu tên chủ thể ("HTX …", "Công ty …", "Hộ kinh doanh …"), không đọc được thì ghi "chưa rõ".',
  },
  {
    field: 'address',
    header: 'Địa chỉ (như đã ghi)',
    required: false,
    kind: 'text',
    width: 30,
    help: 'Địa chỉ chủ thể, giữ nguyên như danh sách cũ.',
  },
  {
    field: 'district',
    header: 'Huyện (cũ)',
    required: false,
    kind: 'text',
    width: 16,
    help: 'Huyện/thị xã/thành phố như đã ghi (trước ngày 1/7/2025 còn cấp huyện). Giữ nguyên chữ, kể cả khi huyện đã giải thể.',
  },
  {
    field: 'commune',
    header: 'Xã (như đã ghi)',
    required: false,
    kind: 'text',
    width: 16,
    help: 'Xã/phường/thị trấn như đã ghi trong danh sách cũ (trước sáp nhập).',
  },
  {
    field: 'communeCode',
    header: 'Mã xã hiện nay',
    required: false,
    kind: 'code5',
    width: 10,
    help: 'Mã xã/phường hiện nay (5 chữ số, QĐ 19/2025/QĐ-TTg) khi đã biết; dùng để thống kê theo xã mới.',
  },
  {
    field: 'communeName',
    header: 'Tên xã hiện nay',
    required: false,
    kind: 'text',
    width: 16,
    help: 'Tên xã/phường hiện nay, đi cùng mã xã hiện nay.',
  },
  { field: 'provinceName', header: 'Tỉnh', required: false, kind: 'text', width: 14, help: 'Tỉnh/thành phố (không bắt buộc).' },
  {
    field: 'sector',
    header: 'Ngành, nhóm sản phẩm (như đã ghi)*',
    required: true,
    kind: 'text',
    width: 30,
    list: 'sectors',
    help: 'Ngành hàng/nhóm sản phẩm như danh sách cũ ghi (theo căn cứ của năm đó). Ứng dụng xếp vào phân loại của căn cứ; chỗ nào chưa rõ sẽ hỏi để xác nhận một lần.',
  },
  {
    field: 'star',
    header: 'Hạng sao*',
    required: true,
    kind: 'int',
    width: 8,
    help: '1 đến 5. Từ 3 sao trở lên là sản phẩm được công nhận (cần số và ngày quyết định).',
  },
  {
    field: 'points',
    header: 'Điểm',
    required: false,
    kind: 'decimal',
    width: 8,
    help: 'Tổng điểm trung bình (ví dụ 72,5); không bắt buộc.',
  },
  {
    field: 'decisionNo',
    header: 'Số quyết định',
    required: false,
    kind: 'text',
    width: 18,
    help: 'Số, ký hiệu quyết định công nhận, ví dụ 1234/QĐ-UBND. Bắt buộc với sản phẩm từ 3 sao.',
  },
  {
    field: 'decisionDate',
    header: 'Ngày quyết định',
    required: false,
    kind: 'date',
    width: 13,
    help: 'Ngày ký quyết định (ngày/tháng/năm). Giấy chứng nhận có giá trị 36 tháng kể từ ngày này. Bắt buộc với sản phẩm từ 3 sao.',
  },
  { field: 'signer', header: 'Người ký quyết định', required: false, kind: 'text', width: 20, help: 'Không bắt buộc.' },
  {
    field: 'year',
    header: 'Năm đánh giá*',
    required: true,
    kind: 'int',
    width: 9,
    help: 'Năm của đợt đánh giá (năm thống kê sản phẩm).',
  },
  { field: 'roundNo', header: 'Đợt', required: false, kind: 'int', width: 6, help: 'Số đợt trong năm (1, 2…), nếu có.' },
  {
    field: 'legalBasis',
    header: 'Căn cứ đánh giá',
    required: false,
    kind: 'choice',
    width: 22,
    list: 'bases',
    help: 'QĐ 1048/QĐ-TTg, QĐ 148/QĐ-TTg hoặc QĐ 26/2026/QĐ-TTg. Để trống thì lấy theo ngày quyết định (hoặc năm).',
  },
  {
    field: 'kind',
    header: 'Lần đánh giá',
    required: false,
    kind: 'choice',
    width: 13,
    list: 'kinds',
    help: 'Lần đầu, Nâng hạng hoặc Đánh giá lại. Nâng hạng và đánh giá lại được nối với lần công nhận trước của cùng sản phẩm, cùng chủ thể. Để trống thì ứng dụng tự xác định.',
  },
  {
    field: 'certificateNo',
    header: 'Số giấy chứng nhận',
    required: false,
    kind: 'text',
    width: 14,
    help: 'Nếu tỉnh đánh số giấy chứng nhận.',
  },
  {
    field: 'productCode',
    header: 'Mã sản phẩm',
    required: false,
    kind: 'text',
    width: 18,
    help: 'Mã số sản phẩm nếu có; dùng để nối các lần đánh giá của cùng sản phẩm.',
  },
  {
    field: 'womenLed',
    header: 'Đại diện là nữ',
    required: false,
    kind: 'choice',
    width: 10,
    list: 'yesNo',
    help: 'Có/Không; để trống nếu danh sách không ghi.',
  },
  {
    field: 'ethnicMinority',
    header: 'Dân tộc thiểu số',
    required: false,
    kind: 'choice',
    width: 10,
    list: 'yesNo',
    help: 'Có/Không; để trống nếu danh sách không ghi.',
  },
  {
    field: 'revokeDecisionNo',
    header: 'Số QĐ thu hồi',
    required: false,
    kind: 'text',
    width: 16,
    help: 'Nếu giấy chứng nhận đã bị thu hồi (Điều 8).',
  },
  { field: 'revokedOn', header: 'Ngày thu hồi', required: false, kind: 'date', width: 12, help: 'Ngày quyết định thu hồi.' },
  {
    field: 'revokeGround',
    header: 'Lý do thu hồi',
    required: false,
    kind: 'choice',
    width: 26,
    list: 'grounds',
    help: 'Một trong sáu căn cứ thu hồi của Điều 8.',
  },
  { field: 'note', header: 'Ghi chú', required: false, kind: 'text', width: 24, help: 'Không bắt buộc.' },
];
