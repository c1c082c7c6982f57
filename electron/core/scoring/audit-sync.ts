import type Database from 'better-sqlite3';
import { GENESIS_HASH, auditHash, type AuditPayload } from '../audit/chain';
import type { AuditInput } from '../audit/audit-repo';
import { stmt } from './sync-db';

/**
 * appendAudit (audit/audit-repo.ts) for the synchronous autosave path: the same payload, the
 * same hash (audit/chain.ts) and the same columns, with prepared statements. The two write one
 * chain; sheet-service.test.ts checks that verifyAudit accepts a chain mixing both.
 */
export function appendAuditSync(sqlite: Database.Database, at: Date, e: AuditInput): string {
  const last = stmt(sqlite, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const payload: AuditPayload = {
    at: at.toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
  };
  const hash = auditHash(prevHash, payload);
  stmt(
    sqlite,
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    payload.at,
    payload.actor,
    payload.action,
    payload.entity,
    payload.entityId,
    payload.before === null ? null : JSON.stringify(payload.before),
    payload.after === null ? null : JSON.stringify(payload.after),
    prevHash,
    hash,
  );
  return hash;
}
