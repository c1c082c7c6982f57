/**
 * The three legal bases an evaluation round can be judged under, with what each fixes:
 * part maxima, star bands, who recognises which star, and certificate validity.
 *
 * Sources: ../shared/ocop/DOMAIN.md §3.3–3.4 (26/2026, read in the decision text), §4.1 (1048,
 * secondary sources), §4.2–4.3 and §5 (148 and its amendment 1489, secondary sources).
 * Interpretations (1048 gaps, 148 bands) are recorded in docs/decisions/0003-star-bands-and-rounding.md.
 */
import { compareIsoDates, parseIsoDate, type IsoDate } from './iso-date';

export const LEGAL_BASIS_IDS = ['26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg'] as const;
export type LegalBasisId = (typeof LEGAL_BASIS_IDS)[number];
export const CURRENT_LEGAL_BASIS: LegalBasisId = '26/2026/QĐ-TTg';

export type Star = 1 | 2 | 3 | 4 | 5;
export const STARS: readonly Star[] = [1, 2, 3, 4, 5];
/** Parts A/B/C (the criteria model's `PartCode`, kept local: criteria-set.ts imports this file). */
type Part = 'A' | 'B' | 'C';

/** Who recognises (công nhận) and certifies a star level. */
export type RecognitionLevel = 'district' | 'province' | 'central';

export interface StarBand {
  readonly stars: Star;
  /** Inclusive lower bound, in centi-points (5000 = 50 points). */
  readonly minCenti: number;
  /** The upper bound as written in the decision, in centi-points (for display only). */
  readonly writtenMaxCenti: number;
  /** 26/2026 writes "từ 70 đến dưới 90": the written maximum is excluded except for 5★. */
  readonly writtenMaxInclusive: boolean;
  /** Wording of the decision, when it was read; null when not verified. */
  readonly wording: string | null;
}

export interface RecognitionChange {
  /** First day the change applies (ISO date). */
  readonly from: IsoDate;
  readonly by: string;
  readonly recognisedBy: Partial<Record<Star, RecognitionLevel>>;
}

export interface LegalBasis {
  readonly id: LegalBasisId;
  readonly signed: IsoDate;
  /** 'verified' = read in the decision text; 'secondary' = read in pages quoting it. */
  readonly sourceStatus: 'verified' | 'secondary';
  readonly parts: readonly { readonly code: Part; readonly max: number }[];
  readonly totalMax: 100;
  /**
   * 'half_open': bands as 26/2026 writes them (50 ≤ x < 70).
   * 'whole_number': bands written as 50–69, 70–89 (1048); a mean between two written bands
   * (69 < x < 70) belongs to the lower band, see ADR 0003.
   */
  readonly bandStyle: 'half_open' | 'whole_number';
  /** Highest star first. */
  readonly bands: readonly StarBand[];
  /** Whether the 26/2026 band edges for this basis were read in a source (false for 148). */
  readonly bandsVerified: boolean;
  /** Recognising level per star; null = not recognised, no certificate. */
  readonly recognisedBy: Readonly<Record<Star, RecognitionLevel | null>>;
  readonly recognitionChanges: readonly RecognitionChange[];
  /** Mean from which a provincial result is sent to the central council (5★ potential). */
  readonly proposeToCentralFromCenti: number;
  /** Đ4.3 (26/2026) and the older decisions: 36 months; dates in reevaluation-window.ts. */
  readonly certificateValidityMonths: number;
}

