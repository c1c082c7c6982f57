/**
 * Training data for document tests, samples and the bench: a provincial council of Đồng Tháp
 * (9 members) scoring products of the province's cooperatives, with full Vietnamese diacritics.
 * Totals are generated deterministically; means, spreads and stars are computed with the shared
 * rules (shared/ocop), exactly as the results area will.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LEGAL_BASES, type Star } from '../../../../shared/ocop/legal-basis';
import { meanOf } from '../../../../shared/ocop/score';
import { bandStar } from '../../../../shared/ocop/stars';
import {
  CertificateData,
  DecisionData,
  MinutesData,
  ScoringForm,
  ScoringSheetData,
  SummaryData,
  type DocumentSetup,
  type Integrity,
  type Member,
  type Product,
  type SummaryRow,
} from '../types';

export const FORM_09: ScoringForm = ScoringForm.parse(
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'form-qd26-09.json'), 'utf8')),
);
export const FORM_26: ScoringForm = ScoringForm.parse(
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'form-qd26-26.json'), 'utf8')),
);

export const INTEGRITY: Integrity = {
  sessionRef: '12',
  digest: '3f9a2c7d5e1b8a4f6c0d2e9b7a5c3f1e8d6b4a2c0e9f7d5b3a1c8e6f4d2b0a9c',
  version: 1,
  auditSeq: 4127,
  auditHash: 'c1d2e3f4a5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a',
};

export const MEMBERS: Member[] = [
  { id: 1, fullName: 'Trần Văn Hùng', office: 'Phó Chủ tịch UBND tỉnh', role: 'chair' },
  { id: 2, fullName: 'Nguyễn Thị Thu Hương', office: 'Giám đốc Sở Nông nghiệp và Môi trường', role: 'vice_chair' },
  { id: 3, fullName: 'Lê Hoàng Phúc', office: 'Chánh Văn phòng Điều phối nông thôn mới tỉnh', role: 'member_secretary' },
  { id: 4, fullName: 'Phạm Ngọc Ánh', office: 'Phó Giám đốc Sở Công Thương', role: 'member' },
  { id: 5, fullName: 'Võ Thị Mỹ Dung', office: 'Phó Giám đốc Sở Khoa học và Công nghệ', role: 'member' },
  { id: 6, fullName: 'Huỳnh Quốc Việt', office: 'Phó Giám đốc Sở Y tế', role: 'member' },
  { id: 7, fullName: 'Đặng Thị Kiều Oanh', office: 'Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch', role: 'member' },
  { id: 8, fullName: 'Bùi Minh Đức', office: 'Trưởng phòng Phát triển nông thôn', role: 'member' },
  { id: 9, fullName: 'Ngô Thị Tuyết Nhung', office: 'Chuyên viên Văn phòng Điều phối', role: 'secretary' },
];

const BASE_PRODUCTS: { name: string; producer: string; address: string; set: string }[] = [
  {
    name: 'Nước mắm Phú Quốc',
    producer: 'Hợp tác xã Đồng Tháp',
    address: 'xã Mỹ Hiệp, tỉnh Đồng Tháp',
    set: 'Tương, nước mắm, gia vị dạng lỏng khác',
  },
  {
    name: 'Bánh phồng tôm Sa Giang',
    producer: 'Công ty Cổ phần Xuất nhập khẩu Sa Giang',
    address: 'phường Sa Đéc, tỉnh Đồng Tháp',
    set: 'Chế biến từ thịt, thủy sản, trứng, sữa',
  },
  {
    name: 'Hạt sen sấy Tháp Mười',
    producer: 'Hợp tác xã Sen Hồng Đồng Tháp',
    address: 'xã Tháp Mười, tỉnh Đồng Tháp',
    set: 'Chế biến từ rau, củ, quả, hạt',
  },
  {
    name: 'Xoài cát Hòa Lộc',
    producer: 'Hợp tác xã Xoài Mỹ Xương',
    address: 'xã Mỹ Xương, tỉnh Đồng Tháp',
    set: 'Rau, củ, quả, hạt tươi',
  },
  {
    name: 'Nem Lai Vung',
    producer: 'Cơ sở Nem Bà Út',
    address: 'xã Lai Vung, tỉnh Đồng Tháp',
    set: 'Chế biến từ thịt, thủy sản, trứng, sữa',
  },
  {
    name: 'Trà tim sen Đồng Tháp Mười',
    producer: 'Công ty TNHH Sen Việt',
    address: 'xã Tháp Mười, tỉnh Đồng Tháp',
    set: 'Trà từ thực vật khác',
  },
  {
    name: 'Gạo hữu cơ Tân Hồng',
    producer: 'Hợp tác xã Nông nghiệp Tân Công Chí',
    address: 'xã Tân Hồng, tỉnh Đồng Tháp',
    set: 'Gạo, ngũ cốc, hạt sơ chế khác',
  },
  {
    name: 'Mật ong hoa tràm U Minh',
    producer: 'Tổ hợp tác Ong mật Phước Lợi',
    address: 'xã Tràm Chim, tỉnh Đồng Tháp',
    set: 'Mật ong, mật khác và nông sản thực phẩm khác',
  },
  {
    name: 'Khô cá lóc đồng',
    producer: 'Hộ kinh doanh Lê Thị Bảy',
    address: 'xã Hồng Ngự, tỉnh Đồng Tháp',
    set: 'Chế biến từ thịt, thủy sản, trứng, sữa',
  },
  {
    name: 'Bột củ sen Sa Đéc',
    producer: 'Hợp tác xã Đồng Tháp',
    address: 'xã Mỹ Hiệp, tỉnh Đồng Tháp',
    set: 'Chế biến từ rau, củ, quả, hạt',
  },
];

/** n products; beyond the ten real-looking ones, numbered variants ("Nước mắm Phú Quốc – lô 12"). */
export function products(n: number): Product[] {
  return Array.from({ length: n }, (_, i) => {
    const b = BASE_PRODUCTS[i % BASE_PRODUCTS.length]!;
    const round = Math.floor(i / BASE_PRODUCTS.length);
    return {
      registrationId: i + 1,
      code: `87-${String(29000 + (i % 97)).padStart(5, '0')}-${String(i + 1).padStart(3, '0')}-2026`,
      name: round === 0 ? b.name : `${b.name} – loại ${round + 1}`,
      producerName: b.producer,
      producerAddress: b.address,
      producerPhone: '0277 3851 234',
      setName: b.set,
      kind: i % 7 === 3 ? 'reevaluation' : i % 11 === 5 ? 'upgrade' : 'first',
    };
  });
}

