import { type Kysely, sql } from 'kysely';

/**
 * The signatures put on a finalized session's documents in the app (issue 15): each row is one
 * step of a document's signing — the secretary's signature, then the chair's — or a scanned
 * paper copy signed by hand that is attached instead. The file of each step is kept in the data
 * folder by its SHA-256 (<data dir>/signed/<sha256>.pdf); `input_sha256` is the file it was
 * signed from (the unsigned original for the first step), so the chain original → secretary →
 * chair can be walked and checked. Rows are records: never updated, never deleted.
 * Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_signature')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    .addColumn('finalization_id', 'integer', (c) => c.notNull().references('session_finalization.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('minutes')`))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('secretary', 'chair', 'scan')`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'`))
    .addColumn('input_sha256', 'text', (c) => c.check(sql`input_sha256 IS NULL OR length(input_sha256) = 64`))
    .addColumn('original_sha256', 'text', (c) => c.check(sql`original_sha256 IS NULL OR length(original_sha256) = 64`))
    .addColumn('bytes', 'integer', (c) => c.notNull().check(sql`bytes > 0`))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    // The certificate (null for a scanned paper copy).
    .addColumn('signer_fingerprint', 'text')
    .addColumn('signer_subject', 'text')
    .addColumn('signer_issuer', 'text')
    .addColumn('key_source', 'text', (c) => c.check(sql`key_source IS NULL OR key_source IN ('p12', 'pkcs11')`))
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_signature_session')
    .on('session_signature')
    .columns(['session_id', 'finalization_id', 'kind'])
    .execute();
  await sql`CREATE TRIGGER session_signature_no_update BEFORE UPDATE ON session_signature
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a signature of a document is a record'); END`.execute(db);
  await sql`CREATE TRIGGER session_signature_no_delete BEFORE DELETE ON session_signature
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a signature of a document is never taken back'); END`.execute(db);
  // Only the finalization in force of the session is signed.
  await sql`CREATE TRIGGER session_signature_needs_finalization BEFORE INSERT ON session_signature
    WHEN NOT EXISTS (SELECT 1 FROM session_finalization f
      WHERE f.id = NEW.finalization_id AND f.session_id = NEW.session_id AND f.reopened_at IS NULL)
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: only the finalization in force of a session is signed'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0012b_session_signatures cannot be reverted');
}
