import { type Kysely, sql } from 'kysely';

/**
 * The commune list (danh mục xã, phường) the province imports from the statistics office's
 * export (places area): one row per commune with its 5-digit code, name, level and province, and
 * a record of each import (file, SHA-256, counts, who, when). An import replaces the whole list in
 * one transaction — the office publishes the list whole — and the record says which file is in
 * force. Provinces are built in (shared/ocop/admin-units.ts), not stored. Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('place_commune')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`length(code) = 5 AND code NOT GLOB '*[^0-9]*'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) =>
      c.notNull().check(sql`length(province_code) = 2 AND province_code NOT GLOB '*[^0-9]*'`),
    )
    .addColumn('province_name', 'text', (c) => c.notNull())
    .addColumn('district_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('place_commune_province').on('place_commune').columns(['province_code', 'name_folded']).execute();
  await db.schema
    .createTable('place_commune_import')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('communes', 'integer', (c) => c.notNull().check(sql`communes > 0`))
    .addColumn('provinces', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE TRIGGER place_commune_import_append_only BEFORE UPDATE ON place_commune_import
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the record of a commune list import is kept as it was'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0013c_place_communes cannot be reverted');
}
