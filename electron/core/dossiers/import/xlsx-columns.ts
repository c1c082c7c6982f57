import viDossiers from '../../../../shared/i18n/vi/dossiers';
import type { CommuneRecommendation, Gender, ProducerKind, RegistrationKind } from '../../../../shared/ocop/dossier-model';

/**
 * The bulk-import workbook (docs/formats/dossiers-xlsx.md): one sheet of producers, one of
 * products, one of registrations, linked by keys the file itself defines ("Mã chủ thể",
 * "Mã sản phẩm (trong tệp)"). Headers are matched by their text (accents, case and the "*"
 * of required columns ignored), so columns may be reordered and extra columns are ignored.
 * Labels are the Vietnamese words provinces use; they are part of the file format.
 */

export const SHEET_GUIDE = 'Hướng dẫn';
export const SHEET_PRODUCERS = 'Chủ thể';
export const SHEET_PRODUCTS = 'Sản phẩm';
export const SHEET_REGISTRATIONS = 'Đăng ký';
export const SHEET_LISTS = 'Danh mục';

export type CellKind = 'text' | 'date' | 'int' | 'code2' | 'code5' | 'digits' | 'choice';

export interface ColumnDef<F extends string = string> {
  /** Field of the channel input (or an import-only key such as "producerKey"). */
  field: F;
  header: string;
  required: boolean;
  kind: CellKind;
  width: number;
  /** For 'choice' columns: the name of the list in the "Danh mục" sheet. */
  list?: ListName;
  /** One line for the guide sheet. */
  help: string;
}

/** The same words as the screens (one source: the Vietnamese texts), so template and app never differ. */
export const PRODUCER_KIND_LABELS: Record<ProducerKind, string> = viDossiers.producerKinds;

/** Labels of templates made before the template and the screens shared their words; still read. */
export const LEGACY_PRODUCER_KIND_LABELS: Partial<Record<ProducerKind, string>> = {
  enterprise: 'Doanh nghiệp',
  association: 'Hội (du lịch)',
  federation: 'Hiệp hội (du lịch)',
  operating_centre: 'Trung tâm điều hành (du lịch)',
  tourism_other: 'Tổ chức tương đương (du lịch)',
};

export const REGISTRATION_KIND_LABELS: Record<RegistrationKind, string> = viDossiers.kinds;

export const GENDER_LABELS: Record<Gender, string> = viDossiers.genders;
export const YES_NO_LABELS = { yes: 'Có', no: 'Không' } as const;
export const RECOMMENDATION_LABELS: Record<CommuneRecommendation, string> = { propose: 'Đề nghị', not_propose: 'Không đề nghị' };

export type ListName = 'producerKinds' | 'registrationKinds' | 'genders' | 'yesNo' | 'sets';

