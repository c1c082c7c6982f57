import { type Kysely, sql } from 'kysely';

/**
 * Finalizing a session (chốt kết quả): one row per finalization, kept forever. Re-finalizing
 * after a reopen inserts a new row with a new digest; the reopened row keeps who reopened it,
 * when and why (the chair's reason).
 *
 * Once a session is finalized, nothing it is made of may change. The session row, its agenda,
 * attendance and recusals are frozen by 0004; this migration freezes every scoring table (0005)
 * for a finalized session, and ties the session's 'finalized' status to an open finalization
 * row so the status cannot be set or cleared around the results area.
 *
 * Trigger messages start with the error code the core reports. Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_finalization')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    // 1 for the first finalization of the session, 2 after one reopen, …
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    // Hash of the last audit event before the finalization's own event: everything that led to
    // these results is in the chain up to this head.
    .addColumn('audit_head', 'text', (c) => c.notNull().check(sql`length(audit_head) = 64 AND audit_head NOT GLOB '*[^0-9a-f]*'`))
    // SHA-256 of results_json (canonical JSON of the results document, see results-digest.ts).
    .addColumn('results_digest', 'text', (c) =>
      c.notNull().check(sql`length(results_digest) = 64 AND results_digest NOT GLOB '*[^0-9a-f]*'`),
    )
    .addColumn('results_json', 'text', (c) => c.notNull())
    .addColumn('finalized_at', 'text', (c) => c.notNull())
    .addColumn('finalized_by', 'text', (c) => c.notNull())
    // The presiding member at finalization (session.chair_member_id), for the minutes.
    .addColumn('chair_member_id', 'integer', (c) => c.references('council_member.id').onDelete('restrict'))
    .addColumn('reopened_at', 'text')
    .addColumn('reopened_by', 'text')
    .addColumn('reopen_reason', 'text')
    // The presiding member whose reason it is.
    .addColumn('reopen_chair_member_id', 'integer', (c) => c.references('council_member.id').onDelete('restrict'))
    .addUniqueConstraint('session_finalization_seq', ['session_id', 'seq'])
    .addCheckConstraint(
      'session_finalization_reopen_complete',
      sql`(reopened_at IS NULL) = (reopened_by IS NULL) AND (reopened_at IS NULL) = (reopen_reason IS NULL) AND (reopened_at IS NULL) = (reopen_chair_member_id IS NULL)`,
    )
    .addCheckConstraint('session_finalization_reopen_reason', sql`reopen_reason IS NULL OR length(trim(reopen_reason)) > 0`)
    .execute();
  // At most one finalization in force per session.
  await sql`CREATE UNIQUE INDEX session_finalization_open ON session_finalization(session_id) WHERE reopened_at IS NULL`.execute(
    db,
  );

  await sql`CREATE TRIGGER session_finalization_needs_closed BEFORE INSERT ON session_finalization
    WHEN (SELECT status FROM session WHERE id = NEW.session_id) IS NOT 'closed'
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: only a closed session can be finalized'); END`.execute(db);
  // A finalization row is a record: only the reopen fields may be filled in, once.
  await sql`CREATE TRIGGER session_finalization_frozen BEFORE UPDATE ON session_finalization
    WHEN OLD.reopened_at IS NOT NULL
      OR NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR NEW.seq IS NOT OLD.seq
      OR NEW.audit_head IS NOT OLD.audit_head OR NEW.results_digest IS NOT OLD.results_digest
      OR NEW.results_json IS NOT OLD.results_json OR NEW.finalized_at IS NOT OLD.finalized_at
      OR NEW.finalized_by IS NOT OLD.finalized_by OR NEW.chair_member_id IS NOT OLD.chair_member_id
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a finalization is a record; only its reopening can be added, once'); END`.execute(db);
  await sql`CREATE TRIGGER session_finalization_no_delete BEFORE DELETE ON session_finalization
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: finalizations are never deleted'); END`.execute(db);

  // session.status = 'finalized' exactly while an open finalization row exists.
  await sql`CREATE TRIGGER session_finalize_needs_record BEFORE UPDATE OF status ON session
    WHEN NEW.status = 'finalized' AND OLD.status IS NOT 'finalized'
      AND NOT EXISTS (SELECT 1 FROM session_finalization WHERE session_id = NEW.id AND reopened_at IS NULL)
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: a session is finalized only through the results area (results:finalize)'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER session_unfinalize_needs_reopen BEFORE UPDATE OF status ON session
    WHEN OLD.status = 'finalized' AND NEW.status IS NOT 'finalized'
      AND EXISTS (SELECT 1 FROM session_finalization WHERE session_id = OLD.id AND reopened_at IS NULL)
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: a finalized session is reopened only with the chair''s reason (results:reopen)'); END`.execute(
    db,
  );

  await freezeScoringOfFinalizedSessions(db);
}

const FROZEN = `FORBIDDEN_STATE: the session is finalized and its scoring is read-only; the chair must reopen it (with a reason) first`;

/** One BEFORE trigger per table and operation: abort when the row's session is finalized. */
async function freezeScoringOfFinalizedSessions(db: Kysely<unknown>): Promise<void> {
  // How to reach the session from a row of each table (NEW/OLD substituted below).
  const sessionOf: Record<string, (row: 'NEW' | 'OLD') => string> = {
    score_sheet: (r) => `${r}.session_id`,
    score_rescoring_round: (r) => `${r}.session_id`,
    paper_entry: (r) => `${r}.session_id`,
    score_answer_event: (r) => `(SELECT session_id FROM score_sheet WHERE id = ${r}.sheet_id)`,
    score_answer: (r) => `(SELECT session_id FROM score_sheet WHERE id = ${r}.sheet_id)`,
    score_declaration: (r) => `(SELECT session_id FROM score_sheet WHERE id = ${r}.sheet_id)`,
    paper_entry_answer: (r) => `(SELECT session_id FROM paper_entry WHERE id = ${r}.entry_id)`,
    paper_entry_declaration: (r) => `(SELECT session_id FROM paper_entry WHERE id = ${r}.entry_id)`,
  };
  for (const [table, session] of Object.entries(sessionOf)) {
    // An update is refused when the row is in a finalized session or would move into one.
    for (const [op, rows] of [
      ['INSERT', ['NEW']],
      ['UPDATE', ['OLD', 'NEW']],
      ['DELETE', ['OLD']],
    ] as const) {
      const when = rows.map((row) => `(SELECT status FROM session WHERE id = ${session(row)}) = 'finalized'`).join(' OR ');
      await sql
        .raw(
          `CREATE TRIGGER ${table}_finalized_${op.toLowerCase()} BEFORE ${op} ON ${table}
          WHEN ${when}
          BEGIN SELECT RAISE(ABORT, '${FROZEN}'); END`,
        )
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('0006_results cannot be reverted');
}
