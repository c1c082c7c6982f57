/**
 * Date text the Vietnamese way (day first). Values stay ISO 'YYYY-MM-DD' strings everywhere in the
 * app; only what the user sees and types is DD/MM/YYYY. Pure functions: no DOM, no dayjs, so the
 * rules are unit-tested on their own.
 */

// Day first with '/', '-' or '.' between parts: 18/06/2026, 18/6/2026, 18-06-2026, 18.06.2026.
const DAY_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
// ISO (what the old native inputs and the database use), accepted for pasting: 2026-06-18.
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Years a council document can plausibly carry (a producer may have been founded long ago). The
 * four-digit rule also keeps a half-typed "18/06/202" from being taken as the year 202.
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoIfReal(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  // Date.UTC rolls 31/02 over to March: a real date survives the round trip unchanged.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Typed or pasted text → ISO 'YYYY-MM-DD', or null when it is not (yet) a whole, real date. */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) return isoIfReal(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const iso = ISO.exec(s);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** ISO 'YYYY-MM-DD' → 'DD/MM/YYYY'; anything else (empty, malformed) → ''. */
export function formatDateText(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Where a typed date falls against optional ISO bounds (ISO strings compare in date order). */
export function checkRange(iso: string, min?: string, max?: string): 'ok' | 'beforeMin' | 'afterMax' {
  if (min && iso < min) return 'beforeMin';
  if (max && iso > max) return 'afterMax';
  return 'ok';
}
