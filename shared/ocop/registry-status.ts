/**
 * The life of an entry in the registry of OCOP products (danh sách sản phẩm OCOP), from the
 * council's proposal to the end of its certificate.
 *
 * Stored states (what the office recorded):
 *   proposed        the council finalized a 3★+ result; no decision yet (Đ7.3: the council only proposes)
 *   recognised      the decision (quyết định công nhận) is recorded: number, date, signer
 *   not_recognised  evaluated (entered) but below 3★ or disqualified: no decision, no certificate (Đ4.1a)
 *   superseded      a later recognition of the same product (re-evaluation Đ7.6 or upgrade Đ7.5) replaced it
 *   revoked         the certificate was revoked (thu hồi, Điều 8) with grounds and a decision
 *   withdrawn       the proposal fell away (the session was reopened, or the province did not recognise it)
 *
 * What a person reads on a given day (entryStatusOn) adds the calendar: a recognised entry is
 * valid, in its re-evaluation window (Đ7.6a: 180 to 120 days before expiry, both ends inside),
 * past the window but still valid, or expired. Expiry and the window come from
 * reevaluation-window.ts; validity runs 36 months from the decision (Đ4.3), the last valid day
 * being the same day number 36 months later, or the month's last day when it has none
 * (29/02/2028 → 28/02/2031; Bộ luật Dân sự 2015 Điều 148).
 */
import { compareIsoDates, type IsoDate } from './iso-date';
import { getLegalBasis, type LegalBasisId, type Star } from './legal-basis';
import { addDays, addMonths, reevaluationWindow } from './reevaluation-window';

