import type { Kysely } from 'kysely';
import type { SelfAssessmentAnswer } from '../../../shared/api/channels/dossiers-fields';
import type { DB } from '../db/schema';

export async function listAnswers(db: Kysely<DB>, registrationId: number): Promise<SelfAssessmentAnswer[]> {
  const rows = await db.selectFrom('self_assessment_answer').selectAll().where('registration_id', '=', registrationId).execute();
  return rows.map((r) => ({
    criterionCode: r.criterion_code,
    levelIndex: r.level_index,
    points: r.points,
    evidenceNote: r.evidence_note,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

export async function upsertAnswer(
  db: Kysely<DB>,
  registrationId: number,
  a: { criterionCode: string; levelIndex: number; points: number; evidenceNote: string },
  at: string,
  by: string,
): Promise<void> {
  const values = { level_index: a.levelIndex, points: a.points, evidence_note: a.evidenceNote, updated_at: at, updated_by: by };
  await db
    .insertInto('self_assessment_answer')
    .values({ registration_id: registrationId, criterion_code: a.criterionCode, ...values })
    .onConflict((oc) => oc.columns(['registration_id', 'criterion_code']).doUpdateSet(values))
    .execute();
}

export async function deleteAnswer(db: Kysely<DB>, registrationId: number, criterionCode: string): Promise<void> {
  await db
    .deleteFrom('self_assessment_answer')
    .where('registration_id', '=', registrationId)
    .where('criterion_code', '=', criterionCode)
    .execute();
}

export async function answerSummary(db: Kysely<DB>, registrationId: number): Promise<{ answered: number; points: number }> {
  const r = await db
    .selectFrom('self_assessment_answer')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('points').as('p')])
    .where('registration_id', '=', registrationId)
    .executeTakeFirstOrThrow();
  return { answered: Number(r.n), points: Number(r.p ?? 0) };
}
