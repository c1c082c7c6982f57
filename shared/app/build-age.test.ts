import { describe, expect, it } from 'vitest';
import { buildAge, OLD_BUILD_NOTICE_MONTHS, vietnamDay } from './build-age';

const at = (iso: string) => new Date(iso);

describe('vietnamDay', () => {
  it('is the calendar day in Vietnam, not in UTC', () => {
    expect(vietnamDay(at('2026-06-01T16:59:59Z'))).toBe('2026-06-01');
    expect(vietnamDay(at('2026-06-01T17:00:00Z'))).toBe('2026-06-02');
  });
});

describe('buildAge', () => {
  const built = '2026-06-01T03:00:00Z'; // 10:00 on 01/06/2026 in Hà Nội

  it('is not old the day before the N months are up, and is from that day on', () => {
    expect(buildAge(built, at('2027-05-31T16:59:59Z'), 12)).toEqual({ builtOn: '2026-06-01', old: false });
    expect(buildAge(built, at('2027-05-31T17:00:00Z'), 12)).toEqual({ builtOn: '2026-06-01', old: true });
    expect(buildAge(built, at('2030-01-01T00:00:00Z'), 12).old).toBe(true);
  });

  it('counts months as the calendar does (31/01 + 1 month is the end of February)', () => {
    expect(buildAge('2027-01-31T05:00:00Z', at('2027-02-27T05:00:00Z'), 1).old).toBe(false);
    expect(buildAge('2027-01-31T05:00:00Z', at('2027-02-28T05:00:00Z'), 1).old).toBe(true);
    expect(buildAge('2028-01-31T05:00:00Z', at('2028-02-29T05:00:00Z'), 1).old).toBe(true);
  });

  it('uses the Vietnamese day of the build: built at 23:30 in Hà Nội counts from that day', () => {
    expect(buildAge('2026-06-01T16:30:00Z', at('2026-12-01T05:00:00Z'), 6)).toEqual({ builtOn: '2026-06-01', old: true });
  });

  it('never reminds when switched off (0), or when the build time is unknown or unreadable', () => {
    expect(buildAge(built, at('2040-01-01T00:00:00Z'), 0).old).toBe(false);
    expect(buildAge(null, at('2040-01-01T00:00:00Z'), 12)).toEqual({ builtOn: null, old: false });
    expect(buildAge('not a date', at('2040-01-01T00:00:00Z'), 12)).toEqual({ builtOn: null, old: false });
    expect(buildAge(built, at('2040-01-01T00:00:00Z'), 1.5).old).toBe(false);
  });

  it('a clock set before the build never reminds', () => {
    expect(buildAge(built, at('2020-01-01T00:00:00Z'), 6).old).toBe(false);
  });

  it('offers never, and 6 months to 3 years', () => {
    expect(OLD_BUILD_NOTICE_MONTHS[0]).toBe(0);
    expect(Math.max(...OLD_BUILD_NOTICE_MONTHS)).toBe(36);
  });
});
