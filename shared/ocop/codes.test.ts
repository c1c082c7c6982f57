import { describe, expect, it } from 'vitest';
import {
  formatPhone,
  formatProductCode,
  formatRegistrationNo,
  isCommuneCode,
  isProvinceCode,
  normalizeEmail,
  normalizePhone,
  normalizeRegistrationNo,
  normalizeTaxCode,
  parseProductCode,
  parseRegistrationNo,
  serialSeq,
} from './codes';

describe('administrative codes', () => {
  it('accepts 2-digit provinces and 5-digit communes only', () => {
    expect(isProvinceCode('01')).toBe(true);
    expect(isProvinceCode('1')).toBe(false);
    expect(isProvinceCode('001')).toBe(false);
    expect(isProvinceCode('0a')).toBe(false);
    expect(isCommuneCode('00004')).toBe(true);
    expect(isCommuneCode('0004')).toBe(false);
    expect(isCommuneCode('000040')).toBe(false);
  });
});

describe('product code (T)-(X)-(STT)-(năm)', () => {
  it('formats from the province, commune, running number and year', () => {
    expect(formatProductCode({ provinceCode: '01', communeCode: '00004', seq: 7, year: 2026 })).toBe('01-00004-7-2026');
    expect(formatProductCode({ provinceCode: '96', communeCode: '32248', seq: 999_999, year: 2100 })).toBe(
      '96-32248-999999-2100',
    );
  });

  it('refuses parts that are not codes, naming the part', () => {
    expect(() => formatProductCode({ provinceCode: '1', communeCode: '00004', seq: 1, year: 2026 })).toThrow(/province code "1"/);
    expect(() => formatProductCode({ provinceCode: '01', communeCode: '4', seq: 1, year: 2026 })).toThrow(/commune code "4"/);
    expect(() => formatProductCode({ provinceCode: '01', communeCode: '00004', seq: 0, year: 2026 })).toThrow(/running number 0/);
    expect(() => formatProductCode({ provinceCode: '01', communeCode: '00004', seq: 1.5, year: 2026 })).toThrow(/running number/);
    expect(() => formatProductCode({ provinceCode: '01', communeCode: '00004', seq: 1_000_000, year: 2026 })).toThrow(
      /running number/,
    );
    expect(() => formatProductCode({ provinceCode: '01', communeCode: '00004', seq: 1, year: 2017 })).toThrow(/year 2017/);
  });

  it('parses what it formats, tolerating spaces and leading zeros', () => {
    expect(parseProductCode('01-00004-7-2026')).toEqual({ provinceCode: '01', communeCode: '00004', seq: 7, year: 2026 });
    expect(parseProductCode(' 01 - 00004 - 007 - 2026 ')).toEqual({
      provinceCode: '01',
      communeCode: '00004',
      seq: 7,
      year: 2026,
    });
  });

  it('rejects the pre-2026 format with a district, and other shapes', () => {
    expect(parseProductCode('83-829-28780-3-2022')).toBeNull();
    expect(parseProductCode('01-00004-0-2026')).toBeNull();
    expect(parseProductCode('01-00004-7-26')).toBeNull();
    expect(parseProductCode('01-0004-7-2026')).toBeNull();
    expect(parseProductCode('')).toBeNull();
  });
});

describe('registration number …/PĐK-(Mã tỉnh)-(Mã xã)-(Năm)', () => {
  it('formats with the canonical PĐK spelling (NFC)', () => {
    const no = formatRegistrationNo({ serial: '7', provinceCode: '01', communeCode: '00004', year: 2026 });
    expect(no).toBe('7/PĐK-01-00004-2026');
    expect(no).toBe(no.normalize('NFC'));
  });

  it('parses hand-written serials with dashes and unaccented PDK, in NFD too', () => {
    expect(parseRegistrationNo('07-01/PĐK-01-00004-2026')).toEqual({
      serial: '07-01',
      provinceCode: '01',
      communeCode: '00004',
      year: 2026,
    });
    expect(normalizeRegistrationNo('12/pdk-01-00004-2026')).toBe('12/PĐK-01-00004-2026');
    expect(normalizeRegistrationNo('12 / PĐK - 01 - 00004 - 2026'.normalize('NFD'))).toBe('12/PĐK-01-00004-2026');
  });

  it('rejects wrong codes, years and serials', () => {
    expect(parseRegistrationNo('7/PĐK-1-00004-2026')).toBeNull();
    expect(parseRegistrationNo('7/PĐK-01-004-2026')).toBeNull();
    expect(parseRegistrationNo('7/PĐK-01-00004-1999')).toBeNull();
    expect(parseRegistrationNo('/PĐK-01-00004-2026')).toBeNull();
    expect(parseRegistrationNo('7--1/PĐK-01-00004-2026')).toBeNull();
    expect(parseRegistrationNo('7/ĐK-01-00004-2026')).toBeNull();
    expect(() => formatRegistrationNo({ serial: 'a b', provinceCode: '01', communeCode: '00004', year: 2026 })).toThrow(
      /serial "a b"/,
    );
  });

  it('reads the running number back from app-written serials only', () => {
    expect(serialSeq('7')).toBe(7);
    expect(serialSeq('007')).toBe(7);
    expect(serialSeq('07-01')).toBeNull();
  });
});

