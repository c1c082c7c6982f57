import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { RegistrationRecord } from './registration-repo';

/** How a registration's product and producer are named in results and documents. */
export interface DisplayNames {
  productName: string;
  productCode: string;
  producerName: string;
  /** Street, commune, province as one line. */
  producerAddress: string;
  /** When the names were recorded (the move to 'evaluated'); null = not evaluated yet, current names. */
  evaluatedAt: string | null;
}

/** Address as one line, the same way migration 0008 writes the snapshot. */
export const addressLine = (p: { address: string; communeName: string; provinceName: string }): string =>
  `${p.address.trim() === '' ? '' : `${p.address}, `}${p.communeName}, ${p.provinceName}`;

/** The names recorded at evaluation (migration 0008), or null for a registration not evaluated yet. */
export function snapshotOf(
  r: Pick<
    RegistrationRecord,
    'snapshot_product_name' | 'snapshot_product_code' | 'snapshot_producer_name' | 'snapshot_producer_address' | 'snapshot_at'
  >,
): DisplayNames | null {
  if (r.snapshot_at === null) return null;
  return {
    productName: r.snapshot_product_name ?? '',
    productCode: r.snapshot_product_code ?? '',
    producerName: r.snapshot_producer_name ?? '',
    producerAddress: r.snapshot_producer_address ?? '',
    evaluatedAt: r.snapshot_at,
  };
}

/**
 * The names results and documents must print for a registration: the snapshot taken when it
 * was evaluated, else the current product and producer. Undefined for an unknown id.
 */
export async function registrationDisplayNames(db: Kysely<DB>, registrationId: number): Promise<DisplayNames | undefined> {
  const r = await db
    .selectFrom('registration as r')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .select([
      'r.snapshot_product_name',
      'r.snapshot_product_code',
      'r.snapshot_producer_name',
      'r.snapshot_producer_address',
      'r.snapshot_at',
      'p.name as product_name',
      'p.product_code',
      'pr.name as producer_name',
      'pr.address',
      'pr.commune_name',
      'pr.province_name',
    ])
    .where('r.id', '=', registrationId)
    .executeTakeFirst();
  if (!r) return undefined;
  return (
    snapshotOf(r) ?? {
      productName: r.product_name,
      productCode: r.product_code,
      producerName: r.producer_name,
      producerAddress: addressLine({ address: r.address, communeName: r.commune_name, provinceName: r.province_name }),
      evaluatedAt: null,
    }
  );
}