/** Deterministic pseudo-random generator (same numbers on every machine). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Results of `n` products scored by the members present. Product i gets a base level spread over
 * all bands (1★ … 5★); member totals vary ±4 around it, product 3 has a spread above 10 that was
 * resolved by re-scoring, product 5 is unresolved (not ranked).
 */
export function results(n: number, members: Member[] = MEMBERS): SummaryRow[] {
  const rnd = lcg(2026);
  const bases = [86, 74, 91, 63, 55, 78, 44, 68, 25, 82];
  return products(n).map((product, i) => {
    const base = bases[i % bases.length]! + (i >= 10 ? Math.round(rnd() * 6 - 3) : 0);
    const totals = members.map((_, m) => {
      if (m === 8) return null; // the secretary does not score
      let v = base + Math.round(rnd() * 8 - 4);
      if (i === 4 && m === 0) v = base + 12; // unresolved spread
      return Math.max(0, Math.min(100, v)) * 100 + (m === 1 && i === 0 ? 50 : 0);
    });
    const scored = totals.filter((v): v is number => v !== null);
    const mean = meanOf(scored);
    const spread = Math.max(...scored) - Math.min(...scored);
    const band: Star | null = spread > 1000 ? null : bandStar(mean, '26/2026/QĐ-TTg');
    // Product 6 (mean ≈ 78, 4★ by its mean) misses the 4★ minimum on 1.5 and 2.3: capped at 3★.
    const capped = i % 10 === 5 && band !== null;
    const star: Star | null = capped ? 3 : band;
    return {
      product,
      totalsCenti: totals,
      mean,
      spreadCenti: spread,
      minimaMet: star === null ? null : !capped,
      bandStar: band,
      cappedBy: capped
        ? [
            { code: '1.5', requiredStars: 4 as const },
            { code: '2.3', requiredStars: 4 as const },
          ]
        : [],
      star,
      note: spread > 1000 ? 'Chênh lệch điểm chưa được giải quyết' : product.kind === 'reevaluation' ? 'Đánh giá lại' : '',
    };
  });
}

