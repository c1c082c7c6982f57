/**
 * Certificate validity and the re-evaluation window (Decision 26/2026/QĐ-TTg):
 * - Đ4.3: a certificate is valid for 36 months from the day it is issued;
 * - Đ7.6a: a re-evaluation dossier is submitted no earlier than 180 days and no later than
 *   120 days before the certificate expires.
 * The app warns outside the window instead of refusing: Đ12 lets late dossiers keep the
 * certificate up to 180 days after expiry, and the council decides.
 * Dates are ISO calendar dates "YYYY-MM-DD", computed in UTC so time zones never shift a day.
 */

export const CERTIFICATE_VALIDITY_MONTHS = 36;
export const REEVALUATION_OPENS_DAYS_BEFORE = 180;
export const REEVALUATION_CLOSES_DAYS_BEFORE = 120;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function toUtc(iso: string, where: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`${where}: "${iso}" is not a date written YYYY-MM-DD`);
  return new Date(`${iso}T00:00:00.000Z`);
}

const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso, 'addDays');
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Calendar months; the day is clamped to the end of a shorter month (31/1 + 1 month = 28/2). */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso, 'addMonths');
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return fromUtc(d);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b, 'daysBetween').getTime() - toUtc(a, 'daysBetween').getTime()) / 86_400_000);
}

/** Expiry of a certificate issued on `issuedOn`: the same day 36 months later. */
export const certificateExpiry = (issuedOn: string): string => addMonths(issuedOn, CERTIFICATE_VALIDITY_MONTHS);

export interface ReevaluationWindow {
  /** First day a dossier may be submitted (expiry − 180 days). */
  opensOn: string;
  /** Last day a dossier may be submitted (expiry − 120 days). */
  closesOn: string;
}

export function reevaluationWindow(expiresOn: string): ReevaluationWindow {
  return {
    opensOn: addDays(expiresOn, -REEVALUATION_OPENS_DAYS_BEFORE),
    closesOn: addDays(expiresOn, -REEVALUATION_CLOSES_DAYS_BEFORE),
  };
}

export type ReevaluationTiming = 'too_early' | 'in_window' | 'late' | 'after_expiry';

export interface ReevaluationCheck {
  timing: ReevaluationTiming;
  window: ReevaluationWindow;
  /** Days from submission to expiry (negative after expiry). */
  daysBeforeExpiry: number;
}

/** Where a submission date falls relative to the window; both ends of the window are inside. */
export function checkReevaluationTiming(submittedOn: string, expiresOn: string): ReevaluationCheck {
  const window = reevaluationWindow(expiresOn);
  const daysBeforeExpiry = daysBetween(submittedOn, expiresOn);
  let timing: ReevaluationTiming;
  if (daysBeforeExpiry > REEVALUATION_OPENS_DAYS_BEFORE) timing = 'too_early';
  else if (daysBeforeExpiry >= REEVALUATION_CLOSES_DAYS_BEFORE) timing = 'in_window';
  else if (daysBeforeExpiry >= 0) timing = 'late';
  else timing = 'after_expiry';
  return { timing, window, daysBeforeExpiry };
}
