/** Corrections of the registry made after a document printing them was issued (table registry_correction, 0010b). */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { RegistryCorrection } from '../../../shared/api/channels/document-register';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export type NewCorrection = Omit<RegistryCorrection, 'id'>;

export async function insertCorrection(trx: Transaction<DB>, c: NewCorrection): Promise<number> {
  const r = await trx
    .insertInto('registry_correction')
    .values({
      entry_id: c.entryId,
      session_id: c.sessionId,
      changes_json: JSON.stringify(Object.fromEntries(c.changes.map((x) => [x.field, { from: x.from, to: x.to }]))),
      reason: c.reason,
      issued_json: JSON.stringify(c.issued),
      corrected_at: c.correctedAt,
      corrected_by: c.correctedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const FIELDS = ['decisionNo', 'decisionDate', 'signer'] as const;

function toCorrection(r: Selectable<DB['registry_correction']>): RegistryCorrection {
  const changes = JSON.parse(r.changes_json) as Record<string, { from?: unknown; to?: unknown }>;
  const issued = JSON.parse(r.issued_json) as RegistryCorrection['issued'];
  return {
    id: r.id,
    entryId: r.entry_id,
    sessionId: r.session_id,
    changes: FIELDS.filter((f) => changes[f]).map((f) => ({
      field: f,
      from: String(changes[f]!.from ?? ''),
      to: String(changes[f]!.to ?? ''),
    })),
    reason: r.reason,
    issued: Array.isArray(issued) ? issued : [],
    correctedAt: r.corrected_at,
    correctedBy: r.corrected_by,
  };
}

/** A session's corrections, oldest first. */
export async function sessionCorrections(db: Db, sessionId: number): Promise<RegistryCorrection[]> {
  const rows = await db.selectFrom('registry_correction').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
  return rows.map(toCorrection);
}

/** An entry's corrections, oldest first. */
export async function entryCorrections(db: Db, entryId: number): Promise<RegistryCorrection[]> {
  const rows = await db.selectFrom('registry_correction').selectAll().where('entry_id', '=', entryId).orderBy('id').execute();
  return rows.map(toCorrection);
}
