import type Database from 'better-sqlite3';
import type { AuditIndex } from './audit-index';
import type { Collector } from './collector';

/**
 * Producers, products and registrations against their audit events. Each create/update event
 * holds the row as it was saved (`after`), a status event the new status, a delete event the
 * row's removal: folding them in order gives what each row must hold now, field by field. Rows
 * the log never mentions (inserted behind the app's back) and rows it says exist but are gone
 * are differences too.
 *
 * Limitation: rows created by an Excel import are named in the import's event by id only, so
 * their fields are compared only after a later event records them.
 */

interface Spec {
  table: 'producer' | 'product' | 'registration';
  entity: string;
  /** audit field → column */
  fields: Record<string, string>;
  /** Keys under which other events name ids of this table (existence only). */
  idKeys: string[];
}

const SPECS: Spec[] = [
  {
    table: 'producer',
    entity: 'producer',
    fields: { name: 'name', kind: 'kind', taxCode: 'tax_code' },
    idKeys: ['producerId', 'producers'],
  },
  {
    table: 'product',
    entity: 'product',
    fields: { name: 'name', producerId: 'producer_id', setKey: 'set_key' },
    idKeys: ['productId', 'products'],
  },
  {
    table: 'registration',
    entity: 'registration',
    fields: {
      productId: 'product_id',
      roundId: 'round_id',
      kind: 'kind',
      currentStars: 'current_stars',
      registrationNo: 'registration_no',
      criteriaSetVersionId: 'criteria_set_version_id',
      status: 'status',
    },
    idKeys: ['registrationId', 'registrations', 'registrationIds', 'created'],
  },
];

export function checkDossiers(sqlite: Database.Database, audit: AuditIndex, c: Collector): void {
  const mentioned = mentionedIds(audit);
  for (const spec of SPECS) {
    const rows = new Map(
      (sqlite.prepare(`SELECT * FROM ${spec.table}`).all() as Record<string, unknown>[]).map((r) => [r.id as number, r]),
    );
    // Fold the entity's own events.
    const expected = new Map<number, { exists: boolean; fields: Record<string, unknown>; seq: number }>();
    for (const a of audit.rows) {
      if (a.entity !== spec.entity || a.entityId === null) continue;
      const id = Number(a.entityId);
      const state = expected.get(id) ?? { exists: true, fields: {}, seq: a.seq };
      state.seq = a.seq;
      if (a.action.endsWith('.delete')) {
        state.exists = false;
      } else {
        state.exists = true;
        for (const f of Object.keys(spec.fields)) if (a.after && f in a.after) state.fields[f] = a.after[f];
      }
      expected.set(id, state);
    }
    for (const [id, state] of expected) {
      const row = rows.get(id);
      const key = `${spec.table} ${id}`;
      c.checked('dossiers');
      if (!state.exists) {
        if (row) c.add('dossiers', spec.table, key, `deleted (audit event ${state.seq})`, 'still present');
        continue;
      }
      if (!row) {
        c.add('dossiers', spec.table, key, `present (last audit event ${state.seq})`, 'missing');
        continue;
      }
      for (const [f, value] of Object.entries(state.fields)) {
        const col = spec.fields[f]!;
        c.checked('dossiers');
        if (!sameValue(value, row[col]))
          c.add('dossiers', spec.table, `${key}, ${col} (audit event ${state.seq})`, value, row[col]);
      }
    }
    // Rows no event ever named.
    const named = mentioned.get(spec.table)!;
    for (const id of rows.keys()) {
      if (expected.has(id) || named.has(id)) continue;
      c.add('dossiers', spec.table, `${spec.table} ${id}`, 'an audit event creating it', 'none');
    }
  }
}

const sameValue = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'boolean') return (a ? 1 : 0) === b;
  return (a ?? null) === (b ?? null);
};

/**
 * Ids of producers/products/registrations named anywhere in the log (imports list created ids,
 * registry and agenda events name registrations): enough to say the row came through the app.
 */
function mentionedIds(audit: AuditIndex): Map<string, Set<number>> {
  const out = new Map(SPECS.map((s) => [s.table, new Set<number>()]));
  const keyTable = new Map<string, Spec['table']>();
  for (const s of SPECS) for (const k of s.idKeys) if (k !== 'created') keyTable.set(k, s.table);
  for (const a of audit.rows) {
    const stack: { v: unknown; table: Spec['table'] | null; depth: number }[] = [
      { v: a.after, table: null, depth: 0 },
      { v: a.before, table: null, depth: 0 },
    ];
    if (a.entity === 'evaluation_round') stack.push({ v: a.after?.created, table: 'registration', depth: 1 });
    while (stack.length > 0) {
      const { v, table, depth } = stack.pop()!;
      if (depth > 6 || v === null || typeof v !== 'object') {
        if (table && typeof v === 'number') out.get(table)!.add(v);
        continue;
      }
      if (Array.isArray(v)) {
        for (const x of v) stack.push({ v: x, table, depth: depth + 1 });
        continue;
      }
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const t = keyTable.get(k) ?? (table && (k === 'created' || k === 'updated' || k === 'id') ? table : null);
        stack.push({ v: x, table: t, depth: depth + 1 });
      }
    }
  }
  return out;
}
