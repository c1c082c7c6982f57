import { afterEach, describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../api';
import type { Core } from '../context';
import { closeDatabase, openDatabase } from '../db/open';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations';
import { choicesForTotal } from '../results/test/choices';
import { seedSession, type Seeded } from '../results/test/fixtures';
import { memoryCore } from '../test/fixtures';
import { call } from '../test/call';

let core: Core;
afterEach(() => core?.close());

/** Four products scored 80 (4 sao), 60 (3 sao), 40 (2 sao, not recognised) and 75 with one member disqualifying it. */
async function closedSession(): Promise<Seeded> {
  core = await memoryCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const totals = [80, 60, 40, 75];
  const plans = totals.map((t) => choicesForTotal(set, t, { keepMarks: t >= 50 }));
  return seedSession(core.ctx.sqlite, {
    products: 4,
    members: 3,
    choose: ({ product, code }) => plans[product]![code]!,
    declarations: (p, m) =>
      p === 3 && m === 1 ? [{ ruleId: 'disqualify:set:1', holds: true, reason: 'Nguyên liệu không rõ nguồn gốc' }] : [],
    status: 'closed',
  });
}

const statuses = (id: number) =>
  (
    core.ctx.sqlite
      .prepare('SELECT to_status, note FROM registration_status_event WHERE registration_id = ? ORDER BY id')
      .all(id) as {
      to_status: string;
      note: string;
    }[]
  ).map((e) => (e.note ? `${e.to_status} (${e.note})` : e.to_status));

describe('a registration takes its outcome when its session is finalized', () => {
  it('records the star, recognition and the session; the dossier lists show it', async () => {
    const s = await closedSession();
    const fin = await call(core, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    const [r80, r60, r40, rDq] = s.registrationIds as [number, number, number, number];

    const detail = await call(core, 'registrations:get', { id: r80 });
    expect(detail.status).toBe('result');
    expect(detail.outcome).toEqual({
      status: 'complete',
      stars: 4,
      recognised: true,
      proposedToCentral: false,
      finalizationId: fin.finalization!.id,
      sessionId: s.sessionId,
      sessionNumber: expect.any(Number),
      at: fin.finalization!.finalizedAt,
    });
    expect(statuses(r80)).toEqual(['evaluated', 'result']);

    const list = await call(core, 'registrations:list', { roundId: s.roundId, sort: 'product', limit: 10 });
    const byId = new Map(list.rows.map((r) => [r.id, r]));
    expect(byId.get(r60)!.outcome).toMatchObject({ status: 'complete', stars: 3, recognised: true });
    expect(byId.get(r40)!.outcome).toMatchObject({ status: 'complete', stars: 2, recognised: false });
    expect(byId.get(rDq)!.outcome).toMatchObject({ status: 'disqualified', stars: null, recognised: false });
    expect(list.rows.every((r) => r.status === 'result')).toBe(true);
  });

  it('withdraws the outcome when the session is reopened, with the chair’s reason, and writes the new one on re-finalizing', async () => {
    const s = await closedSession();
    const first = await call(core, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    const id = s.registrationIds[0]!;
    await call(core, 'results:reopen', { sessionId: s.sessionId, chairMemberId: s.chairId, reason: 'Nhập sai một phiếu giấy' });
    const reopened = await call(core, 'registrations:get', { id });
    expect(reopened.status).toBe('evaluated');
    expect(reopened.outcome).toBeNull();
    expect(statuses(id)).toEqual(['evaluated', 'result', 'evaluated (Nhập sai một phiếu giấy)']);

    const second = await call(core, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    expect(second.finalization!.id).not.toBe(first.finalization!.id);
    const again = await call(core, 'registrations:get', { id });
    expect(again.outcome).toMatchObject({ stars: 4, finalizationId: second.finalization!.id });
    expect(again.status).toBe('result');
  });

  it('the database refuses a half-written outcome or one naming a reopened finalization', async () => {
    const s = await closedSession();
    const first = await call(core, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    const id = s.registrationIds[0]!;
    const db = core.ctx.sqlite;
    expect(() => db.prepare('UPDATE registration SET outcome_stars = 5 WHERE id = ?').run(id)).not.toThrow();
    expect(() => db.prepare('UPDATE registration SET outcome_recognised = NULL WHERE id = ?').run(id)).toThrow(
      /VALIDATION: a registration outcome is written whole/,
    );
    expect(() => db.prepare("UPDATE registration SET outcome_status = 'disqualified' WHERE id = ?").run(id)).toThrow(
      /VALIDATION/,
    );
    await call(core, 'results:reopen', { sessionId: s.sessionId, chairMemberId: s.chairId, reason: 'Nhập sai một phiếu giấy' });
    expect(() =>
      db
        .prepare(
          `UPDATE registration SET outcome_stars = 4, outcome_status = 'complete', outcome_recognised = 1, outcome_proposed_central = 0,
           outcome_finalization_id = ?, outcome_at = '2026-06-01T00:00:00Z' WHERE id = ?`,
        )
        .run(first.finalization!.id, id),
    ).toThrow(/FORBIDDEN_STATE: a registration outcome must come from a finalization in force/);
  });

  it('finalizing writes nothing when it is refused', async () => {
    const s = await closedSession();
    const r = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId });
    expect(r.ok).toBe(false);
    expect((await call(core, 'registrations:get', { id: s.registrationIds[0]! })).outcome).toBeNull();
    expect(statuses(s.registrationIds[0]!)).toEqual([]);
  });
});

describe('migration 0013', { timeout: 120_000 }, () => {
  it('gives registrations of sessions finalized before it their outcome from the stored results', async () => {
    // Finalize on the full schema, then rebuild a database at 0012 holding the same rows and migrate it.
    const s = await closedSession();
    await call(core, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    const fin = core.ctx.sqlite.prepare('SELECT * FROM session_finalization').get() as Record<string, unknown>;

    const opened = openDatabase(':memory:');
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0013'));
      await migrateToLatest(opened, { migrations: before });
      const old = seedSession(opened.sqlite, {
        products: 2,
        members: 3,
        choose: () => 0,
        status: 'closed',
      });
      // The finalization row as the results area wrote it (same shape), naming this database's registrations.
      const doc = JSON.parse(fin.results_json as string) as { products: { registrationId: number }[] };
      doc.products = doc.products.slice(0, 2).map((p, i) => ({ ...p, registrationId: old.registrationIds[i]! }));
      opened.sqlite
        .prepare(
          `INSERT INTO session_finalization (session_id, seq, audit_head, results_digest, results_json, finalized_at, finalized_by)
           VALUES (?, 1, ?, ?, ?, '2026-06-02T03:00:00.000Z', 'Thư ký')`,
        )
        .run(old.sessionId, fin.audit_head, fin.results_digest, JSON.stringify(doc));
      await migrateToLatest(opened);
      const rows = opened.sqlite
        .prepare('SELECT id, status, outcome_stars, outcome_status, outcome_recognised, outcome_at FROM registration ORDER BY id')
        .all();
      expect(rows).toEqual([
        {
          id: old.registrationIds[0],
          status: 'result',
          outcome_stars: 4,
          outcome_status: 'complete',
          outcome_recognised: 1,
          outcome_at: '2026-06-02T03:00:00.000Z',
        },
        {
          id: old.registrationIds[1],
          status: 'result',
          outcome_stars: 3,
          outcome_status: 'complete',
          outcome_recognised: 1,
          outcome_at: '2026-06-02T03:00:00.000Z',
        },
      ]);
      const events = opened.sqlite
        .prepare("SELECT from_status, to_status, actor FROM registration_status_event WHERE actor = 'migration 0013'")
        .all();
      expect(events).toHaveLength(2);
    } finally {
      closeDatabase(opened);
    }
  });
});
