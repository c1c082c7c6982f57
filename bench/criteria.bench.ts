/**
 * Issue 3: installing the 26 built-in criteria sets at first start (migration 0002: tables,
 * triggers, 26 versions and ~3 600 search rows), and opening a set as the browser does
 * (`criteria:get` through invoke: SQLite row → parsed content → contract validation). Target for
 * opening: well under 50 ms. Also the accent-insensitive search over every criterion text.
 */
import { invoke } from '../electron/core/api';
import type { Core } from '../electron/core/context';
import { clearCriteriaContentCache } from '../electron/core/criteria/criteria-repo';
import { closeDatabase, openDatabase } from '../electron/core/db/open';
import * as m0001 from '../electron/core/db/migrations/0001_foundation';
import * as m0002 from '../electron/core/db/migrations/0002_criteria';
import { memoryCore } from '../electron/core/test/fixtures';
import { defineCases } from './harness';

let id = 0;
const nextId = () => (id++ % 26) + 1;

async function get(core: Core, versionId: number): Promise<void> {
  const r = await invoke(core.ctx, 'criteria:get', { id: versionId });
  if (!r.ok) throw new Error(r.error.message);
}

export const cases = [
  ...defineCases<null>({
    name: 'criteria: first start — install the 26 built-in sets (migration 0002)',
    run: async () => {
      const db = openDatabase(':memory:');
      await m0001.up(db.db as never);
      await m0002.up(db.db as never);
      closeDatabase(db);
    },
    iterations: 20,
    warmup: 3,
    target: { medianMs: 500 },
    notes: () => '26 versions, 787 criteria, 3 617 search rows',
  }),
  ...defineCases<Core>(
    {
      name: 'criteria: open a set (criteria:get), content cached',
      setup: () => memoryCore(),
      run: (core) => get(core, nextId()),
      teardown: (core) => core.close(),
      iterations: 300,
      warmup: 30,
      target: { medianMs: 50, p99Ms: 50 },
    },
    {
      name: 'criteria: open a set (criteria:get), first open (cache cleared)',
      setup: () => memoryCore(),
      run: (core) => {
        clearCriteriaContentCache();
        return get(core, nextId());
      },
      teardown: (core) => core.close(),
      iterations: 100,
      warmup: 10,
      target: { medianMs: 50 },
    },
    {
      name: 'criteria: accent-insensitive search over all 26 sets (criteria:search)',
      setup: () => memoryCore(),
      run: async (core) => {
        const r = await invoke(core.ctx, 'criteria:search', { query: 'lien ket chuoi san xuat' });
        if (!r.ok || r.value.hits.length === 0) throw new Error('no hits');
      },
      teardown: (core) => core.close(),
      iterations: 200,
      warmup: 20,
      target: { medianMs: 20 },
    },
  ),
];
