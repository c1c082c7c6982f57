import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';

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
  const chairs = await db
    .selectFrom('council_member')
    .select(['id', 'full_name', 'active_from', 'active_to'])
    .where('council_id', '=', councilId)
    .where('role', '=', 'chair')
    .execute();
  const clash = chairs.find(
    (c) => c.id !== exceptId && (to === null || c.active_from < to) && (c.active_to === null || c.active_to > from),
  );
  if (clash) {
    throw new CoreError(
      'CONFLICT',
      `${who} cannot be chair from ${from}: ${clash.full_name} is the council chair from ${clash.active_from}${clash.active_to ? ` until ${clash.active_to}` : ''}. End or change that membership first (a council has one chair at a time).`,
      { field: 'role', chairMemberId: clash.id },
    );
  }
}
