import type { Transaction } from 'kysely';
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
