import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../core/api';
import { openCore } from '../../core/context';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { choicesForTotal } from '../../core/results/test/choices';
import { seedSession } from '../../core/results/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

/** A data folder whose log holds three settings changes (three audit events). */
async function folderWithEvents(): Promise<string> {
  const dir = tempDir();
  const core = await openCore({ dataDir: dir, host: 'cli' });
  for (const name of ['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C']) {
    const env = await invoke(core.ctx, 'settings:set', { operatorName: name });
    expect(env.ok).toBe(true);
  }
  core.close();
  return dir;
}

describe('CLI audit verify', () => {
  it('reports an intact chain with its length and head, exit 0', async () => {
    const dir = await folderWithEvents();
    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v).toMatchObject({ ok: true, count: 3, firstBrokenSeq: null, reason: null, finalizations: { ok: true, checks: [] } });
    expect(v.head).toMatch(/^[0-9a-f]{64}$/);
    const text = await run(['audit', 'verify', '--data-dir', dir]);
    expect(text.out).toContain('Audit chain intact: 3 events');
  });

  it('an empty log is intact', async () => {
    const r = await run(['audit', 'verify', '--json', '--data-dir', tempDir()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, count: 0, head: null });
  });

  it('detects a row edited with raw SQL after dropping the trigger: exit 1, first broken link named', async () => {
    const dir = await folderWithEvents();
    const raw = new Database(path.join(dir, 'ocop.sqlite'));
    // The trigger stops a casual edit; a deliberate tamperer drops it first.
    expect(() => raw.prepare(`UPDATE audit_log SET actor = 'x' WHERE seq = 2`).run()).toThrow(/append-only/);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET after_json = replace(after_json, 'Trần Thị B', 'Trần Thị Bê') WHERE seq = 2`).run();
    raw.close();

    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: false,
      count: 3,
      firstBrokenSeq: 2,
      reason: 'event 2 was altered after it was written',
    });
    const text = await run(['audit', 'verify', '--data-dir', dir]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('AUDIT CHAIN BROKEN at event 2');
  });

  it('detects a deleted event as a broken link at the event after it', async () => {
    const dir = await folderWithEvents();
    const raw = new Database(path.join(dir, 'ocop.sqlite'));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: false,
      count: 2,
      firstBrokenSeq: 3,
      reason: 'event 3 does not link to the event before it',
    });
  });
});

describe('CLI audit verify on finalized sessions', () => {
  /** A data folder with one finalized session (two products, three members). */
  async function finalizedFolder() {
    const dir = tempDir();
    const core = await fileCore(dir);
    const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
      content_json: string;
    };
    const set = CriteriaSet.parse(JSON.parse(row.content_json));
    const plans = [
      [75, 76, 74],
      [60, 61, 60],
    ].map((ts) => ts.map((t) => choicesForTotal(set, t, { keepMarks: true })));
    const s = seedSession(core.ctx.sqlite, {
      products: 2,
      members: 3,
      choose: ({ product, member, code }) => plans[product]![member]![code]!,
      status: 'closed',
    });
    const f = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    expect(f.ok).toBe(true);
    core.close();
    return { dir, s };
  }

  it('confirms a finalized session still matches the database; the rows seeded without the app are reported', async () => {
    const { dir, s } = await finalizedFolder();
    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    const v = JSON.parse(r.out);
    expect(v).toMatchObject({ finalizations: { ok: true, checks: [{ sessionId: s.sessionId, seq: 1, ok: true }] } });
    expect(v.checks).toContainEqual(expect.objectContaining({ id: 'finalizations', ok: true }));
    // seedSession writes sheets with raw SQL (a test shortcut): the whole-state check sees sheets
    // no audit event created — exactly what it is for — and says so.
    expect(r.code).toBe(1);
    expect(v.checks).toContainEqual(expect.objectContaining({ id: 'sheets-audit', ok: false }));
    expect(v.checks).toContainEqual(expect.objectContaining({ id: 'answers-replay', ok: false }));
  });

  it('detects a stored answer edited with raw SQL after dropping the triggers: exit 1, the sheet named', async () => {
    const { dir, s } = await finalizedFolder();
    const raw = new Database(path.join(dir, 'ocop.sqlite'));
    const sheet = s.sheetIds[0]![1]!;
    // The database refuses the edit: the sheet is submitted and the session finalized.
    expect(() =>
      raw.prepare(`UPDATE score_answer SET level_index = 0, points = 0 WHERE sheet_id = ? AND criterion_code = '1.2'`).run(sheet),
    ).toThrow(/IMMUTABLE|FORBIDDEN_STATE/);
    raw.exec('DROP TRIGGER score_answer_draft_only_update; DROP TRIGGER score_answer_finalized_update');
    raw.prepare(`UPDATE score_answer SET level_index = 0, points = 0 WHERE sheet_id = ? AND criterion_code = '1.2'`).run(sheet);
    raw.close();

    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out);
    // The chain itself is intact: the edit went around it, and the finalization check finds it.
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: null, finalizations: { ok: false } });
    expect(v.finalizations.checks[0].problems).toContain(
      `product ${s.productCodes[0]}: the answers of sheet ${sheet} (member ${s.memberIds[1]}) were changed after finalization`,
    );
    const text = await run(['audit', 'verify', '--data-dir', dir]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`SESSION ${s.sessionId} FINALIZATION 1 DOES NOT MATCH`);
  });
});
