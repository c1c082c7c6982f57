import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { appendAudit, verifyAudit, type AuditInput } from './audit-repo';
import { GENESIS_HASH } from './chain';

let core: Core;
/** One event in its own transaction, as a service appends it. */
const append = (e: AuditInput) => core.ctx.db.transaction().execute((trx) => appendAudit(trx, core.ctx.now(), e));
afterEach(() => core?.close());

describe('audit chain', () => {
  it('links each event to the previous one and verifies', async () => {
    core = await memoryCore();
    const h1 = await append({
      actor: 'a',
      action: 'x.create',
      entity: 'x',
      entityId: 1,
      after: { name: 'Nước mắm' },
    });
    const h2 = await append({
      actor: 'a',
      action: 'x.update',
      entity: 'x',
      entityId: 1,
      before: { name: 'Nước mắm' },
      after: { name: 'Nước mắm Phú Quốc' },
    });
    const rows = core.ctx.sqlite.prepare('SELECT prev_hash, hash FROM audit_log ORDER BY seq').all() as {
      prev_hash: string;
      hash: string;
    }[];
    expect(rows).toEqual([
      { prev_hash: GENESIS_HASH, hash: h1 },
      { prev_hash: h1, hash: h2 },
    ]);
    expect(await verifyAudit(core.ctx.db)).toMatchObject({ ok: true, count: 2, head: h2 });
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    core = await memoryCore();
    await append({ actor: 'a', action: 'x', entity: 'x' });
    expect(() => core.ctx.sqlite.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => core.ctx.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('detects an event edited behind the triggers and names the first broken link', async () => {
    core = await memoryCore();
    for (let i = 0; i < 3; i++) await append({ actor: 'a', action: 'x', entity: 'x', entityId: i, after: { points: i } });
    core.ctx.sqlite.exec('DROP TRIGGER audit_log_no_update');
    core.ctx.sqlite.prepare(`UPDATE audit_log SET after_json = '{"points":9}' WHERE seq = 2`).run();
    expect(await verifyAudit(core.ctx.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: expect.stringContaining('altered'),
    });
  });
});

describe('errors raised by triggers', () => {
  it('reach callers with the code the trigger names', async () => {
    const { translateSqliteError } = await import('../db/open');
    core = await memoryCore();
    core.ctx.sqlite.exec(
      `CREATE TABLE t (x INTEGER); CREATE TRIGGER t_no BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: the session is finalized'); END;`,
    );
    let caught: unknown;
    try {
      core.ctx.sqlite.prepare('INSERT INTO t VALUES (1)').run();
    } catch (e) {
      caught = e;
    }
    expect(translateSqliteError(caught, 'db')).toMatchObject({ code: 'FORBIDDEN_STATE', message: 'the session is finalized' });
  });
});
