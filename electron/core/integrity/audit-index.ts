import type Database from 'better-sqlite3';
import type { StoredAuditRow } from '../audit/audit-repo';

/** One audit_log row with its JSON read. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The JSON columns exactly as parsed (what the hash covers); `undefined` when unreadable. */
  rawBefore: unknown;
  rawAfter: unknown;
  prevHash: string;
  hash: string;
}

/** The whole audit log, read once, indexed the ways the checks look it up. */
export interface AuditIndex {
  rows: AuditRow[];
  bySeq: Map<number, AuditRow>;
  /** Events per "entity:id", in order. */
  byEntity: Map<string, AuditRow[]>;
  byAction: Map<string, AuditRow[]>;
}

const parse = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
};

const obj = (json: string | null): Record<string, unknown> | null => {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { unreadable: json.slice(0, 80) };
  }
};

export function readAuditIndex(sqlite: Database.Database): AuditIndex {
  const raw = sqlite
    .prepare(
      'SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY seq',
    )
    .all() as StoredAuditRow[];
  const rows: AuditRow[] = raw.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: obj(r.before_json),
    after: obj(r.after_json),
    rawBefore: parse(r.before_json),
    rawAfter: parse(r.after_json),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  const bySeq = new Map<number, AuditRow>();
  const byEntity = new Map<string, AuditRow[]>();
  const byAction = new Map<string, AuditRow[]>();
  for (const r of rows) {
    bySeq.set(r.seq, r);
    const k = `${r.entity}:${r.entityId ?? ''}`;
    (byEntity.get(k) ?? byEntity.set(k, []).get(k)!).push(r);
    (byAction.get(r.action) ?? byAction.set(r.action, []).get(r.action)!).push(r);
  }
  return { rows, bySeq, byEntity, byAction };
}

export const eventsOf = (a: AuditIndex, entity: string, id: number | string): AuditRow[] =>
  a.byEntity.get(`${entity}:${id}`) ?? [];
export const actionsOf = (a: AuditIndex, ...actions: string[]): AuditRow[] =>
  actions.flatMap((x) => a.byAction.get(x) ?? []).sort((x, y) => x.seq - y.seq);
