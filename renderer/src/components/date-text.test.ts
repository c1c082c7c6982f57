import { describe, expect, it } from 'vitest';
import { checkRange, formatDateText, parseDateText } from './date-text';

describe('parseDateText (day first, as Vietnamese users type dates)', () => {
  it.each([
    ['18/06/2026', '2026-06-18'],
    ['18/6/2026', '2026-06-18'],
    ['8/6/2026', '2026-06-08'],
    ['18-06-2026', '2026-06-18'],
    ['18.06.2026', '2026-06-18'],
    [' 18 / 06 / 2026 ', '2026-06-18'],
    ['2026-06-18', '2026-06-18'],
    ['2026-6-8', '2026-06-08'],
    ['29/02/2028', '2028-02-29'],
    ['31/12/2099', '2099-12-31'],
    ['01/01/1900', '1900-01-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('reads 06/12/2026 as 6 December, never as June 12 (the month-first trap)', () => {
    expect(parseDateText('06/12/2026')).toBe('2026-12-06');
  });

  it.each([
    ['', 'empty'],
    ['18', 'half-typed'],
    ['18/06', 'half-typed'],
    ['18/06/2', 'half-typed year'],
    ['18/06/202', 'three-digit year'],
    ['18/06/26', 'two-digit year (ambiguous century)'],
    ['31/02/2026', 'no 31 February'],
    ['29/02/2026', '2026 is not a leap year'],
    ['18/13/2026', 'month 13'],
    ['00/06/2026', 'day 0'],
    ['18/06/1899', 'before 1900'],
    ['18/06/2100', 'after 2099'],
    ['2026/06/18', 'year first with slashes'],
    ['18/06/2026x', 'trailing junk'],
    ['ngày 18', 'words'],
  ])('refuses %j (%s)', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('formatDateText', () => {
  it('shows ISO dates day first with leading zeros', () => {
    expect(formatDateText('2026-06-18')).toBe('18/06/2026');
    expect(formatDateText('2026-01-05')).toBe('05/01/2026');
  });
  it('shows nothing for an empty or malformed value', () => {
    expect(formatDateText('')).toBe('');
    expect(formatDateText(null)).toBe('');
    expect(formatDateText(undefined)).toBe('');
    expect(formatDateText('18/06/2026')).toBe('');
  });
  it('round-trips with parseDateText', () => {
    for (const iso of ['2026-06-18', '1975-04-30', '2000-02-29']) expect(parseDateText(formatDateText(iso))).toBe(iso);
  });
});

describe('checkRange', () => {
  it('accepts the bounds themselves and refuses a day outside them', () => {
    expect(checkRange('2026-06-18', '2026-06-18', '2026-06-18')).toBe('ok');
    expect(checkRange('2026-06-17', '2026-06-18')).toBe('beforeMin');
    expect(checkRange('2026-06-19', undefined, '2026-06-18')).toBe('afterMax');
    expect(checkRange('2026-06-19')).toBe('ok');
  });
});
