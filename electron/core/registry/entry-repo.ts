import { sql, type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { RegistryEntry, RegistryFilter } from '../../../shared/api/channels/registry';
import { PRODUCER_KINDS, type ProducerKind } from '../../../shared/ocop/dossier-model';
import { isLegalBasisId, type LegalBasisId } from '../../../shared/ocop/legal-basis';
import { PRODUCER_GROUPS, type ProducerGroup } from '../../../shared/ocop/producer-groups';
import {
  ENTRY_KINDS,
  ENTRY_STATES,
  entryStatusOn,
  REVOKE_GROUNDS,
  type EntryKind,
  type EntryState,
  type RevokeGround,
} from '../../../shared/ocop/registry-status';
import { isNganhNo, NGANH_NOS, type NganhNo } from '../../../shared/ocop/registry-sectors';
import type { DB } from '../db/schema';
import type { RegistryEntryTable } from '../db/tables/registry';
import { allWordsIn, searchTokens } from '../dossiers/dossier-common';
import { CoreError } from '../errors';

export type Db = Kysely<DB> | Transaction<DB>;
export type EntryRow = Selectable<RegistryEntryTable>;
/** A row with the kind of the recognition that superseded it (for the status). */
export type EntryRowWithSuccessor = EntryRow & { successor_kind: string | null };

/**
 * Reads a stored value that must be one of a closed list. A value written behind the app's back
 * (sqlite3 CLI) is reported with the entry and the column instead of flowing on as garbage.
 */
function oneOf<T extends string>(list: readonly T[], value: string, id: number, column: string): T {
  if ((list as readonly string[]).includes(value)) return value as T;
  throw new CoreError(
    'INTERNAL',
    `Registry entry ${id} has ${column} "${value}", which the app never writes (one of ${list.join(', ')}); the database was edited outside the app — restore a backup or correct the value`,
    { id, column, value },
  );
}
const oneOfOrNull = <T extends string>(list: readonly T[], value: string | null, id: number, column: string): T | null =>
  value === null ? null : oneOf(list, value, id, column);

export function basisOf(r: Pick<EntryRow, 'id' | 'legal_basis'>): LegalBasisId {
  if (isLegalBasisId(r.legal_basis)) return r.legal_basis;
  return oneOf(['26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg'], r.legal_basis, r.id, 'legal_basis');
}

export const stateOf = (r: Pick<EntryRow, 'id' | 'state'>): EntryState => oneOf(ENTRY_STATES, r.state, r.id, 'state');
export const kindOf = (r: Pick<EntryRow, 'id' | 'kind'>): EntryKind => oneOf(ENTRY_KINDS, r.kind, r.id, 'kind');

function nganhOf(r: EntryRow): NganhNo | null {
  if (r.nganh_no === null || isNganhNo(r.nganh_no)) return r.nganh_no;
  return oneOf(NGANH_NOS, r.nganh_no, r.id, 'nganh_no');
}

/**
 * The commune a person reads: the current one when known, else the one written on the record
 * with its old district. Screens and files mark the latter as former (their communeKey starts
 * with "o:") in their own language.
 */
export function communeLabel(r: Pick<EntryRow, 'commune_name' | 'commune_text' | 'district_text' | 'commune_code'>): string {
  if (r.commune_code && r.commune_name) return r.commune_name;
  const old = [r.commune_text, r.district_text].filter((s) => s.trim() !== '').join(', ');
  return old === '' ? r.commune_name || '—' : old;
}

/** True for a commune key that names a commune as written before the 2025 reform (no current commune known). */
export const isFormerCommuneKey = (key: string): boolean => key.startsWith('o:');

export function toEntry(r: EntryRowWithSuccessor, on: string): RegistryEntry {
  const state = stateOf(r);
  const successorKind = r.successor_kind === null ? null : oneOf(ENTRY_KINDS, r.successor_kind, r.id, 'successor kind');
  return {
    id: r.id,
    origin: oneOf(['session', 'import', 'manual'] as const, r.origin, r.id, 'origin'),
    kind: kindOf(r),
    state,
    status: entryStatusOn({ state, validFrom: r.valid_from, validTo: r.valid_to, successorKind, endedOn: r.ended_on }, on),
    legalBasis: basisOf(r),
    year: r.year,
    roundNo: r.round_no,
    productName: r.product_name,
    productCode: r.product_code,
    producerName: r.producer_name,
    producerKind: oneOfOrNull<ProducerKind>(PRODUCER_KINDS, r.producer_kind, r.id, 'producer_kind'),
    producerGroup: oneOfOrNull<ProducerGroup>(PRODUCER_GROUPS, r.producer_group, r.id, 'producer_group'),
    communeLabel: communeLabel(r),
    communeKey: r.commune_key,
    communeCode: r.commune_code,
    communeText: r.commune_text,
    districtText: r.district_text,
    sectorText: r.sector_text,
    basisSector: r.basis_sector,
    nganhNo: nganhOf(r),
    nhom: r.nhom,
    setKey: r.set_key,
    star: r.star,
    scoreCenti: r.score_centi,
    authority: oneOfOrNull(['district', 'province', 'central'] as const, r.authority, r.id, 'authority'),
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    certificateNo: r.certificate_no,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    windowOpensOn: r.window_opens_on,
    windowClosesOn: r.window_closes_on,
    endedOn: r.ended_on,
    revokedOn: r.revoked_on,
    rootId: r.root_id ?? r.id,
    followsId: r.follows_id,
    supersededById: r.superseded_by_id,
    sessionId: r.session_id,
    registrationId: r.registration_id,
    productId: r.product_id,
  };
}

export const revokeGroundOf = (r: EntryRow): RevokeGround | null =>
  oneOfOrNull(REVOKE_GROUNDS, r.revoke_ground, r.id, 'revoke_ground');

/** The select of an entry with its successor's kind. */
export function selectEntries(db: Db) {
  return db
    .selectFrom('registry_entry as e')
    .selectAll('e')
    .select(sql<string | null>`(SELECT s.kind FROM registry_entry s WHERE s.id = e.superseded_by_id)`.as('successor_kind'));
}

export async function getEntryRow(db: Db, id: number): Promise<EntryRowWithSuccessor | undefined> {
  return selectEntries(db).where('e.id', '=', id).executeTakeFirst();
}

/**
 * The status of an entry on a date, in SQL: the same reading as shared/ocop/registry-status.ts
 * entryStatusOn (a test checks both agree on every entry of a generated history).
 */
export function statusSql(on: string): RawBuilder<string> {
  return sql<string>`CASE
    WHEN e.state IN ('proposed', 'not_recognised', 'withdrawn') THEN e.state
    WHEN e.state IN ('revoked', 'superseded') AND (e.ended_on IS NULL OR e.ended_on <= ${on}) THEN
      CASE WHEN e.state = 'revoked' THEN 'revoked'
           WHEN (SELECT s.kind FROM registry_entry s WHERE s.id = e.superseded_by_id) = 'upgrade' THEN 'upgraded'
           ELSE 'reevaluated' END
    WHEN ${on} > e.valid_to THEN 'expired'
    WHEN ${on} < e.window_opens_on THEN 'valid'
    WHEN ${on} <= e.window_closes_on THEN 'window_open'
    ELSE 'window_passed'
  END`;
}

/** The WHERE of a registry filter on alias `e` (list, export and the statistics' drill-down share it). */
export function filterWhere(f: RegistryFilter, on: string): Expression<SqlBool> {
  const parts: RawBuilder<unknown>[] = [];
  const inList = (col: string, values: readonly (string | number)[]) =>
    sql`${sql.ref(col)} IN (${sql.join(values.map((v) => sql`${v}`))})`;
  if (!f.includeWithdrawn && !f.states?.includes('withdrawn') && !f.statuses?.includes('withdrawn')) {
    parts.push(sql`e.state <> 'withdrawn'`);
  }
  if (f.stars?.length) parts.push(inList('e.star', f.stars));
  if (f.nganhNos?.length) parts.push(inList('e.nganh_no', f.nganhNos));
  if (f.nhom !== undefined) parts.push(f.nhom === '' ? sql`e.nhom IS NULL` : sql`e.nhom = ${f.nhom}`);
  if (f.producerGroups?.length) parts.push(inList('e.producer_group', f.producerGroups));
  if (f.communeKey) parts.push(sql`e.commune_key = ${f.communeKey}`);
  if (f.district) parts.push(sql`e.district_text = ${f.district}`);
  if (f.yearFrom !== undefined) parts.push(sql`e.year >= ${f.yearFrom}`);
  if (f.yearTo !== undefined) parts.push(sql`e.year <= ${f.yearTo}`);
  if (f.roundNo !== undefined) parts.push(sql`e.round_no = ${f.roundNo}`);
  if (f.states?.length) parts.push(inList('e.state', f.states));
  if (f.kinds?.length) parts.push(inList('e.kind', f.kinds));
  if (f.legalBases?.length) parts.push(inList('e.legal_basis', f.legalBases));
  if (f.origins?.length) parts.push(inList('e.origin', f.origins));
  if (f.statuses?.length) parts.push(sql`${statusSql(on)} IN (${sql.join(f.statuses.map((s) => sql`${s}`))})`);
  const words = searchTokens(f.search);
  if (words.length) parts.push(sql`${allWordsIn('e.search_folded', words)}`);
  return parts.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

export const SORTS = {
  recent: [sql`e.year DESC`, sql`e.decision_date DESC`, sql`e.id DESC`],
  product: [sql`e.search_folded`, sql`e.id`],
  producer: [sql`e.producer_key`, sql`e.year`, sql`e.id`],
  expiry: [sql`e.valid_to IS NULL`, sql`e.valid_to`, sql`e.id`],
  commune: [sql`e.commune_key`, sql`e.search_folded`, sql`e.id`],
} as const;

/** Every entry of a product's chain, oldest first. */
export async function chainRows(db: Db, rootId: number): Promise<EntryRowWithSuccessor[]> {
  return selectEntries(db)
    .where('e.root_id', '=', rootId)
    .orderBy(sql`COALESCE(e.decision_date, e.year || '-12-31')`)
    .orderBy('e.id')
    .execute();
}

/** A session's entries as the provincial decision sees them: proposals waiting, and decided ones with their decision. */
export interface SessionDecisionEntry {
  id: number;
  state: string;
  decisionNo: string | null;
  decisionDate: string | null;
  decisionSigner: string;
  certificateNo: string | null;
}

export async function sessionDecisionEntries(db: Db, sessionId: number): Promise<SessionDecisionEntry[]> {
  const rows = await db
    .selectFrom('registry_entry')
    .select(['id', 'state', 'decision_no', 'decision_date', 'decision_signer', 'certificate_no'])
    .where('session_id', '=', sessionId)
    .where('origin', '=', 'session')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    decisionSigner: r.decision_signer,
    certificateNo: r.certificate_no,
  }));
}
