import { type Kysely, sql } from 'kysely';

/**
 * The register of issued documents (sổ văn bản, issue 13) and when print details lock (issue 16).
 *
 * `document_issue`: every PDF the app issues for a finalized session — which document, of which
 * finalization (version), its number and date as printed, the SHA-256 of its exact bytes (the file
 * is kept in <data dir>/documents by that hash), who issued it and when. A signed copy (issue 15)
 * is a row of its own with `variant = 'signed'` and `derived_from` = the row it was signed from.
 * Rows are records: never updated, never deleted.
 *
 * Print details (number, date, recipients, signers …) used to freeze when the results were
 * finalized (0007). They are issued after the council decides, so they now stay editable until
 * a document that prints them is issued for the finalization in force: the minutes' details lock
 * when the minutes or the summary (which cites the minutes' number and date) is issued; the
 * decision's when the decision or a certificate (whose validity counts from the decision's date)
 * is issued; the summary's and the certificates' with their own. Reopening the session (a new
 * finalization) unlocks them again. Results stay frozen at finalization (0006).
 *
 * `council_document_signer`: the council's default signers per document kind (authority line,
 * title, office line, name), copied into a session's print details when nothing was saved.
 * Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_issue')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    .addColumn('finalization_id', 'integer', (c) => c.notNull().references('session_finalization.id').onDelete('restrict'))
    // session_finalization.seq, kept here so the register lists and filters without a join.
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('minutes', 'summary', 'decision', 'certificate', 'sheet', 'sheets')`),
    )
    .addColumn('registration_id', 'integer')
    .addColumn('member_id', 'integer')
    // The reference printed after the anchor: BB, TH, QD, GCN-<reg>, PD-<reg>-<member>; ALL-PD for a session's sheets.
    .addColumn('doc_ref', 'text', (c) => c.notNull())
    // "05/BB-HĐĐG" as printed (null: the document has no number or it was left blank).
    .addColumn('doc_number', 'text')
    .addColumn('doc_date', 'text', (c) =>
      c.check(sql`doc_date IS NULL OR doc_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
    )
    // What the register shows: "Biên bản họp …", "Giấy chứng nhận – Nước mắm Phú Quốc".
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // Title, number, file name and reference folded for accent-free search (foldForSearch).
    .addColumn('search_folded', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'`))
    .addColumn('bytes', 'integer', (c) => c.notNull().check(sql`bytes > 0`))
    .addColumn('pages', 'integer', (c) => c.notNull().check(sql`pages > 0`))
    .addColumn('variant', 'text', (c) =>
      c
        .notNull()
        .defaultTo('original')
        .check(sql`variant IN ('original', 'signed')`),
    )
    .addColumn('derived_from', 'integer', (c) => c.references('document_issue.id').onDelete('restrict'))
    // Free JSON for what a derived copy needs to say (e.g. who signed, with which certificate).
    .addColumn('meta_json', 'text', (c) => c.check(sql`meta_json IS NULL OR json_valid(meta_json)`))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_issue_bytes_once', ['sha256'])
    .addCheckConstraint('document_issue_derived', sql`(variant = 'original') = (derived_from IS NULL)`)
    .execute();
  await db.schema.createIndex('document_issue_session').on('document_issue').columns(['session_id', 'version', 'kind']).execute();
  await db.schema.createIndex('document_issue_issued_at').on('document_issue').columns(['issued_at']).execute();
  await sql`CREATE TRIGGER document_issue_no_update BEFORE UPDATE ON document_issue
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: an issued document is a record of the register'); END`.execute(db);
  await sql`CREATE TRIGGER document_issue_no_delete BEFORE DELETE ON document_issue
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: an issued document is never taken out of the register'); END`.execute(db);
  // Only a finalization in force can issue (a reopened one is superseded).
  await sql`CREATE TRIGGER document_issue_needs_finalization BEFORE INSERT ON document_issue
    WHEN NOT EXISTS (SELECT 1 FROM session_finalization f
      WHERE f.id = NEW.finalization_id AND f.session_id = NEW.session_id AND f.seq = NEW.version AND f.reopened_at IS NULL)
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: documents are issued only for the finalization in force of their session'); END`.execute(
    db,
  );

  // Print details: editable after finalization until a document printing them is issued.
  for (const op of ['insert', 'update', 'delete'] as const) {
    await sql.raw(`DROP TRIGGER IF EXISTS document_settings_finalized_${op}`).execute(db);
  }
  for (const [op, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE', 'OLD'],
    ['DELETE', 'OLD'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER document_settings_issued_${op.toLowerCase()} BEFORE ${op} ON document_settings
        WHEN EXISTS (SELECT 1 FROM document_issue i JOIN session_finalization f ON f.id = i.finalization_id
          WHERE i.session_id = ${row}.session_id AND f.reopened_at IS NULL AND (
            (${row}.kind = 'minutes' AND i.kind IN ('minutes', 'summary')) OR
            (${row}.kind = 'summary' AND i.kind = 'summary') OR
            (${row}.kind = 'decision' AND i.kind IN ('decision', 'certificate')) OR
            (${row}.kind = 'certificate' AND i.kind = 'certificate')))
        BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: a document printing these details was issued (see the register); they are read-only until the session is reopened'); END`,
      )
      .execute(db);
  }

  await db.schema
    .createTable('council_document_signer')
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('minutes', 'summary', 'decision', 'certificate')`))
    // 'main': the right-hand block (CHỦ TỌA, the Chủ tịch); 'secretary': THƯ KÝ on the left of the minutes and summary.
    .addColumn('slot', 'text', (c) => c.notNull().check(sql`slot IN ('main', 'secretary')`))
    // "KT. CHỦ TỊCH", "TM. HỘI ĐỒNG"; '' = none.
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn('office_line', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('council_document_signer_pk', ['council_id', 'kind', 'slot'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0010_document_register cannot be reverted');
}
