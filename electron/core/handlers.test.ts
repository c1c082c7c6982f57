import { afterEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/api/contract';
import { handlers } from './api';
import { auditTail } from './audit/audit-repo';
import type { Core } from './context';
import { handlerKind, read, runSyncWrite, runWrite, syncWrite, task, write } from './handlers';
import { memoryCore } from './test/fixtures';

let core: Core;
afterEach(() => core?.close());

describe('no handler without the wrapper', () => {
  it('every handler in api.ts is built with read, write or task', () => {
    const unwrapped = channelNames.filter((c) => handlerKind(handlers[c]) === undefined);
    expect(
      unwrapped,
      'write these handlers as read((ctx, input) => …), write((w, input) => …) or task((call, input) => …)',
    ).toEqual([]);
  });

  it('marks each wrapper with its kind, and nothing else', () => {
    expect(handlerKind(read(() => 1))).toBe('read');
    expect(handlerKind(write(async () => 1))).toBe('write');
    expect(handlerKind(task(() => 1))).toBe('task');
    expect(handlerKind(syncWrite(() => 1))).toBe('write');
    expect(handlerKind(() => 1)).toBeUndefined();
  });
});

describe('write', () => {
  it('gives the service one transaction, one clock reading and the actor; the audit event carries them', async () => {
    core = await memoryCore();
    const handler = write(async (w, input: { name: string }) => {
      await w.trx.insertInto('app_meta').values({ key: 'probe', value: input.name }).execute();
      await w.audit({ action: 'probe.write', entity: 'app_meta', entityId: 'probe', after: input });
      return { at: w.at.toISOString(), actor: w.actor };
    });
    const out = await handler({ name: 'Nước mắm' }, core.ctx, { actor: 'Thư ký Võ Thị Em' });
    const [event] = await auditTail(core.ctx.db, 1);
    expect(event).toMatchObject({ action: 'probe.write', actor: 'Thư ký Võ Thị Em', at: out.at, after: { name: 'Nước mắm' } });
    expect(out.actor).toBe('Thư ký Võ Thị Em');
  });

  it('commits nothing, neither the change nor its audit event, when the service throws', async () => {
    core = await memoryCore();
    const failing = write(async (w) => {
      await w.trx.insertInto('app_meta').values({ key: 'half', value: 'x' }).execute();
      await w.audit({ action: 'probe.half', entity: 'app_meta' });
      throw new Error('stopped half way');
    });
    await expect(failing({}, core.ctx, {})).rejects.toThrow('stopped half way');
    expect(await core.ctx.db.selectFrom('app_meta').selectAll().where('key', '=', 'half').execute()).toEqual([]);
    expect(await auditTail(core.ctx.db, 10)).toEqual([]);
  });

  it('names the operator when the host gives no actor; a task commits in its own steps with runWrite', async () => {
    core = await memoryCore();
    const t = task(async (call) => {
      await runWrite(call, (w) => w.audit({ action: 'probe.step', entity: 'job', entityId: 1 }));
      await runWrite(call, (w) => w.audit({ action: 'probe.step', entity: 'job', entityId: 2, actor: 'Nguyễn Văn An' }));
      return call.actor;
    });
    expect(await t({}, core.ctx, {})).toBe(core.ctx.defaultActor);
    const events = await auditTail(core.ctx.db, 2);
    expect(events.map((e) => [e.entityId, e.actor])).toEqual([
      ['2', 'Nguyễn Văn An'],
      ['1', core.ctx.defaultActor],
    ]);
  });
});

describe('rollback hooks', () => {
  it('run once each when the transaction rolls back, never when it commits (write and syncWrite)', async () => {
    core = await memoryCore();
    const call = { ctx: core.ctx, actor: 'Thư ký' };
    const ran: string[] = [];
    const forget = () => ran.push('forget');
    await runWrite(call, async (w) => {
      w.onRollback(forget);
      await w.trx.insertInto('app_meta').values({ key: 'kept', value: '1' }).execute();
    });
    await runSyncWrite(call, (w) => w.onRollback(forget));
    expect(ran).toEqual([]);

    await expect(
      runWrite(call, async (w) => {
        w.onRollback(forget);
        w.onRollback(forget);
        w.onRollback(() => ran.push('other'));
        await w.trx.insertInto('app_meta').values({ key: 'kept', value: 'again' }).execute(); // primary key: refused
      }),
    ).rejects.toThrow();
    expect(ran).toEqual(['forget', 'other']);

    ran.length = 0;
    await expect(
      runSyncWrite(call, (w) => {
        w.onRollback(forget);
        w.sqlite.prepare("INSERT INTO app_meta (key, value) VALUES ('kept', 'x')").run();
      }),
    ).rejects.toThrow();
    expect(ran).toEqual(['forget']);
    expect(await core.ctx.db.selectFrom('app_meta').select('value').where('key', '=', 'kept').execute()).toEqual([
      { value: '1' },
    ]);
  });
});
