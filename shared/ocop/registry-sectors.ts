/**
 * Sectors of a recognised product under each legal basis, and how a sector written in an old
 * list ("Thực phẩm", "Thảo dược", "Chế biến từ rau, củ, quả, hạt", "Lưu niệm - nội thất - trang
 * trí") is classified.
 *
 * Each basis has its own first level (DOMAIN §3.2, §4.1–4.2; ../shared/ocop/criteria/decisions-meta.json):
 * - 1048/QĐ-TTg: 6 ngành hàng — Thực phẩm; Đồ uống; Thảo dược; Vải và may mặc; Lưu niệm - nội thất
 *   - trang trí; Dịch vụ du lịch nông thôn, bán hàng;
 * - 148/QĐ-TTg: 6 nhóm sản phẩm — the same six names as the ngành of 26/2026;
 * - 26/2026/QĐ-TTg: Phụ lục I, 6 ngành (I–VI) → 17 nhóm → 26 leaves.
 * Statistics across years need one axis: the six ngành I–VI of 26/2026 (= the six groups of
 * 148). 1048's sectors map onto it one-to-one except "Lưu niệm - nội thất - trang trí", which
 * held both handicrafts (IV) and, as read here, ornamental plants (V) — sinh vật cảnh became its
 * own group only later. That text is ambiguous and the office confirms it. The nhóm (17) is known
 * only when the text names it; otherwise it stays unknown rather than guessed.
 */
import { foldForSearch } from '../text/normalize';
import type { ProductClassificationTree } from './criteria-classification';
import type { LegalBasisId } from './legal-basis';

export const NGANH_NOS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type NganhNo = (typeof NGANH_NOS)[number];
export const isNganhNo = (v: unknown): v is NganhNo => typeof v === 'string' && (NGANH_NOS as readonly string[]).includes(v);

/** Short names of the six ngành of 26/2026 (= the six nhóm sản phẩm of 148). */
export const NGANH_NAMES: Readonly<Record<NganhNo, string>> = {
  I: 'Thực phẩm',
  II: 'Đồ uống',
  III: 'Dược liệu và sản phẩm từ dược liệu',
  IV: 'Hàng thủ công mỹ nghệ',
  V: 'Sinh vật cảnh',
  VI: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
};

/** One first-level sector of a basis and the ngành it maps to (several = the office chooses). */
export interface BasisSector {
  name: string;
  nganh: readonly NganhNo[];
}

export const BASIS_SECTORS: Readonly<Record<LegalBasisId, readonly BasisSector[]>> = {
  '1048/QĐ-TTg': [
    { name: 'Thực phẩm', nganh: ['I'] },
    { name: 'Đồ uống', nganh: ['II'] },
    { name: 'Thảo dược', nganh: ['III'] },
    { name: 'Vải và may mặc', nganh: ['IV'] },
    { name: 'Lưu niệm - nội thất - trang trí', nganh: ['IV', 'V'] },
    { name: 'Dịch vụ du lịch nông thôn, bán hàng', nganh: ['VI'] },
  ],
  '148/QĐ-TTg': NGANH_NOS.map((no) => ({ name: NGANH_NAMES[no], nganh: [no] })),
  '26/2026/QĐ-TTg': NGANH_NOS.map((no) => ({ name: NGANH_NAMES[no], nganh: [no] })),
};

/** How an entry is classified: the sector in its own basis, the ngành axis, and the nhóm/set when known. */
export interface SectorClass {
  nganhNo: NganhNo;
  /** Nhóm of 26/2026 Phụ lục I, or null when the text does not say. */
  nhom: string | null;
  /** 26/2026 criteria set (leaf) when the text names it. */
  setKey: string | null;
  /** The first-level sector in the entry's own legal basis (e.g. "Thảo dược" under 1048). */
  basisSector: string;
}

export type SectorMatchStatus = 'exact' | 'keyword' | 'ambiguous' | 'unknown';

