import { describe, expect, it } from 'vitest';
import { basisDateProblem, isBeforeAdminReform, legalBasisOnDate } from './registry-dates';

describe('registry dates', () => {
  it('the reform day 1/7/2025 is the first day of the new communes', () => {
    expect(isBeforeAdminReform('2025-06-30')).toBe(true);
    expect(isBeforeAdminReform('2025-07-01')).toBe(false);
  });
  it('legal basis in force on the day of a decision', () => {
    expect(legalBasisOnDate('2019-08-20')).toBe(null);
    expect(legalBasisOnDate('2019-08-21')).toBe('1048/QĐ-TTg');
    expect(legalBasisOnDate('2023-02-23')).toBe('1048/QĐ-TTg');
    expect(legalBasisOnDate('2023-02-24')).toBe('148/QĐ-TTg');
    expect(legalBasisOnDate('2026-05-21')).toBe('148/QĐ-TTg');
    expect(legalBasisOnDate('2026-05-22')).toBe('26/2026/QĐ-TTg');
  });
  it('a decision cannot predate its basis', () => {
    expect(basisDateProblem('148/QĐ-TTg', '2022-12-01')).toContain('signed on 2023-02-24');
    expect(basisDateProblem('1048/QĐ-TTg', '2024-12-01')).toBe(null);
  });
});
