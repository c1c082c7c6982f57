import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/fixtures';
import { migrations } from './migrations';
import { migrateToLatest } from './migrate';
import { closeDatabase, openDatabase } from './open';

describe('reserved migration numbers landing out of order', () => {
  it('a database that has a later-numbered migration still receives an earlier-numbered one', async () => {
    const file = path.join(tempDir(), 'ocop.sqlite');
    const opened = openDatabase(file);
    // As if 0012 (signatures) reached this database before 0008 existed.
    const { '0008_dossiers_snapshot': skipped, ...without } = migrations;
    await migrateToLatest(opened, { migrations: without });
    const res = await migrateToLatest(opened, { migrations });
    expect(skipped).toBeDefined();
    expect(res.applied).toEqual(['0008_dossiers_snapshot']);
    const tables = opened.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('trusted_certificate', 'signature_image', 'pkcs11_module') ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual(['pkcs11_module', 'signature_image', 'trusted_certificate']);
    closeDatabase(opened);
  });
});