export interface SectorMatch {
  status: SectorMatchStatus;
  /** The classification when exact or by keyword; null when ambiguous or unknown. */
  match: SectorClass | null;
  /** What the office may choose from when it confirms (every ngành when unknown). */
  candidates: SectorClass[];
}

/** The first-level sector name under `basis` for a ngành (and nhóm, which splits 1048's crafts). */
export function basisSectorName(basis: LegalBasisId, nganhNo: NganhNo, nhom: string | null): string {
  if (basis === '1048/QĐ-TTg') {
    if (nganhNo === 'IV')
      return foldForSearch(nhom ?? '') === 'vai, may mac' ? 'Vải và may mặc' : 'Lưu niệm - nội thất - trang trí';
    if (nganhNo === 'V') return 'Lưu niệm - nội thất - trang trí';
    if (nganhNo === 'III') return 'Thảo dược';
    if (nganhNo === 'VI') return 'Dịch vụ du lịch nông thôn, bán hàng';
  }
  return NGANH_NAMES[nganhNo];
}

export function sectorClass(
  basis: LegalBasisId,
  nganhNo: NganhNo,
  nhom: string | null = null,
  setKey: string | null = null,
): SectorClass {
  return { nganhNo, nhom, setKey, basisSector: basisSectorName(basis, nganhNo, nhom) };
}

/** Folded words of a text: accents, "đ", case, punctuation and numbering ("1.", "I.", "07 -") removed. */
function words(text: string): string {
  return ` ${foldForSearch(text)
    .replace(/[.,;:()/\\>›»|+&–-]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()} `;
}

const stripPrefix = (w: string): string =>
  w.replace(/^ (?:(?:[ivx]+|\d+) )?(?:nganh hang |nganh |nhom san pham |nhom |san pham )*/u, ' ');