describe('tax numbers', () => {
  it('accepts 10 digits, 13 as 10-3 and 12-digit personal numbers', () => {
    expect(normalizeTaxCode('0101234567')).toEqual({ value: '0101234567', kind: 'organisation' });
    expect(normalizeTaxCode('0101234567-001')).toEqual({ value: '0101234567-001', kind: 'branch' });
    expect(normalizeTaxCode('0101234567001')).toEqual({ value: '0101234567-001', kind: 'branch' });
    expect(normalizeTaxCode(' 0101 234 567 ')).toEqual({ value: '0101234567', kind: 'organisation' });
    expect(normalizeTaxCode('001203012345')).toEqual({ value: '001203012345', kind: 'personal' });
  });

  it('rejects other lengths and shapes', () => {
    for (const bad of ['010123456', '01012345678', '0101234567-01', '010123456-0012', 'MST0101234567', '', '0101234567-']) {
      expect(normalizeTaxCode(bad), bad).toBeNull();
    }
  });
});

describe('phone numbers', () => {
  it('normalises mobile numbers in the usual spellings', () => {
    for (const s of [
      '0912345678',
      '0912 345 678',
      '0912.345.678',
      '+84 912 345 678',
      '84912345678',
      '(+84) 912-345-678',
      '912345678',
    ]) {
      expect(normalizePhone(s), s).toEqual({ value: '0912345678', kind: 'mobile' });
    }
    expect(normalizePhone('0353123456')?.kind).toBe('mobile');
  });

  it('normalises landlines with the 02x area codes and hotlines', () => {
    expect(normalizePhone('024 3812 3456')).toEqual({ value: '02438123456', kind: 'landline' });
    expect(normalizePhone('(0236) 3822 123')).toEqual({ value: '02363822123', kind: 'landline' });
    expect(normalizePhone('1900 1234')).toEqual({ value: '19001234', kind: 'hotline' });
    expect(normalizePhone('1800 123456')).toEqual({ value: '1800123456', kind: 'hotline' });
  });

  it('rejects old 11-digit mobiles, pre-2017 landlines, two numbers and letters', () => {
    for (const bad of [
      '01661234567',
      '0438123456',
      '0912345678 - 0987654321',
      '091234567',
      '09123456789',
      '0612345678',
      'abc',
      '',
      '1900123',
    ]) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });

  it('formats for display', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
    expect(formatPhone('02438123456')).toBe('024 3812 3456');
    expect(formatPhone('19001234')).toBe('19001234');
  });
});

describe('e-mail', () => {
  it('accepts plain addresses and lower-cases the domain only', () => {
    expect(normalizeEmail('HTX.Nuocmam@Gmail.COM')).toBe('HTX.Nuocmam@gmail.com');
    expect(normalizeEmail(' ocop@sonnmt.hanoi.gov.vn ')).toBe('ocop@sonnmt.hanoi.gov.vn');
  });

  it('rejects addresses without a domain, with spaces, two @ or a display name', () => {
    for (const bad of [
      'ocop',
      'ocop@',
      '@gmail.com',
      'oc op@gmail.com',
      'a@b@c.vn',
      'Nguyễn <a@b.vn>',
      'a@gmail',
      'a..b@gmail.com',
      'a@-gmail.com',
      'a@gmail.c',
    ]) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});
