import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { choicesForTotal } from './test/choices';
import { memoryCore } from '../test/fixtures';
import { seedSession, type Seeded } from './test/fixtures';

let core: Core;
afterEach(() => core?.close());

/**
 * A closed session of three products, all resolved: 4★ (80), 3★ (60) and 4★ at 70 exactly (a
 * sensitive result: one point less is 3★).
 */
async function closedSession(status: 'closed' | 'in_progress' = 'closed'): Promise<Seeded> {
  core = await memoryCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const totals = [
    [80, 81, 79],
    [60, 61, 59],
    [70, 70, 70],
  ];
  const plans = totals.map((ts) => ts.map((t) => choicesForTotal(set, t, { keepMarks: true })));
  return seedSession(core.ctx.sqlite, {
    products: 3,
    members: 3,
    choose: ({ product, member, code }) => plans[product]![member]![code]!,
    status,
  });
}

const ok = <T>(env: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};

const sessionStatus = (id: number) =>
  (core.ctx.sqlite.prepare('SELECT status FROM session WHERE id = ?').get(id) as { status: string }).status;

describe('results:finalize', () => {
  it('refuses a session that is still in progress, naming what to do', async () => {
    const s = await closedSession('in_progress');
    const r = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('close it (Sessions screen) before finalizing') },
    });
    expect(sessionStatus(s.sessionId)).toBe('in_progress');
  });

  it('refuses while a product has no final result, listing it', async () => {
    core = await memoryCore();
    const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
      content_json: string;
    };
    const set = CriteriaSet.parse(JSON.parse(row.content_json));
    const a = choicesForTotal(set, 60, { keepMarks: true });
    const b = choicesForTotal(set, 75, { keepMarks: true });
    const s = seedSession(core.ctx.sqlite, {
      products: 1,
      members: 3,
      choose: ({ member, code }) => (member === 0 ? a : b)[code]!,
      status: 'closed',
    });
    const r = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining(`${s.productCodes[0]} (spread_unresolved)`) },
    });
  });

  it('requires the chair to acknowledge sensitive results', async () => {
    const s = await closedSession();
    const r = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/^acknowledgeSensitive: .*01-00001-3-2026/) },
    });
    expect(sessionStatus(s.sessionId)).toBe('closed');
  });

  it('stores the audit head and the digest of the results, audits it, and locks the session', async () => {
    const s = await closedSession();
    const headBefore =
      (core.ctx.sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined)
        ?.hash ?? '0'.repeat(64);
    const r = ok(
      await invoke(
        core.ctx,
        'results:finalize',
        { sessionId: s.sessionId, acknowledgeSensitive: true },
        { actor: 'Thư ký Hội đồng' },
      ),
    );
    expect(r.locked).toBe(true);
    expect(r.session.status).toBe('finalized');
    expect(r.finalization).toMatchObject({
      seq: 1,
      auditHead: headBefore,
      finalizedBy: 'Thư ký Hội đồng',
      chairMemberId: s.chairId,
      reopenedAt: null,
    });
    const row = core.ctx.sqlite.prepare('SELECT results_json, results_digest FROM session_finalization').get() as {
      results_json: string;
      results_digest: string;
    };
    expect(createHash('sha256').update(row.results_json).digest('hex')).toBe(row.results_digest);
    expect(r.finalization!.resultsDigest).toBe(row.results_digest);
    const doc = JSON.parse(row.results_json);
    expect(doc).toMatchObject({
      format: 'ocop-session-results',
      formatVersion: 1,
      sessionId: s.sessionId,
      seq: 1,
      auditHead: headBefore,
    });
    expect(doc.products.map((p: { finalStar: number }) => p.finalStar)).toEqual([4, 3, 4]);
    expect(doc.products[0].sheets).toHaveLength(3);

    const event = ok(await invoke(core.ctx, 'audit:tail', { limit: 1 }))[0]!;
    expect(event).toMatchObject({
      action: 'results.finalize',
      entity: 'session',
      entityId: String(s.sessionId),
      actor: 'Thư ký Hội đồng',
      after: { resultsDigest: row.results_digest, seq: 1, acknowledgedSensitive: expect.arrayContaining([s.registrationIds[2]]) },
    });
    expect(ok(await invoke(core.ctx, 'audit:verify', {})).ok).toBe(true);
    expect(ok(await invoke(core.ctx, 'results:verify', {}))).toMatchObject({
      ok: true,
      checks: [{ sessionId: s.sessionId, ok: true, problems: [] }],
    });
    // Finalizing twice is refused.
    expect(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('already finalized') },
    });
  });

  it('makes every scoring and session write refuse with FORBIDDEN_STATE once finalized (database triggers)', async () => {
    const s = await closedSession();
    ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
    const db = core.ctx.sqlite;
    const sheet = s.sheetIds[0]![0]!;
    const refused = [
      () =>
        db
          .prepare(
            `INSERT INTO score_sheet (session_id, registration_id, member_id, criteria_set_version_id, source, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'member', 'draft', 'x', 'x')`,
          )
          .run(s.sessionId, s.registrationIds[0], s.memberIds[0], s.versionId),
      () => db.prepare(`UPDATE score_sheet SET status = 'superseded' WHERE id = ?`).run(sheet),
      () => db.prepare(`UPDATE score_answer SET level_index = 0 WHERE sheet_id = ?`).run(sheet),
      () =>
        db
          .prepare(
            `INSERT INTO score_declaration (sheet_id, rule_id, holds, reason, last_seq) VALUES (?, 'disqualify:set:1', 1, 'x', 0)`,
          )
          .run(sheet),
      () =>
        db
          .prepare(`INSERT INTO score_answer_event (sheet_id, kind, target, at, actor) VALUES (?, 'opinion', '', 'x', 'x')`)
          .run(sheet),
      () =>
        db
          .prepare(
            `INSERT INTO score_rescoring_round (session_id, registration_id, round_no, opened_by_member_id, reason, opened_at, actor) VALUES (?, ?, 1, ?, 'x', 'x', 'x')`,
          )
          .run(s.sessionId, s.registrationIds[0], s.chairId),
      () =>
        db
          .prepare(
            `INSERT INTO paper_entry (session_id, registration_id, member_id, entry_no, entered_by, created_at, updated_at) VALUES (?, ?, ?, 1, 'x', 'x', 'x')`,
          )
          .run(s.sessionId, s.registrationIds[0], s.memberIds[1]),
      () => db.prepare(`UPDATE session SET title = 'Sửa' WHERE id = ?`).run(s.sessionId),
      () => db.prepare(`DELETE FROM session_agenda_item WHERE session_id = ?`).run(s.sessionId),
    ];
    for (const write of refused) expect(write).toThrow(/FORBIDDEN_STATE|IMMUTABLE/);
    // The status cannot be moved around the results area either.
    expect(() => db.prepare(`UPDATE session SET status = 'closed' WHERE id = ?`).run(s.sessionId)).toThrow(
      /FORBIDDEN_STATE: a finalized session is reopened only with the chair's reason/,
    );
  });

  it('a session cannot be marked finalized without a finalization record', async () => {
    const s = await closedSession();
    expect(() => core.ctx.sqlite.prepare(`UPDATE session SET status = 'finalized' WHERE id = ?`).run(s.sessionId)).toThrow(
      /FORBIDDEN_STATE: a session is finalized only through the results area/,
    );
  });
});

