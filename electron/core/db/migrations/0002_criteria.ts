import { type Kysely, sql } from 'kysely';

/**
 * Criteria sets: versions (content JSON + derived summary columns) and a folded-text table for
 * accent-insensitive search; installs the 26 built-in sets of 26/2026/QĐ-TTg. Never edit after
 * release.
 *
 * Frozen (issue 12): the rows it installs are its own data, `data/0002_criteria.json` — every
 * version row and search row exactly as the release wrote them — not the live built-in sets and
 * folding code, which may change later (a change of the built-in sets ships as a new migration).
 */

/**
 * `created_at` of the built-in versions: the moment this migration was released (commit 4875412).
 * Before it was frozen it wrote the clock of the first start; databases created then keep that.
 */
export const BUILT_IN_CREATED_AT = '2026-11-29T21:01:50.000Z';

interface FrozenVersion {
  set_key: string;
  version: number;
  content_hash: string;
  content_json: string;
  built_in: number;
  decision: string;
  set_no: number | null;
  name: string;
  criterion_count: number;
  star_marked_levels: number;
  part_a_max: number;
  part_b_max: number;
  part_c_max: number;
  total: number;
  classification_json: string | null;
  /** [criterion_code, field, level_index, text, folded], in the order they were inserted. */
  search: [string, string, number | null, string, string][];
}
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('criteria_set_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('set_key', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('set_no', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('content_hash', 'text', (c) => c.notNull().check(sql`length(content_hash) = 64`))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`built_in IN (0, 1)`),
    )
    .addColumn('locked', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`locked IN (0, 1)`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('criterion_count', 'integer', (c) => c.notNull())
    .addColumn('star_marked_levels', 'integer', (c) => c.notNull())
    .addColumn('part_a_max', 'integer', (c) => c.notNull())
    .addColumn('part_b_max', 'integer', (c) => c.notNull())
    .addColumn('part_c_max', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('classification_json', 'text')
    .addUniqueConstraint('criteria_set_version_key_version', ['set_key', 'version'])
    // The same content is stored once per key: importing it again is a no-op, not a new version.
    .addUniqueConstraint('criteria_set_version_key_hash', ['set_key', 'content_hash'])
    .execute();

  await db.schema
    .createTable('criteria_search')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('criteria_set_version.id').onDelete('cascade'))
    .addColumn('criterion_code', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull().check(sql`field IN ('title', 'level', 'note', 'parent')`))
    .addColumn('level_index', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('folded', 'text', (c) => c.notNull())
    .execute();
  // By version (delete cascade, scoping a search) and criterion (the title beside each hit).
  await db.schema
    .createIndex('criteria_search_version')
    .on('criteria_search')
    .columns(['version_id', 'criterion_code'])
    .execute();

  // A version is immutable: its content and identity never change (a changed set is a new
  // version). Only `locked` may move, and only from 0 to 1 — set when a scoring sheet or a
  // self-assessment first uses the version (triggers of 0003 and 0005).
  const frozen = [
    'set_key',
    'decision',
    'set_no',
    'name',
    'version',
    'content_hash',
    'content_json',
    'built_in',
    'created_at',
    'criterion_count',
    'star_marked_levels',
    'part_a_max',
    'part_b_max',
    'part_c_max',
    'total',
    'classification_json',
    'id',
  ];
  await sql
    .raw(
      `CREATE TRIGGER criteria_set_version_content_immutable BEFORE UPDATE ON criteria_set_version
    WHEN ${frozen.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a criteria set version never changes; import the changed set to create a new version'); END`,
    )
    .execute(db);
  await sql`CREATE TRIGGER criteria_set_version_stays_locked BEFORE UPDATE OF locked ON criteria_set_version
    WHEN OLD.locked = 1 AND NEW.locked IS NOT 1
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: this criteria set version is used by scoring sheets or self-assessments and stays locked'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER criteria_set_version_locked_no_delete BEFORE DELETE ON criteria_set_version
    WHEN OLD.locked = 1
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: this criteria set version is used by scoring sheets or self-assessments and cannot be deleted'); END`.execute(
    db,
  );
  // The search rows are derived from the content: written once with their version.
  await sql`CREATE TRIGGER criteria_search_no_update BEFORE UPDATE ON criteria_search
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: criteria search rows are derived from an immutable version'); END`.execute(db);
  await sql`CREATE TRIGGER criteria_search_locked_no_delete BEFORE DELETE ON criteria_search
    WHEN (SELECT locked FROM criteria_set_version WHERE id = OLD.version_id) = 1
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the search rows of a locked criteria set version cannot be deleted'); END`.execute(db);

  // SQLite migrations run outside a transaction (no transactional DDL in Kysely's adapter): one
  // transaction for the ~3 600 rows keeps the first start fast and all-or-nothing.
  await db.transaction().execute((trx) => installBuiltInSets(trx));
}

/**
 * Two statements whatever the number of rows: the rows travel as one JSON parameter expanded by
 * json_each, in file order (ids 1–26 on the new table, search rows in the order the release wrote
 * them). The data is imported only here, so a start that has nothing to migrate never loads it.
 */
async function installBuiltInSets(db: Kysely<unknown>): Promise<void> {
  const data = (await import('./data/0002_criteria.json', { with: { type: 'json' } })).default as { versions: FrozenVersion[] };
  const versions = data.versions.map(({ search: _search, ...v }) => ({ ...v, created_at: BUILT_IN_CREATED_AT }));
  await sql`INSERT INTO criteria_set_version
      (set_key, version, content_hash, content_json, built_in, created_at, decision, set_no, name,
       criterion_count, star_marked_levels, part_a_max, part_b_max, part_c_max, total, classification_json)
    SELECT j.value ->> 'set_key', j.value ->> 'version', j.value ->> 'content_hash', j.value ->> 'content_json',
       j.value ->> 'built_in', j.value ->> 'created_at', j.value ->> 'decision', j.value ->> 'set_no', j.value ->> 'name',
       j.value ->> 'criterion_count', j.value ->> 'star_marked_levels', j.value ->> 'part_a_max', j.value ->> 'part_b_max',
       j.value ->> 'part_c_max', j.value ->> 'total', j.value ->> 'classification_json'
    FROM json_each(${JSON.stringify(versions)}) AS j ORDER BY j.key`.execute(db);
  const search = data.versions.flatMap((v) => v.search.map((r) => [v.set_key, v.version, ...r]));
  await sql`INSERT INTO criteria_search (version_id, criterion_code, field, level_index, text, folded)
    SELECT v.id, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6
    FROM json_each(${JSON.stringify(search)}) AS j
    JOIN criteria_set_version v ON v.set_key = j.value ->> 0 AND v.version = j.value ->> 1
    ORDER BY j.key`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0002_criteria cannot be reverted');
}
