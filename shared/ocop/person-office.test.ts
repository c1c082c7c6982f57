import { describe, expect, it } from 'vitest';
import { joinPositionOffice } from './person-office';

describe('position and office on one line', () => {
  it('writes the agency once when both fields name it (the doubled "UBND tỉnh UBND tỉnh")', () => {
    expect(joinPositionOffice('Phó Chủ tịch UBND tỉnh', 'UBND tỉnh Hà Tĩnh')).toBe('Phó Chủ tịch UBND tỉnh Hà Tĩnh');
    expect(joinPositionOffice('Giám đốc Sở Nông nghiệp và Môi trường', 'Sở Nông nghiệp và Môi trường Hà Tĩnh')).toBe(
      'Giám đốc Sở Nông nghiệp và Môi trường Hà Tĩnh',
    );
  });
  it('ignores case and a trailing comma in the overlap', () => {
    expect(joinPositionOffice('Phó Chủ tịch ubnd tỉnh,', 'UBND tỉnh Hà Tĩnh')).toBe('Phó Chủ tịch ubnd tỉnh, Hà Tĩnh');
  });
  it('writes one field when the other is already inside it', () => {
    expect(joinPositionOffice('Phó Chủ tịch UBND tỉnh Hà Tĩnh', 'UBND tỉnh Hà Tĩnh')).toBe('Phó Chủ tịch UBND tỉnh Hà Tĩnh');
    expect(joinPositionOffice('Chủ tịch', 'Chủ tịch UBND tỉnh')).toBe('Chủ tịch UBND tỉnh');
  });
  it('joins fields that share nothing, and keeps an empty one out', () => {
    expect(joinPositionOffice('Trưởng phòng', 'Chi cục Phát triển nông thôn')).toBe('Trưởng phòng Chi cục Phát triển nông thôn');
    expect(joinPositionOffice('', ' UBND tỉnh ')).toBe('UBND tỉnh');
    expect(joinPositionOffice('Chuyên viên', '')).toBe('Chuyên viên');
    expect(joinPositionOffice('  ', '')).toBe('');
  });
  it('does not merge a word that only starts the same ("tỉnh" vs "tỉnhs")', () => {
    expect(joinPositionOffice('Cán bộ tỉnh', 'tỉnhs đoàn')).toBe('Cán bộ tỉnh tỉnhs đoàn');
  });
  it('gives NFC text from decomposed input', () => {
    const out = joinPositionOffice('Phó Chủ tịch UBND tỉnh'.normalize('NFD'), 'UBND tỉnh Hà Tĩnh');
    expect(out).toBe('Phó Chủ tịch UBND tỉnh Hà Tĩnh');
    expect(out.normalize('NFC')).toBe(out);
  });
});
