/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'), without time zones.
 *
 * Certificates, rounds and documents deal in calendar days. A JS `Date` built from a local
 * time shifts the day near midnight in UTC+7, so everything here works on UTC calendar days
 * only and never on the machine's local clock.
 */

export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses 'YYYY-MM-DD'; throws a RangeError naming the value when it is not a real calendar day. */
export function parseIsoDate(value: IsoDate): CalendarDate {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`Date "${value}" is not in the form YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) throw new RangeError(`Date "${value}" has month ${month}; use 01–12`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Date "${value}" has day ${day}; month ${month} of ${year} has ${daysInMonth(year, month)} days`);
  }
  return { year, month, day };
}

export function toIsoDate(d: CalendarDate): IsoDate {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Adds calendar months; when the target month is shorter the day is clamped to its last day
 * (31/01 + 1 month = 28 or 29/02), the usual reading of a period "tính bằng tháng".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const d = parseIsoDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  const d = parseIsoDate(date);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return toIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** Lexicographic order of ISO dates is chronological order. */
export const compareIsoDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
