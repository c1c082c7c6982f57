import type { Producer, ProducerData } from '../../../shared/api/channels/dossiers-fields';
import { isTourismOnlyKind } from '../../../shared/ocop/dossier-model';
import { isTourismSet } from '../../../shared/ocop/dossier-classification';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';
import type { Write } from '../handlers';
import { classificationTree } from './classification-tree';
import { fieldError } from './dossier-common';
import { findProducerIdByTaxCode, getProducer, insertProducer, updateProducerRow } from './producer-repo';

async function assertTaxCodeFree(db: Kysely<DB>, taxCode: string | null, selfId: number | null): Promise<void> {
  if (!taxCode) return;
  const other = await findProducerIdByTaxCode(db, taxCode);
  if (other !== undefined && other !== selfId) {
    const p = await getProducer(db, other);
    throw new CoreError(
      'CONFLICT',
      `taxCode: tax number ${taxCode} already belongs to producer #${other} "${p?.name ?? ''}"; open that producer instead of creating a second one`,
      {
        field: 'taxCode',
        existingId: other,
      },
    );
  }
}

export async function createProducer({ trx, at, audit }: Write, d: ProducerData): Promise<Producer> {
  await assertTaxCodeFree(trx, d.taxCode, null);
  const id = await insertProducer(trx, d, at.toISOString());
  const after = (await getProducer(trx, id))!;
  await audit({ action: 'producers.create', entity: 'producer', entityId: id, after });
  return after;
}

/**
 * Hội, hiệp hội and trung tâm điều hành are chủ thể only for tourism services (Đ2.3): a
 * producer with products outside ngành VI cannot take such a kind.
 */
async function assertKindFitsProducts(db: Kysely<DB>, id: number, d: ProducerData): Promise<void> {
  if (!isTourismOnlyKind(d.kind)) return;
  const sets = await db.selectFrom('product').select('set_key').distinct().where('producer_id', '=', id).execute();
  const other = sets.find((s) => !isTourismSet(classificationTree, s.set_key));
  if (other)
    throw fieldError(
      'kind',
      `a ${d.kind} may only register tourism services (ngành VI), but this producer has a product under criteria set ${other.set_key}`,
    );
}

export async function updateProducer(
  { trx, at, audit }: Write,
  { id, data: d }: { id: number; data: ProducerData },
): Promise<Producer> {
  const before = await getProducer(trx, id);
  if (!before) throw notFound('producer', id);
  await assertTaxCodeFree(trx, d.taxCode, id);
  await assertKindFitsProducts(trx, id, d);
  await updateProducerRow(trx, id, d, at.toISOString());
  const after = (await getProducer(trx, id))!;
  await audit({ action: 'producers.update', entity: 'producer', entityId: id, before, after });
  return after;
}

export async function deleteProducer({ trx, audit }: Write, { id }: { id: number }): Promise<{ deleted: true }> {
  const before = await getProducer(trx, id);
  if (!before) throw notFound('producer', id);
  if (before.productCount > 0) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `producer #${id} "${before.name}" has ${before.productCount} product(s); delete or move them first`,
      { productCount: before.productCount },
    );
  }
  await trx.deleteFrom('producer').where('id', '=', id).execute();
  await audit({ action: 'producers.delete', entity: 'producer', entityId: id, before });
  return { deleted: true };
}
