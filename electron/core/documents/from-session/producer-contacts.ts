/**
 * The producer's address and phone for each product on a session's agenda: the scoring sheet's
 * identification lines ("Số điện thoại", "Địa chỉ"), the summary's "Chủ thể (tên, địa chỉ)", the
 * decision's annex. Results carry names only, so documents read these from the dossiers tables
 * (one query for the whole agenda). An evaluated registration prints the address recorded at
 * evaluation (migration 0008), like its names; the phone is not part of that record.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addressLine } from '../../dossiers/display-names';

export interface ProducerContact {
  /** "Ấp Tân An, xã Tân Khánh Trung, tỉnh Đồng Tháp" (street, commune, province). */
  producerAddress: string;
  producerPhone: string;
}

export async function loadProducerContacts(db: Kysely<DB>, sessionId: number): Promise<Map<number, ProducerContact>> {
  const rows = await db
    .selectFrom('session_agenda_item as i')
    .innerJoin('registration as r', 'r.id', 'i.registration_id')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .select([
      'i.registration_id',
      'r.snapshot_at',
      'r.snapshot_producer_address',
      'pr.address',
      'pr.commune_name',
      'pr.province_name',
      'pr.phone',
    ])
    .where('i.session_id', '=', sessionId)
    .execute();
  return new Map(
    rows.map((r) => {
      const current = addressLine({ address: r.address, communeName: r.commune_name, provinceName: r.province_name });
      const producerAddress = r.snapshot_at !== null ? (r.snapshot_producer_address ?? current) : current;
      return [r.registration_id, { producerAddress, producerPhone: (r.phone ?? '').trim() }];
    }),
  );
}
