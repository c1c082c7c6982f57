import { sql, type QueryExecutorProvider } from 'kysely';
import { builtInSets } from './built-in-sets';
import { insertVersions, type NewVersion } from './version-insert';

/**
 * Installs the built-in sets: for each one whose content is not yet stored under its key, a new
 * version (1 on a new database). Idempotent, no audit event: it is part of installing the
 * schema, like the migration itself (user imports are audited).
 *
 * The live path: migration 0002 installed the sets of its release from its own frozen data
 * (migrations/data/0002_criteria.json) and no longer calls this. Its test compares the two, and a
 * start or a later migration may call this to add what changed (a version 2 of each changed set;
 * locked versions stay as they are) — a migration that does so keeps its own frozen copy instead.
 */
export async function seedBuiltInSets(db: QueryExecutorProvider, now: Date): Promise<{ inserted: string[] }> {
  const existing = await sql<{
    set_key: string;
    content_hash: string;
    version: number;
  }>`SELECT set_key, content_hash, version FROM criteria_set_version`.execute(db);
  const have = new Set(existing.rows.map((r) => `${r.set_key}\n${r.content_hash}`));
  const maxVersion = new Map<string, number>();
  for (const r of existing.rows) maxVersion.set(r.set_key, Math.max(r.version, maxVersion.get(r.set_key) ?? 0));
  const fresh: NewVersion[] = builtInSets()
    .filter(({ set, contentHash }) => !have.has(`${set.setKey}\n${contentHash}`))
    .map(({ set, contentHash }) => ({ set, contentHash, version: (maxVersion.get(set.setKey) ?? 0) + 1, builtIn: true }));
  await insertVersions(db, fresh, now.toISOString());
  return { inserted: fresh.map((v) => `${v.set.setKey} v${v.version}`) };
}
