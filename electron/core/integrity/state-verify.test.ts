import { describe, expect, it } from 'vitest';
import { openCore } from '../context';
import { verifyState } from './state-verify';
import { finalizedDemoFolder } from './test/demo-folder';

describe('audit verify of the whole state', () => {
  it('finds nothing to report on data made through the app', async () => {
    const { dir } = await finalizedDemoFolder();
    const core = await openCore({ dataDir: dir, host: 'cli' });
    try {
      const r = await verifyState({ db: core.ctx.db, sqlite: core.ctx.sqlite });
      expect(r.differences).toEqual([]);
      // Every check ran on real rows.
      for (const c of r.checks) expect(c.checked, c.id).toBeGreaterThan(0);
      expect(r.ok).toBe(true);
    } finally {
      core.close();
    }
  }, 120_000);
});
