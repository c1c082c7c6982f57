import type { Generated } from 'kysely';

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface SettingTable {
  key: string;
  /** JSON-encoded value, validated with the Settings schema on read and write. */
  value: string;
  updated_at: string;
}

/** Append-only: triggers forbid UPDATE and DELETE (migration 0001). */
export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface FoundationTables {
  app_meta: AppMetaTable;
  setting: SettingTable;
  audit_log: AuditLogTable;
}
