import { describe, expect, it } from 'vitest';
import { PROVINCES_2008, PROVINCES_2025, provinceByCode, provinceShortName } from './admin-units';

describe('built-in provinces', () => {
  it('has the 34 units in force since 1/7/2025 and the 63 before, codes unique and two digits', () => {
    expect(PROVINCES_2025).toHaveLength(34);
    expect(PROVINCES_2008).toHaveLength(63);
    for (const list of [PROVINCES_2025, PROVINCES_2008]) {
      expect(new Set(list.map((p) => p.code)).size).toBe(list.length);
      expect(list.every((p) => /^\d{2}$/u.test(p.code) && p.name === p.name.normalize('NFC'))).toBe(true);
    }
  });

  it('agrees both ways: each former unit is in the formedFrom of the unit it merged into, and nowhere else', () => {
    for (const old of PROVINCES_2008) {
      const into = PROVINCES_2025.filter((p) => p.formedFrom.includes(old.code));
      expect(
        into.map((p) => p.code),
        old.name,
      ).toEqual([old.mergedInto]);
    }
    expect(PROVINCES_2025.flatMap((p) => p.formedFrom).sort()).toEqual(PROVINCES_2008.map((p) => p.code).sort());
  });

  it('keeps the code of the province where the seat is (Gia Lai 52, Tuyên Quang 08) and names both eras of a code', () => {
    expect(provinceByCode('52')).toMatchObject({ current: { name: 'Tỉnh Gia Lai' }, former: { name: 'Tỉnh Bình Định' } });
    expect(provinceByCode('64')).toMatchObject({ current: undefined, former: { name: 'Tỉnh Gia Lai', mergedInto: '52' } });
    expect(provinceByCode('02').former?.mergedInto).toBe('08');
    expect(provinceByCode('99')).toEqual({ current: undefined, former: undefined });
    expect(provinceShortName('Thành phố Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(provinceShortName('Tỉnh Bà Rịa - Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
  });
});