/** Keyword → ngành (and nhóm of 26/2026 when the word says it). Whole words of the folded text. */
const KEYWORDS: readonly (readonly [string, NganhNo, string | null])[] = [
  ['hoa qua', 'I', null],
  ['vai thieu', 'I', null],
  ['nuoc mam', 'I', 'Gia vị'],
  ['tuong', 'I', 'Gia vị'],
  ['gia vi', 'I', 'Gia vị'],
  ['che', 'I', 'Chè'],
  ['tra', 'I', 'Chè'],
  ['ca phe', 'I', 'Cà phê, ca cao'],
  ['ca cao', 'I', 'Cà phê, ca cao'],
  ['cacao', 'I', 'Cà phê, ca cao'],
  ['thuc pham che bien', 'I', 'Thực phẩm chế biến'],
  ['che bien', 'I', 'Thực phẩm chế biến'],
  ['banh', 'I', 'Thực phẩm chế biến'],
  ['keo', 'I', 'Thực phẩm chế biến'],
  ['tuoi song', 'I', 'Thực phẩm tươi sống'],
  ['so che', 'I', 'Thực phẩm thô, sơ chế'],
  ['thuc pham', 'I', null],
  ['nong san', 'I', null],
  ['mat ong', 'I', null],
  ['gao', 'I', null],
  ['ruou', 'II', 'Đồ uống có cồn'],
  ['bia', 'II', 'Đồ uống có cồn'],
  ['co con', 'II', 'Đồ uống có cồn'],
  ['khong con', 'II', 'Đồ uống không cồn'],
  ['nuoc khoang', 'II', 'Đồ uống không cồn'],
  ['do uong', 'II', null],
  ['nuoc uong', 'II', null],
  ['thuc pham chuc nang', 'III', 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền'],
  ['my pham', 'III', 'Mỹ phẩm có thành phần từ dược liệu'],
  ['tinh dau', 'III', 'Tinh dầu và dược liệu khác'],
  ['duoc lieu', 'III', null],
  ['thao duoc', 'III', null],
  ['vai', 'IV', 'Vải, may mặc'],
  ['may mac', 'IV', 'Vải, may mặc'],
  ['tho cam', 'IV', 'Vải, may mặc'],
  ['thu cong', 'IV', 'Thủ công mỹ nghệ gia dụng, trang trí'],
  ['my nghe', 'IV', 'Thủ công mỹ nghệ gia dụng, trang trí'],
  ['may tre', 'IV', 'Thủ công mỹ nghệ gia dụng, trang trí'],
  ['gom', 'IV', 'Thủ công mỹ nghệ gia dụng, trang trí'],
  ['sinh vat canh', 'V', null],
  ['hoa', 'V', 'Hoa'],
  ['cay canh', 'V', 'Cây cảnh'],
  ['bonsai', 'V', 'Cây cảnh'],
  ['dong vat canh', 'V', 'Động vật cảnh'],
  ['ca canh', 'V', 'Động vật cảnh'],
  ['du lich', 'VI', null],
  ['homestay', 'VI', null],
];

/** Longest keywords first; a matched phrase is consumed so "chế biến" is not also read as "chè". */
const KEYWORDS_LONGEST_FIRST = [...KEYWORDS].sort((a, b) => b[0].length - a[0].length);
function keywordHits(w: string): (readonly [string, NganhNo, string | null])[] {
  let rest = w;
  const hits: (readonly [string, NganhNo, string | null])[] = [];
  for (const k of KEYWORDS_LONGEST_FIRST) {
    const phrase = ` ${k[0]} `;
    if (!rest.includes(phrase)) continue;
    hits.push(k);
    rest = rest.split(phrase).join(' | ');
  }
  return hits;
}

interface Node {
  key: string;
  cls: (basis: LegalBasisId) => SectorClass;
}

/** The names of the 26/2026 tree as folded phrases: leaves, nhóm, ngành (with and without "SẢN PHẨM"). */
function treePhrases(tree: ProductClassificationTree): { leaves: Node[]; nhom: Node[] } {
  const leaves: Node[] = [];
  const nhom: Node[] = [];
  for (const n of tree.nganh) {
    const no = n.no as NganhNo;
    for (const m of n.nhom) {
      nhom.push({ key: stripPrefix(words(m.name)), cls: (b) => sectorClass(b, no, m.name) });
      for (const l of m.leaves) {
        const leafCls = (b: LegalBasisId) => sectorClass(b, no, m.name, l.setKey);
        leaves.push({ key: stripPrefix(words(l.setName)), cls: leafCls });
        if (l.phanNhom) leaves.push({ key: stripPrefix(words(l.phanNhom)), cls: leafCls });
        leaves.push({ key: ` ${String(l.setNo).padStart(2, '0')} `, cls: leafCls });
        leaves.push({ key: ` ${l.setKey} `, cls: leafCls });
      }
    }
  }
  return { leaves, nhom };
}

const phraseCache = new WeakMap<ProductClassificationTree, ReturnType<typeof treePhrases>>();
const phrasesOf = (tree: ProductClassificationTree) => {
  let p = phraseCache.get(tree);
  if (!p) phraseCache.set(tree, (p = treePhrases(tree)));
  return p;
};

const unique = (xs: SectorClass[]): SectorClass[] => {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.nganhNo}|${x.nhom ?? ''}|${x.setKey ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** Every ngành, for an unknown text. */
export const allSectorCandidates = (basis: LegalBasisId): SectorClass[] => NGANH_NOS.map((no) => sectorClass(basis, no));

/**
 * Classifies a sector text of a record judged under `basis`. Exact names (a leaf, a nhóm, a
 * sector of any basis, "07 - …" from the template's list) win; otherwise whole-word keywords. A
 * text pointing at two ngành is ambiguous; a text matching nothing is unknown. Both need the
 * office's confirmation (applySectorChoice).
 */
export function classifySector(tree: ProductClassificationTree, basis: LegalBasisId, text: string): SectorMatch {
  const w = stripPrefix(words(text));
  if (w.trim() === '') return { status: 'unknown', match: null, candidates: allSectorCandidates(basis) };
  const { leaves, nhom } = phrasesOf(tree);
  const leafCell = /^ (\d{1,2}) /u.exec(w);
  const exactLeaf =
    leaves.find((l) => l.key === w) ??
    (leafCell ? leaves.find((l) => l.key === ` ${leafCell[1]!.padStart(2, '0')} `) : undefined);
  if (exactLeaf) return exact(exactLeaf.cls(basis));
  const exactNhom = nhom.find((m) => m.key === w);
  if (exactNhom) return exact(exactNhom.cls(basis));
  for (const b of [basis, ...(Object.keys(BASIS_SECTORS) as LegalBasisId[]).filter((x) => x !== basis)]) {
    const s = BASIS_SECTORS[b].find((x) => stripPrefix(words(x.name)) === w);
    if (!s) continue;
    // A sector of another basis is read under the entry's own basis.
    const cands = s.nganh.map((no) =>
      sectorClass(basis, no, b === '1048/QĐ-TTg' && s.name === 'Vải và may mặc' ? 'Vải, may mặc' : null),
    );
    return cands.length === 1 ? exact(cands[0]!) : { status: 'ambiguous', match: null, candidates: cands };
  }
  // "Thực phẩm - Chế biến từ rau, củ, quả, hạt": the most specific part that is an exact name.
  const parts = text
    .split(/\s[-–›>/]\s|[›>/|;]/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 1) {
    const found = parts.map((p) => classifySector(tree, basis, p)).filter((m) => m.status === 'exact');
    const nganh = new Set(found.map((m) => m.match!.nganhNo));
    if (found.length > 0 && nganh.size === 1) {
      const specific = found.find((m) => m.match!.setKey) ?? found.find((m) => m.match!.nhom) ?? found[0]!;
      return exact(specific.match!);
    }
  }
  const hits = keywordHits(w);
  const nganh = [...new Set(hits.map(([, no]) => no))];
  if (nganh.length === 1) {
    const nhoms = [...new Set(hits.map(([, , m]) => m).filter((m): m is string => m !== null))];
    return { status: 'keyword', match: sectorClass(basis, nganh[0]!, nhoms.length === 1 ? nhoms[0]! : null), candidates: [] };
  }
  if (nganh.length > 1) {
    return { status: 'ambiguous', match: null, candidates: unique(nganh.map((no) => sectorClass(basis, no))) };
  }
  return { status: 'unknown', match: null, candidates: allSectorCandidates(basis) };
}

const exact = (m: SectorClass): SectorMatch => ({ status: 'exact', match: m, candidates: [] });

/** The office's confirmed choice for a text: a ngành and, optionally, a nhóm of that ngành. */
export interface SectorChoice {
  nganhNo: NganhNo;
  nhom?: string | null;
}

/** Applies a confirmed choice; refuses a nhóm that is not in the chosen ngành. */
export function applySectorChoice(tree: ProductClassificationTree, basis: LegalBasisId, choice: SectorChoice): SectorClass {
  const nganh = tree.nganh.find((n) => n.no === choice.nganhNo);
  if (!nganh) throw new RangeError(`ngành "${choice.nganhNo}" is not one of ${NGANH_NOS.join(', ')}`);
  const nhom = choice.nhom ?? null;
  if (nhom !== null && !nganh.nhom.some((m) => m.name === nhom)) {
    throw new RangeError(
      `nhóm "${nhom}" is not in ngành ${choice.nganhNo}; choose one of: ${nganh.nhom.map((m) => m.name).join('; ')}`,
    );
  }
  const leaves = nhom === null ? [] : (nganh.nhom.find((m) => m.name === nhom)?.leaves ?? []);
  return sectorClass(basis, choice.nganhNo, nhom, leaves.length === 1 ? leaves[0]!.setKey : null);
}

/** The key under which a confirmed choice is remembered: the same text under the same basis. */
export const sectorTextKey = (basis: LegalBasisId, text: string): string => `${basis}|${foldForSearch(text)}`;
