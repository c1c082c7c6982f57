import type { Kysely, Transaction } from 'kysely';
import type { RescoringRound } from '../../../shared/api/channels/scoring';
import type { DB } from '../db/schema';

/** A re-scoring round the chair opened (or an import brought in). */
export interface NewRescoringRound {
  sessionId: number;
  registrationId: number;
  roundNo: number;
  openedByMemberId: number;
  reason: string;
  spreadPoints: number | null;
  openedAt: string;
  actor: string;
}

export async function insertRescoringRound(trx: Transaction<DB>, r: NewRescoringRound): Promise<void> {
  await trx
    .insertInto('score_rescoring_round')
    .values({
      session_id: r.sessionId,
      registration_id: r.registrationId,
      round_no: r.roundNo,
      opened_by_member_id: r.openedByMemberId,
      reason: r.reason,
      spread_points: r.spreadPoints,
      opened_at: r.openedAt,
      actor: r.actor,
    })
    .execute();
}

export interface StoredRound {
  id: number;
  registrationId: number;
  roundNo: number;
  reason: string;
  spreadPoints: number | null;
  openedAt: string;
  openedById: number;
  openedByName: string;
}

/** The re-scoring rounds of a session, by product then round number. */
export async function storedRounds(db: Kysely<DB>, sessionId: number): Promise<StoredRound[]> {
  const rows = await db
    .selectFrom('score_rescoring_round as r')
    .innerJoin('council_member as m', 'm.id', 'r.opened_by_member_id')
    .select([
      'r.id',
      'r.registration_id',
      'r.round_no',
      'r.reason',
      'r.spread_points',
      'r.opened_at',
      'r.opened_by_member_id',
      'm.full_name',
    ])
    .where('r.session_id', '=', sessionId)
    .orderBy('r.registration_id')
    .orderBy('r.round_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    registrationId: r.registration_id,
    roundNo: r.round_no,
    reason: r.reason,
    spreadPoints: r.spread_points,
    openedAt: r.opened_at,
    openedById: r.opened_by_member_id,
    openedByName: r.full_name,
  }));
}

/** The re-scoring rounds of a session per product, oldest first, with who opened each. */
export async function roundsOf(db: Kysely<DB>, sessionId: number): Promise<Map<number, RescoringRound[]>> {
  const out = new Map<number, RescoringRound[]>();
  for (const r of await storedRounds(db, sessionId)) {
    const list = out.get(r.registrationId) ?? [];
    list.push({
      roundNo: r.roundNo,
      reason: r.reason,
      spreadPoints: r.spreadPoints,
      openedAt: r.openedAt,
      openedByMemberId: r.openedById,
      openedByName: r.openedByName,
    });
    out.set(r.registrationId, list);
  }
  return out;
}

/** The chair's reason for each product's latest re-scoring round. */
export async function roundReasons(db: Kysely<DB>, sessionId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('score_rescoring_round')
    .select(['registration_id', 'round_no', 'reason'])
    .where('session_id', '=', sessionId)
    .orderBy('round_no')
    .execute();
  return new Map(rows.map((r) => [r.registration_id, r.reason]));
}
