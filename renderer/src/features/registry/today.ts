/** Today's calendar day in Vietnam (UTC+7, no daylight saving), ISO; the machine's time zone is not used. */
export const todayInVietnam = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
