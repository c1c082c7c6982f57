import type Database from 'better-sqlite3';
import type { AuditHead } from '../../../shared/api/channels/integrity';

/**
 * The audit log's head — sequence number and hash of its last event — or null for an empty log.
 * Written into every backup manifest, exported sheets file and archive, and printed on finalized
 * documents: copies of the history outside the database, so a rewritten or truncated chain shows.
 */
export function auditHeadOf(sqlite: Database.Database): AuditHead {
  const r = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return r ? { seq: r.seq, hash: r.hash } : null;
}
