/**
 * A generated multi-year OCOP history for tests and the bench: products recognised from 2019 on,
 * upgraded, re-evaluated (star up, same or down — down below 3★ ends the product), revoked or
 * left to expire, under all three legal bases, with districts and old communes before
 * 1/7/2025 and current communes after; plus products entered but ranked below 3★.
 *
 * It writes the province's list in the import template's columns AND keeps the truth it
 * generated (which recognition follows which, which is superseded or revoked, the ngành, the kind
 * of producer, the commune), so a test can recompute every statistic from these rows without
 * reading the registry. Its own rules are deliberately simple and written here, not imported from
 * the registry code under test; only the legal calendar (36 months, basis in force on a date)
 * comes from shared/ocop.
 */
import { seededRng, type Rng } from '../../demo/random';
import { addDays, addMonths, compareIsoDates } from '../../../../shared/ocop/iso-date';
import { legalBasisOnDate } from '../../../../shared/ocop/registry-dates';
import type { EntryKind, EntryState } from '../../../../shared/ocop/registry-status';
import type { LegalBasisId } from '../../../../shared/ocop/legal-basis';
import type { ProducerGroup } from '../../../../shared/ocop/producer-groups';
import type { NganhNo } from '../../../../shared/ocop/registry-sectors';
import { COLUMNS, type Field } from '../import/columns';

export interface Truth {
  lineage: number;
  productName: string;
  producerName: string;
  producerKey: string;
  producerGroup: ProducerGroup;
  kind: EntryKind;
  star: number;
  legalBasis: LegalBasisId;
  year: number;
  roundNo: number;
  decisionDate: string | null;
  validTo: string | null;
  state: EntryState;
  endedOn: string | null;
  revokedOn: string | null;
  /** Index (in the rows) of the recognition this one follows. */
  follows: number | null;
  successorKind: EntryKind | null;
  communeKey: string;
  districtText: string;
  nganhNo: NganhNo;
  nhom: string | null;
  womenLed: boolean | null;
  ethnicMinority: boolean | null;
}

export interface HistoryRow {
  cells: Partial<Record<Field, string | number | Date | null>>;
  truth: Truth;
}

export interface HistoryOptions {
  seed?: number;
  /** Product lines started; each gives 1–4 rows. */
  lineages?: number;
  firstYear?: number;
  lastYear?: number;
}

const OLD_DISTRICTS = [
  { name: 'Huyện Mỹ Xuyên', communes: ['Xã Mỹ An', 'Xã Mỹ Lợi', 'Xã Tân Mỹ', 'Thị trấn Mỹ Xuyên'] },
  { name: 'Huyện Tân Phú', communes: ['Xã Tân Hòa', 'Xã Phú Thành', 'Xã Tân Lập', 'Thị trấn Tân Phú'] },
  { name: 'Huyện Long Hồ', communes: ['Xã Long Thạnh', 'Xã Long An', 'Xã Hòa Ninh', 'Xã Lộc Hòa'] },
  { name: 'Thị xã Bình Minh', communes: ['Phường Cái Vồn', 'Phường Thành Phước', 'Xã Đông Bình', 'Xã Mỹ Hòa'] },
  { name: 'Huyện Trà Ôn', communes: ['Xã Hựu Thành', 'Xã Thiện Mỹ', 'Xã Vĩnh Xuân', 'Thị trấn Trà Ôn'] },
];
/** After 1/7/2025 the communes of each old district were merged two by two into new ones. */
const NEW_COMMUNES = OLD_DISTRICTS.flatMap((d, i) => [
  {
    code: `9${String(i * 2 + 1).padStart(4, '0')}`,
    name: `Xã ${d.communes[0]!.replace(/^(Xã|Phường|Thị trấn) /, '')} mới`,
    olds: d.communes.slice(0, 2),
  },
  {
    code: `9${String(i * 2 + 2).padStart(4, '0')}`,
    name: `Phường ${d.communes[2]!.replace(/^(Xã|Phường|Thị trấn) /, '')} mới`,
    olds: d.communes.slice(2),
  },
]);

interface SectorSpec {
  nganh: NganhNo;
  names: string[];
  /** How each basis's lists wrote the sector, and the nhóm that text names (null: only the ngành). */
  text: Record<LegalBasisId, { text: string; nhom: string | null }>;
}

