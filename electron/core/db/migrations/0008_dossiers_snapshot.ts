import { type Kysely, sql } from 'kysely';

/**
 * What a registration was called when the council evaluated it. Results, minutes and decisions
 * are evidence of what the council decided about a product *as named then*; renaming the
 * product or the producer later (a rebrand, a typo fixed) must not rewrite them. The names,
 * product code and producer address are copied onto the registration by a trigger the moment
 * its status becomes 'evaluated' (or 'result'), whoever moves it there, and never change again.
 * Registrations already evaluated are backfilled with the names they have now.
 *
 * Also indexes for the producers list (filter by kind or province, sorted by name).
 * Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const col of [
    'snapshot_product_name',
    'snapshot_product_code',
    'snapshot_producer_name',
    'snapshot_producer_address',
    'snapshot_at',
  ]) {
    await db.schema.alterTable('registration').addColumn(col, 'text').execute();
  }

  // One place that knows how a snapshot is taken: the trigger and the backfill share it.
  const fill = (where: string) =>
    sql.raw(`UPDATE registration SET
      snapshot_product_name = (SELECT p.name FROM product p WHERE p.id = registration.product_id),
      snapshot_product_code = (SELECT p.product_code FROM product p WHERE p.id = registration.product_id),
      snapshot_producer_name = (SELECT pr.name FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = registration.product_id),
      snapshot_producer_address = (SELECT CASE WHEN trim(pr.address) = '' THEN '' ELSE pr.address || ', ' END || pr.commune_name || ', ' || pr.province_name
                                   FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = registration.product_id),
      snapshot_at = registration.status_at
    WHERE ${where};`);

  await fill("status IN ('evaluated', 'result') AND snapshot_at IS NULL").execute(db);
  await sql`CREATE TRIGGER registration_snapshot_take AFTER UPDATE OF status ON registration
    WHEN NEW.status IN ('evaluated', 'result') AND NEW.snapshot_at IS NULL
    BEGIN ${fill('id = NEW.id')} END`.execute(db);
  // A registration that somehow starts life evaluated (a restore, a demo seed) gets one too.
  await sql`CREATE TRIGGER registration_snapshot_take_insert AFTER INSERT ON registration
    WHEN NEW.status IN ('evaluated', 'result') AND NEW.snapshot_at IS NULL
    BEGIN ${fill('id = NEW.id')} END`.execute(db);
  await sql`CREATE TRIGGER registration_snapshot_frozen BEFORE UPDATE ON registration
    WHEN OLD.snapshot_at IS NOT NULL AND (
      NEW.snapshot_product_name IS NOT OLD.snapshot_product_name OR NEW.snapshot_product_code IS NOT OLD.snapshot_product_code
      OR NEW.snapshot_producer_name IS NOT OLD.snapshot_producer_name OR NEW.snapshot_producer_address IS NOT OLD.snapshot_producer_address
      OR NEW.snapshot_at IS NOT OLD.snapshot_at)
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the names recorded when the registration was evaluated can no longer change'); END`.execute(
    db,
  );

  await db.schema.createIndex('producer_kind_name').on('producer').columns(['kind', 'name_folded', 'id']).execute();
  await db.schema.createIndex('producer_province').on('producer').columns(['province_code']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0008_dossiers_snapshot cannot be reverted');
}
