import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, compareIsoDates, daysInMonth, parseIsoDate, toIsoDate } from './iso-date';

describe('iso-date', () => {
  it('parses real calendar days and rejects others, naming the value', () => {
    expect(parseIsoDate('2026-01-05')).toEqual({ year: 2026, month: 1, day: 5 });
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => parseIsoDate('2026-02-29')).toThrow('Date "2026-02-29" has day 29; month 2 of 2026 has 28 days');
    expect(() => parseIsoDate('2026-13-01')).toThrow('has month 13');
    expect(() => parseIsoDate('5/1/2026')).toThrow('"5/1/2026" is not in the form YYYY-MM-DD');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-06-15', 36)).toBe('2029-06-15');
    expect(addMonths('2028-02-29', 36)).toBe('2031-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
    expect(() => addMonths('2026-01-01', 1.5)).toThrow('months must be a whole number');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2029-06-15', -180)).toBe('2028-12-17');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('round-trips and orders dates (property)', () => {
    const date = fc.record({
      year: fc.integer({ min: 1900, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const iso = toIsoDate(d);
        expect(parseIsoDate(iso)).toEqual(d);
        const later = addDays(iso, Math.abs(n));
        expect(compareIsoDates(later, iso)).toBe(n === 0 ? 0 : 1);
        expect(addDays(later, -Math.abs(n))).toBe(iso);
      }),
    );
  });

  it('knows month lengths', () => {
    expect([2024, 2025, 2100, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
  });
});
