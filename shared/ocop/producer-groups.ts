/**
 * Kinds of producer as the provincial OCOP reports count them: doanh nghiệp, hợp tác xã, tổ hợp
 * tác, hộ sản xuất (farms and registered household businesses are counted with the households,
 * as the reports do), and the tourism bodies of Đ2.3 as "khác". Also reads a kind as written in
 * an old list ("HTX", "Công ty TNHH …", "Cơ sở …").
 */
import { foldForSearch } from '../text/normalize';
import { PRODUCER_KINDS, type ProducerKind } from './dossier-model';

export const PRODUCER_GROUPS = ['enterprise', 'cooperative', 'cooperative_group', 'household', 'other'] as const;
export type ProducerGroup = (typeof PRODUCER_GROUPS)[number];

export function producerGroupOf(kind: ProducerKind): ProducerGroup {
  switch (kind) {
    case 'enterprise':
      return 'enterprise';
    case 'cooperative':
      return 'cooperative';
    case 'cooperative_group':
      return 'cooperative_group';
    case 'farm':
    case 'production_household':
    case 'household_business':
      return 'household';
    case 'association':
    case 'federation':
    case 'operating_centre':
    case 'tourism_other':
      return 'other';
  }
}

/** Words (folded) that name a kind, longest first so "hop tac xa" wins over "hop tac". */
const KIND_WORDS: readonly (readonly [string, ProducerKind])[] = [
  ['ho gia dinh co dang ky kinh doanh', 'household_business'],
  ['to chuc tuong duong', 'tourism_other'],
  ['trung tam dieu hanh', 'operating_centre'],
  ['doanh nghiep nho va vua', 'enterprise'],
  ['doanh nghiep tu nhan', 'enterprise'],
  ['cong ty co phan', 'enterprise'],
  ['cong ty tnhh', 'enterprise'],
  ['ho kinh doanh', 'household_business'],
  ['ho san xuat', 'production_household'],
  ['hop tac xa', 'cooperative'],
  ['to hop tac', 'cooperative_group'],
  ['doanh nghiep', 'enterprise'],
  ['trang trai', 'farm'],
  ['hiep hoi', 'federation'],
  ['cong ty', 'enterprise'],
  ['co so', 'household_business'],
  ['htx', 'cooperative'],
  ['tht', 'cooperative_group'],
  ['dntn', 'enterprise'],
  ['hkd', 'household_business'],
  ['ho sx', 'production_household'],
  ['hoi', 'association'],
];

/**
 * The kind named by a cell (the template's labels "Hợp tác xã", "Hội (du lịch)"…, short forms
 * "HTX", "DNTN", a stored key like "cooperative"), or null. Only the start of the text counts, so "Hộ kinh doanh" is a
 * household and "Công ty … hợp tác xã …" an enterprise.
 */
export function parseProducerKind(text: string): ProducerKind | null {
  const t = text.trim();
  if ((PRODUCER_KINDS as readonly string[]).includes(t)) return t as ProducerKind;
  const f = foldForSearch(t)
    .replace(/[.,:;()]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (f === '') return null;
  for (const [word, kind] of KIND_WORDS) if (f === word || f.startsWith(`${word} `)) return kind;
  return null;
}
