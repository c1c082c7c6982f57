/**
 * "Old installers say so": the offline stand-in for an update check. The app never asks the
 * internet whether a newer version exists, so it compares the day it was built with today and,
 * after the number of months set in Cài đặt, gently says that a newer version (with newer
 * decisions on the criteria sets) may exist.
 */
import { addMonths, compareIsoDates, type IsoDate } from '../ocop/iso-date';

/** The choices offered in Cài đặt, in months; 0 = never remind. */
export const OLD_BUILD_NOTICE_MONTHS = [0, 6, 12, 18, 24, 36] as const;
export const DEFAULT_OLD_BUILD_NOTICE_MONTHS = 12;

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDay(instant: Date): IsoDate {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface BuildAge {
  /** The day the app was built (Vietnam), or null when unknown (running from source). */
  builtOn: IsoDate | null;
  /** True when a reminder is due: builtOn + months ≤ today. */
  old: boolean;
}

/**
 * Whether the build of `builtAt` (an ISO instant, from the build) is `months` months old or more
 * on `now`, counted in Vietnamese calendar days (built 31/01, 1 month → due from 28 or 29/02).
 * An unknown or unreadable build time, or months = 0, never reminds.
 */
export function buildAge(builtAt: string | null | undefined, now: Date, months: number): BuildAge {
  const t = builtAt ? new Date(builtAt) : null;
  if (!t || Number.isNaN(t.getTime())) return { builtOn: null, old: false };
  const builtOn = vietnamDay(t);
  const old = Number.isInteger(months) && months > 0 && compareIsoDates(addMonths(builtOn, months), vietnamDay(now)) <= 0;
  return { builtOn, old };
}
