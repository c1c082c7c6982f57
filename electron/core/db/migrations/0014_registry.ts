import { type Kysely, sql } from 'kysely';

/**
 * The registry of OCOP products, the re-evaluation calendar and the province's statistics
 * (issue 17): registry_entry (one row per evaluation outcome kept: recognitions with their
 * decision and certificate, and products entered but not recognised), the imports of earlier
 * lists, the office's confirmed sector classifications, and the plan's targets.
 *
 * CHECKs keep the states honest even for rows written behind the app's back: a recognition has a
 * decision date, a validity and 3★ or more; a revocation has a date; a result below 3★ never
 * holds a certificate. Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_import')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .execute();

  await sql`CREATE TABLE registry_entry (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL CHECK (origin IN ('session', 'import', 'manual')),
    session_id INTEGER REFERENCES session(id),
    finalization_id INTEGER REFERENCES session_finalization(id),
    registration_id INTEGER UNIQUE REFERENCES registration(id),
    product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,
    producer_id INTEGER REFERENCES producer(id) ON DELETE SET NULL,
    import_key TEXT UNIQUE,
    import_id INTEGER REFERENCES registry_import(id),
    source_row INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('first', 'upgrade', 'reevaluation')),
    follows_id INTEGER REFERENCES registry_entry(id),
    root_id INTEGER REFERENCES registry_entry(id),
    state TEXT NOT NULL CHECK (state IN ('proposed', 'recognised', 'not_recognised', 'superseded', 'revoked', 'withdrawn')),
    legal_basis TEXT NOT NULL CHECK (legal_basis IN ('26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg')),
    year INTEGER NOT NULL CHECK (year BETWEEN 2018 AND 2100),
    round_no INTEGER CHECK (round_no IS NULL OR round_no BETWEEN 1 AND 99),
    product_name TEXT NOT NULL CHECK (length(trim(product_name)) > 0),
    product_code TEXT NOT NULL DEFAULT '',
    producer_name TEXT NOT NULL CHECK (length(trim(producer_name)) > 0),
    producer_key TEXT NOT NULL,
    producer_kind TEXT,
    producer_group TEXT CHECK (producer_group IS NULL OR producer_group IN ('enterprise', 'cooperative', 'cooperative_group', 'household', 'other')),
    address_text TEXT NOT NULL DEFAULT '',
    district_text TEXT NOT NULL DEFAULT '',
    commune_text TEXT NOT NULL DEFAULT '',
    commune_code TEXT CHECK (commune_code IS NULL OR (length(commune_code) = 5 AND commune_code NOT GLOB '*[^0-9]*')),
    commune_name TEXT NOT NULL DEFAULT '',
    province_name TEXT NOT NULL DEFAULT '',
    commune_key TEXT NOT NULL,
    sector_text TEXT NOT NULL DEFAULT '',
    basis_sector TEXT NOT NULL DEFAULT '',
    nganh_no TEXT CHECK (nganh_no IS NULL OR nganh_no IN ('I', 'II', 'III', 'IV', 'V', 'VI')),
    nhom TEXT,
    set_key TEXT,
    star INTEGER CHECK (star IS NULL OR star BETWEEN 1 AND 5),
    score_centi INTEGER CHECK (score_centi IS NULL OR score_centi BETWEEN 0 AND 10000),
    authority TEXT CHECK (authority IS NULL OR authority IN ('district', 'province', 'central')),
    decision_no TEXT,
    decision_date TEXT,
    decision_signer TEXT NOT NULL DEFAULT '',
    certificate_no TEXT,
    valid_from TEXT,
    valid_to TEXT,
    window_opens_on TEXT,
    window_closes_on TEXT,
    ended_on TEXT,
    superseded_by_id INTEGER REFERENCES registry_entry(id),
    revoked_on TEXT,
    revoke_ground TEXT CHECK (revoke_ground IS NULL OR revoke_ground IN
      ('false_dossier', 'criteria_not_met', 'violation', 'mark_misuse', 'stopped_production', 'authority_conclusion')),
    revoke_decision_no TEXT,
    revoke_note TEXT NOT NULL DEFAULT '',
    women_led INTEGER CHECK (women_led IS NULL OR women_led IN (0, 1)),
    ethnic_minority INTEGER CHECK (ethnic_minority IS NULL OR ethnic_minority IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    search_folded TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (state NOT IN ('recognised', 'superseded', 'revoked')
      OR (decision_date IS NOT NULL AND valid_from IS NOT NULL AND valid_to IS NOT NULL AND star >= 3)),
    CHECK (state <> 'proposed' OR star >= 3),
    CHECK (state <> 'not_recognised' OR ((star IS NULL OR star <= 2) AND decision_date IS NULL)),
    CHECK (state <> 'revoked' OR (revoked_on IS NOT NULL AND revoke_ground IS NOT NULL)),
    CHECK (valid_to IS NULL OR valid_from <= valid_to),
    CHECK (follows_id IS NULL OR follows_id <> id),
    CHECK (origin <> 'session' OR (session_id IS NOT NULL AND registration_id IS NOT NULL)),
    CHECK (origin <> 'import' OR import_key IS NOT NULL)
  )`.execute(db);

  // A first recognition starts its own chain; a successor joins the chain of the one it follows.
  await sql`CREATE TRIGGER registry_entry_root AFTER INSERT ON registry_entry WHEN NEW.root_id IS NULL
    BEGIN
      UPDATE registry_entry SET root_id = COALESCE((SELECT e.root_id FROM registry_entry e WHERE e.id = NEW.follows_id), NEW.id)
      WHERE id = NEW.id;
    END`.execute(db);

  // Statistics filter by year and state and group by the columns below; the calendar reads validity.
  await sql`CREATE INDEX registry_entry_year ON registry_entry (year, state, star)`.execute(db);
  await sql`CREATE INDEX registry_entry_root_idx ON registry_entry (root_id, year)`.execute(db);
  await sql`CREATE INDEX registry_entry_valid ON registry_entry (valid_to) WHERE state = 'recognised'`.execute(db);
  await sql`CREATE INDEX registry_entry_commune ON registry_entry (commune_key)`.execute(db);
  await sql`CREATE INDEX registry_entry_session ON registry_entry (session_id)`.execute(db);
  await sql`CREATE INDEX registry_entry_product ON registry_entry (product_id)`.execute(db);
  await sql`CREATE INDEX registry_entry_producer ON registry_entry (producer_key)`.execute(db);
  await sql`CREATE INDEX registry_entry_follows ON registry_entry (follows_id)`.execute(db);

  await db.schema
    .createTable('registry_sector_choice')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('text_folded', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('nganh_no', 'text', (c) => c.notNull().check(sql`nganh_no IN ('I', 'II', 'III', 'IV', 'V', 'VI')`))
    .addColumn('nhom', 'text')
    .addColumn('chosen_at', 'text', (c) => c.notNull())
    .addColumn('chosen_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_sector_choice_pk', ['legal_basis', 'text_folded'])
    .execute();

  await db.schema
    .createTable('registry_target')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) =>
      c.notNull().check(sql`metric IN ('products_recognised', 'products_valid', 'producers_recognised')`),
    )
    .addColumn('min_star', 'integer', (c) => c.notNull().check(sql`min_star BETWEEN 3 AND 5`))
    .addColumn('from_year', 'integer', (c) => c.notNull())
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('target_count', 'integer', (c) => c.notNull().check(sql`target_count > 0`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('registry_target_years', sql`from_year <= target_year`)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0014_registry cannot be reverted');
}
