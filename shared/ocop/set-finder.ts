import { foldForSearch } from '../text/normalize';
import { CLASSIFICATION_EXAMPLES } from './classification-examples';
import type { ProductClassificationTree } from './criteria-classification';

/**
 * Finding the criteria set for a product by what a secretary would type: a word of the product
 * ("kẹo", "bánh", "nước mắm"), of its group ("Thuc pham", "đồ uống") or of the set's name, with or
 * without accents. Every leaf of Phụ lục I is searched over its whole path (ngành › nhóm › phân
 * nhóm), the set's own name and the app's example products (classification-examples.ts).
 */

export interface SetChoice {
  setKey: string;
  setNo: number;
  /** The set's name as Phụ lục II and the Excel template write it: "Chè tươi, chè chế biến". */
  setName: string;
  nganhNo: string;
  nganh: string;
  nhom: string;
  /** null where the nhóm has no phân nhóm (the leaf is the nhóm itself). */
  phanNhom: string | null;
  examples: readonly string[];
}

/** "11. Chè tươi, chè chế biến": the one label of a set, the same on screens and in the Excel template's list. */
export const setChoiceLabel = (c: Pick<SetChoice, 'setNo' | 'setName'>): string =>
  `${String(c.setNo).padStart(2, '0')}. ${c.setName}`;

/** "I. SẢN PHẨM THỰC PHẨM › Chè › Chè tươi, chế biến": the Phụ lục I path of a set. */
export const setChoicePath = (c: Pick<SetChoice, 'nganhNo' | 'nganh' | 'nhom' | 'phanNhom'>): string =>
  [`${c.nganhNo}. ${c.nganh}`, c.nhom, c.phanNhom].filter((p): p is string => !!p).join(' › ');

/** The 26 leaves in the order of Phụ lục I, with their example products. */
export function setChoices(tree: ProductClassificationTree): SetChoice[] {
  return tree.nganh.flatMap((n) =>
    n.nhom.flatMap((m) =>
      m.leaves.map((l) => ({
        setKey: l.setKey,
        setNo: l.setNo,
        setName: l.setName,
        nganhNo: n.no,
        nganh: n.name,
        nhom: m.name,
        phanNhom: l.phanNhom,
        examples: CLASSIFICATION_EXAMPLES[l.setNo] ?? [],
      })),
    ),
  );
}

export interface SetMatch {
  choice: SetChoice;
  /** The example products the query matched, to show why the set was offered. */
  matchedExamples: string[];
  score: number;
}

const words = (s: string): string[] =>
  foldForSearch(s.replace(/[.,;:()›/\-–]/gu, ' '))
    .split(' ')
    .filter(Boolean);

/** Does every query word begin some word of the text? ("thuc pham" in "san pham thuc pham"). */
const allWordsStart = (query: string[], text: string[]): boolean => query.every((q) => text.some((w) => w.startsWith(q)));

/**
 * The sets a query points to, best first. Every word of the query must begin a word of the same
 * field (the set name, the path, or one example product), so "kẹo lạc" finds set 07 through the
 * example "kẹo lạc" and not every set that has "kẹo" somewhere and "lạc" elsewhere. Ties keep the
 * order of Phụ lục I. A query typed with accents ranks exact-accent matches first ("chè" before
 * "chế biến"), while still finding the others. An empty query returns every set.
 */
export function findSets(choices: readonly SetChoice[], query: string): SetMatch[] {
  const q = words(query);
  if (q.length === 0) return choices.map((choice) => ({ choice, matchedExamples: [], score: 0 }));
  const typedWithAccents = query.normalize('NFC').toLowerCase() !== foldForSearch(query);
  const exact = query.normalize('NFC').toLowerCase().trim();
  const out: SetMatch[] = [];
  for (const choice of choices) {
    const nameHit = allWordsStart(q, words(`${choice.setNo} ${choice.setName} ${choice.phanNhom ?? ''}`));
    const pathHit = allWordsStart(q, words(setChoicePath(choice)));
    const matchedExamples = choice.examples.filter((e) => allWordsStart(q, words(e)));
    if (!nameHit && !pathHit && matchedExamples.length === 0) continue;
    let score = (nameHit ? 4 : 0) + (matchedExamples.length > 0 ? 3 : 0) + (pathHit ? 1 : 0);
    if (typedWithAccents) {
      const haystack = [choice.setName, choice.phanNhom ?? '', setChoicePath(choice), ...matchedExamples]
        .join(' | ')
        .toLowerCase();
      if (haystack.includes(exact)) score += 8;
    }
    out.push({ choice, matchedExamples, score });
  }
  return out.sort((a, b) => b.score - a.score || a.choice.setNo - b.choice.setNo);
}
