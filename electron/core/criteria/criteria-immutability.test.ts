import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { fileCore, memoryCore } from '../test/fixtures';
import { getCriteriaSetVersion, lockCriteriaSetVersion } from './criteria-repo';

/** The database itself refuses to change a stored version; locked versions cannot even be deleted. */

let core: Core | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
});

const run = (c: Core, sql: string) => () => c.ctx.sqlite.prepare(sql).run();

describe('criteria set versions are immutable in SQL', () => {
  it('refuses a raw UPDATE of the content of a locked version, and of any version', async () => {
    core = await memoryCore();
    await lockCriteriaSetVersion(core.ctx.db, 7);
    const before = core.ctx.sqlite.prepare('SELECT * FROM criteria_set_version WHERE id = 7').get();
    expect(run(core, `UPDATE criteria_set_version SET content_json = '{}' WHERE id = 7`)).toThrow(
      /IMMUTABLE: a criteria set version never changes/,
    );
    expect(run(core, `UPDATE criteria_set_version SET content_hash = '${'0'.repeat(64)}', name = 'x' WHERE id = 7`)).toThrow(
      /IMMUTABLE/,
    );
    expect(run(core, `UPDATE criteria_set_version SET version = 9 WHERE id = 7`)).toThrow(/IMMUTABLE/);
    // Not locked yet: still immutable (a change is a new version, never an edit).
    expect(run(core, `UPDATE criteria_set_version SET content_json = '{}' WHERE id = 8`)).toThrow(/IMMUTABLE/);
    expect(core.ctx.sqlite.prepare('SELECT * FROM criteria_set_version WHERE id = 7').get()).toEqual(before);
  });

  it('refuses to unlock or delete a locked version and its search rows; an unused version may be deleted', async () => {
    core = await memoryCore();
    await lockCriteriaSetVersion(core.ctx.db, 7);
    await lockCriteriaSetVersion(core.ctx.db, 7); // locking twice is fine
    expect(run(core, 'UPDATE criteria_set_version SET locked = 0 WHERE id = 7')).toThrow(/IMMUTABLE: .* stays locked/);
    expect(run(core, 'DELETE FROM criteria_set_version WHERE id = 7')).toThrow(/IMMUTABLE: .* cannot be deleted/);
    expect(run(core, 'DELETE FROM criteria_search WHERE version_id = 7')).toThrow(/IMMUTABLE/);
    expect(run(core, `UPDATE criteria_search SET text = 'x' WHERE version_id = 8`)).toThrow(/IMMUTABLE/);
    expect(run(core, 'DELETE FROM criteria_set_version WHERE id = 8')).not.toThrow();
    expect(core.ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM criteria_search WHERE version_id = 8').get()).toEqual({ n: 0 });
    const list = await invoke(core.ctx, 'criteria:list', {});
    expect(list.ok && list.value.find((s) => s.id === 7)).toMatchObject({ locked: true, used: true });
    await expect(lockCriteriaSetVersion(core.ctx.db, 999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a locked version as it was when a changed set is imported: the change is a new version', async () => {
    core = await fileCore();
    await lockCriteriaSetVersion(core.ctx.db, 7);
    const v1 = await getCriteriaSetVersion(core.ctx.db, 7);
    const changed = structuredClone(v1.content);
    changed.name = 'Chế biến từ rau, củ, quả, hạt (bản đã đối chiếu)';
    const r = await invoke(core.ctx, 'criteria:import', { format: 'json', content: JSON.stringify(changed) });
    expect(r).toMatchObject({ ok: true, value: { outcome: 'new_version', version: { version: 2, locked: false } } });
    // Only `latest` moves to the new version; the locked one reads exactly as before.
    expect(await getCriteriaSetVersion(core.ctx.db, 7)).toEqual({ ...v1, latest: false });
  });
});
