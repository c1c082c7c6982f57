import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { EvaluationRound } from '../../../shared/api/channels/dossiers-fields';
import type { DB } from '../db/schema';
import type { EvaluationRoundTable } from '../db/tables/dossiers';

type Row = Selectable<EvaluationRoundTable>;

export const toRound = (r: Row, registrationCount: number): EvaluationRound => ({
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

export interface RoundValues {
  year: number;
  number: number;
  legalBasis: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  deadlineDate: string | null;
}

/** "Đợt 1 năm 2026" when no name is given: what provinces call a round. */
export const defaultRoundName = (year: number, number: number): string => `Đợt ${number} năm ${year}`;

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
