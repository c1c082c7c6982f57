import { type Kysely, sql } from 'kysely';

/**
 * Meeting-room mode (issue 18): the secretary's computer listens on the room's network and each
 * member scores on their own device.
 *
 * - `room`: one row per time the mode was turned on for a session; at most one is open.
 * - `room_device`: a member's paired device, bound to member + session + room by a credential
 *   of which only the SHA-256 is stored; revocation is a timestamp, never a delete.
 * - `client_op`: the idempotency keys of changes sent by a device (and by the desktop's queue):
 *   each key is recorded once, in the transaction of the change it made, with the answer the
 *   host gave; a change sent again after a lost answer gets that answer and changes nothing.
 *
 * Never edit after release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE room (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE RESTRICT,
    address TEXT NOT NULL,
    port INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    protocol TEXT NOT NULL CHECK (protocol IN ('https', 'http')),
    fingerprint TEXT,
    pairing_code TEXT NOT NULL CHECK (length(pairing_code) = 6),
    code_expires_at TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_by TEXT NOT NULL,
    stopped_at TEXT,
    stopped_by TEXT,
    stop_reason TEXT,
    CHECK (protocol = 'http' OR fingerprint IS NOT NULL)
  )`.execute(db);
  // At most one room open at a time: the listener is one per computer.
  await sql`CREATE UNIQUE INDEX room_one_open ON room((stopped_at IS NULL)) WHERE stopped_at IS NULL`.execute(db);

  await sql`CREATE TABLE room_device (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id INTEGER NOT NULL REFERENCES room(id) ON DELETE RESTRICT,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE RESTRICT,
    member_id INTEGER NOT NULL REFERENCES council_member(id) ON DELETE RESTRICT,
    secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
    kind TEXT NOT NULL CHECK (kind IN ('phone', 'tablet', 'laptop')),
    label TEXT NOT NULL,
    remote_address TEXT NOT NULL,
    paired_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    unsent INTEGER NOT NULL DEFAULT 0 CHECK (unsent >= 0),
    revoked_at TEXT,
    revoked_by TEXT,
    revoke_reason TEXT
  )`.execute(db);
  await sql`CREATE INDEX room_device_room ON room_device(room_id)`.execute(db);

  await sql`CREATE TABLE client_op (
    op_id TEXT PRIMARY KEY CHECK (length(op_id) BETWEEN 16 AND 64),
    sheet_id INTEGER NOT NULL REFERENCES score_sheet(id) ON DELETE RESTRICT,
    channel TEXT NOT NULL,
    device_id INTEGER REFERENCES room_device(id) ON DELETE RESTRICT,
    result_json TEXT NOT NULL,
    at TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);
  // Recorded once, kept as they were.
  await sql`CREATE TRIGGER client_op_immutable BEFORE UPDATE ON client_op
    BEGIN SELECT RAISE(ABORT, 'client_op rows are never changed'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0015_meeting_room cannot be reverted; restore the backup taken before the migration');
}
