/**
 * Dates that split the registry's history.
 *
 * - The administrative reform of 1/7/2025 (two-tier local government, DOMAIN §5 and §11.1): the
 *   district level (cấp huyện) was abolished and communes were merged, so records before that day
 *   name a district and a commune that may no longer exist; they are kept as written and the
 *   current commune is recorded beside them when known.
 * - The legal basis in force on a date, when an old list does not say: 1048/QĐ-TTg from
 *   21/8/2019, 148/QĐ-TTg from 24/02/2023 (it took effect on signing and replaced 1048),
 *   26/2026/QĐ-TTg from 22/5/2026. Between 22/5 and 21/7/2026 dossiers filed earlier were still
 *   judged under 148 (Đ12); a list covering that period should say which basis applied.
 */
import { compareIsoDates, type IsoDate } from './iso-date';
import { LEGAL_BASES, type LegalBasisId } from './legal-basis';

export const ADMIN_REFORM_DATE: IsoDate = '2025-07-01';

/** True for a record dated before the reform: its district and commune are the old ones. */
export const isBeforeAdminReform = (date: IsoDate): boolean => compareIsoDates(date, ADMIN_REFORM_DATE) < 0;

/** Newest first. */
const BY_SIGNING: readonly LegalBasisId[] = ['26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg'];

/** The legal basis in force on `date`; null before 1048 was signed (21/8/2019). */
export function legalBasisOnDate(date: IsoDate): LegalBasisId | null {
  for (const id of BY_SIGNING) if (compareIsoDates(date, LEGAL_BASES[id].signed) >= 0) return id;
  return null;
}

/** Why a recognition dated `date` cannot have been made under `basis`; null when it can. */
export function basisDateProblem(basis: LegalBasisId, date: IsoDate): string | null {
  const signed = LEGAL_BASES[basis].signed;
  if (compareIsoDates(date, signed) < 0) {
    return `${basis} was signed on ${signed}; a decision of ${date} cannot have been made under it`;
  }
  return null;
}
