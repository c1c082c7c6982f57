/**
 * Vietnam's provinces and centrally-run cities, with their administrative codes (mã đơn vị hành
 * chính), before and after the 2025 merger. Built into the app: the producer form picks a province
 * from here, and the product code (T)-(X)-(STT)-năm and the Mẫu 01 number use its code.
 *
 * Where each list comes from (docs/formats/admin-units.md says the same, with the checks):
 * - PROVINCES_2025 — the 34 units in force since 1/7/2025. Which provinces merged and the new
 *   names: Nghị quyết 202/2025/QH15 (12/6/2025) of the National Assembly. Codes: Quyết định
 *   19/2025/QĐ-TTg (30/6/2025), as published by the statistics office (danhmuchanhchinh.nso.gov.vn);
 *   read here from two copies of that publication that agree code for code: the statistics
 *   office's web service (github:thanglequoc/vietnamese-provinces-database, postgresql data, 2026)
 *   and the government's merger map site (same repository, sapnhap-bando-crawler). A merged
 *   province keeps the code of the province where its seat is (Gia Lai 52, not 64), which some
 *   unofficial lists get wrong. Đồng Nai is "Thành phố Đồng Nai" since 30/4/2026 (Nghị quyết
 *   30/2026/QH16), code unchanged.
 * - PROVINCES_2008 — the 63 units in force until 30/6/2025 (codes of Quyết định 124/2004/QĐ-TTg
 *   as amended), read from the statistics office's list as of 1/3/2025 in two copies that agree:
 *   github:daohoangson/dvhcvn data/dvhcvn.json and github:thanglequoc/vietnamese-provinces-database
 *   at v2.4.1. Names as that list writes them (Huế is "Thành phố Huế" since 1/1/2025).
 * Communes (mã xã, 5 digits) are not built in: there are about 3,300 and they change by resolution;
 * the province imports the statistics office's current list (the places area).
 */

export type ProvinceKind = 'tinh' | 'thanh_pho';

export interface Province2025 {
  code: string;
  /** Full name as the statistics office writes it: "Tỉnh Tuyên Quang", "Thành phố Huế". */
  name: string;
  kind: ProvinceKind;
  /** Codes of the 63 former units that form it (its own among them when it kept its code). */
  formedFrom: readonly string[];
}

export interface Province2008 {
  code: string;
  name: string;
  kind: ProvinceKind;
  /** The 2025 unit it became part of. */
  mergedInto: string;
}

export const PROVINCES_2025: readonly Province2025[] = [
  { code: '01', name: 'Thành phố Hà Nội', kind: 'thanh_pho', formedFrom: ['01'] },
  { code: '04', name: 'Tỉnh Cao Bằng', kind: 'tinh', formedFrom: ['04'] },
  { code: '08', name: 'Tỉnh Tuyên Quang', kind: 'tinh', formedFrom: ['02', '08'] },
  { code: '11', name: 'Tỉnh Điện Biên', kind: 'tinh', formedFrom: ['11'] },
  { code: '12', name: 'Tỉnh Lai Châu', kind: 'tinh', formedFrom: ['12'] },
  { code: '14', name: 'Tỉnh Sơn La', kind: 'tinh', formedFrom: ['14'] },
  { code: '15', name: 'Tỉnh Lào Cai', kind: 'tinh', formedFrom: ['10', '15'] },
  { code: '19', name: 'Tỉnh Thái Nguyên', kind: 'tinh', formedFrom: ['06', '19'] },
  { code: '20', name: 'Tỉnh Lạng Sơn', kind: 'tinh', formedFrom: ['20'] },
  { code: '22', name: 'Tỉnh Quảng Ninh', kind: 'tinh', formedFrom: ['22'] },
  { code: '24', name: 'Tỉnh Bắc Ninh', kind: 'tinh', formedFrom: ['24', '27'] },
  { code: '25', name: 'Tỉnh Phú Thọ', kind: 'tinh', formedFrom: ['17', '25', '26'] },
  { code: '31', name: 'Thành phố Hải Phòng', kind: 'thanh_pho', formedFrom: ['30', '31'] },
  { code: '33', name: 'Tỉnh Hưng Yên', kind: 'tinh', formedFrom: ['33', '34'] },
  { code: '37', name: 'Tỉnh Ninh Bình', kind: 'tinh', formedFrom: ['35', '36', '37'] },
  { code: '38', name: 'Tỉnh Thanh Hóa', kind: 'tinh', formedFrom: ['38'] },
  { code: '40', name: 'Tỉnh Nghệ An', kind: 'tinh', formedFrom: ['40'] },
  { code: '42', name: 'Tỉnh Hà Tĩnh', kind: 'tinh', formedFrom: ['42'] },
  { code: '44', name: 'Tỉnh Quảng Trị', kind: 'tinh', formedFrom: ['44', '45'] },
  { code: '46', name: 'Thành phố Huế', kind: 'thanh_pho', formedFrom: ['46'] },
  { code: '48', name: 'Thành phố Đà Nẵng', kind: 'thanh_pho', formedFrom: ['48', '49'] },
  { code: '51', name: 'Tỉnh Quảng Ngãi', kind: 'tinh', formedFrom: ['51', '62'] },
  { code: '52', name: 'Tỉnh Gia Lai', kind: 'tinh', formedFrom: ['52', '64'] },
  { code: '56', name: 'Tỉnh Khánh Hòa', kind: 'tinh', formedFrom: ['56', '58'] },
  { code: '66', name: 'Tỉnh Đắk Lắk', kind: 'tinh', formedFrom: ['54', '66'] },
  { code: '68', name: 'Tỉnh Lâm Đồng', kind: 'tinh', formedFrom: ['60', '67', '68'] },
  { code: '75', name: 'Thành phố Đồng Nai', kind: 'thanh_pho', formedFrom: ['70', '75'] },
  { code: '79', name: 'Thành phố Hồ Chí Minh', kind: 'thanh_pho', formedFrom: ['74', '77', '79'] },
  { code: '80', name: 'Tỉnh Tây Ninh', kind: 'tinh', formedFrom: ['72', '80'] },
  { code: '82', name: 'Tỉnh Đồng Tháp', kind: 'tinh', formedFrom: ['82', '87'] },
  { code: '86', name: 'Tỉnh Vĩnh Long', kind: 'tinh', formedFrom: ['83', '84', '86'] },
  { code: '91', name: 'Tỉnh An Giang', kind: 'tinh', formedFrom: ['89', '91'] },
  { code: '92', name: 'Thành phố Cần Thơ', kind: 'thanh_pho', formedFrom: ['92', '93', '94'] },
  { code: '96', name: 'Tỉnh Cà Mau', kind: 'tinh', formedFrom: ['95', '96'] },
];

