import { type Kysely, sql } from 'kysely';

/**
 * Re-scoring without rewriting: when the chair opens a re-scoring round, a member may keep their
 * previous sheet unchanged in one action. The round then holds a submitted copy of that sheet
 * marked `kept_previous = 1` (scoring/keep-previous.ts), so the results, the spread table and
 * the member's screen can say "giữ nguyên" instead of showing an unexplained identical revision.
 * The mark is set only when the sheet is submitted that way, survives superseding, and is
 * cleared if the sheet is unlocked back to a draft. Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('score_sheet')
    .addColumn('kept_previous', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`kept_previous IN (0, 1)`),
    )
    .execute();
  await sql`CREATE TRIGGER score_sheet_kept_previous_rules BEFORE UPDATE OF kept_previous ON score_sheet
    WHEN NEW.kept_previous IS NOT OLD.kept_previous AND NOT (
      (OLD.status = 'draft' AND NEW.status = 'submitted' AND NEW.kept_previous = 1 AND NEW.rescoring_round > 0)
      OR (NEW.status = 'draft' AND NEW.kept_previous = 0)
    )
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: "kept the previous sheet" is recorded only when a re-scoring sheet is submitted that way'); END`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('0013b_sheet_kept_previous cannot be reverted');
}
