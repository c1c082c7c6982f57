import { type Kysely, sql } from 'kysely';

/**
 * Councils, their members (membership periods), their rules (append-only versions) and sessions
 * with agenda, attendance and recusals. The services check every rule first with a clear
 * message; the triggers below are the backstop that keeps history and closed sessions intact
 * even against a buggy caller. Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('council')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level IN ('provincial', 'central', 'advisory_group', 'district')`))
    .addColumn('parent_council_id', 'integer', (c) => c.references('council.id').onDelete('restrict'))
    .addColumn('issuer_parent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuer_name_lines_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('doc_symbol', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_next_no', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`doc_next_no >= 1`),
    )
    .addColumn('doc_series_year', 'integer')
    .addColumn('place_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_date', 'text')
    .addColumn('decision_signer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_signer_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Only an advisory group hangs under a council.
    .addCheckConstraint('council_parent_only_for_advisory', sql`(level = 'advisory_group') = (parent_council_id IS NOT NULL)`)
    .execute();

  await db.schema
    .createTable('council_member')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('restrict'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('full_name_folded', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role IN ('chair', 'vice_chair', 'member', 'member_secretary', 'secretary')`),
    )
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active_from', 'text', (c) => c.notNull())
    .addColumn('active_to', 'text')
    .addColumn('previous_id', 'integer', (c) => c.references('council_member.id').onDelete('restrict'))
    .addColumn('end_reason', 'text')
    .addColumn('pin_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('council_member_period', sql`active_to IS NULL OR active_to > active_from`)
    .execute();
  await db.schema.createIndex('council_member_council').on('council_member').columns(['council_id', 'sort_order']).execute();

  await db.schema
    .createTable('council_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('restrict'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('quorum_numerator', 'integer', (c) => c.notNull())
    .addColumn('quorum_denominator', 'integer', (c) => c.notNull())
    .addColumn('chair_required', 'integer', (c) => c.notNull().check(sql`chair_required IN (0, 1)`))
    .addColumn('spread_limit', 'integer', (c) => c.notNull().check(sql`spread_limit >= 0`))
    .addColumn('spread_limit_allowed', 'integer', (c) => c.notNull().check(sql`spread_limit_allowed IN (0, 1)`))
    .addColumn('aggregation', 'text', (c) => c.notNull().check(sql`aggregation IN ('mean')`))
    .addColumn('show_info_aggregates', 'integer', (c) => c.notNull().check(sql`show_info_aggregates IN (0, 1)`))
    .addColumn('minima_rule', 'text', (c) => c.notNull().check(sql`minima_rule IN ('mean', 'every_member')`))
    .addColumn('display_decimals', 'integer', (c) => c.notNull().check(sql`display_decimals BETWEEN 0 AND 3`))
    .addColumn('members_see_others_before_submit', 'integer', (c) =>
      c.notNull().check(sql`members_see_others_before_submit IN (0, 1)`),
    )
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'council_rules_quorum',
      sql`quorum_numerator >= 1 AND quorum_denominator >= 1 AND quorum_numerator <= quorum_denominator`,
    )
    .addUniqueConstraint('council_rules_version', ['council_id', 'version'])
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('restrict'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_round.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('meeting', 'written_opinion')`))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('opinion_deadline', 'text')
    .addColumn('chair_member_id', 'integer', (c) => c.references('council_member.id').onDelete('restrict'))
    .addColumn('secretary_member_id', 'integer', (c) => c.references('council_member.id').onDelete('restrict'))
    .addColumn('rules_id', 'integer', (c) => c.notNull().references('council_rules.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('preparing')
        .check(sql`status IN ('preparing', 'in_progress', 'closed', 'finalized')`),
    )
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('finalized_at', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_number', ['council_id', 'round_id', 'number'])
    .execute();
  await db.schema.createIndex('session_round').on('session').columns(['round_id', 'date']).execute();

  await db.schema
    .createTable('session_agenda_item')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('cascade'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_agenda_item_pk', ['session_id', 'registration_id'])
    .execute();
  await db.schema.createIndex('session_agenda_item_registration').on('session_agenda_item').column('registration_id').execute();

  await db.schema
    .createTable('session_attendance')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('council_member.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.check(sql`present IN (0, 1)`))
    .addColumn('absence_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_attendance_pk', ['session_id', 'member_id'])
    .execute();
  await db.schema.createIndex('session_attendance_member').on('session_attendance').column('member_id').execute();

  // Composite keys: a recusal names a member listed in the session and a product on its agenda.
  await db.schema
    .createTable('session_conflict')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull())
    .addColumn('registration_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'session_conflict_member',
      ['session_id', 'member_id'],
      'session_attendance',
      ['session_id', 'member_id'],
      (f) => f.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'session_conflict_item',
      ['session_id', 'registration_id'],
      'session_agenda_item',
      ['session_id', 'registration_id'],
      (f) => f.onDelete('cascade'),
    )
    .addUniqueConstraint('session_conflict_once', ['session_id', 'member_id', 'registration_id'])
    .execute();

  // Rules are versions: a change inserts a new row, so sessions keep the rules they used.
  await sql`CREATE TRIGGER council_rules_no_update BEFORE UPDATE ON council_rules
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: council_rules rows are versions; insert a new version instead'); END`.execute(db);
  await sql`CREATE TRIGGER council_rules_no_delete BEFORE DELETE ON council_rules
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: council_rules rows are versions and are never deleted'); END`.execute(db);

  // Membership history: once a member took part in a session (past the preparing stage), who
  // they were and in which role stays as it was; changes close the period and open a new one.
  await sql`CREATE TRIGGER council_member_history BEFORE UPDATE ON council_member
    WHEN (NEW.full_name IS NOT OLD.full_name OR NEW.role IS NOT OLD.role OR NEW.council_id IS NOT OLD.council_id
          OR NEW.active_from IS NOT OLD.active_from OR NEW.office IS NOT OLD.office OR NEW.position IS NOT OLD.position
          OR (OLD.active_to IS NOT NULL AND NEW.active_to IS NOT OLD.active_to))
      AND EXISTS (SELECT 1 FROM session_attendance a JOIN session s ON s.id = a.session_id
                  WHERE a.member_id = OLD.id AND s.status <> 'preparing')
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: this council member took part in a session; end the membership and add a new one instead of rewriting it'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER council_member_no_delete BEFORE DELETE ON council_member
    WHEN EXISTS (SELECT 1 FROM session_attendance WHERE member_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: this council member is listed in a session and cannot be deleted'); END`.execute(db);

  // Session status machine: preparing → in_progress → closed → finalized; closed → in_progress
  // (more scoring) and finalized → closed (reopen with a reason) are the only ways back.
  await sql`CREATE TRIGGER session_status_transition BEFORE UPDATE OF status ON session
    WHEN NEW.status IS NOT OLD.status AND NOT (
      (OLD.status = 'preparing' AND NEW.status = 'in_progress') OR
      (OLD.status = 'in_progress' AND NEW.status = 'closed') OR
      (OLD.status = 'closed' AND NEW.status IN ('in_progress', 'finalized')) OR
      (OLD.status = 'finalized' AND NEW.status = 'closed'))
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: this session status transition is not allowed'); END`.execute(db);
  await sql`CREATE TRIGGER session_finalized_frozen BEFORE UPDATE ON session
    WHEN OLD.status = 'finalized' AND NEW.status = 'finalized'
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: a finalized session never changes'); END`.execute(db);
  await sql`CREATE TRIGGER session_delete_only_preparing BEFORE DELETE ON session
    WHEN OLD.status <> 'preparing'
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: only a session still in preparation can be deleted'); END`.execute(db);

  // Agenda, attendance and recusals are frozen once the session is closed or finalized.
  for (const table of ['session_agenda_item', 'session_attendance', 'session_conflict']) {
    for (const [op, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_frozen_${op.toLowerCase()} BEFORE ${op} ON ${table}
          WHEN (SELECT status FROM session WHERE id = ${row}.session_id) IN ('closed', 'finalized')
          BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: ${table} cannot change once the session is closed or finalized'); END`,
        )
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('0004_councils cannot be reverted');
}
