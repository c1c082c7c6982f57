import { type Kysely, sql } from 'kysely';

/**
 * Dossiers: evaluation rounds, producers, products, registrations (with status history),
 * self-assessment, commune reports and evidence attachments. The services check every rule
 * first with a message naming the field; the CHECKs and triggers here are the backstop that
 * keeps an evaluated dossier intact against any caller. Lists of allowed values are written
 * out (not imported) so this migration never changes after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dateCheck = (col: string) =>
    sql.raw(`${col} IS NULL OR (length(${col}) = 10 AND ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`);
  const digits = (col: string, n: number) => sql.raw(`length(${col}) = ${n} AND ${col} GLOB '${'[0-9]'.repeat(n)}'`);

  await db.schema
    .createTable('evaluation_round')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year BETWEEN 2018 AND 2100`))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number BETWEEN 1 AND 99`))
    .addColumn('legal_basis', 'text', (c) =>
      c.notNull().check(sql`legal_basis IN ('26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.check(dateCheck('start_date')))
    .addColumn('end_date', 'text', (c) => c.check(dateCheck('end_date')))
    .addColumn('deadline_date', 'text', (c) => c.check(dateCheck('deadline_date')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluation_round_year_number', ['year', 'number'])
    .execute();

  await db.schema
    .createTable('producer')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind IN ('cooperative', 'cooperative_group', 'enterprise', 'farm', 'production_household', 'household_business', 'association', 'federation', 'operating_centre', 'tourism_other')`,
        ),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('search_folded', 'text', (c) => c.notNull())
    .addColumn('tax_code', 'text')
    .addColumn('registration_no', 'text')
    .addColumn('representative_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('representative_position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('representative_gender', 'text', (c) =>
      c.check(sql`representative_gender IS NULL OR representative_gender IN ('female', 'male')`),
    )
    .addColumn('representative_ethnicity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('representative_ethnic_minority', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`representative_ethnic_minority IN (0, 1)`),
    )
    .addColumn('representative_disability', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`representative_disability IN (0, 1)`),
    )
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('commune_code', 'text', (c) => c.notNull().check(digits('commune_code', 5)))
    .addColumn('commune_name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().check(digits('province_code', 2)))
    .addColumn('province_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('founded_on', 'text', (c) => c.check(dateCheck('founded_on')))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One producer per tax number (the import's duplicate rule); producers without one are allowed.
  await sql`CREATE UNIQUE INDEX producer_tax_code ON producer(tax_code) WHERE tax_code IS NOT NULL`.execute(db);
  await db.schema.createIndex('producer_name_folded').on('producer').columns(['name_folded', 'id']).execute();
  await db.schema.createIndex('producer_commune').on('producer').columns(['commune_code']).execute();

  await db.schema
    .createTable('product')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('producer_id', 'integer', (c) => c.notNull().references('producer.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('set_key', 'text', (c) => c.notNull())
    .addColumn('specification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('packaging', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product_code', 'text', (c) => c.notNull().unique())
    .addColumn('code_province', 'text', (c) => c.notNull().check(digits('code_province', 2)))
    .addColumn('code_commune', 'text', (c) => c.notNull().check(digits('code_commune', 5)))
    .addColumn('code_seq', 'integer', (c) => c.notNull().check(sql`code_seq >= 1`))
    .addColumn('code_year', 'integer', (c) => c.notNull().check(sql`code_year BETWEEN 2018 AND 2100`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The code is stored once as text and once as parts; they must agree.
    .addCheckConstraint(
      'product_code_parts',
      sql`product_code = code_province || '-' || code_commune || '-' || code_seq || '-' || code_year`,
    )
    // Same product name (accent-insensitive) for the same producer = the same product.
    .addUniqueConstraint('product_producer_name', ['producer_id', 'name_folded'])
    .execute();
  await db.schema.createIndex('product_name_folded').on('product').columns(['name_folded', 'id']).execute();
  // Next running number of a commune = MAX(code_seq) + 1.
  await db.schema.createIndex('product_commune_seq').on('product').columns(['code_commune', 'code_seq']).execute();

  await db.schema
    .createTable('registration')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_id', 'integer', (c) => c.notNull().references('product.id').onDelete('restrict'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_round.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('first', 'upgrade', 'reevaluation')`))
    .addColumn('current_stars', 'integer', (c) => c.check(sql`current_stars IS NULL OR current_stars BETWEEN 3 AND 5`))
    .addColumn('certificate_no', 'text')
    .addColumn('certificate_issued_on', 'text', (c) => c.check(dateCheck('certificate_issued_on')))
    .addColumn('certificate_expires_on', 'text', (c) => c.check(dateCheck('certificate_expires_on')))
    .addColumn('registration_no', 'text', (c) => c.notNull().unique())
    .addColumn('reg_province', 'text', (c) => c.notNull().check(digits('reg_province', 2)))
    .addColumn('reg_commune', 'text', (c) => c.notNull().check(digits('reg_commune', 5)))
    .addColumn('reg_year', 'integer', (c) => c.notNull())
    .addColumn('reg_seq', 'integer')
    .addColumn('received_commune_on', 'text', (c) => c.check(dateCheck('received_commune_on')))
    .addColumn('received_province_on', 'text', (c) => c.check(dateCheck('received_province_on')))
    .addColumn('receiver_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sample_count', 'integer', (c) => c.check(sql`sample_count IS NULL OR sample_count BETWEEN 0 AND 1000`))
    .addColumn('criteria_set_version_id', 'integer', (c) =>
      c.notNull().references('criteria_set_version.id').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('received')
        .check(sql`status IN ('received', 'commune_report', 'advisory_review', 'on_agenda', 'evaluated', 'result')`),
    )
    .addColumn('status_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Derived from product/producer by the triggers below, so lists filter and search one table.
    .addColumn('search_folded', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product_sort', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('producer_sort', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('commune_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('set_key', 'text', (c) => c.notNull().defaultTo(''))
    // Upgrades and re-evaluations start from a certificate: its star rank is required, and a
    // re-evaluation also needs the expiry date (the 180–120-day window is measured from it).
    .addCheckConstraint('registration_certificate', sql`kind = 'first' OR current_stars IS NOT NULL`)
    .addCheckConstraint('registration_reevaluation_expiry', sql`kind <> 'reevaluation' OR certificate_expires_on IS NOT NULL`)
    .addUniqueConstraint('registration_product_round', ['product_id', 'round_id'])
    .execute();
  await db.schema.createIndex('registration_round_status').on('registration').columns(['round_id', 'status']).execute();
  await db.schema.createIndex('registration_status').on('registration').columns(['status']).execute();
  await db.schema.createIndex('registration_product').on('registration').columns(['product_id']).execute();
  await db.schema.createIndex('registration_commune').on('registration').columns(['commune_code']).execute();
  await db.schema.createIndex('registration_set_key').on('registration').columns(['set_key']).execute();
  await db.schema.createIndex('registration_product_sort').on('registration').columns(['product_sort', 'id']).execute();
  await db.schema.createIndex('registration_producer_sort').on('registration').columns(['producer_sort', 'id']).execute();
  await db.schema
    .createIndex('registration_numbering')
    .on('registration')
    .columns(['reg_commune', 'reg_year', 'reg_seq'])
    .execute();
  await db.schema.createIndex('registration_set_version').on('registration').columns(['criteria_set_version_id']).execute();

  await db.schema
    .createTable('registration_status_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('registration_status_event_registration')
    .on('registration_status_event')
    .columns(['registration_id', 'id'])
    .execute();

  await db.schema
    .createTable('self_assessment_answer')
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('cascade'))
    .addColumn('criterion_code', 'text', (c) => c.notNull())
    .addColumn('level_index', 'integer', (c) => c.notNull().check(sql`level_index >= 0`))
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points BETWEEN 0 AND 100`))
    .addColumn('evidence_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('self_assessment_answer_pk', ['registration_id', 'criterion_code'])
    .execute();

  await db.schema
    .createTable('commune_report')
    .addColumn('registration_id', 'integer', (c) => c.primaryKey().references('registration.id').onDelete('cascade'))
    .addColumn('report_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('report_date', 'text', (c) => c.check(dateCheck('report_date')))
    .addColumn('local_materials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('local_labour', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('idea_origin', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('local_identity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recommendation', 'text', (c) =>
      c.check(sql`recommendation IS NULL OR recommendation IN ('propose', 'not_propose')`),
    )
    .addColumn('proposal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signer_position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('restrict'))
    .addColumn('criterion_code', 'text')
    .addColumn('original_name', 'text', (c) => c.notNull().check(sql`length(original_name) BETWEEN 1 AND 255`))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_registration').on('attachment').columns(['registration_id', 'id']).execute();
  await db.schema.createIndex('attachment_sha256').on('attachment').columns(['sha256']).execute();

  await createDerivedColumnTriggers(db);
  await createSearchIndex(db);
  await createFreezeTriggers(db);
}

/**
 * Trigram full-text index over registration.search_folded: a search word of three letters or
 * more is found through the index instead of reading every row (the 20 ms target over 20,000
 * registrations). Kept in step by triggers on the folded column; shorter words are matched by
 * `instr` on the column itself (the trigram index cannot look up one or two letters).
 */
