/**
 * Certificate validity and the re-evaluation window (Decision 26/2026/QĐ-TTg):
 * - Đ4.3: a certificate is valid for 36 months from the day it is issued;
 * - Đ7.6a: a re-evaluation dossier is submitted no earlier than 180 days and no later than
 *   120 days before the certificate expires.
 * The app warns outside the window instead of refusing: Đ12 lets late dossiers keep the
 * certificate up to 180 days after expiry, and the council decides.
 * Calendar arithmetic is the rules area's (iso-date.ts: UTC calendar days, months clamped).
 */
import { addDays, addMonths, parseIsoDate, type IsoDate } from './iso-date';

export { addDays, addMonths };

export const CERTIFICATE_VALIDITY_MONTHS = 36;
export const REEVALUATION_OPENS_DAYS_BEFORE = 180;
export const REEVALUATION_CLOSES_DAYS_BEFORE = 120;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

const utcDay = (iso: IsoDate): number => {
  const d = parseIsoDate(iso);
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
};

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => utcDay(b) - utcDay(a);

/** Expiry of a certificate issued on `issuedOn`: the same day 36 months later. */
export const certificateExpiry = (issuedOn: IsoDate): IsoDate => addMonths(issuedOn, CERTIFICATE_VALIDITY_MONTHS);

export interface ReevaluationWindow {
  /** First day a dossier may be submitted (expiry − 180 days). */
  opensOn: IsoDate;
  /** Last day a dossier may be submitted (expiry − 120 days). */
  closesOn: IsoDate;
}

export function reevaluationWindow(expiresOn: IsoDate): ReevaluationWindow {
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
export function checkReevaluationTiming(submittedOn: IsoDate, expiresOn: IsoDate): ReevaluationCheck {
  const window = reevaluationWindow(expiresOn);
  const daysBeforeExpiry = daysBetween(submittedOn, expiresOn);
  let timing: ReevaluationTiming;
  if (daysBeforeExpiry > REEVALUATION_OPENS_DAYS_BEFORE) timing = 'too_early';
  else if (daysBeforeExpiry >= REEVALUATION_CLOSES_DAYS_BEFORE) timing = 'in_window';
  else if (daysBeforeExpiry >= 0) timing = 'late';
  else timing = 'after_expiry';
  return { timing, window, daysBeforeExpiry };
}
