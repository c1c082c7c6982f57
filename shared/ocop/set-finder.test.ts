import { describe, expect, it } from 'vitest';
import raw from '../../resources/criteria/classification.json' with { type: 'json' };
import { CLASSIFICATION_EXAMPLES } from './classification-examples';
import { ProductClassificationTree } from './criteria-classification';
import { setCellLabel, setKeyFromCell } from './dossier-classification';
import { findSets, setChoiceLabel, setChoicePath, setChoices } from './set-finder';

const choices = setChoices(ProductClassificationTree.parse(raw));
const nos = (q: string) => findSets(choices, q).map((m) => m.choice.setNo);

describe('finding the criteria set by what the secretary types', () => {
  it('knows all 26 leaves, each with example products', () => {
    expect(choices.map((c) => c.setNo)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(Object.keys(CLASSIFICATION_EXAMPLES)).toHaveLength(26);
    for (const c of choices) expect(c.examples.length).toBeGreaterThan(0);
  });

  it('labels a set by its Phụ lục II name and shows its Phụ lục I path', () => {
    const tea = choices.find((c) => c.setNo === 11)!;
    expect(setChoiceLabel(tea)).toBe('11. Chè tươi, chè chế biến');
    expect(setChoicePath(tea)).toBe('I. SẢN PHẨM THỰC PHẨM › Chè › Chè tươi, chế biến');
    const coffee = choices.find((c) => c.setNo === 13)!;
    expect(setChoicePath(coffee)).toBe('I. SẢN PHẨM THỰC PHẨM › Cà phê, ca cao');
  });

  it('finds "kẹo" and "bánh" through the example products, with or without accents', () => {
    expect(nos('kẹo')).toEqual([6, 7]);
    expect(nos('keo')).toEqual([6, 7]);
    expect(nos('bánh')).toEqual([6]);
    expect(nos('BANH')).toEqual([6]);
    expect(findSets(choices, 'kẹo lạc').map((m) => [m.choice.setNo, m.matchedExamples])).toEqual([[7, ['kẹo lạc']]]);
  });

  it('finds "Thuc pham" across the whole path: every set of ngành I and the functional foods', () => {
    expect(nos('Thuc pham').sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 18]);
    expect(nos('do uong').sort((a, b) => a - b)).toEqual([14, 15, 16, 17]);
  });

  it('ranks the name first, and exact accents before folded look-alikes', () => {
    // "chè" folds to "che", like "chế biến": the tea sets come first, the rest still follow.
    const che = nos('chè');
    expect(che.slice(0, 2)).toEqual([11, 12]);
    expect(che).toContain(6);
    expect(nos('nước mắm')[0]).toBe(9);
    expect(nos('rượu')).toEqual([14, 15]);
  });

  it('gives the Excel template the same labels, and reads old and new ones back', () => {
    const tree = ProductClassificationTree.parse(raw);
    for (const c of choices) {
      expect(setCellLabel(c.setNo, c.setName)).toBe(setChoiceLabel(c));
      expect(setKeyFromCell(tree, setChoiceLabel(c))).toBe(c.setKey);
      expect(setKeyFromCell(tree, `${String(c.setNo).padStart(2, '0')} - ${c.setName}`)).toBe(c.setKey);
    }
  });

  it('finds by set number, and finds nothing for words no set has', () => {
    expect(nos('13')).toEqual([13]);
    expect(nos('xe máy')).toEqual([]);
    expect(nos('   ')).toHaveLength(26);
  });

  it('asks every word to begin a word of the same field, not letters anywhere', () => {
    // "ga" begins "gạo"/"gà"/"gia vị", but "ao" inside "gạo" is not a match.
    expect(nos('ao')).toEqual(expect.arrayContaining([22]));
    expect(nos('ao')).not.toContain(3);
  });
});
