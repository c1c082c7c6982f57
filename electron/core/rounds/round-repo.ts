import { sql, type Kysely } from 'kysely';
import type { RoundDetail } from '../../../shared/api/channels/rounds';
import type { DB } from '../db/schema';
import { getRound } from '../dossiers/round-repo';
import { notFound } from '../errors';

/** A round with its registrations counted by status and kind, and the sessions held in it. */
export async function roundDetail(db: Kysely<DB>, id: number): Promise<RoundDetail> {
  const round = await getRound(db, id);
  if (!round) throw notFound('Evaluation round', id);
  const byStatus = await db
    .selectFrom('registration')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('round_id', '=', id)
    .groupBy('status')
    .execute();
  const byKind = await db
    .selectFrom('registration')
    .select(['kind', sql<number>`count(*)`.as('n')])
    .where('round_id', '=', id)
    .groupBy('kind')
    .execute();
  const sessions = await db
    .selectFrom('session as s')
    .innerJoin('council as c', 'c.id', 's.council_id')
    .select(['s.id', 's.council_id as councilId', 'c.name as councilName', 's.number', 's.kind', 's.date', 's.status'])
    .where('s.round_id', '=', id)
    .orderBy('s.date')
    .orderBy('s.id')
    .execute();
  return {
    round,
    registrationsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    registrationsByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    sessions,
  };
}
