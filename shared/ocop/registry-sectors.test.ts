import { describe, expect, it } from 'vitest';
import raw from '../../resources/criteria/classification.json' with { type: 'json' };
import { ProductClassificationTree } from './criteria-classification';
import { applySectorChoice, classifySector, sectorTextKey } from './registry-sectors';

const tree = ProductClassificationTree.parse(raw);
const c = (basis: Parameters<typeof classifySector>[1], text: string) => classifySector(tree, basis, text);

describe('sector text → classification of the matching legal basis', () => {
  it('reads 26/2026 leaves, nhóm and ngành exactly, with or without "Sản phẩm"/numbering', () => {
    expect(c('26/2026/QĐ-TTg', 'Chế biến từ rau, củ, quả, hạt')).toEqual({
      status: 'exact',
      match: { nganhNo: 'I', nhom: 'Thực phẩm chế biến', setKey: 'qd26-2026/07', basisSector: 'Thực phẩm' },
      candidates: [],
    });
    expect(c('26/2026/QĐ-TTg', '07 - Chế biến từ rau, củ, quả, hạt').match?.setKey).toBe('qd26-2026/07');
    expect(c('26/2026/QĐ-TTg', 'Gia vị').match).toEqual({ nganhNo: 'I', nhom: 'Gia vị', setKey: null, basisSector: 'Thực phẩm' });
    expect(c('26/2026/QĐ-TTg', 'SẢN PHẨM ĐỒ UỐNG').match).toMatchObject({ nganhNo: 'II', nhom: null });
    expect(c('148/QĐ-TTg', 'II. Đồ uống')).toMatchObject({ status: 'exact', match: { nganhNo: 'II' } });
    expect(c('148/QĐ-TTg', 'nhóm sinh vật cảnh')).toMatchObject({
      status: 'exact',
      match: { nganhNo: 'V', basisSector: 'Sinh vật cảnh' },
    });
  });

  it('reads the six ngành hàng of 1048 into the common axis and names the 1048 sector', () => {
    expect(c('1048/QĐ-TTg', 'Thảo dược').match).toEqual({ nganhNo: 'III', nhom: null, setKey: null, basisSector: 'Thảo dược' });
    expect(c('1048/QĐ-TTg', 'Vải và may mặc').match).toEqual({
      nganhNo: 'IV',
      nhom: 'Vải, may mặc',
      setKey: null,
      basisSector: 'Vải và may mặc',
    });
    expect(c('1048/QĐ-TTg', 'Dịch vụ du lịch nông thôn, bán hàng').match?.nganhNo).toBe('VI');
    // A 148 name on a 1048 record is read under 1048: "Dược liệu…" is the 1048 "Thảo dược".
    expect(c('1048/QĐ-TTg', 'Dược liệu và sản phẩm từ dược liệu').match?.basisSector).toBe('Thảo dược');
  });

  it('1048 "Lưu niệm - nội thất - trang trí" is ambiguous between crafts and ornamental plants', () => {
    const m = c('1048/QĐ-TTg', 'Lưu niệm - nội thất - trang trí');
    expect(m.status).toBe('ambiguous');
    expect(m.candidates.map((x) => x.nganhNo)).toEqual(['IV', 'V']);
    expect(m.candidates.every((x) => x.basisSector === 'Lưu niệm - nội thất - trang trí')).toBe(true);
  });

  it('uses the most specific exact part of a combined text', () => {
    expect(c('26/2026/QĐ-TTg', 'Thực phẩm - Chế biến từ gạo, ngũ cốc')).toMatchObject({
      status: 'exact',
      match: { nganhNo: 'I', setKey: 'qd26-2026/06' },
    });
    expect(c('26/2026/QĐ-TTg', 'Đồ uống / Rượu trắng').match?.setKey).toBe('qd26-2026/14');
  });

  it('falls back to whole-word keywords, the longest first', () => {
    expect(c('148/QĐ-TTg', 'Nước mắm truyền thống')).toMatchObject({
      status: 'keyword',
      match: { nganhNo: 'I', nhom: 'Gia vị' },
    });
    expect(c('148/QĐ-TTg', 'Thực phẩm chế biến sẵn')).toMatchObject({ status: 'keyword', match: { nhom: 'Thực phẩm chế biến' } });
    expect(c('148/QĐ-TTg', 'Hoa quả sấy')).toMatchObject({ status: 'keyword', match: { nganhNo: 'I' } });
    expect(c('148/QĐ-TTg', 'Trà thảo mộc')).toMatchObject({ match: { nhom: 'Chè' } });
    expect(c('148/QĐ-TTg', 'Trang trí nội thất')).toMatchObject({ status: 'unknown' });
    expect(c('1048/QĐ-TTg', 'Du lịch cộng đồng')).toMatchObject({ status: 'keyword', match: { nganhNo: 'VI' } });
  });

  it('a text pointing at two ngành is ambiguous; nothing matched is unknown with all six', () => {
    const amb = c('148/QĐ-TTg', 'Rượu và hoa');
    expect(amb.status).toBe('ambiguous');
    expect(amb.candidates.map((x) => x.nganhNo)).toEqual(['II', 'V']);
    const unk = c('148/QĐ-TTg', 'Khác');
    expect(unk.status).toBe('unknown');
    expect(unk.candidates).toHaveLength(6);
    expect(c('148/QĐ-TTg', '   ').status).toBe('unknown');
  });

  it('applies a confirmed choice and refuses a nhóm of another ngành', () => {
    expect(applySectorChoice(tree, '1048/QĐ-TTg', { nganhNo: 'V', nhom: 'Hoa' })).toEqual({
      nganhNo: 'V',
      nhom: 'Hoa',
      setKey: 'qd26-2026/23',
      basisSector: 'Lưu niệm - nội thất - trang trí',
    });
    expect(() => applySectorChoice(tree, '148/QĐ-TTg', { nganhNo: 'II', nhom: 'Hoa' })).toThrow(/not in ngành II/);
    expect(sectorTextKey('148/QĐ-TTg', 'Lưu Niệm')).toBe(sectorTextKey('148/QĐ-TTg', 'luu niem'));
  });
});
