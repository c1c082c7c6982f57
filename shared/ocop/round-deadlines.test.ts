import { describe, expect, it } from 'vitest';
import { defaultRoundDates, defaultRoundName, parseDefaultRoundName } from './round-deadlines';

describe('default round dates (Điều 5 of 26/2026)', () => {
  it('province: round 1 by 30/6 for proposals by 30/4, round 2 by 30/12 for proposals by 30/10', () => {
    expect(defaultRoundDates(2026, 1, '26/2026/QĐ-TTg')).toEqual({ finishBy: '2026-06-30', proposalsBy: '2026-04-30' });
    expect(defaultRoundDates(2026, 2, '26/2026/QĐ-TTg')).toEqual({ finishBy: '2026-12-30', proposalsBy: '2026-10-30' });
  });
  it('central: round 1 by 30/9, round 2 by 30/3 of the next year', () => {
    expect(defaultRoundDates(2026, 1, '26/2026/QĐ-TTg', 'central')).toEqual({
      finishBy: '2026-09-30',
      proposalsBy: '2026-07-30',
    });
    expect(defaultRoundDates(2026, 2, '26/2026/QĐ-TTg', 'central')).toEqual({
      finishBy: '2027-03-30',
      proposalsBy: '2027-01-30',
    });
  });
  it('extra rounds and older legal bases have no legal dates', () => {
    expect(defaultRoundDates(2026, 3, '26/2026/QĐ-TTg')).toEqual({ finishBy: null, proposalsBy: null });
    expect(defaultRoundDates(2024, 1, '148/QĐ-TTg')).toEqual({ finishBy: null, proposalsBy: null });
  });
  it('names a round the way provinces do', () => expect(defaultRoundName(2026, 2)).toBe('Đợt 2 năm 2026'));
  it('recognises exactly the default name (so English can show it in English), not a name someone gave', () => {
    expect(parseDefaultRoundName(defaultRoundName(2026, 2))).toEqual({ year: 2026, number: 2 });
    expect(parseDefaultRoundName('Đợt 2 năm 2026'.normalize('NFD'))).toEqual({ year: 2026, number: 2 });
    expect(parseDefaultRoundName('Đợt 2 năm 2026 (bổ sung)')).toBeNull();
    expect(parseDefaultRoundName('Đợt đặc biệt năm 2026')).toBeNull();
  });
});
