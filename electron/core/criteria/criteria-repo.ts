import { sql, type Kysely, type Selectable } from 'kysely';
import {
  CriteriaSet,
  type CriteriaSetSummary,
  type CriteriaSetVersion,
  type ProductClassification,
} from '../../../shared/ocop/criteria-set';
import type { DB } from '../db/schema';
import type { CriteriaSetVersionTable } from '../db/tables/criteria';
import { notFound } from '../errors';

/**
 * Reads of `criteria_set_version`. Rows map to the domain types of shared/ocop/criteria-set.ts.
 * Other areas use `getCriteriaSetVersion` (agreed name) and `lockCriteriaSetVersion`.
 */

type SummaryRow = Omit<Selectable<CriteriaSetVersionTable>, 'content_json'> & { latest: number };

const summaryColumns = [
  'v.id',
  'v.set_key',
  'v.decision',
  'v.set_no',
  'v.name',
  'v.version',
  'v.content_hash',
  'v.built_in',
  'v.locked',
  'v.created_at',
  'v.criterion_count',
  'v.star_marked_levels',
  'v.part_a_max',
  'v.part_b_max',
  'v.part_c_max',
  'v.total',
  'v.classification_json',
] as const;

const latestExpr = sql<number>`(v.version = (SELECT MAX(w.version) FROM criteria_set_version w WHERE w.set_key = v.set_key))`;

function toSummary(r: SummaryRow): CriteriaSetSummary {
  return {
    id: r.id,
    setKey: r.set_key,
    decision: r.decision as CriteriaSetSummary['decision'],
    setNo: r.set_no,
    name: r.name,
    version: r.version,
    contentHash: r.content_hash,
    builtIn: r.built_in === 1,
    locked: r.locked === 1,
    latest: r.latest === 1,
    createdAt: r.created_at,
    partMaxima: { A: r.part_a_max, B: r.part_b_max, C: r.part_c_max },
    total: r.total,
    criterionCount: r.criterion_count,
    starMarkedLevels: r.star_marked_levels,
    classification: r.classification_json === null ? null : (JSON.parse(r.classification_json) as ProductClassification),
  };
}

/** Versions, built-in sets first in set order, then custom sets by key; newest version last within a key. */
export async function listCriteriaSetVersions(
  db: Kysely<DB>,
  opts: { allVersions?: boolean } = {},
): Promise<CriteriaSetSummary[]> {
  let q = db.selectFrom('criteria_set_version as v').select([...summaryColumns, latestExpr.as('latest')]);
  if (!opts.allVersions) q = q.where(latestExpr, '=', 1);
  const rows = await q
    .orderBy(sql`v.set_no IS NULL`)
    .orderBy('v.decision')
    .orderBy('v.set_no')
    .orderBy('v.set_key')
    .orderBy('v.version')
    .execute();
  return rows.map(toSummary);
}

export async function getCriteriaSetSummary(db: Kysely<DB>, id: number): Promise<CriteriaSetSummary> {
  const r = await db
    .selectFrom('criteria_set_version as v')
    .select([...summaryColumns, latestExpr.as('latest')])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Criteria set version', id);
  return toSummary(r);
}

/**
 * Parsed contents by content hash. A stored version never changes (triggers of 0002), and the
 * hash names the content, so the cache is valid across databases and never needs invalidating.
 * Bounded: a session opens a handful of sets.
 */
const contentCache = new Map<string, CriteriaSet>();
const CONTENT_CACHE_MAX = 64;

/** Empties the parsed-content cache (benchmarks of a cold open; nothing else needs it). */
export function clearCriteriaContentCache(): void {
  contentCache.clear();
}

async function contentOf(db: Kysely<DB>, id: number, hash: string): Promise<CriteriaSet> {
  const hit = contentCache.get(hash);
  if (hit) return hit;
  const r = await db.selectFrom('criteria_set_version').select('content_json').where('id', '=', id).executeTakeFirstOrThrow();
  const set = CriteriaSet.parse(JSON.parse(r.content_json));
  if (contentCache.size >= CONTENT_CACHE_MAX) contentCache.delete(contentCache.keys().next().value!);
  contentCache.set(hash, set);
  return set;
}

