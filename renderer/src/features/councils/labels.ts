import type { CouncilLevel, MemberRole } from '../../../../shared/api/channels/councils';
import { formatDateVi } from '../../../../shared/ocop/format-vi';

import type { useT } from '../../i18n/useT';

type T = ReturnType<typeof useT>['t'];

/** Role label in the council's own words: a Tổ tư vấn has a Tổ trưởng, a council a Chủ tịch. */
export function roleLabel(t: T, role: MemberRole, level?: CouncilLevel): string {
  return level === 'advisory_group' ? t(`councils:advisoryRoles.${role}`) : t(`councils:roles.${role}`);
}

/** dd/MM/yyyy for tables, in both languages (the app's documents are Vietnamese). */
export const dateText = (iso: string | null | undefined): string => (iso ? formatDateVi(iso) : '—');

export const MEMBER_ROLES: readonly MemberRole[] = ['chair', 'vice_chair', 'member', 'member_secretary', 'secretary'];
export const COUNCIL_LEVELS: readonly CouncilLevel[] = ['provincial', 'central', 'advisory_group', 'district'];
