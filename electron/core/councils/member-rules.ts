import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { chairPeriods } from './member-repo';

/**
 * A council has one Chủ tịch at a time. Refuses a chair period [from, to) that overlaps another
 * chair period of the same council (`exceptId`: the period being replaced or corrected).
 */
export async function assertOneChairAt(
  db: Kysely<DB>,
  councilId: number,
  from: string,
  to: string | null,
  exceptId: number | null,
  who: string,
): Promise<void> {
  const clash = (await chairPeriods(db, councilId)).find(
    (c) => c.id !== exceptId && (to === null || c.activeFrom < to) && (c.activeTo === null || c.activeTo > from),
  );
  if (clash) {
    throw new CoreError(
      'CONFLICT',
      `${who} cannot be chair from ${from}: ${clash.fullName} is the council chair from ${clash.activeFrom}${clash.activeTo ? ` until ${clash.activeTo}` : ''}. End or change that membership first (a council has one chair at a time).`,
      { field: 'role', chairMemberId: clash.id },
    );
  }
}