async function createSearchIndex(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE registration_search USING fts5(search_folded, content='registration', content_rowid='id', tokenize='trigram')`.execute(
    db,
  );
  // A bulk import of thousands of rows sets app_meta 'registration_search_deferred' inside its
  // transaction and rebuilds the index once at the end: one rebuild is far cheaper than
  // thousands of incremental trigram inserts.
  await sql`CREATE TRIGGER registration_search_update AFTER UPDATE OF search_folded ON registration
    WHEN NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'registration_search_deferred')
    BEGIN
      INSERT INTO registration_search(registration_search, rowid, search_folded) SELECT 'delete', OLD.id, OLD.search_folded WHERE OLD.search_folded <> '';
      INSERT INTO registration_search(rowid, search_folded) SELECT NEW.id, NEW.search_folded WHERE NEW.search_folded <> '';
    END`.execute(db);
  await sql`CREATE TRIGGER registration_search_delete AFTER DELETE ON registration
    WHEN NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'registration_search_deferred')
    BEGIN
      INSERT INTO registration_search(registration_search, rowid, search_folded) SELECT 'delete', OLD.id, OLD.search_folded WHERE OLD.search_folded <> '';
    END`.execute(db);
}

/**
 * registration.search_folded / product_sort / producer_sort / commune_code / set_key copy the
 * folded texts the services store on product and producer (plus the registration number with
 * Đ folded to d), so a search over 20,000 registrations scans one table without joins.
 */
async function createDerivedColumnTriggers(db: Kysely<unknown>): Promise<void> {
  const refresh = (where: string) =>
    sql.raw(`UPDATE registration SET
      search_folded = (SELECT p.name_folded || ' ' || lower(p.product_code) || ' ' || replace(replace(lower(registration.registration_no), 'Đ', 'd'), 'đ', 'd') || ' ' || pr.search_folded
                       FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = registration.product_id),
      product_sort = (SELECT p.name_folded FROM product p WHERE p.id = registration.product_id),
      producer_sort = (SELECT pr.name_folded FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = registration.product_id),
      commune_code = (SELECT pr.commune_code FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = registration.product_id),
      set_key = (SELECT v.set_key FROM criteria_set_version v WHERE v.id = registration.criteria_set_version_id)
    WHERE ${where};`);
  await sql`CREATE TRIGGER registration_derived_insert AFTER INSERT ON registration
    BEGIN ${refresh('id = NEW.id')} END`.execute(db);
  await sql`CREATE TRIGGER registration_derived_update AFTER UPDATE OF product_id, registration_no, criteria_set_version_id ON registration
    BEGIN ${refresh('id = NEW.id')} END`.execute(db);
  await sql`CREATE TRIGGER product_derived_update AFTER UPDATE OF name_folded, product_code, producer_id ON product
    BEGIN ${refresh('product_id = NEW.id')} END`.execute(db);
  await sql`CREATE TRIGGER producer_derived_update AFTER UPDATE OF name_folded, search_folded, commune_code ON producer
    BEGIN ${refresh('product_id IN (SELECT id FROM product WHERE producer_id = NEW.id)')} END`.execute(db);
}

/** Once a registration is evaluated its dossier is the evidence of a decision: nothing in it changes. */
async function createFreezeTriggers(db: Kysely<unknown>): Promise<void> {
  const frozen = (registrationId: string) =>
    `(SELECT status FROM registration WHERE id = ${registrationId}) IN ('evaluated', 'result')`;

  for (const [table, what] of [
    ['self_assessment_answer', 'the self-assessment'],
    ['commune_report', 'the commune report'],
    ['attachment', 'the evidence files'],
  ] as const) {
    for (const [op, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_frozen_${op.toLowerCase()} BEFORE ${op} ON ${table}
          WHEN ${frozen(`${row}.registration_id`)}
          BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the registration has been evaluated; ${what} can no longer change'); END`,
        )
        .execute(db);
    }
  }

  // Fields of the dossier itself; the derived search columns and status may still change.
  const dossierFields = [
    'product_id',
    'round_id',
    'kind',
    'current_stars',
    'certificate_no',
    'certificate_issued_on',
    'certificate_expires_on',
    'registration_no',
    'received_commune_on',
    'received_province_on',
    'receiver_name',
    'sample_count',
    'criteria_set_version_id',
    'note',
  ];
  await sql
    .raw(
      `CREATE TRIGGER registration_frozen_update BEFORE UPDATE ON registration
      WHEN OLD.status IN ('evaluated', 'result') AND (${dossierFields.map((f) => `NEW.${f} IS NOT OLD.${f}`).join(' OR ')})
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the registration has been evaluated; its dossier can no longer change'); END`,
    )
    .execute(db);
  await sql`CREATE TRIGGER registration_status_no_reopen BEFORE UPDATE OF status ON registration
    WHEN OLD.status IN ('evaluated', 'result') AND NEW.status NOT IN ('evaluated', 'result')
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: an evaluated registration cannot return to an earlier stage'); END`.execute(db);
  await sql`CREATE TRIGGER registration_frozen_delete BEFORE DELETE ON registration
    WHEN OLD.status IN ('evaluated', 'result')
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the registration has been evaluated and cannot be deleted'); END`.execute(db);
  // The pinned criteria set cannot be swapped under an existing self-assessment.
  await sql`CREATE TRIGGER registration_set_pinned BEFORE UPDATE OF criteria_set_version_id ON registration
    WHEN NEW.criteria_set_version_id IS NOT OLD.criteria_set_version_id
      AND EXISTS (SELECT 1 FROM self_assessment_answer WHERE registration_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the registration has a self-assessment on its criteria set; the set cannot be changed'); END`.execute(
    db,
  );

  // A criteria set version used by a self-assessment is locked for good (shared rule with scoring).
  await sql`CREATE TRIGGER self_assessment_locks_set AFTER INSERT ON self_assessment_answer
    BEGIN UPDATE criteria_set_version SET locked = 1
      WHERE id = (SELECT criteria_set_version_id FROM registration WHERE id = NEW.registration_id) AND locked = 0; END`.execute(
    db,
  );

  await sql`CREATE TRIGGER registration_status_event_no_update BEFORE UPDATE ON registration_status_event
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: status history is append-only'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0003_dossiers cannot be reverted');
}
