import { type Kysely, sql } from 'kysely';

/**
 * Documents (issue 8): what an office customises before printing a session's documents (header
 * lines, number, place, date, recipients, signer, and the content of the minutes), and the
 * council's running document-number series per kind and year.
 *
 * Print settings are part of the session's record: like the session itself they cannot change
 * while it is finalized (reopening allows it again). Allocated numbers are a ledger: a number is
 * never handed out twice and never taken back. Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_settings')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('minutes', 'summary', 'decision', 'certificate')`))
    // The whole settings object (shared/api/channels/document-settings.ts), canonical JSON.
    .addColumn('settings_json', 'text', (c) => c.notNull().check(sql`json_valid(settings_json)`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_settings_pk', ['session_id', 'kind'])
    .execute();
  for (const [op, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE', 'OLD'],
    ['DELETE', 'OLD'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER document_settings_finalized_${op.toLowerCase()} BEFORE ${op} ON document_settings
        WHEN (SELECT status FROM session WHERE id = ${row}.session_id) = 'finalized'
        BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: the session is finalized and its documents'' settings are read-only; the chair must reopen it (with a reason) first'); END`,
      )
      .execute(db);
  }

  // The format of a council's numbers per kind, e.g. "{n}/BB-HĐ" or "{n}/{year}/QĐ-HĐ".
  await db.schema
    .createTable('document_number_format')
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('minutes', 'decision')`))
    .addColumn('pattern', 'text', (c) => c.notNull().check(sql`pattern LIKE '{n}/_%'`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_number_format_pk', ['council_id', 'kind'])
    .execute();

  // The next number of each series; NĐ 30 numbering restarts every calendar year.
  await db.schema
    .createTable('document_number_counter')
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('minutes', 'decision')`))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year BETWEEN 2000 AND 2100`))
    .addColumn('next_no', 'integer', (c) => c.notNull().check(sql`next_no BETWEEN 1 AND 1000000`))
    .addPrimaryKeyConstraint('document_number_counter_pk', ['council_id', 'kind', 'year'])
    .execute();
  // A counter only moves forward: a number once handed out is never handed out again.
  await sql`CREATE TRIGGER document_number_counter_forward BEFORE UPDATE ON document_number_counter
    WHEN NEW.next_no < OLD.next_no OR NEW.council_id IS NOT OLD.council_id OR NEW.kind IS NOT OLD.kind OR NEW.year IS NOT OLD.year
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a document-number series only moves forward'); END`.execute(db);
  await sql`CREATE TRIGGER document_number_counter_no_delete BEFORE DELETE ON document_number_counter
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a document-number series is never deleted'); END`.execute(db);

  // Every number handed out, to whom (session) and when.
  await db.schema
    .createTable('document_number')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('minutes', 'decision')`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    // As printed, e.g. "05/BB-HĐ".
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    .addColumn('allocated_at', 'text', (c) => c.notNull())
    .addColumn('allocated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_number_once', ['council_id', 'kind', 'year', 'number'])
    .execute();
  await sql`CREATE TRIGGER document_number_no_update BEFORE UPDATE ON document_number
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: an allocated document number is a record'); END`.execute(db);
  await sql`CREATE TRIGGER document_number_no_delete BEFORE DELETE ON document_number
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: an allocated document number is never taken back'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0007_documents cannot be reverted');
}
