import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  certificateExpiry,
  checkReevaluationTiming,
  daysBetween,
  isIsoDate,
  reevaluationWindow,
} from './reevaluation-window';

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
    expect(isIsoDate('01/02/2026')).toBe(false);
  });

  it('adds days and months across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 36)).toBe('2031-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(() => addDays('2026-02-30', 1)).toThrow(/2026-02-30/);
  });
});

describe('certificate and re-evaluation window (Đ4.3, Đ7.6a)', () => {
  it('a certificate runs 36 months from the issue date', () => {
    expect(certificateExpiry('2026-06-15')).toBe('2029-06-15');
  });

  it('the window opens 180 and closes 120 days before expiry', () => {
    expect(reevaluationWindow('2029-06-15')).toEqual({ opensOn: '2028-12-17', closesOn: '2029-02-15' });
  });

  it('classifies the boundaries: both ends are inside the window', () => {
    const exp = '2029-06-15';
    expect(checkReevaluationTiming('2028-12-16', exp).timing).toBe('too_early');
    expect(checkReevaluationTiming('2028-12-17', exp)).toMatchObject({ timing: 'in_window', daysBeforeExpiry: 180 });
    expect(checkReevaluationTiming('2029-02-15', exp)).toMatchObject({ timing: 'in_window', daysBeforeExpiry: 120 });
    expect(checkReevaluationTiming('2029-02-16', exp)).toMatchObject({ timing: 'late', daysBeforeExpiry: 119 });
    expect(checkReevaluationTiming('2029-06-15', exp).timing).toBe('late');
    expect(checkReevaluationTiming('2029-06-16', exp)).toMatchObject({ timing: 'after_expiry', daysBeforeExpiry: -1 });
  });
});
