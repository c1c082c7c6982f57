import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { stmt } from '../db/sync-db';

/**
 * Parsed criteria sets by version id, for the autosave path: parsing and validating a set of
 * ~40 criteria costs milliseconds, an answer must save in well under one. A version used by a
 * sheet is locked and never changes (triggers of 0002/0005); the cache is still keyed by the
 * content hash so an unlocked version edited in between is re-read.
 */
const cache = new Map<string, CriteriaSet>();

export interface LoadedSet {
  versionId: number;
  set: CriteriaSet;
  setKey: string;
  version: number;
  contentHash: string;
  name: string;
}

export async function loadCriteriaSet(db: Kysely<DB>, versionId: number): Promise<LoadedSet> {
  const row = await db
    .selectFrom('criteria_set_version')
    .select(['id', 'set_key', 'version', 'content_hash', 'name'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound('Criteria set version', versionId);
  const key = `${row.id}:${row.content_hash}`;
  let set = cache.get(key);
  if (!set) {
    // The content (tens of kB) is read only on a miss: a set's content never changes (0002 triggers).
    const { content_json } = await db
      .selectFrom('criteria_set_version')
      .select('content_json')
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow();
    const parsed = CriteriaSet.safeParse(JSON.parse(content_json));
    if (!parsed.success)
      throw new CoreError(
        'INTERNAL',
        `Criteria set version ${versionId} (${row.set_key} v${row.version}) is stored in a shape this version cannot read: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    set = parsed.data;
    cache.set(key, set);
  }
  return { versionId: row.id, set, setKey: row.set_key, version: row.version, contentHash: row.content_hash, name: row.name };
}

/** Only the cached set when its hash is already known (the sheet row carries the version id). */
export async function criteriaSetOf(db: Kysely<DB>, versionId: number): Promise<CriteriaSet> {
  return (await loadCriteriaSet(db, versionId)).set;
}

/** The same cache for the synchronous autosave path, which already read the version's hash with the sheet. */
export function criteriaSetSync(sqlite: Database.Database, versionId: number, contentHash: string): CriteriaSet {
  const key = `${versionId}:${contentHash}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const row = stmt(sqlite, 'SELECT content_json FROM criteria_set_version WHERE id = ?').get(versionId) as
    { content_json: string } | undefined;
  if (!row) throw notFound('Criteria set version', versionId);
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  cache.set(key, set);
  return set;
}
