import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { RegistrationRow } from '../../../shared/api/channels/dossiers-fields';
import { outcomesOf } from './registration-outcome-repo';
import type { RegistrationKind, RegistrationStatus } from '../../../shared/ocop/dossier-model';
import type { DB } from '../db/schema';
import type { RegistrationTable } from '../db/tables/dossiers';
import { allWordsIn, searchTokens, shortWords, trigramMatch } from './dossier-common';

export type RegistrationRecord = Selectable<RegistrationTable>;

export async function getRegistrationRecord(db: Kysely<DB>, id: number): Promise<RegistrationRecord | undefined> {
  return db.selectFrom('registration').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRegistrationId(db: Kysely<DB>, productId: number, roundId: number): Promise<number | undefined> {
  const r = await db
    .selectFrom('registration')
    .select('id')
    .where('product_id', '=', productId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return r?.id;
}

export async function findRegistrationIdByNo(db: Kysely<DB>, registrationNo: string): Promise<number | undefined> {
  const r = await db.selectFrom('registration').select('id').where('registration_no', '=', registrationNo).executeTakeFirst();
  return r?.id;
}

/** Next serial of a commune's registration forms in a year: one more than the highest app-written one. */
export async function nextRegistrationSeq(db: Kysely<DB>, communeCode: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('registration')
    .select((eb) => eb.fn.max('reg_seq').as('m'))
    .where('reg_commune', '=', communeCode)
    .where('reg_year', '=', year)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export interface RegistrationValues {
  productId: number;
  roundId: number;
  kind: RegistrationKind;
  currentStars: number | null;
  certificateNo: string | null;
  certificateIssuedOn: string | null;
  certificateExpiresOn: string | null;
  registrationNo: string;
  regProvince: string;
  regCommune: string;
  regYear: number;
  regSeq: number | null;
  receivedCommuneOn: string | null;
  receivedProvinceOn: string | null;
  receiverName: string;
  sampleCount: number | null;
  criteriaSetVersionId: number;
  note: string;
}

export const registrationColumns = (v: RegistrationValues) => ({
  product_id: v.productId,
  round_id: v.roundId,
  kind: v.kind,
  current_stars: v.currentStars,
  certificate_no: v.certificateNo,
  certificate_issued_on: v.certificateIssuedOn,
  certificate_expires_on: v.certificateExpiresOn,
  registration_no: v.registrationNo,
  reg_province: v.regProvince,
  reg_commune: v.regCommune,
  reg_year: v.regYear,
  reg_seq: v.regSeq,
  received_commune_on: v.receivedCommuneOn,
  received_province_on: v.receivedProvinceOn,
  receiver_name: v.receiverName,
  sample_count: v.sampleCount,
  criteria_set_version_id: v.criteriaSetVersionId,
  note: v.note,
});

export async function insertRegistration(db: Kysely<DB>, v: RegistrationValues, at: string): Promise<number> {
  const r = await db
    .insertInto('registration')
    .values({ ...registrationColumns(v), status: 'received', status_at: at, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRegistrationRow(db: Kysely<DB>, id: number, v: RegistrationValues, at: string): Promise<void> {
  await db
    .updateTable('registration')
    .set({ ...registrationColumns(v), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function appendStatusEvent(
  db: Kysely<DB>,
  e: { registrationId: number; from: RegistrationStatus | null; to: RegistrationStatus; at: string; actor: string; note: string },
): Promise<void> {
  await db
    .insertInto('registration_status_event')
    .values({ registration_id: e.registrationId, from_status: e.from, to_status: e.to, at: e.at, actor: e.actor, note: e.note })
    .execute();
}

export async function setStatusRow(db: Kysely<DB>, id: number, status: RegistrationStatus, at: string): Promise<void> {
  await db.updateTable('registration').set({ status, status_at: at, updated_at: at }).where('id', '=', id).execute();
}

export async function statusHistory(db: Kysely<DB>, registrationId: number) {
  const rows = await db
    .selectFrom('registration_status_event')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fromStatus: r.from_status as RegistrationStatus | null,
    toStatus: r.to_status as RegistrationStatus,
    at: r.at,
    actor: r.actor,
    note: r.note,
  }));
}

export interface RegistrationListFilter {
  roundId?: number;
  status?: RegistrationStatus[];
  kind?: RegistrationKind[];
  communeCode?: string;
  setKeys?: string[];
  producerId?: number;
  productId?: number;
  search?: string;
  sort: 'recent' | 'product' | 'producer';
  offset: number;
  limit: number;
}

/**
 * One page of registrations and the number matching. Filters and search run on registration's
 * own columns (the derived search/sort columns kept by triggers), so the count is one table
 * scan at worst; only the page's rows are joined for display.
 */
export async function listRegistrations(
  db: Kysely<DB>,
  f: RegistrationListFilter,
): Promise<{ total: number; rows: RegistrationRow[] }> {
  const words = searchTokens(f.search);
  let q = db.selectFrom('registration as r');
  if (f.roundId !== undefined) q = q.where('r.round_id', '=', f.roundId);
  if (f.status && f.status.length > 0) q = q.where('r.status', 'in', f.status);
  if (f.kind && f.kind.length > 0) q = q.where('r.kind', 'in', f.kind);
  if (f.communeCode) q = q.where('r.commune_code', '=', f.communeCode);
  if (f.setKeys && f.setKeys.length > 0) q = q.where('r.set_key', 'in', f.setKeys);
  if (f.producerId !== undefined)
    q = q.where('r.product_id', 'in', (eb) => eb.selectFrom('product').select('id').where('producer_id', '=', f.producerId!));
  if (f.productId !== undefined) q = q.where('r.product_id', '=', f.productId);
  const match = trigramMatch(words);
  if (match !== null)
    q = q.where(sql<SqlBool>`r.id IN (SELECT rowid FROM registration_search WHERE registration_search MATCH ${match})`);
  const short = shortWords(words);
  if (short.length > 0) q = q.where(allWordsIn('r.search_folded', short));

  const onlyIndexedWords =
    match !== null &&
    short.length === 0 &&
    f.roundId === undefined &&
    !f.status?.length &&
    !f.kind?.length &&
    !f.communeCode &&
    !f.setKeys?.length &&
    f.producerId === undefined &&
    f.productId === undefined;
  // Search words alone: the index counts its own matches without visiting the registrations.
  const total = onlyIndexedWords
    ? Number(
        (
          await sql<{
            n: number;
          }>`SELECT count(*) AS n FROM registration_search WHERE registration_search MATCH ${match}`.execute(db)
        ).rows[0]!.n,
      )
    : Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let page = q.select('r.id');
  if (f.sort === 'product') page = page.orderBy('r.product_sort').orderBy('r.id');
  else if (f.sort === 'producer') page = page.orderBy('r.producer_sort').orderBy('r.product_sort').orderBy('r.id');
  else page = page.orderBy('r.id', 'desc');
  const ids = (await page.limit(f.limit).offset(f.offset).execute()).map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };

  const rows = await db
    .selectFrom('registration as r')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .innerJoin('evaluation_round as er', 'er.id', 'r.round_id')
    .select([
      'r.id',
      'r.registration_no',
      'r.status',
      'r.status_at',
      'r.kind',
      'r.current_stars',
      'r.round_id',
      'er.year',
      'er.number',
      'r.product_id',
      'p.name as product_name',
      'p.product_code',
      'pr.id as producer_id',
      'pr.name as producer_name',
      'pr.commune_name',
      'pr.province_name',
      'r.set_key',
      'r.received_commune_on',
      'r.outcome_stars',
      'r.outcome_status',
      'r.outcome_recognised',
      'r.outcome_proposed_central',
      'r.outcome_finalization_id',
      'r.outcome_at',
    ])
    .where('r.id', 'in', ids)
    .execute();
  const outcomes = await outcomesOf(db, rows);
  const byId = new Map(rows.map((r, i) => [r.id, { ...r, outcome: outcomes[i]! }]));
  return {
    total,
    rows: ids.map((id) => {
      const r = byId.get(id)!;
      return {
        id: r.id,
        registrationNo: r.registration_no,
        status: r.status as RegistrationStatus,
        statusAt: r.status_at,
        kind: r.kind as RegistrationKind,
        currentStars: r.current_stars,
        roundId: r.round_id,
        roundYear: r.year,
        roundNumber: r.number,
        productId: r.product_id,
        productName: r.product_name,
        productCode: r.product_code,
        producerId: r.producer_id,
        producerName: r.producer_name,
        communeName: r.commune_name,
        provinceName: r.province_name,
        setKey: r.set_key,
        receivedCommuneOn: r.received_commune_on,
        outcome: r.outcome,
      };
    }),
  };
}
