/**
 * Default dates of an evaluation round (đợt) under Điều 5 of 26/2026/QĐ-TTg (DOMAIN §3.8):
 * - province: round 1 finishes before 30/6 for dossiers proposed before 30/4; round 2 before
 *   30/12 for dossiers proposed before 30/10;
 * - central (Bộ NN&MT): round 1 before 30/9 (provincial proposals before 30/7); round 2 before
 *   30/3 (proposals before 30/01). We read the central round 2 as falling in the following year,
 *   since 30/3 comes after the round 1 deadline of 30/9 only then.
 * Extra rounds (3, 4…) are allowed by the Quy chế but have no legal date; older legal bases
 * (148, 1048) did not fix round dates. Those get no defaults: the secretary enters them.
 */
import type { LegalBasisId } from './legal-basis';

export type RoundLevel = 'provincial' | 'central';

export interface RoundDefaults {
  /** Last day of the round: the round must finish by this date (end_date). */
  readonly finishBy: string | null;
  /** Last day for the communes' (or provinces') proposals (deadline_date). */
  readonly proposalsBy: string | null;
}

const d = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function defaultRoundDates(
  year: number,
  number: number,
  legalBasis: LegalBasisId,
  level: RoundLevel = 'provincial',
): RoundDefaults {
  if (legalBasis !== '26/2026/QĐ-TTg' || !Number.isInteger(year)) return { finishBy: null, proposalsBy: null };
  if (level === 'provincial') {
    if (number === 1) return { finishBy: d(year, 6, 30), proposalsBy: d(year, 4, 30) };
    if (number === 2) return { finishBy: d(year, 12, 30), proposalsBy: d(year, 10, 30) };
  } else {
    if (number === 1) return { finishBy: d(year, 9, 30), proposalsBy: d(year, 7, 30) };
    if (number === 2) return { finishBy: d(year + 1, 3, 30), proposalsBy: d(year + 1, 1, 30) };
  }
  return { finishBy: null, proposalsBy: null };
}

/** "Đợt 1 năm 2026": the name a round gets when the secretary does not give one. */
export const defaultRoundName = (year: number, number: number): string => `Đợt ${number} năm ${year}`;

/**
 * The year and number of a name that is exactly the default ("Đợt 1 năm 2026"), or null for a name
 * someone gave: English screens show the default in English, a given name as it was written.
 */
export function parseDefaultRoundName(name: string): { year: number; number: number } | null {
  const m = /^Đợt (\d+) năm (\d{4})$/u.exec(name.normalize('NFC').trim());
  return m ? { number: Number(m[1]), year: Number(m[2]) } : null;
}
