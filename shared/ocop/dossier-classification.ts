import type { ProductClassificationTree } from './criteria-classification';
import { setChoiceLabel } from './set-finder';

/**
 * A product's Phụ lục I classification, read from its criteria set key: the 26 leaves of
 * Phụ lục I map one-to-one to the 26 sets of Phụ lục II, so the set key is the classification.
 */
export interface ClassificationPath {
  nganhNo: string;
  nganh: string;
  nhom: string;
  phanNhom: string | null;
  setNo: number;
  setName: string;
}

export function classificationOfSet(tree: ProductClassificationTree, setKey: string): ClassificationPath | null {
  for (const n of tree.nganh)
    for (const m of n.nhom)
      for (const l of m.leaves)
        if (l.setKey === setKey)
          return { nganhNo: n.no, nganh: n.name, nhom: m.name, phanNhom: l.phanNhom, setNo: l.setNo, setName: l.setName };
  return null;
}

/** Set keys of one ngành ("I" … "VI"), for the "product group" filter. */
export function setKeysOfSector(tree: ProductClassificationTree, nganhNo: string): string[] {
  return tree.nganh.filter((n) => n.no === nganhNo).flatMap((n) => n.nhom.flatMap((m) => m.leaves.map((l) => l.setKey)));
}

/** Ngành VI (dịch vụ du lịch…) is the only one open to hội, hiệp hội, trung tâm điều hành (Đ2.3). */
export const TOURISM_SECTOR_NO = 'VI';

export const isTourismSet = (tree: ProductClassificationTree, setKey: string): boolean =>
  classificationOfSet(tree, setKey)?.nganhNo === TOURISM_SECTOR_NO;

/**
 * Reads a set as written in a spreadsheet cell: "7", "07", "07 - Chế biến từ rau, củ, quả, hạt"
 * (the template's list) or a set key "qd26-2026/07". Null when it names no set of the tree.
 */
export function setKeyFromCell(tree: ProductClassificationTree, cell: string): string | null {
  const t = cell.trim();
  const num = /^(\d{1,2})(?:\s*[-–.:]\s*.*)?$/u.exec(t);
  for (const n of tree.nganh)
    for (const m of n.nhom)
      for (const l of m.leaves) {
        if (l.setKey === t.toLowerCase()) return l.setKey;
        if (num && Number(num[1]) === l.setNo) return l.setKey;
      }
  return null;
}

/**
 * "07. Chế biến từ rau, củ, quả, hạt": how the template lists a set, the same label as the screens
 * (set-finder's setChoiceLabel). Files made with the older "07 - …" labels still read.
 */
export const setCellLabel = (setNo: number, setName: string): string => setChoiceLabel({ setNo, setName });
