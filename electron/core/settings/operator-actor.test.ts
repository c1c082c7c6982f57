import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { makeRegistration } from '../dossiers/test/fixtures';
import { call } from '../test/call';
import { fileCore, tempDir } from '../test/fixtures';

let core: Core | undefined;
afterEach(() => core?.close());

describe('the operator named in Cài đặt acts in the audit log and the histories', () => {
  it("records 'local' until a name is saved, then the name, also after the app restarts", async () => {
    const dir = tempDir();
    core = await fileCore(dir);
    await call(core, 'settings:set', { operatorName: '  Trần Thị Thư  ' });
    const { reg } = await makeRegistration(core);
    const detail = await call(core, 'registrations:get', { id: reg.id });
    expect(detail.statusHistory.map((h) => h.actor)).toEqual(['Trần Thị Thư']);
    const tail = await call(core, 'audit:tail', { limit: 50 });
    // The first save itself was made before any name existed; everything after carries the name.
    expect(tail.at(-1)).toMatchObject({ action: 'settings.set', actor: 'local' });
    expect(tail.slice(0, -1).every((e) => e.actor === 'Trần Thị Thư')).toBe(true);
    core.close();

    core = await fileCore(dir);
    await call(core, 'registrations:setStatus', { id: reg.id, status: 'commune_report', note: '' });
    const again = await call(core, 'registrations:get', { id: reg.id });
    expect(again.statusHistory.map((h) => h.actor)).toEqual(['Trần Thị Thư', 'Trần Thị Thư']);
  });

  it('lets a host that knows the caller name them instead, and falls back to local when the name is cleared', async () => {
    core = await fileCore();
    await call(core, 'settings:set', { operatorName: 'Thư ký' });
    await invoke(core.ctx, 'settings:set', { textSize: 'large' }, { actor: 'Ủy viên Lê Văn Ba' });
    await call(core, 'settings:set', { operatorName: '   ' });
    await call(core, 'settings:set', { textSize: 'normal' });
    const actors = (await call(core, 'audit:tail', { limit: 10 })).map((e) => e.actor).reverse();
    expect(actors).toEqual(['local', 'Ủy viên Lê Văn Ba', 'Thư ký', 'local']);
  });
});