const DU_LICH = 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch';
const SECTORS: SectorSpec[] = [
  {
    nganh: 'I',
    names: ['Nước mắm', 'Tương ớt', 'Muối tôm'],
    text: {
      '1048/QĐ-TTg': { text: 'Thực phẩm', nhom: null },
      '148/QĐ-TTg': { text: 'Gia vị', nhom: 'Gia vị' },
      '26/2026/QĐ-TTg': { text: '09 - Tương, nước mắm, gia vị dạng lỏng khác', nhom: 'Gia vị' },
    },
  },
  {
    nganh: 'I',
    names: ['Bánh pía', 'Kẹo dừa', 'Mứt gừng', 'Lạp xưởng'],
    text: {
      '1048/QĐ-TTg': { text: 'Thực phẩm', nhom: null },
      '148/QĐ-TTg': { text: 'Thực phẩm chế biến', nhom: 'Thực phẩm chế biến' },
      '26/2026/QĐ-TTg': { text: 'Chế biến từ gạo, ngũ cốc', nhom: 'Thực phẩm chế biến' },
    },
  },
  {
    nganh: 'I',
    names: ['Trà mãng cầu', 'Chè búp', 'Trà sen'],
    text: {
      '1048/QĐ-TTg': { text: 'Thực phẩm', nhom: null },
      '148/QĐ-TTg': { text: 'Chè', nhom: 'Chè' },
      '26/2026/QĐ-TTg': { text: 'Sản phẩm chè từ thực vật khác', nhom: 'Chè' },
    },
  },
  {
    nganh: 'II',
    names: ['Rượu nếp', 'Rượu sim', 'Rượu chuối'],
    text: {
      '1048/QĐ-TTg': { text: 'Đồ uống', nhom: null },
      '148/QĐ-TTg': { text: 'Đồ uống', nhom: null },
      '26/2026/QĐ-TTg': { text: 'Rượu trắng', nhom: 'Đồ uống có cồn' },
    },
  },
  {
    nganh: 'III',
    names: ['Cao atiso', 'Tinh dầu tràm', 'Trà thảo dược'],
    text: {
      '1048/QĐ-TTg': { text: 'Thảo dược', nhom: null },
      '148/QĐ-TTg': { text: 'Dược liệu và sản phẩm từ dược liệu', nhom: null },
      '26/2026/QĐ-TTg': { text: 'SẢN PHẨM DƯỢC LIỆU VÀ SẢN PHẨM TỪ DƯỢC LIỆU', nhom: null },
    },
  },
  {
    nganh: 'IV',
    names: ['Giỏ lục bình', 'Chiếu cói', 'Gốm đỏ'],
    text: {
      '1048/QĐ-TTg': { text: 'Lưu niệm - nội thất - trang trí', nhom: 'Thủ công mỹ nghệ gia dụng, trang trí' },
      '148/QĐ-TTg': { text: 'Hàng thủ công mỹ nghệ', nhom: null },
      '26/2026/QĐ-TTg': { text: 'Thủ công mỹ nghệ gia dụng, trang trí', nhom: 'Thủ công mỹ nghệ gia dụng, trang trí' },
    },
  },
  {
    nganh: 'V',
    names: ['Hoa lan', 'Hoa cúc mâm xôi'],
    text: {
      '1048/QĐ-TTg': { text: 'Hoa, cây cảnh', nhom: null },
      '148/QĐ-TTg': { text: 'Sinh vật cảnh', nhom: null },
      '26/2026/QĐ-TTg': { text: 'Hoa', nhom: 'Hoa' },
    },
  },
  {
    nganh: 'VI',
    names: ['Du lịch vườn', 'Homestay miệt vườn'],
    text: {
      '1048/QĐ-TTg': { text: 'Dịch vụ du lịch nông thôn, bán hàng', nhom: null },
      '148/QĐ-TTg': { text: DU_LICH, nhom: DU_LICH },
      '26/2026/QĐ-TTg': { text: DU_LICH, nhom: DU_LICH },
    },
  },
];

/** The classification the office confirms for the one ambiguous text above (1048's crafts). */
export const HISTORY_SECTOR_CHOICES = [
  {
    legalBasis: '1048/QĐ-TTg' as const,
    text: 'Lưu niệm - nội thất - trang trí',
    nganhNo: 'IV' as const,
    nhom: 'Thủ công mỹ nghệ gia dụng, trang trí',
  },
];

