import { sql } from 'kysely';
import type { RegistryEntryDetail } from '../../../shared/api/channels/registry';
import { isStar } from '../../../shared/ocop/legal-basis';
import { starChange } from '../../../shared/ocop/registry-status';
import { vnToday } from '../../../shared/ocop/vn-time';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { latestIssues } from '../documents/register/register-repo';
import { entryCorrections } from './correction-repo';
import { chainRows, getEntryRow, revokeGroundOf, toEntry, type Db } from './entry-repo';

/** A re-evaluation or upgrade registration of the product that has no result yet. */
async function pendingRegistration(db: Db, productId: number | null): Promise<RegistryEntryDetail['pendingRegistration']> {
  if (productId === null) return null;
  const r = await db
    .selectFrom('registration as r')
    .innerJoin('evaluation_round as rd', 'rd.id', 'r.round_id')
    .select(['r.id', 'r.registration_no', 'r.kind', 'r.status', 'rd.name as round_name'])
    .where('r.product_id', '=', productId)
    .where('r.kind', 'in', ['reevaluation', 'upgrade'])
    .where('r.status', 'not in', ['evaluated', 'result'])
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM registry_entry e WHERE e.registration_id = r.id)`)
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  return r ? { id: r.id, registrationNo: r.registration_no, kind: r.kind, status: r.status, roundName: r.round_name } : null;
}

export async function entryDetail(db: Db, id: number, on: string): Promise<RegistryEntryDetail> {
  const row = await getEntryRow(db, id);
  if (!row) throw notFound('Registry entry', id);
  const entry = toEntry(row, on);
  const chain = await chainRows(db, entry.rootId);
  const previous = row.follows_id === null ? undefined : chain.find((c) => c.id === row.follows_id);
  return {
    ...entry,
    decisionSigner: row.decision_signer,
    addressText: row.address_text,
    communeName: row.commune_name,
    provinceName: row.province_name,
    revokeGround: revokeGroundOf(row),
    revokeDecisionNo: row.revoke_decision_no,
    revokeNote: row.revoke_note,
    womenLed: row.women_led === null ? null : row.women_led === 1,
    ethnicMinority: row.ethnic_minority === null ? null : row.ethnic_minority === 1,
    note: row.note,
    sourceRow: row.source_row,
    importId: row.import_id,
    producerId: row.producer_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    starChange:
      previous && isStar(previous.star) && isStar(row.star) && row.kind !== 'first' ? starChange(previous.star, row.star) : null,
    history: chain.map((c) => toEntry(c, on)),
    pendingRegistration: await pendingRegistration(db, row.product_id),
    issuedDocuments:
      row.session_id === null
        ? []
        : (await latestIssues(db, row.session_id, ['decision', 'certificate'])).map((d) => ({
            id: d.id,
            kind: d.kind,
            title: d.title,
            number: d.number,
            issuedAt: d.issuedAt,
          })),
    corrections: await entryCorrections(db, row.id),
  };
}

export const getEntry = (ctx: CoreContext, input: { id: number; on?: string | undefined }) =>
  entryDetail(ctx.db, input.id, input.on ?? vnToday(ctx.now()));
