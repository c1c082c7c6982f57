import { type Kysely, sql } from 'kysely';

/**
 * Corrections of the registry after a document was issued (issue 13).
 *
 * The decision and the certificates of a session print the provincial decision the registry
 * holds (number, date, signer). Once one of them is issued, a correction made in the registry
 * must not change what re-rendering the issued document prints: the register row keeps the
 * decision it printed (meta_json.decision), and the correction is recorded here — who, when, what
 * (before → after) and why, with the issued documents it leaves behind. Issuing a corrected
 * version is then an explicit act: a new register row whose meta_json.correctionOf names the row
 * it replaces and whose meta_json.corrections lists the corrections it carries.
 *
 * `registry_correction` rows are records: never updated, never deleted.
 * The index on document_issue (finalization_id, doc_ref) finds the later version of a document
 * (is this row replaced by a corrected one?) without scanning the register.
 * Numbered 0010b (issue 13's reserved number): it sorts before 0014_registry, which creates
 * registry_entry; SQLite checks a foreign key's parent table when rows are written, not when the
 * table is created, and rows are only written once every migration ran.
 * Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_correction')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('registry_entry.id').onDelete('restrict'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    // {"decisionNo": {"from": "125/QĐ-UBND", "to": "126/QĐ-UBND"}, ...}: only what changed.
    .addColumn('changes_json', 'text', (c) =>
      c.notNull().check(sql`json_valid(changes_json) AND json_type(changes_json) = 'object'`),
    )
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    // The register rows in force that printed the old value: [{"id": 12, "kind": "decision", "docRef": "QD", "number": "125/QĐ-UBND"}].
    .addColumn('issued_json', 'text', (c) => c.notNull().check(sql`json_valid(issued_json) AND json_type(issued_json) = 'array'`))
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_correction_session').on('registry_correction').columns(['session_id', 'id']).execute();
  await db.schema.createIndex('registry_correction_entry').on('registry_correction').columns(['entry_id']).execute();
  await sql`CREATE TRIGGER registry_correction_no_update BEFORE UPDATE ON registry_correction
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a correction is a record'); END`.execute(db);
  await sql`CREATE TRIGGER registry_correction_no_delete BEFORE DELETE ON registry_correction
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a correction is never taken out of the record'); END`.execute(db);
  await db.schema.createIndex('document_issue_doc').on('document_issue').columns(['finalization_id', 'doc_ref', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0010b_registry_corrections cannot be reverted');
}