export const COUNCIL_SETUP: DocumentSetup = {
  issuer: { parentLines: ['UBND TỈNH ĐỒNG THÁP'], bodyLines: ['HỘI ĐỒNG ĐÁNH GIÁ,', 'PHÂN HẠNG SẢN PHẨM OCOP'] },
  number: { number: 5, symbol: 'BB-HĐĐG' },
  placeDate: { place: 'Đồng Tháp', date: '2026-01-05' },
  showPlaceDate: true,
  recipients: ['UBND tỉnh (b/c)', 'Sở Nông nghiệp và Môi trường', 'Thành viên Hội đồng', 'Lưu: VT, Hồ sơ'],
};

const COUNCIL = 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp';

export function minutesData(n = 10, integrity: Integrity | null = INTEGRITY): MinutesData {
  const rows = results(n);
  return MinutesData.parse({
    setup: COUNCIL_SETUP,
    meetingTitle: 'Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026 (đợt 1)',
    councilName: COUNCIL,
    startedAt: '2026-01-05T08:00',
    endedAt: '2026-01-05T11:30',
    location: 'Hội trường Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp, số 6 đường 30/4, phường Cao Lãnh',
    attendance: [
      ...MEMBERS.slice(0, 8).map((member) => ({ member, present: true })),
      { member: MEMBERS[8], present: true },
      {
        member: { id: 10, fullName: 'Lý Thanh Tâm', office: 'Phó Giám đốc Sở Tài chính', role: 'member' },
        present: false,
        absenceReason: 'đi công tác',
      },
      {
        member: { id: 11, fullName: 'Trương Văn Lợi', office: 'Phó Chủ tịch Hội Nông dân tỉnh', role: 'member' },
        present: false,
        absenceReason: '',
      },
    ],
    guests: ['Đại diện Văn phòng Điều phối nông thôn mới Trung ương', 'Đại diện các chủ thể có sản phẩm tham gia đánh giá'],
    quorum: { met: true, rule: 'tối thiểu 3/4 tổng số thành viên, trong đó có Chủ tịch Hội đồng' },
    chair: MEMBERS[0],
    secretary: MEMBERS[2],
    legalBasis: '26/2026/QĐ-TTg',
    legalBasisCitation: 'Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ',
    results: rows,
    spreadDiscussions: [
      {
        product: rows[2]!.product,
        spreadBeforeCenti: 1350,
        spreadAfterCenti: 600,
        rescoringRounds: 1,
        discussion: 'Các thành viên thống nhất lại cách hiểu tiêu chí 1.4 về liên kết chuỗi.',
      },
      ...(rows[4]
        ? [
            {
              product: rows[4].product,
              spreadBeforeCenti: rows[4].spreadCenti ?? 0,
              spreadAfterCenti: null,
              rescoringRounds: 0,
              discussion: 'Đề nghị chủ thể bổ sung hồ sơ, Hội đồng xem xét lại ở phiên sau.',
            },
          ]
        : []),
    ],
    opinions: [
      'Ông Phạm Ngọc Ánh đề nghị các chủ thể hoàn thiện bao bì, nhãn hàng hóa theo quy định trước khi được cấp Giấy chứng nhận.',
    ],
    vote: { for: 9, against: 0, abstain: 0 },
    secretarySigner: { title: 'THƯ KÝ', name: 'Lê Hoàng Phúc' },
    chairSigner: { title: 'CHỦ TỌA', officeLine: 'CHỦ TỊCH HỘI ĐỒNG', name: 'Trần Văn Hùng' },
    ...(integrity ? { integrity } : {}),
  });
}

export function summaryData(n = 10, integrity: Integrity | null = INTEGRITY, members: Member[] = MEMBERS): SummaryData {
  return SummaryData.parse({
    setup: COUNCIL_SETUP,
    councilName: COUNCIL,
    minutesNumber: COUNCIL_SETUP.number,
    minutesDate: '2026-01-05',
    legalBasis: '26/2026/QĐ-TTg',
    members,
    rows: results(n, members),
    secretary: { title: 'THƯ KÝ', name: 'Lê Hoàng Phúc' },
    chair: { title: 'CHỦ TỌA', officeLine: 'CHỦ TỊCH HỘI ĐỒNG', name: 'Trần Văn Hùng' },
    ...(integrity ? { integrity } : {}),
  });
}

/** A member's answers for a product: the highest level on most criteria, lower on some. */
export function answersFor(form: ScoringForm, seed: number): { criterionCode: string; levelIndex: number }[] {
  const rnd = lcg(seed);
  return form.parts.flatMap((p) =>
    p.groups.flatMap((g) =>
      g.criteria.map((c) => {
        const top = c.levels.length - 1;
        const levelIndex = Math.max(0, top - Math.floor(rnd() * Math.min(3, c.levels.length)));
        return { criterionCode: c.code, levelIndex };
      }),
    ),
  );
}