const W26 = {
  5: 'Hạng 5 sao (cấp quốc gia): Tổng điểm trung bình đạt từ 90 đến 100 điểm, là sản phẩm đặc trưng, có thương hiệu, đạt tiêu chuẩn chất lượng cao và hội tụ điều kiện để xuất khẩu.',
  4: 'Hạng 4 sao (cấp tỉnh): Tổng điểm trung bình đạt từ 70 đến dưới 90 điểm, là sản phẩm đặc trưng, từng bước có thương hiệu, đáp ứng yêu cầu về chất lượng và tiếp cận thị trường tốt, có tiềm năng nâng cấp lên hạng 5 sao.',
  3: 'Hạng 3 sao (cấp tỉnh): Tổng điểm trung bình đạt từ 50 đến dưới 70 điểm, là sản phẩm có đặc thù, có sự ổn định về chất lượng, được quản lý và thương mại ổn định, có thể nâng cấp lên hạng 4 sao.',
  2: 'Hạng 2 sao: Tổng điểm trung bình đạt từ 30 đến dưới 50 điểm, là sản phẩm bước đầu hình thành chất lượng, có thể tiếp tục nâng cấp để nâng lên hạng 3 sao.',
  1: 'Hạng 1 sao: Tổng điểm trung bình đạt dưới 30 điểm, là sản phẩm sơ khai, chưa được thương mại, có thể nâng cấp lên hạng 2 sao.',
} as const;

const W1048 = {
  5: 'Tổng điểm trung bình đạt từ 90 đến 100 điểm, là sản phẩm cấp quốc gia, có thể xuất khẩu',
  4: 'từ 70 đến 89 điểm, là sản phẩm cấp tỉnh, có thể nâng cấp lên hạng 5 sao',
  3: 'từ 50 đến 69 điểm, là sản phẩm cấp tỉnh, đạt tiêu chuẩn, có thể nâng cấp lên hạng 4 sao',
  2: 'từ 30 đến 49 điểm, sản phẩm chưa đạt tiêu chuẩn, có thể nâng cấp lên hạng 3 sao',
  1: 'dưới 30 điểm, sản phẩm khởi điểm tham gia chương trình OCOP',
} as const;

function halfOpenBands(wording: Readonly<Record<Star, string>> | null): StarBand[] {
  const w = (s: Star) => (wording ? wording[s] : null);
  return [
    { stars: 5, minCenti: 9000, writtenMaxCenti: 10000, writtenMaxInclusive: true, wording: w(5) },
    { stars: 4, minCenti: 7000, writtenMaxCenti: 9000, writtenMaxInclusive: false, wording: w(4) },
    { stars: 3, minCenti: 5000, writtenMaxCenti: 7000, writtenMaxInclusive: false, wording: w(3) },
    { stars: 2, minCenti: 3000, writtenMaxCenti: 5000, writtenMaxInclusive: false, wording: w(2) },
    { stars: 1, minCenti: 0, writtenMaxCenti: 3000, writtenMaxInclusive: false, wording: w(1) },
  ];
}

