import { describe, expect, it } from 'vitest';
import { vnDateTime, vnTime, vnToday, vnYear } from './vn-time';

describe('Vietnam time', () => {
  it('shows an instant 7 hours after UTC, crossing midnight and the year', () => {
    expect(vnDateTime('2026-06-05T07:30:00.000Z')).toBe('05/06/2026 14:30');
    expect(vnDateTime('2026-12-31T17:00:00Z')).toBe('01/01/2027 00:00');
    expect(vnDateTime('2026-12-31T16:59:59Z', { seconds: true })).toBe('31/12/2026 23:59:59');
  });
  it('reads offsets written by other tools', () => {
    expect(vnDateTime('2026-06-05T14:30:00+07:00')).toBe('05/06/2026 14:30');
  });
  it('gives times of day with or without seconds', () => {
    expect(vnTime('2026-06-05T02:03:04Z')).toBe('09:03:04');
    expect(vnTime('2026-06-05T02:03:04Z', { seconds: false })).toBe('09:03');
  });
  it('says plainly when there is nothing, and keeps text it cannot read', () => {
    expect(vnDateTime(null)).toBe('—');
    expect(vnDateTime('')).toBe('—');
    expect(vnTime(undefined)).toBe('');
    expect(vnDateTime('hôm qua')).toBe('hôm qua');
  });
  it('gives the Vietnamese calendar day', () => {
    expect(vnToday(new Date('2026-06-05T16:59:59Z'))).toBe('2026-06-05');
    expect(vnToday(new Date('2026-06-05T17:00:00Z'))).toBe('2026-06-06');
  });
  it('turns the year on 31 December at 17:00 UTC, and has no daylight saving', () => {
    expect(vnYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(vnYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(vnDateTime('2026-01-10T01:30:00Z')).toBe('10/01/2026 08:30');
    expect(vnDateTime('2026-07-10T01:30:00Z')).toBe('10/07/2026 08:30');
  });
});
