/**
 * Clock times as Vietnamese offices write them: 24-hour "HH:mm" (08:00, 14:30). Values are
 * "HH:mm" strings everywhere; users may type 8:00, 8h, 8h30, 830, 14.30 — read on leaving the
 * field. Pure functions, unit-tested on their own.
 */

// 8:00, 08:30, 14.30, 8h, 8h30, 8 giờ 30, 830, 1430.
const SEPARATED = /^(\d{1,2})\s*(?::|\.|h|g|giờ)\s*(\d{2})?\s*(?:phút)?$/iu;
const DIGITS = /^(\d{1,2})(\d{2})$/u;

/** Typed text → "HH:mm", or null when it is not a time of day. '' stays ''. */
export function parseTimeText(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  const m = SEPARATED.exec(s) ?? DIGITS.exec(s) ?? /^(\d{1,2})$/u.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
