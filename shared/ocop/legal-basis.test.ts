import { describe, expect, it } from 'vitest';
import {
  bandEdgesCenti,
  CURRENT_LEGAL_BASIS,
  getLegalBasis,
  isLegalBasisId,
  isStar,
  LEGAL_BASES,
  LEGAL_BASIS_IDS,
  recognitionFor,
  STARS,
  type LegalBasisId,
} from './legal-basis';

describe('legal bases', () => {
  it('lists the three decisions, 26/2026 current', () => {
    expect(LEGAL_BASIS_IDS).toEqual(['26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg']);
    expect(CURRENT_LEGAL_BASIS).toBe('26/2026/QĐ-TTg');
    for (const id of LEGAL_BASIS_IDS) {
      expect(LEGAL_BASES[id].id).toBe(id);
      expect(id.normalize('NFC')).toBe(id);
    }
    expect(isLegalBasisId('26/2026/QĐ-TTg')).toBe(true);
    expect(isLegalBasisId('26/2026/QD-TTg')).toBe(false);
    expect(() => getLegalBasis('999/QĐ-TTg' as LegalBasisId)).toThrow(
      'Unknown legal basis "999/QĐ-TTg"; use one of 26/2026/QĐ-TTg, 148/QĐ-TTg, 1048/QĐ-TTg',
    );
  });

  it('fixes part maxima: A40/B25/C35 since 148, A35/B25/C40 under 1048; always 100', () => {
    const maxima = (id: LegalBasisId) => Object.fromEntries(getLegalBasis(id).parts.map((p) => [p.code, p.max]));
    expect(maxima('26/2026/QĐ-TTg')).toEqual({ A: 40, B: 25, C: 35 });
    expect(maxima('148/QĐ-TTg')).toEqual({ A: 40, B: 25, C: 35 });
    expect(maxima('1048/QĐ-TTg')).toEqual({ A: 35, B: 25, C: 40 });
    for (const id of LEGAL_BASIS_IDS) {
      expect(getLegalBasis(id).parts.reduce((s, p) => s + p.max, 0)).toBe(getLegalBasis(id).totalMax);
    }
  });

  it('has five contiguous bands per basis, highest first, with edges 30/50/70/90', () => {
    for (const id of LEGAL_BASIS_IDS) {
      const bands = getLegalBasis(id).bands;
      expect(bands.map((b) => b.stars)).toEqual([5, 4, 3, 2, 1]);
      expect(bands.map((b) => b.minCenti)).toEqual([9000, 7000, 5000, 3000, 0]);
      expect(bandEdgesCenti(id)).toEqual([3000, 5000, 7000, 9000]);
    }
    const b26 = getLegalBasis('26/2026/QĐ-TTg').bands;
    expect(b26.map((b) => [b.writtenMaxCenti, b.writtenMaxInclusive])).toEqual([
      [10000, true],
      [9000, false],
      [7000, false],
      [5000, false],
      [3000, false],
    ]);
    expect(b26[1]!.wording).toContain('từ 70 đến dưới 90 điểm');
    // 1048 wrote whole-number bands 70–89: the written maximum is inclusive.
    const b1048 = getLegalBasis('1048/QĐ-TTg').bands;
    expect(b1048.map((b) => b.writtenMaxCenti)).toEqual([10000, 8900, 6900, 4900, 3000]);
    expect(getLegalBasis('1048/QĐ-TTg').bandStyle).toBe('whole_number');
    expect(getLegalBasis('148/QĐ-TTg').bandsVerified).toBe(false);
  });

  it('recognises only 3★ and above; 26/2026: 3–4★ province, 5★ central', () => {
    expect(STARS.map((s) => recognitionFor('26/2026/QĐ-TTg', s))).toEqual([
      { recognised: false, level: null },
      { recognised: false, level: null },
      { recognised: true, level: 'province' },
      { recognised: true, level: 'province' },
      { recognised: true, level: 'central' },
    ]);
    expect(recognitionFor('1048/QĐ-TTg', 3).level).toBe('province');
    expect(recognitionFor('1048/QĐ-TTg', 5).level).toBe('central');
  });

  it('148: 3★ by the district until 05/7/2025, by the province from 06/7/2025 (1489)', () => {
    expect(recognitionFor('148/QĐ-TTg', 3, '2025-07-05').level).toBe('district');
    expect(recognitionFor('148/QĐ-TTg', 3, '2025-07-06').level).toBe('province');
    expect(recognitionFor('148/QĐ-TTg', 3).level).toBe('province');
    expect(recognitionFor('148/QĐ-TTg', 4, '2024-01-01').level).toBe('province');
    expect(recognitionFor('148/QĐ-TTg', 2, '2025-08-01')).toEqual({ recognised: false, level: null });
    expect(() => recognitionFor('148/QĐ-TTg', 3, '2025-02-30')).toThrow('month 2 of 2025 has 28 days');
    expect(() => recognitionFor('26/2026/QĐ-TTg', 6 as never)).toThrow('Star must be 1–5, got 6');
  });

  it('certificates last 36 months and results ≥ 90 go to the central level, under every basis', () => {
    for (const id of LEGAL_BASIS_IDS) {
      expect(getLegalBasis(id).certificateValidityMonths).toBe(36);
      expect(getLegalBasis(id).proposeToCentralFromCenti).toBe(9000);
    }
    expect([0, 1, 5, 6, 3.5, '3'].map(isStar)).toEqual([false, true, true, false, false, false]);
  });
});