export function sheetData(
  opts: { memberIndex?: number; productIndex?: number; blank?: boolean; integrity?: Integrity; form?: ScoringForm } = {},
): ScoringSheetData {
  const form = opts.form ?? FORM_09;
  const member = MEMBERS[opts.memberIndex ?? 3]!;
  const product = products(Math.max(10, (opts.productIndex ?? 0) + 1))[opts.productIndex ?? 0]!;
  if (opts.blank) {
    return ScoringSheetData.parse({
      form,
      product: null,
      member: null,
      answers: null,
      placeDate: { place: 'Đồng Tháp', date: null },
      ...(opts.integrity ? { integrity: opts.integrity } : {}),
    });
  }
  return ScoringSheetData.parse({
    form,
    product,
    member,
    answers: answersFor(form, 7 + (opts.memberIndex ?? 3) * 31 + (opts.productIndex ?? 0)),
    criterionNotes: { '1.4': 'Chưa có hợp đồng liên kết bằng văn bản với vùng nguyên liệu Phú Quốc.' },
    opinion:
      'Sản phẩm có chất lượng ổn định, bao bì đẹp; đề nghị chủ thể bổ sung kế hoạch xúc tiến thương mại và hồ sơ truy xuất nguồn gốc điện tử.',
    placeDate: { place: 'Đồng Tháp', date: '2026-01-05' },
    ...(opts.integrity ? { integrity: opts.integrity } : {}),
  });
}

export function decisionData(n = 10, integrity: Integrity | null = INTEGRITY): DecisionData {
  const rows = results(n).filter((r) => r.star === 3 || r.star === 4);
  return DecisionData.parse({
    setup: {
      issuer: { parentLines: [], bodyLines: ['ỦY BAN NHÂN DÂN', 'TỈNH ĐỒNG THÁP'] },
      number: { number: null, symbol: 'QĐ-UBND' },
      placeDate: { place: 'Đồng Tháp', date: null },
      showPlaceDate: true,
      recipients: [
        'Như Điều 3',
        'Bộ Nông nghiệp và Môi trường (b/c)',
        'Văn phòng Điều phối nông thôn mới Trung ương',
        'CT, các PCT UBND tỉnh',
        'Lưu: VT, KT',
      ],
    },
    subject: 'công nhận kết quả đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026 (đợt 1)',
    authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
    legalBases: [
      'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
      'Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm',
      'Quyết định số 112/QĐ-UBND ngày 10 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp',
      'Biên bản số 05/BB-HĐĐG ngày 05 tháng 01 năm 2026 của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp',
    ],
    proposal: 'Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 15/TTr-SNNMT ngày 08 tháng 01 năm 2026',
    provinceName: 'tỉnh Đồng Tháp',
    year: 2026,
    legalBasis: '26/2026/QĐ-TTg',
    presentingUnit: 'Sở Nông nghiệp và Môi trường',
    executors: [
      'Chánh Văn phòng Ủy ban nhân dân tỉnh',
      'Giám đốc các Sở: Nông nghiệp và Môi trường, Công Thương, Khoa học và Công nghệ',
      'Chủ tịch Ủy ban nhân dân các xã, phường có liên quan',
    ],
    products: rows.map((r) => ({ product: r.product, mean: r.mean, star: r.star })),
    signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Hùng' },
    draft: true,
    ...(integrity ? { integrity } : {}),
  });
}

export function certificateData(integrity: Integrity | null = INTEGRITY): CertificateData {
  return CertificateData.parse({
    issuer: { parentLines: [], bodyLines: ['ỦY BAN NHÂN DÂN', 'TỈNH ĐỒNG THÁP'] },
    certificateNo: '125/GCN-UBND',
    product: products(1)[0],
    star: 4,
    legalBasis: '26/2026/QĐ-TTg',
    decisionCitation: 'Quyết định số 35/QĐ-UBND ngày 20 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp',
    issuedOn: '2026-01-20',
    placeDate: { place: 'Đồng Tháp', date: '2026-01-20' },
    signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Hùng' },
    ...(integrity ? { integrity } : {}),
  });
}

/** Certificate validity of the fixture's basis, for assertions. */
export const VALIDITY_MONTHS = LEGAL_BASES['26/2026/QĐ-TTg'].certificateValidityMonths;
