/**
 * The producer's address and phone for each product on a session's agenda: the scoring sheet's
 * identification lines ("Số điện thoại", "Địa chỉ"), the summary's "Chủ thể (tên, địa chỉ)", the
 * decision's annex. Results carry names only, so documents read these from the dossiers tables
 * (one query for the whole agenda).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface ProducerContact {
  /** "Ấp Tân An, xã Tân Khánh Trung, tỉnh Đồng Tháp" (street, commune, province). */
  producerAddress: string;
  producerPhone: string;
}

/** Address as one line, street part first when there is one. */
export const addressText = (address: string, commune: string, province: string): string =>
  [address, commune, province].map((s) => s.trim()).filter((s) => s !== '').join(', ');

export async function loadProducerContacts(db: Kysely<DB>, sessionId: number): Promise<Map<number, ProducerContact>> {
  const rows = await db
    .selectFrom('session_agenda_item as i')
    .innerJoin('registration as r', 'r.id', 'i.registration_id')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .select(['i.registration_id', 'pr.address', 'pr.commune_name', 'pr.province_name', 'pr.phone'])
    .where('i.session_id', '=', sessionId)
    .execute();
  return new Map(rows.map((r) => [r.registration_id, { producerAddress: addressText(r.address, r.commune_name, r.province_name), producerPhone: (r.phone ?? '').trim() }]));
}
