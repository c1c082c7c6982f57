import type Database from 'better-sqlite3';
import { GENESIS_HASH } from './chain';
import { auditRow, type AuditInput } from './audit-repo';
import { stmt } from '../db/sync-db';

/**
 * appendAudit (audit/audit-repo.ts) for the synchronous autosave path: the same row (auditRow),
 * written with cached prepared statements. The two write one chain; sheet-service.test.ts checks
 * that verifyAudit accepts a chain mixing both.
 */
export function appendAuditSync(sqlite: Database.Database, at: Date, e: AuditInput): string {
  const last = stmt(sqlite, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const r = auditRow(last?.hash ?? GENESIS_HASH, at, e);
  stmt(
    sqlite,
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(r.at, r.actor, r.action, r.entity, r.entity_id, r.before_json, r.after_json, r.prev_hash, r.hash);
  return r.hash;
}
