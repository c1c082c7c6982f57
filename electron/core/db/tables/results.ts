import type { Generated } from 'kysely';

/**
 * A session's finalization (migration 0006): the audit head and the digest of the results at
 * the moment the council finalized. Rows are never deleted; a reopen fills in the reopen
 * fields once and a later finalization inserts a new row (seq + 1).
 */
export interface SessionFinalizationTable {
  id: Generated<number>;
  session_id: number;
  seq: number;
  audit_head: string;
  results_digest: string;
  /** The canonical JSON that results_digest hashes (re-verifiable at any time). */
  results_json: string;
  finalized_at: string;
  finalized_by: string;
  chair_member_id: number | null;
  reopened_at: string | null;
  reopened_by: string | null;
  reopen_reason: string | null;
  /** The presiding member who gave the reason. */
  reopen_chair_member_id: number | null;
}

export interface ResultsTables {
  session_finalization: SessionFinalizationTable;
}