/** A stored version with its full content (NOT_FOUND when there is none). */
export async function getCriteriaSetVersion(db: Kysely<DB>, id: number): Promise<CriteriaSetVersion> {
  const summary = await getCriteriaSetSummary(db, id);
  return { ...summary, content: await contentOf(db, id, summary.contentHash) };
}

/** The stored content JSON exactly as inserted (exports write it back byte-identical in meaning). */
export async function getContentJson(db: Kysely<DB>, id: number): Promise<string> {
  const r = await db.selectFrom('criteria_set_version').select('content_json').where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Criteria set version', id);
  return r.content_json;
}

/** The version of `setKey` holding exactly this content, if any. */
export async function findVersionByHash(db: Kysely<DB>, setKey: string, contentHash: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('criteria_set_version')
    .select('id')
    .where('set_key', '=', setKey)
    .where('content_hash', '=', contentHash)
    .executeTakeFirst();
  return r?.id;
}

export async function maxVersionOf(db: Kysely<DB>, setKey: string): Promise<number> {
  const r = await db
    .selectFrom('criteria_set_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('set_key', '=', setKey)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/**
 * Marks a version as used: from now on it can never be deleted or unlocked (its content never
 * changes anyway). Scoring and self-assessment triggers do this in SQL; services may call it too.
 */
export async function lockCriteriaSetVersion(db: Kysely<DB>, id: number): Promise<void> {
  const r = await db
    .updateTable('criteria_set_version')
    .set({ locked: 1 })
    .where('id', '=', id)
    .where('locked', '=', 0)
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) await getCriteriaSetSummary(db, id); // NOT_FOUND when missing; already locked is fine
}

export interface SearchHitRow {
  versionId: number;
  setKey: string;
  setNo: number | null;
  setName: string;
  version: number;
  criterionCode: string;
  criterionTitle: string;
  field: 'title' | 'level' | 'note' | 'parent';
  levelIndex: number | null;
  text: string;
}

/** Escapes LIKE wildcards so "100%" finds "100%". */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Rows whose folded text contains every folded word of the query (accent-insensitive, any
 * order). Latest versions only unless `versionIds` names others.
 */
export async function searchCriteriaText(
  db: Kysely<DB>,
  foldedWords: string[],
  opts: { versionIds?: number[]; limit: number },
): Promise<{ hits: SearchHitRow[]; truncated: boolean }> {
  let q = db
    .selectFrom('criteria_search as s')
    .innerJoin('criteria_set_version as v', 'v.id', 's.version_id')
    .innerJoin('criteria_search as t', (j) =>
      j.onRef('t.version_id', '=', 's.version_id').onRef('t.criterion_code', '=', 's.criterion_code').on('t.field', '=', 'title'),
    )
    .select([
      's.version_id',
      'v.set_key',
      'v.set_no',
      'v.name',
      'v.version',
      's.criterion_code',
      's.field',
      's.level_index',
      's.text',
      't.text as criterion_title',
    ]);
  for (const w of foldedWords) q = q.where(sql<boolean>`s.folded LIKE ${`%${likeEscape(w)}%`} ESCAPE '\\'`);
  // The newest versions first (a few dozen ids), so the text scan does not run a MAX() per row.
  const ids =
    opts.versionIds && opts.versionIds.length > 0
      ? opts.versionIds
      : (await db.selectFrom('criteria_set_version as v').select('v.id').where(latestExpr, '=', 1).execute()).map((r) => r.id);
  if (ids.length === 0) return { hits: [], truncated: false };
  q = q.where('s.version_id', 'in', ids);
  const rows = await q
    .orderBy(sql`v.set_no IS NULL`)
    .orderBy('v.set_no')
    .orderBy('v.set_key')
    .orderBy('s.rowid' as never)
    .limit(opts.limit + 1)
    .execute();
  return {
    truncated: rows.length > opts.limit,
    hits: rows.slice(0, opts.limit).map((r) => ({
      versionId: r.version_id,
      setKey: r.set_key,
      setNo: r.set_no,
      setName: r.name,
      version: r.version,
      criterionCode: r.criterion_code,
      criterionTitle: r.criterion_title,
      field: r.field as SearchHitRow['field'],
      levelIndex: r.level_index,
      text: r.text,
    })),
  };
}
