import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Product } from '../../../shared/api/channels/dossiers-fields';
import { classificationOfSet } from '../../../shared/ocop/dossier-classification';
import { foldForSearch } from '../../../shared/text/normalize';
import type { DB } from '../db/schema';
import type { ProductTable } from '../db/tables/dossiers';
import { classificationTree } from './classification-tree';
import { allWordsIn, searchTokens } from './dossier-common';

type Row = Selectable<ProductTable> & { producer_name: string; registration_count: number | null };

export function toProduct(r: Row): Product {
  return {
    id: r.id,
    producerId: r.producer_id,
    producerName: r.producer_name,
    name: r.name,
    setKey: r.set_key,
    classification: classificationOfSet(classificationTree, r.set_key),
    specification: r.specification,
    packaging: r.packaging,
    productCode: r.product_code,
    codeSeq: r.code_seq,
    codeYear: r.code_year,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    registrationCount: Number(r.registration_count ?? 0),
  };
}

export interface ProductValues {
  producerId: number;
  name: string;
  setKey: string;
  specification: string;
  packaging: string;
  productCode: string;
  codeProvince: string;
  codeCommune: string;
  codeSeq: number;
  codeYear: number;
  note: string;
}

export const productColumns = (v: ProductValues) => ({
  producer_id: v.producerId,
  name: v.name,
  name_folded: foldForSearch(v.name),
  set_key: v.setKey,
  specification: v.specification,
  packaging: v.packaging,
  product_code: v.productCode,
  code_province: v.codeProvince,
  code_commune: v.codeCommune,
  code_seq: v.codeSeq,
  code_year: v.codeYear,
  note: v.note,
});

export async function insertProduct(db: Kysely<DB>, v: ProductValues, at: string): Promise<number> {
  const r = await db
    .insertInto('product')
    .values({ ...productColumns(v), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProductRow(db: Kysely<DB>, id: number, v: ProductValues, at: string): Promise<void> {
  await db
    .updateTable('product')
    .set({ ...productColumns(v), updated_at: at })
    .where('id', '=', id)
    .execute();
}

const registrationCount = (eb: ExpressionBuilder<DB, 'product'>) =>
  eb
    .selectFrom('registration')
    .select(eb.fn.countAll<number>().as('n'))
    .whereRef('registration.product_id', '=', 'product.id')
    .as('registration_count');

const base = (db: Kysely<DB>) =>
  db
    .selectFrom('product')
    .innerJoin('producer', 'producer.id', 'product.producer_id')
    .selectAll('product')
    .select('producer.name as producer_name')
    .select(registrationCount);

export async function getProduct(db: Kysely<DB>, id: number): Promise<Product | undefined> {
  const r = await base(db).where('product.id', '=', id).executeTakeFirst();
  return r ? toProduct(r) : undefined;
}

/** The product of this producer with the same folded name (the duplicate rule), if any. */
export async function findProductIdByName(db: Kysely<DB>, producerId: number, name: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('product')
    .select('id')
    .where('producer_id', '=', producerId)
    .where('name_folded', '=', foldForSearch(name))
    .executeTakeFirst();
  return r?.id;
}

export async function findProductIdByCode(db: Kysely<DB>, code: string): Promise<number | undefined> {
  const r = await db.selectFrom('product').select('id').where('product_code', '=', code).executeTakeFirst();
  return r?.id;
}

/** Next running number of a commune's product list (STT): one more than the highest used. */
export async function nextCommuneSeq(db: Kysely<DB>, communeCode: string): Promise<number> {
  const r = await db
    .selectFrom('product')
    .select((eb) => eb.fn.max('code_seq').as('m'))
    .where('code_commune', '=', communeCode)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function listProducts(
  db: Kysely<DB>,
  f: { producerId?: number; search?: string; offset: number; limit: number },
): Promise<{ total: number; rows: Product[] }> {
  const words = searchTokens(f.search);
  let q = db.selectFrom('product');
  if (f.producerId !== undefined) q = q.where('product.producer_id', '=', f.producerId);
  if (words.length > 0) q = q.where(allWordsIn('product.name_folded', words));
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let rq = base(db);
  if (f.producerId !== undefined) rq = rq.where('product.producer_id', '=', f.producerId);
  if (words.length > 0) rq = rq.where(allWordsIn('product.name_folded', words));
  const rows = await rq.orderBy('product.name_folded').orderBy('product.id').limit(f.limit).offset(f.offset).execute();
  return { total, rows: rows.map(toProduct) };
}
