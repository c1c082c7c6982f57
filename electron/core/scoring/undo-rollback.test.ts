import { afterEach, describe, expect, it } from 'vitest';
import { call, callError } from '../test/call';
import { cachedUndoStack, forgetUndoStacks, undoTarget, type UndoTarget } from './answer-events';
import { MINI_TOP, scoringFixture, type ScoringFixture } from './test/fixtures';

/**
 * The undo stacks are kept in memory per sheet (answer-events.ts) and pushed to while a change's
 * transaction is still open. A change the database refuses half way — here a trigger on the
 * audit append, the last write of the change, after its answer event and the push — must leave
 * memory agreeing with the database: what is cached is what a rebuild from the stored events
 * gives, and undo walks back the committed changes only.
 */

let f: ScoringFixture;
afterEach(() => f?.core.close());

const refuseAudit = (action: string) =>
  f.core.ctx.sqlite.exec(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}'
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: refused for the test'); END`);
const allowAudit = () => f.core.ctx.sqlite.exec('DROP TRIGGER test_refuse_audit');

/** The stack rebuilt from the stored events (what was cached before stays with whoever holds it). */
function rebuiltStack(sheetId: number): UndoTarget[] {
  const sqlite = f.core.ctx.sqlite;
  forgetUndoStacks(sqlite);
  undoTarget(sqlite, sheetId);
  return [...(cachedUndoStack(sqlite, sheetId) ?? [])];
}

const counts = async (sheetId: number) => ({
  events: Number(
    (
      await f.db
        .selectFrom('score_answer_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sheet_id', '=', sheetId)
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await f.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

/** A fresh fixture and member m1's draft of product a with 1.1 → level 1 and 1.2 → level 2 saved. */
async function draftWithTwoAnswers(): Promise<{ id: number }> {
  f = await scoringFixture();
  const { sheet } = await call(f.core, 'scoring:open', {
    sessionId: f.sessionId,
    registrationId: f.regs.a,
    memberId: f.members.m1,
  });
  await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 1 });
  await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.2', levelIndex: 2 });
  return sheet;
}

describe('a refused change leaves the undo stack and the database agreeing', () => {
  it('autosave (syncWrite): the refused answer is neither stored nor undoable; undo walks back the committed ones', async () => {
    const sheet = await draftWithTwoAnswers();
    // Reading the sheet builds its stack in memory; the next change pushes to it.
    expect((await call(f.core, 'scoring:get', { sheetId: sheet.id })).canUndo).toBe(true);
    expect(cachedUndoStack(f.core.ctx.sqlite, sheet.id)?.map((t) => t.target)).toEqual(['1.1', '1.2']);
    const before = await counts(sheet.id);

    refuseAudit('scoring.answer');
    const refused = await callError(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 0 });
    expect(refused.code).toBe('FORBIDDEN_STATE');
    allowAudit();

    expect(await counts(sheet.id)).toEqual(before);
    const cached = cachedUndoStack(f.core.ctx.sqlite, sheet.id);
    const rebuilt = rebuiltStack(sheet.id);
    // Memory holds nothing the database does not: either forgotten, or the same as a rebuild.
    if (cached !== undefined) expect(cached).toEqual(rebuilt);
    expect(rebuilt.map((t) => t.target)).toEqual(['1.1', '1.2']);

    const view = await call(f.core, 'scoring:get', { sheetId: sheet.id });
    expect(view.answers.map((a) => [a.criterionCode, a.levelIndex])).toEqual([
      ['1.1', 1],
      ['1.2', 2],
    ]);
    const u1 = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u1.undone).toMatchObject({ kind: 'level', target: '1.2', restored: { levelIndex: null } });
    const u2 = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u2.undone).toMatchObject({ kind: 'level', target: '1.1', restored: { levelIndex: null } });
    expect(u2.canUndo).toBe(false);
  });

  it('a refused undo keeps the change it tried to undo on the stack', async () => {
    const sheet = await draftWithTwoAnswers();

    refuseAudit('scoring.undo');
    expect((await callError(f.core, 'scoring:undo', { sheetId: sheet.id })).code).toBe('FORBIDDEN_STATE');
    allowAudit();

    const cached = cachedUndoStack(f.core.ctx.sqlite, sheet.id);
    if (cached !== undefined) expect(cached).toEqual(rebuiltStack(sheet.id));
    const u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u.undone).toMatchObject({ target: '1.2' });
    expect((await call(f.core, 'scoring:get', { sheetId: sheet.id })).answers.map((a) => a.criterionCode)).toEqual(['1.1']);
  });

  it('import (a Kysely write): events written into a cached draft are forgotten with the refused transaction', async () => {
    const src = await scoringFixture();
    const s = await call(src.core, 'scoring:open', {
      sessionId: src.sessionId,
      registrationId: src.regs.a,
      memberId: src.members.m1,
    });
    for (const [criterionCode, levelIndex] of Object.entries(MINI_TOP))
      await call(src.core, 'scoring:setAnswer', { sheetId: s.sheet.id, criterionCode, levelIndex });
    await call(src.core, 'scoring:submit', { sheetId: s.sheet.id });
    const document = await call(src.core, 'scoring:export', { sessionId: src.sessionId });
    src.core.close();

    f = await scoringFixture();
    // The member's empty draft here, its (empty) stack cached: the import fills this very sheet.
    const { sheet } = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m1,
    });
    expect((await call(f.core, 'scoring:get', { sheetId: sheet.id })).canUndo).toBe(false);
    expect(cachedUndoStack(f.core.ctx.sqlite, sheet.id)).toEqual([]);
    const before = await counts(sheet.id);

    refuseAudit('scoring.import');
    expect((await callError(f.core, 'scoring:import', { document })).code).toBe('FORBIDDEN_STATE');
    allowAudit();

    expect(await counts(sheet.id)).toEqual(before);
    const cached = cachedUndoStack(f.core.ctx.sqlite, sheet.id);
    if (cached !== undefined) expect(cached).toEqual(rebuiltStack(sheet.id));
    expect(rebuiltStack(sheet.id)).toEqual([]);
    const view = await call(f.core, 'scoring:get', { sheetId: sheet.id });
    expect(view).toMatchObject({ canUndo: false, answers: [], sheet: { status: 'draft' } });

    // The same import, allowed, then goes through.
    const done = await call(f.core, 'scoring:import', { document });
    expect(done.sheets[0]).toMatchObject({ sheetId: sheet.id, status: 'submitted' });
  });
});
