import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { call, callError } from '../test/call';
import { memoryCore } from '../test/fixtures';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function fresh(): Promise<Core> {
  const c = await memoryCore();
  cores.push(c);
  return c;
}

/** Every row of the tables the demo writes, in primary-key order: what "the same data" means. */
async function dump(core: Core): Promise<string> {
  const tables = [
    'evaluation_round',
    'producer',
    'product',
    'registration',
    'registration_status_event',
    'council',
    'council_member',
    'council_rules',
    'session',
    'session_agenda_item',
    'session_attendance',
    'session_conflict',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = (await sql`SELECT * FROM ${sql.table(t)} ORDER BY rowid`.execute(core.ctx.db)).rows;
  return JSON.stringify(out);
}

describe('training dataset (npm run ocop -- demo)', () => {
  it('builds a fictional province: ≥ 30 producers of every kind, ≥ 40 registrations over ≥ 8 sets, a council of 9 with its Tổ tư vấn, two rounds, a meeting ready to score with one recusal', async () => {
    const core = await fresh();
    const r = await call(core, 'demo:create', { seed: 7 });
    expect(r.counts.producers).toBeGreaterThanOrEqual(30);
    expect(r.counts.registrations).toBeGreaterThanOrEqual(40);
    expect(r.counts.criteriaSets).toBeGreaterThanOrEqual(8);
    expect(r.counts.councilMembers).toBe(9);
    const kinds = (await core.ctx.db.selectFrom('producer').select('kind').distinct().execute()).map((k) => k.kind);
    expect(kinds).toHaveLength(10);
    const regKinds = (await core.ctx.db.selectFrom('registration').select('kind').distinct().execute()).map((k) => k.kind).sort();
    expect(regKinds).toEqual(['first', 'reevaluation', 'upgrade']);
    expect(await call(core, 'rounds:list', {})).toHaveLength(2);
    const council = await call(core, 'councils:get', { id: r.councilId });
    expect(council.advisoryGroups).toEqual([{ id: r.advisoryGroupId, name: expect.stringContaining('Tổ tư vấn') }]);
    expect(council.council.name).toContain('tập huấn');

    const meeting = await call(core, 'sessions:get', { id: r.meetingSessionId });
    expect(meeting.session).toMatchObject({ status: 'in_progress', kind: 'meeting' });
    expect(meeting.agenda).toHaveLength(8);
    expect(meeting.members.filter((m) => m.present === false)).toHaveLength(1);
    expect(meeting.quorum.products.every((p) => p.quorum.met)).toBe(true);
    expect(meeting.quorum.products.every((p: { quorum: { met: boolean } }) => p.quorum.met)).toBe(true);
    const written = await call(core, 'sessions:get', { id: r.writtenOpinionSessionId });
    expect(written.session).toMatchObject({ kind: 'written_opinion', status: 'preparing' });
    expect(await call(core, 'demo:status', {})).toEqual({ training: true, seed: 7 });
    expect(await call(core, 'audit:verify', {})).toMatchObject({ ok: true });
  }, 90_000);

  it('the same seed gives the same data, to the audit chain head; another seed gives other data', async () => {
    const [a, b, c] = [await fresh(), await fresh(), await fresh()];
    await call(a, 'demo:create', { seed: 42 });
    await call(b, 'demo:create', { seed: 42 });
    await call(c, 'demo:create', { seed: 43 });
    expect(await dump(a)).toBe(await dump(b));
    expect((await call(a, 'audit:verify', {})).head).toBe((await call(b, 'audit:verify', {})).head);
    expect(await dump(c)).not.toBe(await dump(a));
  }, 180_000);

  it('refuses a database that already holds data', async () => {
    const core = await fresh();
    await call(core, 'demo:create', {});
    const e = await callError(core, 'demo:create', {});
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('empty database');
  }, 90_000);
});
