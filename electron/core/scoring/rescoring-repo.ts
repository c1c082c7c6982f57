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

/** The re-scoring rounds of a session per product, oldest first, with who opened each. */
export async function roundsOf(db: Kysely<DB>, sessionId: number): Promise<Map<number, RescoringRound[]>> {
  const rows = await db
    .selectFrom('score_rescoring_round as r')
    .innerJoin('council_member as m', 'm.id', 'r.opened_by_member_id')
    .select([
      'r.registration_id',
      'r.round_no',
      'r.reason',
      'r.spread_points',
      'r.opened_at',
      'r.opened_by_member_id',
      'm.full_name',
    ])
    .where('r.session_id', '=', sessionId)
    .orderBy('r.round_no')
    .execute();
  const out = new Map<number, RescoringRound[]>();
  for (const r of rows) {
    const list = out.get(r.registration_id) ?? [];
    list.push({
      roundNo: r.round_no,
      reason: r.reason,
      spreadPoints: r.spread_points,
      openedAt: r.opened_at,
      openedByMemberId: r.opened_by_member_id,
      openedByName: r.full_name,
    });
    out.set(r.registration_id, list);
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
