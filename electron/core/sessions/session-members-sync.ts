import type { Transaction } from 'kysely';
import { activeMembers } from '../councils/member-repo';
import type { DB } from '../db/schema';

/**
 * Keeps the member list of a session in preparation equal to the council's members active on
 * the session date. A member whose period was replaced (role change: the new period's
 * `previous_id` points at the old one) keeps their attendance mark, recusals and chair or
 * secretary seat. Sessions past preparation are never touched: their list is history.
 */
export async function syncSessionMembers(db: Transaction<DB>, sessionId: number, at: string): Promise<void> {
  const session = await db
    .selectFrom('session')
    .select(['id', 'council_id', 'date', 'status', 'chair_member_id', 'secretary_member_id'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  if (session.status !== 'preparing') return;
  const active = await activeMembers(db, session.council_id, session.date);
  const existing = await db.selectFrom('session_attendance').selectAll().where('session_id', '=', sessionId).execute();
  const existingById = new Map(existing.map((a) => [a.member_id, a]));
  const activeIds = new Set(active.map((m) => m.id));
  const removed = existing.filter((a) => !activeIds.has(a.member_id));
  const removedIds = new Set(removed.map((a) => a.member_id));

  let chair = session.chair_member_id;
  let secretary = session.secretary_member_id;
  for (const [i, m] of active.entries()) {
    const row = existingById.get(m.id);
    if (row) {
      if (row.position !== i + 1)
        await db
          .updateTable('session_attendance')
          .set({ position: i + 1 })
          .where('session_id', '=', sessionId)
          .where('member_id', '=', m.id)
          .execute();
      continue;
    }
    const predecessor = m.previousId !== null && removedIds.has(m.previousId) ? existingById.get(m.previousId) : undefined;
    await db
      .insertInto('session_attendance')
      .values({
        session_id: sessionId,
        member_id: m.id,
        position: i + 1,
        present: predecessor?.present ?? null,
        absence_reason: predecessor?.absence_reason ?? null,
        updated_at: at,
      })
      .execute();
    if (predecessor) {
      const conflicts = await db
        .selectFrom('session_conflict')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('member_id', '=', predecessor.member_id)
        .execute();
      for (const c of conflicts) {
        await db
          .insertInto('session_conflict')
          .values({
            session_id: sessionId,
            member_id: m.id,
            registration_id: c.registration_id,
            reason: c.reason,
            declared_at: c.declared_at,
          })
          .execute();
      }
      if (chair === predecessor.member_id) chair = m.id;
      if (secretary === predecessor.member_id) secretary = m.id;
    }
  }
  if (chair !== null && !activeIds.has(chair)) chair = null;
  if (secretary !== null && !activeIds.has(secretary)) secretary = null;
  if (chair !== session.chair_member_id || secretary !== session.secretary_member_id) {
    await db
      .updateTable('session')
      .set({ chair_member_id: chair, secretary_member_id: secretary, updated_at: at })
      .where('id', '=', sessionId)
      .execute();
  }
  if (removed.length > 0) {
    // Recusals of removed members go with them (foreign key ON DELETE CASCADE).
    await db
      .deleteFrom('session_attendance')
      .where('session_id', '=', sessionId)
      .where('member_id', 'in', [...removedIds])
      .execute();
  }
}

/** Re-syncs every session of a council that is still in preparation (after a membership change). */
export async function syncPreparingSessions(db: Transaction<DB>, councilId: number, at: string): Promise<number[]> {
  const sessions = await db
    .selectFrom('session')
    .select('id')
    .where('council_id', '=', councilId)
    .where('status', '=', 'preparing')
    .execute();
  for (const s of sessions) await syncSessionMembers(db, s.id, at);
  return sessions.map((s) => s.id);
}