export const PRODUCER_COLUMNS: ColumnDef[] = [
  {
    field: 'producerKey',
    header: 'Mã chủ thể*',
    required: true,
    kind: 'text',
    width: 14,
    help: 'Mã do người lập tệp đặt (ví dụ CT001), dùng ở sheet "Sản phẩm" để chỉ chủ thể; không trùng trong tệp.',
  },
  {
    field: 'kind',
    header: 'Loại hình*',
    required: true,
    kind: 'choice',
    list: 'producerKinds',
    width: 26,
    help: 'Chọn trong danh sách (Điều 2 khoản 3). Hội, hiệp hội, trung tâm điều hành chỉ cho sản phẩm dịch vụ du lịch.',
  },
  { field: 'name', header: 'Tên chủ thể*', required: true, kind: 'text', width: 36, help: 'Tên đầy đủ theo giấy đăng ký.' },
  {
    field: 'taxCode',
    header: 'Mã số thuế',
    required: false,
    kind: 'digits',
    width: 16,
    help: '10 chữ số, 13 chữ số dạng 0101234567-001, hoặc số định danh 12 chữ số của hộ kinh doanh. Trùng mã số thuế = cùng một chủ thể.',
  },
  {
    field: 'registrationNo',
    header: 'Số đăng ký kinh doanh',
    required: false,
    kind: 'text',
    width: 18,
    help: 'Nếu khác mã số thuế.',
  },
  {
    field: 'representativeName',
    header: 'Người đại diện pháp luật',
    required: false,
    kind: 'text',
    width: 24,
    help: 'Họ và tên.',
  },
  { field: 'representativePosition', header: 'Chức vụ', required: false, kind: 'text', width: 16, help: 'Ví dụ: Giám đốc.' },
  {
    field: 'representativeGender',
    header: 'Giới tính',
    required: false,
    kind: 'choice',
    list: 'genders',
    width: 10,
    help: 'Nữ hoặc Nam (tiêu chí 3.2).',
  },
  {
    field: 'representativeEthnicity',
    header: 'Dân tộc',
    required: false,
    kind: 'text',
    width: 12,
    help: 'Ví dụ: Kinh, Tày, Thái.',
  },
  {
    field: 'representativeEthnicMinority',
    header: 'Dân tộc thiểu số',
    required: false,
    kind: 'choice',
    list: 'yesNo',
    width: 14,
    help: 'Có hoặc Không (tiêu chí 3.2).',
  },
  {
    field: 'representativeDisability',
    header: 'Người khuyết tật',
    required: false,
    kind: 'choice',
    list: 'yesNo',
    width: 14,
    help: 'Có hoặc Không (tiêu chí 3.2).',
  },
  {
    field: 'address',
    header: 'Địa chỉ (số nhà, thôn, ấp)',
    required: false,
    kind: 'text',
    width: 28,
    help: 'Phần địa chỉ dưới cấp xã.',
  },
  {
    field: 'communeCode',
    header: 'Mã xã*',
    required: true,
    kind: 'code5',
    width: 9,
    help: '5 chữ số theo Quyết định 19/2025/QĐ-TTg, ví dụ 00004.',
  },
  {
    field: 'communeName',
    header: 'Tên xã, phường*',
    required: true,
    kind: 'text',
    width: 20,
    help: 'Tên tại thời điểm đăng ký.',
  },
  {
    field: 'provinceCode',
    header: 'Mã tỉnh*',
    required: true,
    kind: 'code2',
    width: 9,
    help: '2 chữ số theo Quyết định 19/2025/QĐ-TTg, ví dụ 01.',
  },
  {
    field: 'provinceName',
    header: 'Tên tỉnh, thành phố*',
    required: true,
    kind: 'text',
    width: 20,
    help: 'Tên tại thời điểm đăng ký.',
  },
  {
    field: 'phone',
    header: 'Điện thoại',
    required: false,
    kind: 'digits',
    width: 15,
    help: 'Một số: di động 10 số hoặc cố định có mã vùng 02x.',
  },
  { field: 'email', header: 'Email', required: false, kind: 'text', width: 24, help: 'Ví dụ: htx@vidu.vn' },
  {
    field: 'foundedOn',
    header: 'Ngày thành lập',
    required: false,
    kind: 'date',
    width: 14,
    help: 'Ngày/tháng/năm, ví dụ 15/03/2018.',
  },
  { field: 'note', header: 'Ghi chú', required: false, kind: 'text', width: 20, help: '' },
];

export const PRODUCT_COLUMNS: ColumnDef[] = [
  {
    field: 'productKey',
    header: 'Mã sản phẩm (trong tệp)*',
    required: true,
    kind: 'text',
    width: 16,
    help: 'Mã do người lập tệp đặt (ví dụ SP001), dùng ở sheet "Đăng ký"; không trùng trong tệp.',
  },
  { field: 'producerKey', header: 'Mã chủ thể*', required: true, kind: 'text', width: 14, help: 'Mã chủ thể ở sheet "Chủ thể".' },
  {
    field: 'name',
    header: 'Tên sản phẩm*',
    required: true,
    kind: 'text',
    width: 32,
    help: 'Cùng tên sản phẩm (không phân biệt dấu) của cùng chủ thể = cùng một sản phẩm.',
  },
  {
    field: 'setKey',
    header: 'Bộ tiêu chí (phân nhóm)*',
    required: true,
    kind: 'choice',
    list: 'sets',
    width: 40,
    help: 'Chọn trong danh sách 26 bộ tiêu chí theo Phụ lục I (có thể chỉ ghi số thứ tự, ví dụ 7).',
  },
  {
    field: 'specification',
    header: 'Quy cách',
    required: false,
    kind: 'text',
    width: 18,
    help: 'Khối lượng, thể tích, kích thước.',
  },
  { field: 'packaging', header: 'Bao bì, đóng gói', required: false, kind: 'text', width: 18, help: '' },
  {
    field: 'productCode',
    header: 'Mã số sản phẩm',
    required: false,
    kind: 'text',
    width: 18,
    help: '(Mã tỉnh)-(Mã xã)-(STT)-(Năm), ví dụ 01-00004-7-2026. Để trống: ứng dụng tự đánh số tiếp theo của xã.',
  },
  { field: 'note', header: 'Ghi chú', required: false, kind: 'text', width: 20, help: '' },
];