describe('results:reopen', () => {
  it('needs the presiding member and a reason; keeps the history; re-finalizing gives a new digest', async () => {
    const s = await closedSession();
    const first = ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));

    expect(
      await invoke(core.ctx, 'results:reopen', { sessionId: s.sessionId, chairMemberId: s.chairId, reason: 'sai' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('reason') } });
    expect(
      await invoke(core.ctx, 'results:reopen', {
        sessionId: s.sessionId,
        chairMemberId: s.memberIds[1]!,
        reason: 'Phát hiện nhập sai phiếu giấy',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('only the chair of the session can reopen') },
    });
    expect(sessionStatus(s.sessionId)).toBe('finalized');

    const reopened = ok(
      await invoke(
        core.ctx,
        'results:reopen',
        { sessionId: s.sessionId, chairMemberId: s.chairId, reason: 'Phát hiện nhập sai phiếu giấy của một thành viên' },
        { actor: 'Chủ tịch' },
      ),
    );
    expect(reopened.locked).toBe(false);
    expect(reopened.session.status).toBe('closed');
    expect(reopened.finalization).toBeNull();
    expect(reopened.history).toEqual([
      expect.objectContaining({
        seq: 1,
        resultsDigest: first.finalization!.resultsDigest,
        reopenedBy: 'Chủ tịch',
        reopenReason: 'Phát hiện nhập sai phiếu giấy của một thành viên',
        reopenChairMemberId: s.chairId,
      }),
    ]);
    const event = ok(await invoke(core.ctx, 'audit:tail', { limit: 1 }))[0]!;
    expect(event).toMatchObject({
      action: 'results.reopen',
      actor: 'Chủ tịch',
      before: { status: 'finalized', resultsDigest: first.finalization!.resultsDigest },
      after: { status: 'closed', reason: 'Phát hiện nhập sai phiếu giấy của một thành viên' },
    });

    // Reopening twice is refused; the record of a reopened finalization never changes.
    expect(
      await invoke(core.ctx, 'results:reopen', { sessionId: s.sessionId, chairMemberId: s.chairId, reason: 'Lần nữa cho chắc' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_STATE' } });
    expect(() => core.ctx.sqlite.prepare(`UPDATE session_finalization SET reopen_reason = 'khác'`).run()).toThrow(/IMMUTABLE/);
    expect(() => core.ctx.sqlite.prepare(`DELETE FROM session_finalization`).run()).toThrow(/IMMUTABLE/);

    const second = ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
    expect(second.finalization).toMatchObject({ seq: 2 });
    expect(second.finalization!.resultsDigest).not.toBe(first.finalization!.resultsDigest);
    expect(second.history.map((h) => h.seq)).toEqual([1, 2]);
    expect(ok(await invoke(core.ctx, 'results:verify', { sessionId: s.sessionId })).ok).toBe(true);
  });

  it('refuses a session that is not finalized', async () => {
    const s = await closedSession();
    expect(
      await invoke(core.ctx, 'results:reopen', { sessionId: s.sessionId, chairMemberId: s.chairId, reason: 'Không có gì để mở' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('is not finalized') } });
  });
});

describe('tampering after finalization', () => {
  it('an answer edited with raw SQL behind the triggers is found by results:verify, naming the sheet', async () => {
    const s = await closedSession();
    ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
    const db = core.ctx.sqlite;
    const sheet = s.sheetIds[1]![2]!;
    for (const t of ['score_answer_draft_only_update', 'score_answer_finalized_update']) db.exec(`DROP TRIGGER ${t}`);
    // A note is not part of the answer: editing it changes nothing the council decided on.
    db.prepare(`UPDATE score_answer SET note = 'x', level_index = level_index WHERE sheet_id = ? AND criterion_code = '1.1'`).run(
      sheet,
    );
    expect(ok(await invoke(core.ctx, 'results:verify', {})).ok).toBe(true);
    db.prepare(`UPDATE score_answer SET level_index = 0, points = 1 WHERE sheet_id = ? AND criterion_code = '1.1'`).run(sheet);
    const v = ok(await invoke(core.ctx, 'results:verify', {}));
    expect(v.ok).toBe(false);
    expect(v.checks[0]!.problems).toContain(
      `product ${s.productCodes[1]}: the answers of sheet ${sheet} (member ${s.memberIds[2]}) were changed after finalization`,
    );
    expect(v.checks[0]!.problems).toContain(
      `product ${s.productCodes[1]}: the result differs from the finalized one (meanSumCenti, memberTotalsCenti, spreadCenti)`,
    );
  });

  it('an edited finalization record no longer matches its digest', async () => {
    const s = await closedSession();
    ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
    core.ctx.sqlite.exec('DROP TRIGGER session_finalization_frozen');
    core.ctx.sqlite
      .prepare(`UPDATE session_finalization SET results_json = replace(results_json, '"finalStar":3', '"finalStar":4')`)
      .run();
    const v = ok(await invoke(core.ctx, 'results:verify', { sessionId: s.sessionId }));
    expect(v.checks[0]!.problems[0]).toBe(
      'the stored results of finalization 1 do not match their digest (the finalization record was edited)',
    );
  });
});
