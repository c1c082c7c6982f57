import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { fileCore, memoryCore } from '../test/fixtures';

let core: Core;
afterEach(() => core?.close());

describe('backups', () => {
  it('writes a checked copy into the backups folder and lists it', async () => {
    core = await fileCore();
    await invoke(core.ctx, 'settings:set', { operatorName: 'Thư ký Hội đồng' });
    const r = await invoke(core.ctx, 'backup:create', { note: 'Trước phiên họp' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toMatch(/^manual-.*-truoc-phien-hop\.sqlite$/);
    expect(r.value.integrity).toBe('ok');
    const copy = new Database(r.value.path, { readonly: true });
    expect(copy.prepare("SELECT value FROM setting WHERE key = 'operatorName'").get()).toEqual({
      value: JSON.stringify('Thư ký Hội đồng'),
    });
    copy.close();
    const list = await invoke(core.ctx, 'backup:list', {});
    expect(list.ok && list.value.map((b) => b.name)).toEqual([r.value.name]);
    const tail = await invoke(core.ctx, 'audit:tail', { limit: 1 });
    expect(tail.ok && tail.value[0]?.action).toBe('backup.create');
  });

  it('removes the .partial a killed backup left, once abandoned (10 min), not one being written now', async () => {
    core = await fileCore();
    fs.mkdirSync(core.ctx.paths.backupsDir, { recursive: true });
    const stale = path.join(core.ctx.paths.backupsDir, 'manual-2026-01-01T00-00-00-000Z.sqlite.partial');
    const fresh = path.join(core.ctx.paths.backupsDir, 'manual-2026-01-02T00-00-00-000Z.sqlite.partial');
    for (const f of [stale, fresh]) fs.writeFileSync(f, 'half a copy');
    const old = new Date(Date.now() - 11 * 60_000);
    fs.utimesSync(stale, old, old);
    expect((await invoke(core.ctx, 'backup:create', {})).ok).toBe(true);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });

  it('refuses a note with path characters', async () => {
    core = await fileCore();
    const r = await invoke(core.ctx, 'backup:create', { note: '../../etc' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fs.existsSync(core.ctx.paths.backupsDir)).toBe(false);
  });

  it('explains that an in-memory database has nothing to back up', async () => {
    core = await memoryCore();
    expect(await invoke(core.ctx, 'backup:create', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_STATE' } });
  });
});
