import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { seedBuiltInSets } from '../../criteria/built-in-seed';
import { criteriaContentHash } from '../../criteria/content-hash';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { migrateTo, type MigratingDatabase } from '../../test/migrate-to';
import frozen from './data/0002_criteria.json' with { type: 'json' };
import { BUILT_IN_CREATED_AT } from './0002_criteria';

let open: MigratingDatabase[] = [];
afterEach(() => {
  for (const m of open) m.close();
  open = [];
});
const migrated = async (name: string) => {
  const m = await migrateTo(name);
  open.push(m);
  return m;
};

/** Every row of both tables, in rowid order, with the storage class of each value. */
function criteriaRows(m: MigratingDatabase) {
  const typed = (table: string) =>
    m.sqlite
      .prepare(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`)
      .all()
      .map((r) => Object.entries(r as Record<string, unknown>).map(([k, v]) => [k, v, v === null ? 'null' : typeof v]));
  return { versions: typed('criteria_set_version'), search: typed('criteria_search') };
}

describe('0002_criteria (frozen)', () => {
  it('installs its own data, unchanged since it was frozen, at the release moment', async () => {
    // The data file is part of a released migration: it never changes. A new built-in set (or a
    // corrected one) ships as a new migration; this hash is not to be updated.
    expect(createHash('sha256').update(JSON.stringify(frozen)).digest('hex')).toBe(
      '5f72560e75af1f02cd5879a0c4c027da1a37a377ac3c2c62e231e37d379c0f05',
    );
    const m = await migrated('0002_criteria');
    expect(m.applied()).toEqual(['0001_foundation', '0002_criteria']);
    const versions = m.sqlite
      .prepare(
        'SELECT id, set_key, version, built_in, locked, created_at, content_hash, content_json FROM criteria_set_version ORDER BY id',
      )
      .all() as {
      id: number;
      set_key: string;
      version: number;
      built_in: number;
      locked: number;
      created_at: string;
      content_hash: string;
      content_json: string;
    }[];
    expect(versions.map((v) => [v.id, v.set_key, v.version, v.built_in, v.locked, v.created_at])).toEqual(
      Array.from({ length: 26 }, (_, i) => [i + 1, `qd26-2026/${String(i + 1).padStart(2, '0')}`, 1, 1, 0, BUILT_IN_CREATED_AT]),
    );
    // Each stored hash is the hash of the stored content.
    for (const v of versions)
      expect(criteriaContentHash(JSON.parse(v.content_json) as CriteriaSet), v.set_key).toBe(v.content_hash);
    const perVersion = m.sqlite
      .prepare('SELECT version_id, count(*) AS n FROM criteria_search GROUP BY version_id ORDER BY version_id')
      .all();
    expect(perVersion).toEqual(frozen.versions.map((v, i) => ({ version_id: i + 1, n: v.search.length })));
    expect(frozen.versions.reduce((n, v) => n + v.search.length, 0)).toBe(3617);
  });

  it('gives, row for row and type for type, what the live seed of the built-in sets gives today', async () => {
    const m = await migrated('0002_criteria');
    // The same schema emptied, then filled by the live code the migration called before it was frozen.
    const live = await migrated('0002_criteria');
    live.sqlite.exec(
      `DELETE FROM criteria_search; DELETE FROM criteria_set_version; DELETE FROM sqlite_sequence WHERE name = 'criteria_set_version'`,
    );
    expect(live.sqlite.prepare('SELECT count(*) AS n FROM criteria_search').get()).toEqual({ n: 0 });
    const seeded = await seedBuiltInSets(live.opened.db, new Date(BUILT_IN_CREATED_AT));
    expect(seeded.inserted).toHaveLength(26);
    // If this fails, the built-in sets (resources/criteria) or the code deriving rows from them
    // changed after 0002 was frozen: do not edit 0002 or its data; ship the change as a new migration.
    expect(criteriaRows(live)).toEqual(criteriaRows(m));
    // Seeding again over the migrated database adds nothing: the live sets are the installed ones.
    expect(await seedBuiltInSets(m.opened.db, new Date())).toEqual({ inserted: [] });
  });

  it('leaves what 0001 stored as it was', async () => {
    const m = await migrated('0001_foundation');
    m.sqlite.prepare(`INSERT INTO app_meta (key, value) VALUES ('marker', 'written under 0001')`).run();
    const before = m.sqlite.prepare('SELECT * FROM app_meta ORDER BY key').all();
    await m.migrateTo('0002_criteria');
    expect(m.sqlite.prepare('SELECT * FROM app_meta ORDER BY key').all()).toEqual(before);
    expect(before).toEqual([{ key: 'marker', value: 'written under 0001' }]);
  });
});
