/**
 * Today's calendar day in Vietnam (UTC+7, no daylight saving), from the core's clock. The
 * machine's time zone is not used: a laptop set to UTC would otherwise show yesterday's
 * members after 17:00.
 */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