export const PROVINCES_2008: readonly Province2008[] = [
  { code: '01', name: 'Thành phố Hà Nội', kind: 'thanh_pho', mergedInto: '01' },
  { code: '02', name: 'Tỉnh Hà Giang', kind: 'tinh', mergedInto: '08' },
  { code: '04', name: 'Tỉnh Cao Bằng', kind: 'tinh', mergedInto: '04' },
  { code: '06', name: 'Tỉnh Bắc Kạn', kind: 'tinh', mergedInto: '19' },
  { code: '08', name: 'Tỉnh Tuyên Quang', kind: 'tinh', mergedInto: '08' },
  { code: '10', name: 'Tỉnh Lào Cai', kind: 'tinh', mergedInto: '15' },
  { code: '11', name: 'Tỉnh Điện Biên', kind: 'tinh', mergedInto: '11' },
  { code: '12', name: 'Tỉnh Lai Châu', kind: 'tinh', mergedInto: '12' },
  { code: '14', name: 'Tỉnh Sơn La', kind: 'tinh', mergedInto: '14' },
  { code: '15', name: 'Tỉnh Yên Bái', kind: 'tinh', mergedInto: '15' },
  { code: '17', name: 'Tỉnh Hòa Bình', kind: 'tinh', mergedInto: '25' },
  { code: '19', name: 'Tỉnh Thái Nguyên', kind: 'tinh', mergedInto: '19' },
  { code: '20', name: 'Tỉnh Lạng Sơn', kind: 'tinh', mergedInto: '20' },
  { code: '22', name: 'Tỉnh Quảng Ninh', kind: 'tinh', mergedInto: '22' },
  { code: '24', name: 'Tỉnh Bắc Giang', kind: 'tinh', mergedInto: '24' },
  { code: '25', name: 'Tỉnh Phú Thọ', kind: 'tinh', mergedInto: '25' },
  { code: '26', name: 'Tỉnh Vĩnh Phúc', kind: 'tinh', mergedInto: '25' },
  { code: '27', name: 'Tỉnh Bắc Ninh', kind: 'tinh', mergedInto: '24' },
  { code: '30', name: 'Tỉnh Hải Dương', kind: 'tinh', mergedInto: '31' },
  { code: '31', name: 'Thành phố Hải Phòng', kind: 'thanh_pho', mergedInto: '31' },
  { code: '33', name: 'Tỉnh Hưng Yên', kind: 'tinh', mergedInto: '33' },
  { code: '34', name: 'Tỉnh Thái Bình', kind: 'tinh', mergedInto: '33' },
  { code: '35', name: 'Tỉnh Hà Nam', kind: 'tinh', mergedInto: '37' },
  { code: '36', name: 'Tỉnh Nam Định', kind: 'tinh', mergedInto: '37' },
  { code: '37', name: 'Tỉnh Ninh Bình', kind: 'tinh', mergedInto: '37' },
  { code: '38', name: 'Tỉnh Thanh Hóa', kind: 'tinh', mergedInto: '38' },
  { code: '40', name: 'Tỉnh Nghệ An', kind: 'tinh', mergedInto: '40' },
  { code: '42', name: 'Tỉnh Hà Tĩnh', kind: 'tinh', mergedInto: '42' },
  { code: '44', name: 'Tỉnh Quảng Bình', kind: 'tinh', mergedInto: '44' },
  { code: '45', name: 'Tỉnh Quảng Trị', kind: 'tinh', mergedInto: '44' },
  { code: '46', name: 'Thành phố Huế', kind: 'thanh_pho', mergedInto: '46' },
  { code: '48', name: 'Thành phố Đà Nẵng', kind: 'thanh_pho', mergedInto: '48' },
  { code: '49', name: 'Tỉnh Quảng Nam', kind: 'tinh', mergedInto: '48' },
  { code: '51', name: 'Tỉnh Quảng Ngãi', kind: 'tinh', mergedInto: '51' },
  { code: '52', name: 'Tỉnh Bình Định', kind: 'tinh', mergedInto: '52' },
  { code: '54', name: 'Tỉnh Phú Yên', kind: 'tinh', mergedInto: '66' },
  { code: '56', name: 'Tỉnh Khánh Hòa', kind: 'tinh', mergedInto: '56' },
  { code: '58', name: 'Tỉnh Ninh Thuận', kind: 'tinh', mergedInto: '56' },
  { code: '60', name: 'Tỉnh Bình Thuận', kind: 'tinh', mergedInto: '68' },
  { code: '62', name: 'Tỉnh Kon Tum', kind: 'tinh', mergedInto: '51' },
  { code: '64', name: 'Tỉnh Gia Lai', kind: 'tinh', mergedInto: '52' },
  { code: '66', name: 'Tỉnh Đắk Lắk', kind: 'tinh', mergedInto: '66' },
  { code: '67', name: 'Tỉnh Đắk Nông', kind: 'tinh', mergedInto: '68' },
  { code: '68', name: 'Tỉnh Lâm Đồng', kind: 'tinh', mergedInto: '68' },
  { code: '70', name: 'Tỉnh Bình Phước', kind: 'tinh', mergedInto: '75' },
  { code: '72', name: 'Tỉnh Tây Ninh', kind: 'tinh', mergedInto: '80' },
  { code: '74', name: 'Tỉnh Bình Dương', kind: 'tinh', mergedInto: '79' },
  { code: '75', name: 'Tỉnh Đồng Nai', kind: 'tinh', mergedInto: '75' },
  { code: '77', name: 'Tỉnh Bà Rịa - Vũng Tàu', kind: 'tinh', mergedInto: '79' },
  { code: '79', name: 'Thành phố Hồ Chí Minh', kind: 'thanh_pho', mergedInto: '79' },
  { code: '80', name: 'Tỉnh Long An', kind: 'tinh', mergedInto: '80' },
  { code: '82', name: 'Tỉnh Tiền Giang', kind: 'tinh', mergedInto: '82' },
  { code: '83', name: 'Tỉnh Bến Tre', kind: 'tinh', mergedInto: '86' },
  { code: '84', name: 'Tỉnh Trà Vinh', kind: 'tinh', mergedInto: '86' },
  { code: '86', name: 'Tỉnh Vĩnh Long', kind: 'tinh', mergedInto: '86' },
  { code: '87', name: 'Tỉnh Đồng Tháp', kind: 'tinh', mergedInto: '82' },
  { code: '89', name: 'Tỉnh An Giang', kind: 'tinh', mergedInto: '91' },
  { code: '91', name: 'Tỉnh Kiên Giang', kind: 'tinh', mergedInto: '91' },
  { code: '92', name: 'Thành phố Cần Thơ', kind: 'thanh_pho', mergedInto: '92' },
  { code: '93', name: 'Tỉnh Hậu Giang', kind: 'tinh', mergedInto: '92' },
  { code: '94', name: 'Tỉnh Sóc Trăng', kind: 'tinh', mergedInto: '92' },
  { code: '95', name: 'Tỉnh Bạc Liêu', kind: 'tinh', mergedInto: '96' },
  { code: '96', name: 'Tỉnh Cà Mau', kind: 'tinh', mergedInto: '96' },
];

/** The short name people say: "Tuyên Quang", "Hồ Chí Minh". */
export const provinceShortName = (name: string): string => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');

const CURRENT = new Map(PROVINCES_2025.map((p) => [p.code, p]));
const FORMER = new Map(PROVINCES_2008.map((p) => [p.code, p]));

/** What a province code names: the unit in force since 1/7/2025, and/or the one before. */
export const provinceByCode = (code: string): { current: Province2025 | undefined; former: Province2008 | undefined } => ({
  current: CURRENT.get(code),
  former: FORMER.get(code),
});
