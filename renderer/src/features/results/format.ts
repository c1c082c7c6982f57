/**
 * An ISO instant as the council reads it: Vietnam time (UTC+7, no daylight saving),
 * "05/06/2026 14:30". The same on every computer, whatever its time zone.
 */
export function instantText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
