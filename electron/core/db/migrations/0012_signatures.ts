import { type Kysely, sql } from 'kysely';

/**
 * Digital signatures (issue 15).
 *
 * `trusted_certificate`: the app's trust store. A signature is reported "trusted" only when its
 * certificate chains to one of these, which the user imports (e.g. the national root CA and the
 * government-service CA); the app ships none. Removing one is allowed (and audited).
 *
 * `signature_image`: the images a signature draws (NĐ 30 Phụ lục I): a member's handwritten
 * signature (blue PNG, transparent) and a council's seal (red PNG, transparent) with the width
 * to draw it at in millimetres (a seal at its real size). Checked when saved.
 *
 * `pkcs11_module`: the vendor's PKCS #11 module chosen on a computer (the data folder can move
 * between computers on a USB stick, so the path is kept per computer name).
 * Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trusted_certificate')
    .addColumn('fingerprint', 'text', (c) =>
      c.primaryKey().check(sql`length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'`),
    )
    .addColumn('der', 'blob', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('serial_hex', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('is_ca', 'integer', (c) => c.notNull().check(sql`is_ca IN (0, 1)`))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('signature_image')
    .addColumn('owner_kind', 'text', (c) => c.notNull().check(sql`owner_kind IN ('member', 'council')`))
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('image_kind', 'text', (c) => c.notNull().check(sql`image_kind IN ('signature', 'seal')`))
    .addColumn('png', 'blob', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('width_px', 'integer', (c) => c.notNull().check(sql`width_px > 0`))
    .addColumn('height_px', 'integer', (c) => c.notNull().check(sql`height_px > 0`))
    .addColumn('width_mm', 'real', (c) => c.notNull().check(sql`width_mm BETWEEN 10 AND 80`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signature_image_pk', ['owner_kind', 'owner_id', 'image_kind'])
    .execute();

  await db.schema
    .createTable('pkcs11_module')
    .addColumn('computer', 'text', (c) => c.primaryKey())
    .addColumn('module_path', 'text', (c) => c.notNull().check(sql`length(module_path) > 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0012_signatures cannot be reverted');
}