const KINDS: { kind: string; group: ProducerGroup; prefix: string; label: string }[] = [
  { kind: 'cooperative', group: 'cooperative', prefix: 'HTX', label: 'Hợp tác xã' },
  { kind: 'enterprise', group: 'enterprise', prefix: 'Công ty TNHH', label: 'Doanh nghiệp' },
  { kind: 'cooperative_group', group: 'cooperative_group', prefix: 'Tổ hợp tác', label: 'Tổ hợp tác' },
  { kind: 'household_business', group: 'household', prefix: 'Hộ kinh doanh', label: 'Hộ gia đình có đăng ký kinh doanh' },
  { kind: 'production_household', group: 'household', prefix: 'Hộ sản xuất', label: 'Hộ sản xuất' },
  { kind: 'farm', group: 'household', prefix: 'Trang trại', label: 'Trang trại' },
];
const BRANDS = [
  'Sen Vàng',
  'Phù Sa',
  'Bảy Tốt',
  'Mười Thành',
  'Cô Ba',
  'Út Hiền',
  'Hai Lúa',
  'Năm Căn',
  'Tư Sang',
  'Ba Khía',
  'Đồng Xanh',
];
const BASIS_LABEL: Record<LegalBasisId, string> = {
  '1048/QĐ-TTg': 'QĐ 1048/QĐ-TTg (2019)',
  '148/QĐ-TTg': '148/QĐ-TTg',
  '26/2026/QĐ-TTg': 'QĐ 26/2026/QĐ-TTg',
};
const KIND_LABEL: Record<EntryKind, string> = { first: 'Lần đầu', upgrade: 'Nâng hạng', reevaluation: 'Đánh giá lại' };

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const toDate = (s: string) => new Date(`${s}T00:00:00Z`);

function randomDate(rng: Rng, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, rng.int(0, span));
}

function pointsFor(rng: Rng, star: number): number {
  const [lo, hi] = star >= 5 ? [90, 99] : star === 4 ? [70, 89] : star === 3 ? [50, 69] : star === 2 ? [30, 49] : [10, 29];
  return rng.int(lo * 100, hi * 100 + (star >= 5 ? 0 : 99)) / 100;
}

