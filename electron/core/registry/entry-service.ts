import { sql } from 'kysely';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { RegistryEntry, RegistryEntryDetail, RegistryFilter } from '../../../shared/api/channels/registry';
import { applySectorChoice } from '../../../shared/ocop/registry-sectors';
import { vnToday } from '../../../shared/ocop/vn-time';
import type { CoreContext } from '../context';
import { classificationTree } from '../dossiers/classification-tree';
import { fieldError } from '../dossiers/dossier-common';
import { CoreError, notFound } from '../errors';
import { entryDetail } from './entry-detail';
import { communeLabel, filterWhere, getEntryRow, selectEntries, SORTS, toEntry, type Db } from './entry-repo';
import { entryColumns, factsOf } from './entry-values';
import { pendingSessionIds } from './session-sync';
import type { Write } from '../handlers';

export const onOrToday = (ctx: CoreContext, on: string | undefined): string => on ?? vnToday(ctx.now());

export async function listEntries(
  ctx: CoreContext,
  input: ChannelParsedInput<'registry:list'>,
): Promise<{ total: number; offset: number; on: string; rows: RegistryEntry[] }> {
  const on = onOrToday(ctx, input.on);
  const where = filterWhere(input, on);
  const total = await ctx.db
    .selectFrom('registry_entry as e')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  let q = selectEntries(ctx.db).where(where);
  for (const o of SORTS[input.sort]) q = q.orderBy(o);
  const rows = await q.limit(input.limit).offset(input.offset).execute();
  return { total: total.n, offset: input.offset, on, rows: rows.map((r) => toEntry(r, on)) };
}

/** Every entry matching a filter (exports), in the given order. */
export async function allEntries(
  db: Db,
  f: RegistryFilter,
  on: string,
  sort: keyof typeof SORTS = 'commune',
): Promise<RegistryEntry[]> {
  let q = selectEntries(db).where(filterWhere(f, on));
  for (const o of SORTS[sort]) q = q.orderBy(o);
  return (await q.execute()).map((r) => toEntry(r, on));
}

export async function facets(ctx: CoreContext) {
  const db = ctx.db;
  const years = await db.selectFrom('registry_entry').select('year').distinct().orderBy('year').execute();
  const communes = await db
    .selectFrom('registry_entry')
    .select(['commune_key', 'commune_name', 'commune_text', 'district_text', 'commune_code', sql<number>`count(*)`.as('n')])
    .where('state', '<>', 'withdrawn')
    .groupBy('commune_key')
    .orderBy('commune_key')
    .execute();
  const districts = await db
    .selectFrom('registry_entry')
    .select(['district_text', sql<number>`count(*)`.as('n')])
    .where('district_text', '<>', '')
    .where('state', '<>', 'withdrawn')
    .groupBy('district_text')
    .orderBy('district_text')
    .execute();
  const nhom = await db
    .selectFrom('registry_entry')
    .select('nhom')
    .distinct()
    .where('nhom', 'is not', null)
    .orderBy('nhom')
    .execute();
  return {
    years: years.map((y) => y.year),
    communes: communes
      .map((c) => ({ key: c.commune_key, label: communeLabel(c), count: c.n }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    districts: districts.map((d) => ({ name: d.district_text, count: d.n })),
    nhom: nhom.map((n) => n.nhom!).filter(Boolean),
    pendingSessions: (await pendingSessionIds(db)).length,
  };
}

export async function updateEntry(w: Write, input: ChannelParsedInput<'registry:update'>): Promise<RegistryEntryDetail> {
  const row = await getEntryRow(w.trx, input.id);
  if (!row) throw notFound('Registry entry', input.id);
  const before = factsOf(row);
  const after = { ...before };
  if (input.communeCode !== undefined) after.communeCode = input.communeCode;
  if (input.communeName !== undefined) after.communeName = input.communeName;
  if (after.communeCode && !after.communeName) {
    throw fieldError('communeName', 'give the name of the current commune with its code');
  }
  if (input.producerKind !== undefined) after.producerKind = input.producerKind;
  if (input.womenLed !== undefined) after.womenLed = input.womenLed;
  if (input.ethnicMinority !== undefined) after.ethnicMinority = input.ethnicMinority;
  if (input.productCode !== undefined) after.productCode = input.productCode;
  if (input.note !== undefined) after.note = input.note;
  if (input.nganhNo !== undefined || input.nhom !== undefined) {
    const nganhNo = input.nganhNo ?? before.sector?.nganhNo;
    if (!nganhNo) throw fieldError('nganhNo', 'choose the ngành (I–VI) before a nhóm');
    try {
      after.sector = applySectorChoice(classificationTree, before.legalBasis, {
        nganhNo,
        nhom: input.nhom === undefined ? (input.nganhNo === undefined ? before.sector?.nhom : null) : input.nhom,
      });
    } catch (e) {
      throw fieldError('nhom', e instanceof Error ? e.message : String(e));
    }
  }
  await w.trx.updateTable('registry_entry').set(entryColumns(after, w.at.toISOString())).where('id', '=', row.id).execute();
  const changed = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[])
      .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
      .map((k) => [k, { before: before[k], after: after[k] }]),
  );
  await w.audit({ action: 'registry.update', entity: 'registry_entry', entityId: row.id, after: changed });
  return entryDetail(w.trx, row.id, vnToday(w.at));
}

/** Links an entry and every entry of its chain without a product to a product of the dossiers area. */
export async function linkEntry(w: Write, input: ChannelParsedInput<'registry:link'>): Promise<RegistryEntryDetail> {
  const row = await getEntryRow(w.trx, input.id);
  if (!row) throw notFound('Registry entry', input.id);
  const product = await w.trx
    .selectFrom('product as p')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .select(['p.id', 'p.producer_id', 'p.name', 'p.product_code', 'pr.name as producer_name'])
    .where('p.id', '=', input.productId)
    .executeTakeFirst();
  if (!product) throw notFound('Product', input.productId);
  if (row.product_id !== null && row.product_id !== product.id) {
    throw new CoreError(
      'CONFLICT',
      `Registry entry ${row.id} is already linked to product ${row.product_id}; a recognition belongs to one product`,
      { id: row.id, productId: row.product_id },
    );
  }
  const chain = await selectEntries(w.trx)
    .where('e.root_id', '=', row.root_id ?? row.id)
    .execute();
  const linked: number[] = [];
  for (const c of chain) {
    if (c.product_id !== null) continue;
    const f = factsOf(c);
    await w.trx
      .updateTable('registry_entry')
      .set(
        entryColumns(
          { ...f, productId: product.id, producerId: product.producer_id, productCode: f.productCode || product.product_code },
          w.at.toISOString(),
        ),
      )
      .where('id', '=', c.id)
      .execute();
    linked.push(c.id);
  }
  await w.audit({
    action: 'registry.link',
    entity: 'registry_entry',
    entityId: row.id,
    after: { productId: product.id, entryIds: linked },
  });
  return entryDetail(w.trx, row.id, vnToday(w.at));
}