export const REGISTRATION_COLUMNS: ColumnDef[] = [
  {
    field: 'productKey',
    header: 'Mã sản phẩm (trong tệp)*',
    required: true,
    kind: 'text',
    width: 16,
    help: 'Mã sản phẩm ở sheet "Sản phẩm".',
  },
  {
    field: 'round',
    header: 'Đợt*',
    required: true,
    kind: 'text',
    width: 10,
    help: 'Số đợt/năm, ví dụ 1/2026. Đợt chưa có sẽ được tạo (căn cứ 26/2026/QĐ-TTg).',
  },
  {
    field: 'kind',
    header: 'Lần đăng ký*',
    required: true,
    kind: 'choice',
    list: 'registrationKinds',
    width: 14,
    help: 'Lần đầu, Nâng hạng hoặc Đánh giá lại.',
  },
  {
    field: 'currentStars',
    header: 'Hạng sao hiện tại',
    required: false,
    kind: 'int',
    width: 10,
    help: '3, 4 hoặc 5; bắt buộc khi nâng hạng hoặc đánh giá lại.',
  },
  { field: 'certificateNo', header: 'Số giấy chứng nhận', required: false, kind: 'text', width: 16, help: '' },
  {
    field: 'certificateIssuedOn',
    header: 'Ngày cấp giấy chứng nhận',
    required: false,
    kind: 'date',
    width: 14,
    help: 'Ngày/tháng/năm.',
  },
  {
    field: 'certificateExpiresOn',
    header: 'Ngày hết hạn giấy chứng nhận',
    required: false,
    kind: 'date',
    width: 14,
    help: 'Bắt buộc khi đánh giá lại (hoặc ghi ngày cấp: hết hạn sau 36 tháng).',
  },
  {
    field: 'registrationNo',
    header: 'Số phiếu đăng ký',
    required: false,
    kind: 'text',
    width: 22,
    help: 'Dạng …/PĐK-(Mã tỉnh)-(Mã xã)-(Năm). Để trống: ứng dụng tự đánh số.',
  },
  { field: 'receivedCommuneOn', header: 'Ngày xã nhận hồ sơ', required: false, kind: 'date', width: 14, help: 'Ngày/tháng/năm.' },
  {
    field: 'receivedProvinceOn',
    header: 'Ngày tỉnh nhận hồ sơ',
    required: false,
    kind: 'date',
    width: 14,
    help: 'Ngày/tháng/năm.',
  },
  { field: 'receiverName', header: 'Người tiếp nhận', required: false, kind: 'text', width: 18, help: '' },
  {
    field: 'sampleCount',
    header: 'Số sản phẩm mẫu',
    required: false,
    kind: 'int',
    width: 10,
    help: 'Thường là 5 (không áp dụng cho dịch vụ du lịch).',
  },
  { field: 'note', header: 'Ghi chú', required: false, kind: 'text', width: 20, help: '' },
];

export const SHEETS = [
  { name: SHEET_PRODUCERS, columns: PRODUCER_COLUMNS },
  { name: SHEET_PRODUCTS, columns: PRODUCT_COLUMNS },
  { name: SHEET_REGISTRATIONS, columns: REGISTRATION_COLUMNS },
] as const;

/** Largest number of data rows read from one sheet. */
export const MAX_ROWS_PER_SHEET = 50_000;
