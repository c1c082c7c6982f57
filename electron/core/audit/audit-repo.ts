import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditEvent } from '../../../shared/api/channels/app';
import type { DB } from '../db/schema';
import { GENESIS_HASH, auditHash, type AuditPayload } from './chain';

export type AuditInput = Omit<AuditPayload, 'at' | 'before' | 'after' | 'entityId'> & {
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** The audit_log row for one event after `prevHash`: the payload, its JSON columns and its hash. */
export function auditRow(prevHash: string, at: Date, e: AuditInput) {
  const payload: AuditPayload = {
    at: at.toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
  };
  return {
    at: payload.at,
    actor: payload.actor,
    action: payload.action,
    entity: payload.entity,
    entity_id: payload.entityId,
    before_json: payload.before === null ? null : JSON.stringify(payload.before),
    after_json: payload.after === null ? null : JSON.stringify(payload.after),
    prev_hash: prevHash,
    hash: auditHash(prevHash, payload),
  };
}

/**
 * Appends one event to the hash chain, inside the transaction of the change it records so the two
 * commit together (the type says so). Services reach it as `w.audit(event)` (handlers.ts).
 */
export async function appendAudit(trx: Transaction<DB>, at: Date, e: AuditInput): Promise<string> {
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row = auditRow(last?.hash ?? GENESIS_HASH, at, e);
  await trx.insertInto('audit_log').values(row).execute();
  return row.hash;
}

/** An audit_log row as stored (the table's columns, selected). */
export type StoredAuditRow = Selectable<DB['audit_log']>;

const toEvent = (r: StoredAuditRow): AuditEvent => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before_json === null ? null : JSON.parse(r.before_json),
  after: r.after_json === null ? null : JSON.parse(r.after_json),
  hash: r.hash,
});

export async function auditTail(db: Kysely<DB>, limit: number): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toEvent);
}

export async function auditHead(db: Kysely<DB>): Promise<string | null> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last?.hash ?? null;
}

export interface AuditVerification {
  ok: boolean;
  count: number;
  head: string | null;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Recomputes the whole chain and reports the first event whose stored hash or link is wrong. */
export async function verifyAudit(db: Kysely<DB>): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.prev_hash !== prev) {
      return {
        ok: false,
        count: rows.length,
        head: rows.at(-1)?.hash ?? null,
        firstBrokenSeq: r.seq,
        reason: `event ${r.seq} does not link to the event before it`,
      };
    }
    const e = toEvent(r);
    const expected = auditHash(prev, {
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
    });
    if (expected !== r.hash) {
      return {
        ok: false,
        count: rows.length,
        head: rows.at(-1)?.hash ?? null,
        firstBrokenSeq: r.seq,
        reason: `event ${r.seq} was altered after it was written`,
      };
    }
    prev = r.hash;
  }
  return { ok: true, count: rows.length, head: rows.at(-1)?.hash ?? null, firstBrokenSeq: null, reason: null };
}
