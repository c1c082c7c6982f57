import { vnToday } from '../../../shared/ocop/vn-time';

/**
 * Today's calendar day in Vietnam (UTC+7, no daylight saving), from the core's clock. The
 * machine's time zone is not used: a laptop set to UTC would otherwise show yesterday's
 * members after 17:00.
 */
export const vietnamToday = (now: Date): string => vnToday(now);