export const ENTRY_STATES = ['proposed', 'recognised', 'not_recognised', 'superseded', 'revoked', 'withdrawn'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** States whose entry was recognised at some point (a decision exists). */
export const DECIDED_STATES: readonly EntryState[] = ['recognised', 'superseded', 'revoked'];
export const isDecided = (s: EntryState): boolean => DECIDED_STATES.includes(s);

/** Lần đánh giá (Mẫu 01 item 4). */
export const ENTRY_KINDS = ['first', 'upgrade', 'reevaluation'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * Allowed changes of the stored state:
 * - proposed → recognised (decision recorded) or withdrawn;
 * - withdrawn → proposed (the session is finalized again);
 * - recognised → superseded (a successor is recognised) or revoked;
 * - superseded → recognised (the successor's decision is cancelled: the old certificate stands again);
 * - revoked, not_recognised: final.
 */
const TRANSITIONS: Readonly<Record<EntryState, readonly EntryState[]>> = {
  proposed: ['recognised', 'withdrawn'],
  withdrawn: ['proposed'],
  recognised: ['superseded', 'revoked'],
  superseded: ['recognised'],
  revoked: [],
  not_recognised: [],
};

export function canChangeEntryState(from: EntryState, to: EntryState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why a change is refused, in words the office can act on; null when allowed. */
export function entryStateChangeProblem(from: EntryState, to: EntryState): string | null {
  if (canChangeEntryState(from, to)) return null;
  if (from === to) return `the entry is already ${from}`;
  if (from === 'revoked') return 'a revoked certificate stays revoked; a new evaluation makes a new entry';
  if (from === 'not_recognised') return 'a result below 3 stars gets no decision and no certificate (Đ4.1a)';
  if (to === 'recognised') return `only a proposed entry can be recognised (this one is ${from})`;
  if (to === 'revoked') return `only a recognised certificate can be revoked (this one is ${from})`;
  return `an entry that is ${from} cannot become ${to}`;
}

export interface Validity {
  /** First valid day: the decision's date. */
  validFrom: IsoDate;
  /** Last valid day (inclusive). */
  validTo: IsoDate;
  /** Re-evaluation window, both ends inside (Đ7.6a). */
  windowOpensOn: IsoDate;
  windowClosesOn: IsoDate;
}

/** Validity of a certificate recognised by a decision of `decisionDate` under `basis` (36 months for all three). */
export function validityFromDecision(decisionDate: IsoDate, basis: LegalBasisId): Validity {
  const validTo = addMonths(decisionDate, getLegalBasis(basis).certificateValidityMonths);
  const w = reevaluationWindow(validTo);
  return { validFrom: decisionDate, validTo, windowOpensOn: w.opensOn, windowClosesOn: w.closesOn };
}

/** Đ12: a re-evaluation dossier that missed the window keeps the certificate at most 180 days after expiry. */
export const GRACE_DAYS_AFTER_EXPIRY = 180;

/** What a person reads about an entry on a given day. */
export const ENTRY_STATUSES = [
  'proposed',
  'valid',
  'window_open',
  'window_passed',
  'expired',
  'reevaluated',
  'upgraded',
  'revoked',
  'not_recognised',
  'withdrawn',
] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface EntryFacts {
  state: EntryState;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /** Kind of the recognition that superseded this one (null unless superseded). */
  successorKind: EntryKind | null;
  /** When the certificate stopped (revocation date, or the successor's decision date); null while it runs. */
  endedOn: IsoDate | null;
}

/**
 * The status on `on`. A superseded or revoked entry reads as such from the day it ended; before
 * that day (a report about the past) it reads by the calendar like any recognised one.
 */
export function entryStatusOn(e: EntryFacts, on: IsoDate): EntryStatus {
  switch (e.state) {
    case 'proposed':
    case 'not_recognised':
    case 'withdrawn':
      return e.state;
    case 'superseded':
    case 'revoked':
      if (e.endedOn === null || compareIsoDates(on, e.endedOn) >= 0) {
        if (e.state === 'revoked') return 'revoked';
        return e.successorKind === 'upgrade' ? 'upgraded' : 'reevaluated';
      }
      return calendarStatus(e, on);
    case 'recognised':
      return calendarStatus(e, on);
  }
}

function calendarStatus(e: EntryFacts, on: IsoDate): EntryStatus {
  if (e.validTo === null || e.validFrom === null) return 'proposed';
  if (compareIsoDates(on, e.validTo) > 0) return 'expired';
  const w = reevaluationWindow(e.validTo);
  if (compareIsoDates(on, w.opensOn) < 0) return 'valid';
  if (compareIsoDates(on, w.closesOn) <= 0) return 'window_open';
  return 'window_passed';
}

/** True when the certificate is in force on `on` (what "valid certificates on a date" counts). */
export function certificateInForce(e: EntryFacts, on: IsoDate): boolean {
  if (!isDecided(e.state) || e.validFrom === null || e.validTo === null) return false;
  if (compareIsoDates(on, e.validFrom) < 0 || compareIsoDates(on, e.validTo) > 0) return false;
  return e.endedOn === null || compareIsoDates(on, e.endedOn) < 0;
}

/** Star change of a re-evaluation or upgrade against the recognition it follows. */
export type StarChange = 'up' | 'same' | 'down';
export const starChange = (previous: Star, next: Star): StarChange =>
  next > previous ? 'up' : next < previous ? 'down' : 'same';

/** Where an entry stands in the re-evaluation calendar on `on` (re-evaluation-due list). */
export const DUE_STATES = ['coming', 'open', 'passed', 'grace', 'expired'] as const;
export type DueState = (typeof DUE_STATES)[number];

/**
 * - coming: the window opens within `horizonDays`;
 * - open: inside the window (submit now);
 * - passed: the window closed, the certificate still runs;
 * - grace: expired less than 180 days ago (Đ12 lets a late dossier keep the certificate until decided);
 * - expired: expired longer ago and not re-evaluated — shown, never dropped.
 * null: not due (valid beyond the horizon, or not a running recognition).
 */
export function dueStateOn(e: EntryFacts, on: IsoDate, horizonDays: number): DueState | null {
  if (e.state !== 'recognised' || e.validTo === null) return null;
  const w = reevaluationWindow(e.validTo);
  if (compareIsoDates(on, e.validTo) > 0) {
    return compareIsoDates(on, addDays(e.validTo, GRACE_DAYS_AFTER_EXPIRY)) <= 0 ? 'grace' : 'expired';
  }
  if (compareIsoDates(on, w.closesOn) > 0) return 'passed';
  if (compareIsoDates(on, w.opensOn) >= 0) return 'open';
  return compareIsoDates(addDays(on, horizonDays), w.opensOn) >= 0 ? 'coming' : null;
}

/**
 * Who issues the decision for a star under a basis on a date: province, central (Bộ) or, under
 * 148 before 06/7/2025, the district (legal-basis.ts recognitionFor).
 */
export { recognitionFor } from './legal-basis';

/** The six grounds of revocation (Điều 8 of 26/2026, DOMAIN §3.14). */
export const REVOKE_GROUNDS = [
  'false_dossier', // hồ sơ không trung thực, giả mạo
  'criteria_not_met', // không còn đáp ứng Bộ tiêu chí sau kiểm tra
  'violation', // vi phạm chất lượng, ATTP, môi trường, sở hữu trí tuệ, nhãn hàng hóa…
  'mark_misuse', // sử dụng sai biểu trưng, thông tin OCOP
  'stopped_production', // không còn sản xuất, kinh doanh
  'authority_conclusion', // kết luận khác của cơ quan có thẩm quyền
] as const;
export type RevokeGround = (typeof REVOKE_GROUNDS)[number];
