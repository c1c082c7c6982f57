import type { Kysely } from 'kysely';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';

/**
 * The few reads of `criteria_set_version` (owned by the criteria area, migration 0002) that a
 * registration needs: which version to pin, and the pinned content for the self-assessment.
 * Typed locally on the agreed column names so this area does not depend on that area's files.
 */
interface CriteriaSetVersionRow {
  id: number;
  set_key: string;
  decision: string;
  set_no: number | null;
  name: string;
  version: number;
  content_hash: string;
  criterion_count: number;
  content_json: string;
  locked: number;
}
type WithCriteria = Kysely<DB & { criteria_set_version: CriteriaSetVersionRow }>;
const cdb = (db: Kysely<DB>) => db as unknown as WithCriteria;

export interface SetVersionRef {
  id: number;
  setKey: string;
  decision: string;
  setNo: number | null;
  name: string;
  version: number;
  contentHash: string;
  criterionCount: number;
}

const refColumns = ['id', 'set_key', 'decision', 'set_no', 'name', 'version', 'content_hash', 'criterion_count'] as const;
const toRef = (r: Pick<CriteriaSetVersionRow, (typeof refColumns)[number]>): SetVersionRef => ({
  id: r.id,
  setKey: r.set_key,
  decision: r.decision,
  setNo: r.set_no,
  name: r.name,
  version: r.version,
  contentHash: r.content_hash,
  criterionCount: r.criterion_count,
});

/** The newest version of a set key, or undefined when no such set is installed. */
export async function latestSetVersion(db: Kysely<DB>, setKey: string): Promise<SetVersionRef | undefined> {
  const r = await cdb(db)
    .selectFrom('criteria_set_version')
    .select(refColumns)
    .where('set_key', '=', setKey)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toRef(r) : undefined;
}

export async function setVersionRef(db: Kysely<DB>, id: number): Promise<SetVersionRef | undefined> {
  const r = await cdb(db).selectFrom('criteria_set_version').select(refColumns).where('id', '=', id).executeTakeFirst();
  return r ? toRef(r) : undefined;
}

/** True when at least one version of the set key is installed. */
export async function setKeyExists(db: Kysely<DB>, setKey: string): Promise<boolean> {
  return (await latestSetVersion(db, setKey)) !== undefined;
}

/** Every installed set key (for import validation without one query per row). */
export async function installedSetKeys(db: Kysely<DB>): Promise<Map<string, SetVersionRef>> {
  const rows = await cdb(db).selectFrom('criteria_set_version').select(refColumns).orderBy('version', 'asc').execute();
  const latest = new Map<string, SetVersionRef>();
  for (const r of rows) latest.set(r.set_key, toRef(r));
  return latest;
}

/** The pinned content, parsed with the criteria area's schema. */
export async function setVersionContent(db: Kysely<DB>, id: number): Promise<CriteriaSet> {
  const r = await cdb(db).selectFrom('criteria_set_version').select('content_json').where('id', '=', id).executeTakeFirst();
  if (!r) throw new CoreError('NOT_FOUND', `criteria set version ${id} does not exist`, { what: 'criteria_set_version', id });
  return CriteriaSet.parse(JSON.parse(r.content_json));
}