/** "20,000 rows" in the bench: lineages ≈ rows / 1.6. */
export function generateHistory(o: HistoryOptions = {}): HistoryRow[] {
  const rng = seededRng(o.seed ?? 17);
  const firstYear = o.firstYear ?? 2019;
  const lastYear = o.lastYear ?? 2027;
  const end = iso(lastYear, 12, 20);
  const rows: HistoryRow[] = [];
  const lineages = o.lineages ?? 260;
  for (let l = 0; l < lineages; l++) {
    const sector = rng.pick(SECTORS);
    const k = rng.pick(KINDS);
    const brand = rng.pick(BRANDS);
    const producerName = `${k.prefix} ${brand} ${1 + Math.floor(l / 3)}`;
    const productName = `${rng.pick(sector.names)} ${brand} số ${l + 1}`;
    const writeKind = rng.chance(0.8);
    const districtIx = rng.int(0, OLD_DISTRICTS.length - 1);
    const district = OLD_DISTRICTS[districtIx]!;
    const oldCommune = rng.pick(district.communes);
    const current = NEW_COMMUNES.find((n) => n.olds.includes(oldCommune))!;
    const womenLed = rng.chance(0.7) ? rng.chance(0.4) : null;
    const ethnicMinority = rng.chance(0.5) ? rng.chance(0.15) : null;
    const year0 = rng.int(firstYear, lastYear);
    let date = randomDate(rng, year0 === 2019 ? '2019-09-01' : iso(year0, 1, 5), iso(year0, 12, 28));
    // Now and then a decision on a leap day: its certificate ends on 28 February.
    if (rng.chance(0.02) && (year0 === 2020 || year0 === 2024)) date = iso(year0, 2, 29);
    if (compareIsoDates(date, end) > 0) continue;
    const belowThree = rng.chance(0.14);
    let star = belowThree ? rng.int(1, 2) : rng.pick([3, 3, 3, 3, 3, 4, 4, 4, 5]);
    let kind: EntryKind = 'first';
    let follows: number | null = null;
    for (let step = 0; step < 4; step++) {
      const basis = legalBasisOnDate(date)!;
      const dYear = Number(date.slice(0, 4));
      const month = Number(date.slice(5, 7));
      const year = month === 1 && rng.chance(0.3) && dYear - 1 >= firstYear ? dYear - 1 : dYear;
      const decided = star >= 3;
      const validTo = decided ? addMonths(date, 36) : null;
      const before = compareIsoDates(date, '2025-07-01') < 0;
      const withCode = !before || rng.chance(0.5);
      let revokedOn: string | null = null;
      if (decided && rng.chance(0.06)) {
        const r = randomDate(rng, addDays(date, 30), addDays(validTo!, -30));
        if (compareIsoDates(r, end) <= 0) revokedOn = r;
      }
      const index = rows.length;
      const districtText = before ? district.name : '';
      const commune = before ? oldCommune : '';
      const communeKey = withCode ? `c:${current.code}` : `o:${fold(districtText)}|${fold(commune)}`;
      const points = rng.chance(0.6) ? pointsFor(rng, star) : null;
      // Without a decision the import can only guess the basis from the year: lists say it.
      const writeBasis = rng.chance(0.7) || !decided;
      const writeEventKind = kind === 'first' ? rng.chance(0.5) : rng.chance(0.7);
      const cells: HistoryRow['cells'] = {
        stt: index + 1,
        productName,
        producerName,
        producerKind: writeKind ? k.label : null,
        address: before ? `Ấp ${rng.int(1, 9)}, ${oldCommune}, ${district.name}` : `Ấp ${rng.int(1, 9)}, ${current.name}`,
        district: districtText || null,
        commune: commune || null,
        communeCode: withCode ? current.code : null,
        communeName: withCode ? current.name : null,
        provinceName: 'Phù Sa',
        sector: sector.text[basis].text,
        star,
        points,
        decisionNo: decided ? `${rng.int(100, 3999)}/QĐ-UBND` : null,
        decisionDate: decided ? toDate(date) : null,
        signer: decided && rng.chance(0.5) ? 'Nguyễn Văn Tỉnh' : null,
        year,
        roundNo: month <= 6 && year === dYear ? 1 : 2,
        legalBasis: writeBasis ? BASIS_LABEL[basis] : null,
        kind: writeEventKind ? KIND_LABEL[kind] : null,
        certificateNo: decided && rng.chance(0.3) ? `${index + 1}/GCN` : null,
        productCode: null,
        womenLed: womenLed === null ? null : womenLed ? 'Có' : 'Không',
        ethnicMinority: ethnicMinority === null ? null : ethnicMinority ? 'Có' : 'Không',
        revokeDecisionNo: revokedOn ? `${rng.int(10, 999)}/QĐ-UBND` : null,
        revokedOn: revokedOn ? toDate(revokedOn) : null,
        revokeGround: revokedOn
          ? rng.pick(['Vi phạm (chất lượng, ATTP, môi trường, SHTT, nhãn)', 'Không còn sản xuất, kinh doanh'])
          : null,
        note: null,
      };
      rows.push({
        cells,
        truth: {
          lineage: l,
          productName,
          producerName,
          producerKey: `n:${fold(producerName)}`,
          producerGroup: k.group,
          kind,
          star,
          legalBasis: basis,
          year,
          roundNo: cells.roundNo as number,
          decisionDate: decided ? date : null,
          validTo,
          state: !decided ? 'not_recognised' : revokedOn ? 'revoked' : 'recognised',
          endedOn: revokedOn,
          revokedOn,
          follows,
          successorKind: null,
          communeKey,
          districtText,
          nganhNo: sector.nganh,
          nhom: sector.text[basis].nhom,
          womenLed,
          ethnicMinority,
        },
      });
      // A successor supersedes the recognition it follows.
      if (follows !== null && decided) {
        const prev = rows[follows]!.truth;
        if (prev.state === 'recognised') {
          prev.state = 'superseded';
          prev.endedOn = date;
        }
        prev.successorKind = kind;
      }
      if (!decided || revokedOn) break;
      // What happens next to this certificate.
      const roll = rng.next();
      let next: string;
      if (roll < 0.15 && star < 5) {
        next = addDays(date, rng.int(200, 600));
        kind = 'upgrade';
        star += 1;
      } else if (roll < 0.75) {
        next = addDays(validTo!, rng.int(-110, 40));
        kind = 'reevaluation';
        const r = rng.next();
        star = r < 0.7 ? star : r < 0.85 ? Math.min(5, star + 1) : star - 1;
      } else break;
      if (compareIsoDates(next, end) > 0) break;
      follows = index;
      date = next;
    }
  }
  return rows;
}

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();

/** The rows in the template's column order. */
export const historySheetRows = (rows: HistoryRow[]): (string | number | Date | null)[][] =>
  rows.map((r) => COLUMNS.map((c) => r.cells[c.field] ?? null));