export const LEGAL_BASES: Readonly<Record<LegalBasisId, LegalBasis>> = {
  '26/2026/QĐ-TTg': {
    id: '26/2026/QĐ-TTg',
    signed: '2026-05-22',
    sourceStatus: 'verified',
    parts: [
      { code: 'A', max: 40 },
      { code: 'B', max: 25 },
      { code: 'C', max: 35 },
    ],
    totalMax: 100,
    bandStyle: 'half_open',
    bands: halfOpenBands(W26),
    bandsVerified: true,
    // Đ4.1a: UBND tỉnh recognises 3★/4★; Đ4.1b: Bộ NN&MT recognises 5★; 1★/2★ get nothing.
    recognisedBy: { 1: null, 2: null, 3: 'province', 4: 'province', 5: 'central' },
    recognitionChanges: [],
    proposeToCentralFromCenti: 9000,
    certificateValidityMonths: 36, // Đ4.3
  },
  '148/QĐ-TTg': {
    id: '148/QĐ-TTg',
    signed: '2023-02-24',
    sourceStatus: 'secondary',
    parts: [
      { code: 'A', max: 40 },
      { code: 'B', max: 25 },
      { code: 'C', max: 35 },
    ],
    totalMax: 100,
    bandStyle: 'half_open',
    // Band wording of 148 was not read; assumed equal to 26/2026 (DOMAIN §4.2).
    bands: halfOpenBands(null),
    bandsVerified: false,
    recognisedBy: { 1: null, 2: null, 3: 'district', 4: 'province', 5: 'central' },
    // 1489/QĐ-TTg (06/7/2025) abolished the district level: 3★ moved to the province.
    recognitionChanges: [{ from: '2025-07-06', by: '1489/QĐ-TTg', recognisedBy: { 3: 'province' } }],
    proposeToCentralFromCenti: 9000,
    certificateValidityMonths: 36,
  },
  '1048/QĐ-TTg': {
    id: '1048/QĐ-TTg',
    signed: '2019-08-21',
    sourceStatus: 'secondary',
    // 1048 weighted quality higher: A 35 / B 25 / C 40 (DOMAIN §4.1).
    parts: [
      { code: 'A', max: 35 },
      { code: 'B', max: 25 },
      { code: 'C', max: 40 },
    ],
    totalMax: 100,
    bandStyle: 'whole_number',
    bands: [
      { stars: 5, minCenti: 9000, writtenMaxCenti: 10000, writtenMaxInclusive: true, wording: W1048[5] },
      { stars: 4, minCenti: 7000, writtenMaxCenti: 8900, writtenMaxInclusive: true, wording: W1048[4] },
      { stars: 3, minCenti: 5000, writtenMaxCenti: 6900, writtenMaxInclusive: true, wording: W1048[3] },
      { stars: 2, minCenti: 3000, writtenMaxCenti: 4900, writtenMaxInclusive: true, wording: W1048[2] },
      { stars: 1, minCenti: 0, writtenMaxCenti: 3000, writtenMaxInclusive: false, wording: W1048[1] },
    ],
    bandsVerified: true,
    // Procedure sources: the province recognised 3–4★, the central level 5★ (DOMAIN §4.1, §5).
    recognisedBy: { 1: null, 2: null, 3: 'province', 4: 'province', 5: 'central' },
    recognitionChanges: [],
    proposeToCentralFromCenti: 9000,
    certificateValidityMonths: 36,
  },
};

export function isLegalBasisId(value: unknown): value is LegalBasisId {
  return typeof value === 'string' && (LEGAL_BASIS_IDS as readonly string[]).includes(value);
}

export function getLegalBasis(id: LegalBasisId): LegalBasis {
  const basis = isLegalBasisId(id) ? LEGAL_BASES[id] : undefined;
  if (!basis) throw new RangeError(`Unknown legal basis "${String(id)}"; use one of ${LEGAL_BASIS_IDS.join(', ')}`);
  return basis;
}

/** Lower band edges above 0, ascending, in centi-points: [3000, 5000, 7000, 9000]. */
export function bandEdgesCenti(id: LegalBasisId): number[] {
  return getLegalBasis(id)
    .bands.map((b) => b.minCenti)
    .filter((c) => c > 0)
    .sort((a, b) => a - b);
}

export function isStar(value: unknown): value is Star {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

export interface Recognition {
  /** True when a recognition decision and certificate can be issued for this star. */
  readonly recognised: boolean;
  readonly level: RecognitionLevel | null;
}

/**
 * Who recognises a star under a basis. `onDate` (ISO) matters only for 148, whose 3★ moved
 * from the district to the province on 06/7/2025; without it the latest rule applies.
 */
export function recognitionFor(id: LegalBasisId, star: Star, onDate?: IsoDate): Recognition {
  if (!isStar(star)) throw new RangeError(`Star must be 1–5, got ${String(star)}`);
  const basis = getLegalBasis(id);
  if (onDate !== undefined) parseIsoDate(onDate);
  let level = basis.recognisedBy[star];
  for (const change of basis.recognitionChanges) {
    if (onDate === undefined || compareIsoDates(onDate, change.from) >= 0) {
      level = change.recognisedBy[star] ?? level;
    }
  }
  return { recognised: level !== null, level };
}
