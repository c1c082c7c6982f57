import { type Kysely, sql } from 'kysely';

/**
 * Scoring: each member's sheet (phiếu đánh giá) per product and re-scoring round, its answers
 * as an append-only event log with the current state kept beside it, paper sheets entered once
 * or twice, and the re-scoring rounds the chair opens.
 *
 * The services check every rule first with a message naming the field; the triggers below are
 * the backstop that keeps a submitted sheet and the answer history intact against any caller.
 * Trigger messages start with the error code the core reports. Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('score_sheet')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('restrict'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('council_member.id').onDelete('restrict'))
    // Copied from the registration when the sheet is created: the sheet names the exact version it was scored on.
    .addColumn('criteria_set_version_id', 'integer', (c) =>
      c.notNull().references('criteria_set_version.id').onDelete('restrict'),
    )
    // 0 = the first scoring; 1, 2 … = re-scoring rounds opened by the chair (score_rescoring_round).
    .addColumn('rescoring_round', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`rescoring_round >= 0`),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('member', 'paper')`))
    // Paper sheets: who typed them in ("nhập từ phiếu giấy"), both names for a double entry.
    .addColumn('entered_by', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status IN ('draft', 'submitted', 'superseded')`),
    )
    // Derived from the answers on every change (sheet-rules.ts) so lists, progress and spread
    // read one row per sheet.
    .addColumn('total_points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applicable_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('complete', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`complete IN (0, 1)`),
    )
    .addColumn('disqualified', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`disqualified IN (0, 1)`),
    )
    .addColumn('disqualify_reason', 'text')
    .addColumn('stopped', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`stopped IN (0, 1)`),
    )
    // "Ý kiến của người đánh giá" at the foot of the phiếu.
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    // Why the member revised their score in a re-scoring round.
    .addColumn('revision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addUniqueConstraint('score_sheet_once', ['session_id', 'registration_id', 'member_id', 'rescoring_round'])
    .addCheckConstraint('score_sheet_submitted_at', sql`(status = 'draft') = (submitted_at IS NULL)`)
    .addCheckConstraint('score_sheet_paper_enterer', sql`source <> 'paper' OR entered_by IS NOT NULL`)
    .addCheckConstraint(
      'score_sheet_disqualify_reason',
      sql`disqualified = 0 OR length(trim(coalesce(disqualify_reason, ''))) > 0`,
    )
    .execute();
  await db.schema.createIndex('score_sheet_member').on('score_sheet').columns(['session_id', 'member_id']).execute();
  await db.schema.createIndex('score_sheet_registration').on('score_sheet').columns(['registration_id']).execute();

  // Append-only: every change of a level, note, declaration or opinion, and every undo.
  await db.schema
    .createTable('score_answer_event')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('sheet_id', 'integer', (c) => c.notNull().references('score_sheet.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('level', 'note', 'declaration', 'opinion')`))
    // level/note: the criterion code; declaration: the rule id; opinion: ''.
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('level_index', 'integer', (c) => c.check(sql`level_index IS NULL OR level_index >= 0`))
    .addColumn('points', 'integer')
    .addColumn('holds', 'integer', (c) => c.check(sql`holds IS NULL OR holds IN (0, 1)`))
    // note text, declaration reason or opinion.
    .addColumn('text', 'text')
    // The state of the same target just before this event (JSON), so an undo restores it exactly.
    .addColumn('before_json', 'text')
    // Set on an undo event: the event it reverts.
    .addColumn('undoes_seq', 'integer', (c) => c.references('score_answer_event.seq'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('score_answer_event_sheet').on('score_answer_event').columns(['sheet_id', 'seq']).execute();
  await sql`CREATE UNIQUE INDEX score_answer_event_undo_once ON score_answer_event(undoes_seq) WHERE undoes_seq IS NOT NULL`.execute(
    db,
  );

  // The current answer per criterion, maintained by the service in the same transaction as the event.
  await sql`CREATE TABLE score_answer (
    sheet_id INTEGER NOT NULL REFERENCES score_sheet(id) ON DELETE RESTRICT,
    criterion_code TEXT NOT NULL,
    level_index INTEGER CHECK (level_index IS NULL OR level_index >= 0),
    points INTEGER,
    note TEXT NOT NULL DEFAULT '',
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (sheet_id, criterion_code),
    CHECK ((level_index IS NULL) = (points IS NULL))
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE score_declaration (
    sheet_id INTEGER NOT NULL REFERENCES score_sheet(id) ON DELETE RESTRICT,
    rule_id TEXT NOT NULL,
    holds INTEGER NOT NULL CHECK (holds IN (0, 1)),
    reason TEXT,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (sheet_id, rule_id)
  ) WITHOUT ROWID`.execute(db);

  await db.schema
    .createTable('score_rescoring_round')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('restrict'))
    .addColumn('round_no', 'integer', (c) => c.notNull().check(sql`round_no >= 1`))
    .addColumn('opened_by_member_id', 'integer', (c) => c.notNull().references('council_member.id').onDelete('restrict'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    // The spread that triggered the round, in points (for the minutes).
    .addColumn('spread_points', 'integer')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addUniqueConstraint('score_rescoring_round_once', ['session_id', 'registration_id', 'round_no'])
    .execute();

  // Paper sheets: one or two independent entries of the same phiếu, then one committed sheet.
  await db.schema
    .createTable('paper_entry')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('session.id').onDelete('restrict'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('restrict'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('council_member.id').onDelete('restrict'))
    .addColumn('rescoring_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entry_no', 'integer', (c) => c.notNull().check(sql`entry_no IN (1, 2)`))
    .addColumn('entered_by', 'text', (c) => c.notNull().check(sql`length(trim(entered_by)) > 0`))
    .addColumn('written_total', 'integer')
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status IN ('open', 'committed')`),
    )
    .addColumn('committed_sheet_id', 'integer', (c) => c.references('score_sheet.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('paper_entry_once', ['session_id', 'registration_id', 'member_id', 'rescoring_round', 'entry_no'])
    .addCheckConstraint('paper_entry_committed', sql`(status = 'committed') = (committed_sheet_id IS NOT NULL)`)
    .execute();

  await sql`CREATE TABLE paper_entry_answer (
    entry_id INTEGER NOT NULL REFERENCES paper_entry(id) ON DELETE CASCADE,
    criterion_code TEXT NOT NULL,
    level_index INTEGER NOT NULL CHECK (level_index >= 0),
    PRIMARY KEY (entry_id, criterion_code)
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE paper_entry_declaration (
    entry_id INTEGER NOT NULL REFERENCES paper_entry(id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    holds INTEGER NOT NULL CHECK (holds IN (0, 1)),
    reason TEXT,
    PRIMARY KEY (entry_id, rule_id)
  ) WITHOUT ROWID`.execute(db);

  await createSheetTriggers(db);
  await createPaperTriggers(db);
}

async function createSheetTriggers(db: Kysely<unknown>): Promise<void> {
  // The sheet is scored on the registration's pinned criteria set, nothing else.
  await sql`CREATE TRIGGER score_sheet_set_matches BEFORE INSERT ON score_sheet
    WHEN NEW.criteria_set_version_id IS NOT (SELECT criteria_set_version_id FROM registration WHERE id = NEW.registration_id)
    BEGIN SELECT RAISE(ABORT, 'CONFLICT: a score sheet must use the criteria set version pinned on its registration'); END`.execute(
    db,
  );

  // A criteria set version used by any sheet never changes again (shared rule with self-assessment).
  await sql`CREATE TRIGGER score_sheet_locks_set AFTER INSERT ON score_sheet
    BEGIN UPDATE criteria_set_version SET locked = 1 WHERE id = NEW.criteria_set_version_id AND locked = 0; END`.execute(db);

  // Nor can the registration swap its set under an existing sheet.
  await sql`CREATE TRIGGER registration_set_pinned_by_sheet BEFORE UPDATE OF criteria_set_version_id ON registration
    WHEN NEW.criteria_set_version_id IS NOT OLD.criteria_set_version_id
      AND EXISTS (SELECT 1 FROM score_sheet WHERE registration_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: the registration has score sheets on its criteria set; the set cannot be changed'); END`.execute(
    db,
  );

  // Submitted: only the status may move on (superseded by a re-scoring, or back to draft by an
  // audited unlock); every scored field stays as submitted. Superseded: never changes.
  const scored = [
    'session_id',
    'registration_id',
    'member_id',
    'criteria_set_version_id',
    'rescoring_round',
    'source',
    'entered_by',
    'total_points',
    'answered_count',
    'applicable_count',
    'complete',
    'disqualified',
    'disqualify_reason',
    'stopped',
    'opinion',
    'revision_reason',
    'created_at',
  ];
  await sql
    .raw(
      `CREATE TRIGGER score_sheet_submitted_frozen BEFORE UPDATE ON score_sheet
      WHEN OLD.status = 'submitted' AND (NEW.status NOT IN ('superseded', 'draft') OR ${scored.map((f) => `NEW.${f} IS NOT OLD.${f}`).join(' OR ')})
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a submitted score sheet cannot change; unlock it first'); END`,
    )
    .execute(db);
  await sql`CREATE TRIGGER score_sheet_superseded_frozen BEFORE UPDATE ON score_sheet
    WHEN OLD.status = 'superseded'
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a superseded score sheet is kept as it was'); END`.execute(db);
  await sql`CREATE TRIGGER score_sheet_no_delete BEFORE DELETE ON score_sheet
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: score sheets are never deleted'); END`.execute(db);

  // Answers change only on a draft sheet of a session that is open for scoring.
  await sql`CREATE TRIGGER score_answer_event_draft_only BEFORE INSERT ON score_answer_event
    WHEN (SELECT status FROM score_sheet WHERE id = NEW.sheet_id) IS NOT 'draft'
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: answers can only change on a draft score sheet'); END`.execute(db);
  await sql`CREATE TRIGGER score_answer_event_session_open BEFORE INSERT ON score_answer_event
    WHEN (SELECT s.status FROM score_sheet sh JOIN session s ON s.id = sh.session_id WHERE sh.id = NEW.sheet_id) IS NOT 'in_progress'
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: answers can only change while the session is in progress'); END`.execute(db);
  await sql`CREATE TRIGGER score_answer_event_no_update BEFORE UPDATE ON score_answer_event
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: score_answer_event is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER score_answer_event_no_delete BEFORE DELETE ON score_answer_event
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: score_answer_event is append-only'); END`.execute(db);

  for (const table of ['score_answer', 'score_declaration']) {
    for (const [op, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_draft_only_${op.toLowerCase()} BEFORE ${op} ON ${table}
          WHEN (SELECT status FROM score_sheet WHERE id = ${row}.sheet_id) IS NOT 'draft'
          BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: answers can only change on a draft score sheet'); END`,
        )
        .execute(db);
    }
  }

  await sql`CREATE TRIGGER score_rescoring_round_no_update BEFORE UPDATE ON score_rescoring_round
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a re-scoring round is a record of the meeting and never changes'); END`.execute(db);
  await sql`CREATE TRIGGER score_rescoring_round_no_delete BEFORE DELETE ON score_rescoring_round
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a re-scoring round is a record of the meeting and is never deleted'); END`.execute(db);
}

async function createPaperTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TRIGGER paper_entry_committed_frozen BEFORE UPDATE ON paper_entry
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a committed paper entry cannot change'); END`.execute(db);
  await sql`CREATE TRIGGER paper_entry_committed_no_delete BEFORE DELETE ON paper_entry
    WHEN OLD.status = 'committed'
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a committed paper entry cannot be deleted'); END`.execute(db);
  for (const table of ['paper_entry_answer', 'paper_entry_declaration']) {
    for (const [op, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_open_only_${op.toLowerCase()} BEFORE ${op} ON ${table}
          WHEN (SELECT status FROM paper_entry WHERE id = ${row}.entry_id) = 'committed'
          BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a committed paper entry cannot change'); END`,
        )
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('0005_scoring cannot be reverted');
}
