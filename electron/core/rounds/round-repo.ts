import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { EvaluationRound } from '../../../shared/api/channels/dossiers-fields';
import type { RoundDetail } from '../../../shared/api/channels/rounds';
import { defaultRoundName } from '../../../shared/ocop/round-deadlines';
import type { DB } from '../db/schema';
import type { EvaluationRoundTable } from '../db/tables/dossiers';
import { notFound } from '../errors';

/** Rows of `evaluation_round` (đợt), read as the contract's EvaluationRound. */

type Row = Selectable<EvaluationRoundTable>;

const toRound = (r: Row, registrationCount: number): EvaluationRound => ({
  id: r.id,
  year: r.year,
  number: r.number,
  legalBasis: r.legal_basis as EvaluationRound['legalBasis'],
  name: r.name,
  startDate: r.start_date,
  endDate: r.end_date,
  deadlineDate: r.deadline_date,
  createdAt: r.created_at,
  registrationCount,
});

const registrationCount = (eb: ExpressionBuilder<DB, 'evaluation_round'>) =>
  eb
    .selectFrom('registration')
    .select(eb.fn.countAll<number>().as('n'))
    .whereRef('registration.round_id', '=', 'evaluation_round.id')
    .as('registration_count');

export async function listRounds(db: Kysely<DB>): Promise<EvaluationRound[]> {
  const rows = await db
    .selectFrom('evaluation_round')
    .selectAll()
    .select(registrationCount)
    .orderBy('year', 'desc')
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => toRound(r, Number(r.registration_count ?? 0)));
}

export async function getRound(db: Kysely<DB>, id: number): Promise<EvaluationRound | undefined> {
  const r = await db.selectFrom('evaluation_round').selectAll().select(registrationCount).where('id', '=', id).executeTakeFirst();
  return r ? toRound(r, Number(r.registration_count ?? 0)) : undefined;
}

export async function findRoundId(db: Kysely<DB>, year: number, number: number): Promise<number | undefined> {
  const r = await db
    .selectFrom('evaluation_round')
    .select('id')
    .where('year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst();
  return r?.id;
}

/** What a round is made of when it is created or edited. */
export interface RoundValues {
  year: number;
  number: number;
  legalBasis: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  deadlineDate: string | null;
}

export async function insertRound(db: Kysely<DB>, v: RoundValues, at: string): Promise<number> {
  const r = await db
    .insertInto('evaluation_round')
    .values({
      year: v.year,
      number: v.number,
      legal_basis: v.legalBasis,
      name: v.name || defaultRoundName(v.year, v.number),
      start_date: v.startDate,
      end_date: v.endDate,
      deadline_date: v.deadlineDate,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Rewrites the editable fields (year and number never change: they name the round). */
export async function updateRoundRow(db: Kysely<DB>, id: number, v: Omit<RoundValues, 'year' | 'number'>): Promise<void> {
  await db
    .updateTable('evaluation_round')
    .set({
      name: v.name,
      legal_basis: v.legalBasis,
      start_date: v.startDate,
      end_date: v.endDate,
      deadline_date: v.deadlineDate,
    })
    .where('id', '=', id)
    .execute();
}

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
