import type { Generated } from 'kysely';

/** One time meeting-room mode was on for a session (migration 0015). */
export interface RoomTable {
  id: Generated<number>;
  session_id: number;
  address: string;
  port: number;
  /** 'https' | 'http' */
  protocol: string;
  fingerprint: string | null;
  pairing_code: string;
  code_expires_at: string;
  started_at: string;
  started_by: string;
  stopped_at: string | null;
  stopped_by: string | null;
  stop_reason: string | null;
}

/** A member's paired device; only the SHA-256 of its credential is kept. */
export interface RoomDeviceTable {
  id: Generated<number>;
  room_id: number;
  session_id: number;
  member_id: number;
  secret_hash: string;
  /** 'phone' | 'tablet' | 'laptop' */
  kind: string;
  label: string;
  remote_address: string;
  paired_at: string;
  last_seen_at: string;
  unsent: Generated<number>;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

/** Idempotency keys of sheet changes, recorded once with the host's answer. */
export interface ClientOpTable {
  op_id: string;
  sheet_id: number;
  channel: string;
  device_id: number | null;
  result_json: string;
  at: string;
}

export interface RoomTables {
  room: RoomTable;
  room_device: RoomDeviceTable;
  client_op: ClientOpTable;
}
