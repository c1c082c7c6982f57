import { type Kysely, sql } from 'kysely';

/**
 * A registration's own outcome: when the council finalizes a session, each registration on its
 * agenda records the star it was given (or that it was disqualified), whether that is recognised
 * (3–4 sao by the province; 5 sao proposed to the central level) and which finalization decided
 * it; its status becomes 'result'. Reopening the session withdraws the outcome (status back to
 * 'evaluated'); finalizing again writes the new one. The columns may only be written together,
 * and only while the finalization they name is in force.
 *
 * Registrations of sessions finalized before this migration get their outcome from the stored
 * results of that finalization (the same JSON its digest covers), with a status event that says so.
 * Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'integer' | 'text'][] = [
    ['outcome_stars', 'integer'],
    ['outcome_status', 'text'],
    ['outcome_recognised', 'integer'],
    ['outcome_proposed_central', 'integer'],
    ['outcome_finalization_id', 'integer'],
    ['outcome_at', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema
      .alterTable('registration')
      .addColumn(name, type, (c) => (name === 'outcome_finalization_id' ? c.references('session_finalization.id') : c))
      .execute();
  }

  // All or nothing, with values the results area can give. `IS NOT 1`: a NULL anywhere makes the check
  // unknown, and unknown must refuse too.
  await sql`CREATE TRIGGER registration_outcome_shape BEFORE UPDATE OF outcome_stars, outcome_status, outcome_recognised,
      outcome_proposed_central, outcome_finalization_id, outcome_at ON registration
    WHEN (
      (NEW.outcome_finalization_id IS NULL AND NEW.outcome_status IS NULL AND NEW.outcome_stars IS NULL
        AND NEW.outcome_recognised IS NULL AND NEW.outcome_proposed_central IS NULL AND NEW.outcome_at IS NULL)
      OR (NEW.outcome_finalization_id IS NOT NULL AND NEW.outcome_at IS NOT NULL
        AND NEW.outcome_recognised IN (0, 1) AND NEW.outcome_proposed_central IN (0, 1)
        AND ((NEW.outcome_status = 'complete' AND NEW.outcome_stars BETWEEN 1 AND 5)
          OR (NEW.outcome_status = 'disqualified' AND NEW.outcome_stars IS NULL AND NEW.outcome_recognised = 0)))
    ) IS NOT 1
    BEGIN SELECT RAISE(ABORT, 'VALIDATION: a registration outcome is written whole (star or disqualified, recognised, finalization, time) or not at all'); END`.execute(
    db,
  );
  // An outcome names a finalization in force; a reopened one cannot be named again.
  await sql`CREATE TRIGGER registration_outcome_in_force BEFORE UPDATE OF outcome_finalization_id ON registration
    WHEN NEW.outcome_finalization_id IS NOT NULL AND NEW.outcome_finalization_id IS NOT OLD.outcome_finalization_id
      AND NOT EXISTS (SELECT 1 FROM session_finalization f WHERE f.id = NEW.outcome_finalization_id AND f.reopened_at IS NULL)
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: a registration outcome must come from a finalization in force'); END`.execute(db);

  await db.schema.createIndex('registration_outcome_finalization').on('registration').column('outcome_finalization_id').execute();

  // Backfill: registrations of sessions finalized before this migration.
  const rows = (
    await sql<{
      finalization_id: number;
      finalized_at: string;
      registration_id: number;
      final_star: number | null;
      status: string;
      recognised: number;
      proposed: number;
      current: string;
    }>`SELECT f.id AS finalization_id, f.finalized_at,
        json_extract(p.value, '$.registrationId') AS registration_id,
        json_extract(p.value, '$.finalStar') AS final_star,
        json_extract(p.value, '$.status') AS status,
        json_extract(p.value, '$.recognised') AS recognised,
        json_extract(p.value, '$.proposedToCentral') AS proposed,
        r.status AS current
      FROM session_finalization f, json_each(f.results_json, '$.products') p
      JOIN registration r ON r.id = json_extract(p.value, '$.registrationId')
      WHERE f.reopened_at IS NULL`.execute(db)
  ).rows;
  for (const r of rows) {
    const disqualified = r.status === 'disqualified' || r.final_star === null;
    await sql`UPDATE registration SET
        outcome_stars = ${disqualified ? null : r.final_star},
        outcome_status = ${disqualified ? 'disqualified' : 'complete'},
        outcome_recognised = ${disqualified ? 0 : r.recognised ? 1 : 0},
        outcome_proposed_central = ${disqualified ? 0 : r.proposed ? 1 : 0},
        outcome_finalization_id = ${r.finalization_id},
        outcome_at = ${r.finalized_at}
      WHERE id = ${r.registration_id}`.execute(db);
    if (r.current !== 'result') {
      await sql`UPDATE registration SET status = 'result', status_at = ${r.finalized_at} WHERE id = ${r.registration_id}`.execute(
        db,
      );
      await sql`INSERT INTO registration_status_event (registration_id, from_status, to_status, at, actor, note)
        VALUES (${r.registration_id}, ${r.current}, 'result', ${r.finalized_at}, 'migration 0013',
          'Kết quả của phiên họp đã chốt trước khi ứng dụng ghi kết quả vào hồ sơ')`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('0013_registration_outcome cannot be reverted');
}
