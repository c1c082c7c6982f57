import type { Kysely, Selectable } from 'kysely';
import type { Finalization } from '../../../shared/api/channels/results';
import type { DB } from '../db/schema';
import type { SessionFinalizationTable } from '../db/tables/results';

export type FinalizationRow = Selectable<SessionFinalizationTable>;

export const toFinalization = (r: FinalizationRow): Finalization => ({
  id: r.id,
  seq: r.seq,
  auditHead: r.audit_head,
  resultsDigest: r.results_digest,
  finalizedAt: r.finalized_at,
  finalizedBy: r.finalized_by,
  chairMemberId: r.chair_member_id,
  reopenedAt: r.reopened_at,
  reopenedBy: r.reopened_by,
  reopenReason: r.reopen_reason,
  reopenChairMemberId: r.reopen_chair_member_id,
});

/** Every finalization of a session, oldest first. */
export async function finalizationRows(db: Kysely<DB>, sessionId: number): Promise<FinalizationRow[]> {
  return db.selectFrom('session_finalization').selectAll().where('session_id', '=', sessionId).orderBy('seq').execute();
}

/** The finalization in force (not reopened), if any. */
export async function openFinalization(db: Kysely<DB>, sessionId: number): Promise<FinalizationRow | undefined> {
  return db
    .selectFrom('session_finalization')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
}

/** Finalizations in force across sessions (or of one session), for verification. */
export async function openFinalizations(db: Kysely<DB>, sessionId?: number): Promise<FinalizationRow[]> {
  let q = db.selectFrom('session_finalization').selectAll().where('reopened_at', 'is', null);
  if (sessionId !== undefined) q = q.where('session_id', '=', sessionId);
  return q.orderBy('session_id').execute();
}

export async function allFinalizations(db: Kysely<DB>, sessionId?: number): Promise<FinalizationRow[]> {
  let q = db.selectFrom('session_finalization').selectAll();
  if (sessionId !== undefined) q = q.where('session_id', '=', sessionId);
  return q.orderBy('session_id').orderBy('seq').execute();
}

export async function insertFinalization(
  db: Kysely<DB>,
  v: {
    sessionId: number;
    seq: number;
    auditHead: string;
    digest: string;
    json: string;
    at: string;
    by: string;
    chairMemberId: number | null;
  },
): Promise<number> {
  const r = await db
    .insertInto('session_finalization')
    .values({
      session_id: v.sessionId,
      seq: v.seq,
      audit_head: v.auditHead,
      results_digest: v.digest,
      results_json: v.json,
      finalized_at: v.at,
      finalized_by: v.by,
      chair_member_id: v.chairMemberId,
      reopened_at: null,
      reopened_by: null,
      reopen_reason: null,
      reopen_chair_member_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function markReopened(
  db: Kysely<DB>,
  id: number,
  v: { at: string; by: string; reason: string; chairMemberId: number },
): Promise<void> {
  await db
    .updateTable('session_finalization')
    .set({ reopened_at: v.at, reopened_by: v.by, reopen_reason: v.reason, reopen_chair_member_id: v.chairMemberId })
    .where('id', '=', id)
    .where('reopened_at', 'is', null)
    .execute();
}
