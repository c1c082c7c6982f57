/**
 * Instants as the council reads them: Vietnam time (UTC+7; Vietnam has no daylight saving), the
 * same on every computer whatever its own time zone. Every screen that shows when something
 * happened (status history, finalize, save times, imports) goes through here, so two screens
 * never disagree by the machine's offset (a laptop set to UTC used to show history 7 hours
 * behind the finalize banner). It is also the one "today" and "this year" (who is a member today,
 * the year of a product code or a document number): the core passes `ctx.now()`, the renderer
 * `new Date()`; nothing reads the machine's time zone.
 */

export const VN_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The instant shifted to Vietnam wall-clock time, read with the getUTC* methods; null when unparsable. */
function vnClock(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + VN_OFFSET_MS);
}

/** "05/06/2026 14:30" (with `seconds`: "05/06/2026 14:30:07"); '—' when absent; the input itself when unparsable. */
export function vnDateTime(iso: string | null | undefined, opts: { seconds?: boolean } = {}): string {
  if (!iso) return '—';
  const d = vnClock(iso);
  if (!d) return iso;
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${vnTimeOf(d, opts.seconds ?? false)}`;
}

/** "14:30:07" (or "14:30" without seconds); '' when absent; the input itself when unparsable. */
export function vnTime(iso: string | null | undefined, opts: { seconds?: boolean } = { seconds: true }): string {
  if (!iso) return '';
  const d = vnClock(iso);
  return d ? vnTimeOf(d, opts.seconds ?? true) : iso;
}

const vnTimeOf = (d: Date, seconds: boolean): string =>
  `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(d.getUTCSeconds())}` : ''}`;

/** Today's calendar day in Vietnam, "2026-06-05", from a clock reading. */
export const vnToday = (now: Date): string => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** The year in Vietnam at that clock reading (turns on 31 December at 17:00 UTC). */
export const vnYear = (now: Date): number => Number(vnToday(now).slice(0, 4));
