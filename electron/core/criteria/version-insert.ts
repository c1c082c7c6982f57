import { sql, type QueryExecutorProvider } from 'kysely';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { searchRows, summaryColumns } from './criteria-rows';

export interface NewVersion {
  set: CriteriaSet;
  contentHash: string;
  version: number;
  builtIn: boolean;
}

/**
 * Inserts versions and their search rows with two statements in total, whatever the number of
 * sets: the rows travel as one JSON parameter expanded by SQLite's json_each. Building a
 * parameterised INSERT for ~3 600 search rows through the query builder costs far more than
 * the writes (this is the first-start path). Returns the new ids in input order.
 */
export async function insertVersions(db: QueryExecutorProvider, versions: NewVersion[], createdAt: string): Promise<number[]> {
  if (versions.length === 0) return [];
  const rows = versions.map((v) => ({
    set_key: v.set.setKey,
    version: v.version,
    content_hash: v.contentHash,
    content_json: JSON.stringify(v.set),
    built_in: v.builtIn ? 1 : 0,
    created_at: createdAt,
    ...summaryColumns(v.set),
  }));
  await sql`INSERT INTO criteria_set_version
      (set_key, version, content_hash, content_json, built_in, created_at, decision, set_no, name,
       criterion_count, star_marked_levels, part_a_max, part_b_max, part_c_max, total, classification_json)
    SELECT j.value ->> 'set_key', j.value ->> 'version', j.value ->> 'content_hash', j.value ->> 'content_json',
       j.value ->> 'built_in', j.value ->> 'created_at', j.value ->> 'decision', j.value ->> 'set_no', j.value ->> 'name',
       j.value ->> 'criterion_count', j.value ->> 'star_marked_levels', j.value ->> 'part_a_max', j.value ->> 'part_b_max',
       j.value ->> 'part_c_max', j.value ->> 'total', j.value ->> 'classification_json'
    FROM json_each(${JSON.stringify(rows)}) AS j ORDER BY j.key`.execute(db);

  const keys = versions.map((v) => [v.set.setKey, v.version] as const);
  const found = await sql<{ id: number; set_key: string; version: number }>`SELECT id, set_key, version FROM criteria_set_version
    WHERE (set_key, version) IN (SELECT j.value ->> 0, j.value ->> 1 FROM json_each(${JSON.stringify(keys)}) AS j)`.execute(db);
  const idOf = new Map(found.rows.map((r) => [`${r.set_key}\n${r.version}`, r.id]));
  const ids = keys.map(([k, v]) => {
    const id = idOf.get(`${k}\n${v}`);
    if (id === undefined) throw new Error(`criteria_set_version ${k} v${v} was not inserted`);
    return id;
  });

  const search = versions.flatMap((v, i) =>
    searchRows(v.set).map((r) => [ids[i], r.criterion_code, r.field, r.level_index, r.text, r.folded]),
  );
  await sql`INSERT INTO criteria_search (version_id, criterion_code, field, level_index, text, folded)
    SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5
    FROM json_each(${JSON.stringify(search)}) AS j`.execute(db);
  return ids;
}
