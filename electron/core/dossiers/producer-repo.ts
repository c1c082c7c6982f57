import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { Producer, ProducerData } from '../../../shared/api/channels/dossiers-fields';
import type { ProducerListInput, ProducerListRow } from '../../../shared/api/channels/dossiers-producers';
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
    search_folded: foldForSearch(
      [d.name, d.taxCode ?? '', d.registrationNo ?? '', d.representativeName, d.communeName, d.provinceName].join(' '),
    ),
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
  await db
    .updateTable('producer')
    .set({ ...producerColumns(d), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Number of products of the producer row in scope, as a correlated subquery. */
const productCount = (eb: ExpressionBuilder<DB, 'producer'>) =>
  eb
    .selectFrom('product')
    .select(eb.fn.countAll<number>().as('n'))
    .whereRef('product.producer_id', '=', 'producer.id')
    .as('product_count');

export async function getProducer(db: Kysely<DB>, id: number): Promise<Producer | undefined> {
  const r = await db.selectFrom('producer').selectAll('producer').select(productCount).where('id', '=', id).executeTakeFirst();
  return r ? toProducer(r, Number(r.product_count ?? 0)) : undefined;
}

export async function findProducerIdByTaxCode(db: Kysely<DB>, taxCode: string): Promise<number | undefined> {
  const r = await db.selectFrom('producer').select('id').where('tax_code', '=', taxCode).executeTakeFirst();
  return r?.id;
}

type ListColumns = Pick<
  Row,
  | 'id'
  | 'kind'
  | 'name'
  | 'tax_code'
  | 'representative_name'
  | 'commune_code'
  | 'commune_name'
  | 'province_code'
  | 'province_name'
  | 'phone'
> & {
  product_count: number | null;
};

const toListRow = (r: ListColumns): ProducerListRow => ({
  id: r.id,
  kind: r.kind as ProducerKind,
  name: r.name,
  taxCode: r.tax_code,
  representativeName: r.representative_name,
  communeCode: r.commune_code,
  communeName: r.commune_name,
  provinceCode: r.province_code,
  provinceName: r.province_name,
  phone: r.phone,
  productCount: Number(r.product_count ?? 0),
});

/**
 * One window of the producers list, sorted by folded name. Kind, province and commune are
 * indexed equality tests; the round is an EXISTS through the product's (producer, name) and the
 * registration's (product, round) unique indexes. Search words are matched with instr on the folded column
 * (10,000 short rows scanned in a few milliseconds); when the filters need such a scan, one pass
 * yields both the page and the total.
 */
export async function listProducers(db: Kysely<DB>, f: ProducerListInput): Promise<{ total: number; rows: ProducerListRow[] }> {
  const words = searchTokens(f.search);
  let q = db.selectFrom('producer');
  if (words.length > 0) q = q.where(allWordsIn('search_folded', words));
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.provinceCode) q = q.where('province_code', '=', f.provinceCode);
  if (f.communeCode) q = q.where('commune_code', '=', f.communeCode);
  if (f.roundId !== undefined) {
    // Per producer: its products (unique producer+name index) registered in the round (unique product+round index).
    const roundId = f.roundId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('product')
          .innerJoin('registration', 'registration.product_id', 'product.id')
          .select(sql.lit(1).as('one'))
          .whereRef('product.producer_id', '=', 'producer.id')
          .where('registration.round_id', '=', roundId),
      ),
    );
  }
  if (words.length === 0 && f.roundId === undefined) {
    // Only indexed equality filters: counting through the index is cheaper than a window count.
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .select([
        'id',
        'kind',
        'name',
        'tax_code',
        'representative_name',
        'commune_code',
        'commune_name',
        'province_code',
        'province_name',
        'phone',
      ])
      .select(productCount)
      .orderBy('name_folded')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { total, rows: rows.map(toListRow) };
  }
  // One pass over the matches: the window count gives the total while the same scan picks the
  // page; only the page's rows are then joined for their columns and product counts.
  const page = q
    .select(['id', 'name_folded', (eb) => eb.fn.countAll<number>().over().as('total')])
    .orderBy('name_folded')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset);
  const rows = await db
    .selectFrom(page.as('m'))
    .innerJoin('producer', 'producer.id', 'm.id')
    .select([
      'producer.id',
      'kind',
      'name',
      'tax_code',
      'representative_name',
      'commune_code',
      'commune_name',
      'province_code',
      'province_name',
      'phone',
      'm.total',
    ])
    .select(productCount)
    .orderBy('m.name_folded')
    .orderBy('m.id')
    .execute();
  // A window past the end has no row to carry the total: count separately (rare).
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { total, rows: rows.map(toListRow) };
}
