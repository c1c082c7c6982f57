/**
 * Vocabulary of a dossier (Decision 26/2026/QĐ-TTg Đ2.3, Điều 6, Điều 7, Phụ lục III) and the
 * status flow of a registration. Pure: used by the core (validation, triggers' twin checks) and
 * the renderer (labels, which actions to offer).
 */

/** Chủ thể OCOP (Đ2.3). The last four exist for tourism services only ("hội, hiệp hội, trung tâm điều hành…"). */
export const PRODUCER_KINDS = [
  'cooperative', // hợp tác xã
  'cooperative_group', // tổ hợp tác
  'enterprise', // doanh nghiệp nhỏ và vừa
  'farm', // trang trại
  'production_household', // hộ sản xuất
  'household_business', // hộ gia đình có đăng ký kinh doanh
  'association', // hội
  'federation', // hiệp hội
  'operating_centre', // trung tâm điều hành
  'tourism_other', // tổ chức tương đương (du lịch)
] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

export const TOURISM_ONLY_PRODUCER_KINDS: readonly ProducerKind[] = [
  'association',
  'federation',
  'operating_centre',
  'tourism_other',
];
export const isTourismOnlyKind = (k: ProducerKind): boolean => TOURISM_ONLY_PRODUCER_KINDS.includes(k);

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** Lần đăng ký (Mẫu 01 item 4): lần đầu, nâng hạng (Đ7.5), đánh giá lại (Đ7.6). */
export const REGISTRATION_KINDS = ['first', 'upgrade', 'reevaluation'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

/** Stars a product can be upgraded from (a 5★ product cannot be upgraded; 1–2★ hold no certificate). */
export const UPGRADE_FROM_STARS = [3, 4] as const;
/** Stars a certificate can carry (Đ4.1: certificates are issued from 3★). */
export const CERTIFIED_STARS = [3, 4, 5] as const;

/**
 * Where a dossier is in Điều 7: received by the commune → commune report (Mẫu 03) done →
 * advisory group (Tổ tư vấn) review → on a council session's agenda → evaluated (scored) →
 * result (ranking decided).
 */
export const REGISTRATION_STATUSES = [
  'received',
  'commune_report',
  'advisory_review',
  'on_agenda',
  'evaluated',
  'result',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Once evaluated the dossier is evidence of a decision: its contents never change again. */
export const FROZEN_STATUSES: readonly RegistrationStatus[] = ['evaluated', 'result'];
export const isFrozenStatus = (s: RegistrationStatus): boolean => FROZEN_STATUSES.includes(s);

const rank = (s: RegistrationStatus): number => REGISTRATION_STATUSES.indexOf(s);

/**
 * Allowed status changes:
 * - before evaluation, forward to any stage up to "on_agenda" (a stage may be skipped, e.g. a
 *   province without a Tổ tư vấn), and back to any earlier stage (taken off an agenda);
 * - "evaluated" only from "on_agenda" (a council scored it);
 * - "result" only from "evaluated", and "result" back to "evaluated" (results reopened);
 * - never from evaluated/result back to an open stage.
 */
export function canChangeStatus(from: RegistrationStatus, to: RegistrationStatus): boolean {
  if (from === to) return false;
  if (isFrozenStatus(from)) return isFrozenStatus(to);
  if (to === 'evaluated') return from === 'on_agenda';
  if (to === 'result') return false;
  return rank(to) !== rank(from);
}

/** Statuses reachable from `from`, in flow order (what the UI offers). */
export const nextStatuses = (from: RegistrationStatus): RegistrationStatus[] =>
  REGISTRATION_STATUSES.filter((to) => canChangeStatus(from, to));

/** Mẫu 03 recommendation of the commune to the province. */
export const COMMUNE_RECOMMENDATIONS = ['propose', 'not_propose'] as const;
export type CommuneRecommendation = (typeof COMMUNE_RECOMMENDATIONS)[number];
