import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Producer, ProducerData, ProducerSummary } from '../../../shared/api/channels/dossiers-fields';
import type { ProducerKind } from '../../../shared/ocop/dossier-model';
import { foldForSearch } from '../../../shared/text/normalize';
import type { DB } from '../db/schema';
import type { ProducerTable } from '../db/tables/dossiers';
import { allWordsIn, bit, bool, searchTokens } from './dossier-common';

type Row = Selectable<ProducerTable>;

export function toProducer(r: Row, productCount: number): Producer {
  return {
    id: r.id,
    kind: r.kind as ProducerKind,
    name: r.name,
    taxCode: r.tax_code,
    registrationNo: r.registration_no,
    representativeName: r.representative_name,
    representativePosition: r.representative_position,
    representativeGender: r.representative_gender as Producer['representativeGender'],
    representativeEthnicity: r.representative_ethnicity,
    representativeEthnicMinority: bool(r.representative_ethnic_minority),
    representativeDisability: bool(r.representative_disability),
    address: r.address,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    phone: r.phone,
    email: r.email,
    foundedOn: r.founded_on,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    productCount,
  };
}

/** Column values for a producer; the folded columns are derived here and nowhere else. */
export function producerColumns(d: ProducerData) {
  return {
    kind: d.kind,
    name: d.name,
    name_folded: foldForSearch(d.name),
    search_folded: foldForSearch([d.name, d.taxCode ?? '', d.registrationNo ?? '', d.representativeName, d.communeName, d.provinceName].join(' ')),
    tax_code: d.taxCode,
    registration_no: d.registrationNo,
    representative_name: d.representativeName,
    representative_position: d.representativePosition,
    representative_gender: d.representativeGender,
    representative_ethnicity: d.representativeEthnicity,
    representative_ethnic_minority: bit(d.representativeEthnicMinority),
    representative_disability: bit(d.representativeDisability),
    address: d.address,
    commune_code: d.communeCode,
    commune_name: d.communeName,
    province_code: d.provinceCode,
    province_name: d.provinceName,
    phone: d.phone,
    email: d.email,
    founded_on: d.foundedOn,
    note: d.note,
  };
}

export async function insertProducer(db: Kysely<DB>, d: ProducerData, at: string): Promise<number> {
  const r = await db
    .insertInto('producer')
    .values({ ...producerColumns(d), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProducerRow(db: Kysely<DB>, id: number, d: ProducerData, at: string): Promise<void> {
  await db.updateTable('producer').set({ ...producerColumns(d), updated_at: at }).where('id', '=', id).execute();
}

/** Number of products of the producer row in scope, as a correlated subquery. */
const productCount = (eb: ExpressionBuilder<DB, 'producer'>) =>
  eb.selectFrom('product').select(eb.fn.countAll<number>().as('n')).whereRef('product.producer_id', '=', 'producer.id').as('product_count');

export async function getProducer(db: Kysely<DB>, id: number): Promise<Producer | undefined> {
  const r = await db
    .selectFrom('producer')
    .selectAll('producer')
    .select(productCount)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toProducer(r, Number(r.product_count ?? 0)) : undefined;
}

export async function findProducerIdByTaxCode(db: Kysely<DB>, taxCode: string): Promise<number | undefined> {
  const r = await db.selectFrom('producer').select('id').where('tax_code', '=', taxCode).executeTakeFirst();
  return r?.id;
}

export interface ProducerListFilter {
  search?: string;
  kind?: ProducerKind;
  communeCode?: string;
  offset: number;
  limit: number;
}

export async function listProducers(db: Kysely<DB>, f: ProducerListFilter): Promise<{ total: number; rows: ProducerSummary[] }> {
  const words = searchTokens(f.search);
  let q = db.selectFrom('producer');
  if (words.length > 0) q = q.where(allWordsIn('search_folded', words));
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.communeCode) q = q.where('commune_code', '=', f.communeCode);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll('producer')
    .select(productCount)
    .orderBy('name_folded')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total,
    rows: rows.map((r) => {
      const p = toProducer(r, Number(r.product_count ?? 0));
      return { id: p.id, kind: p.kind, name: p.name, taxCode: p.taxCode, communeName: p.communeName, provinceName: p.provinceName, phone: p.phone, productCount: p.productCount };
    }),
  };
}
