import { afterEach, describe, expect, it } from 'vitest';
import { call, callError } from '../test/call';
import { MINI_TOP, scoringFixture, type ScoringFixture } from './test/fixtures';

let f: ScoringFixture;
afterEach(() => f?.core.close());

const TOTAL_25 = MINI_TOP;
const TOTAL_14 = { ...MINI_TOP, '7': 0, '8': 0, '1.2': 1, '1.1': 1 };

async function scoreAndSubmit(memberId: number, levels: Record<string, number>, revisionReason?: string) {
  const { sheet } = await call(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId: f.regs.a, memberId });
  for (const [criterionCode, levelIndex] of Object.entries(levels))
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode, levelIndex });
  return call(f.core, 'scoring:submit', { sheetId: sheet.id, ...(revisionReason ? { revisionReason } : {}) });
}

/** Every scorer has submitted product a; the spread is 11 and the chair opens round 1. */
async function rescoringOpen() {
  f = await scoringFixture();
  await scoreAndSubmit(f.members.chair, TOTAL_25);
  await scoreAndSubmit(f.members.vice, TOTAL_25);
  await scoreAndSubmit(f.members.m1, TOTAL_25);
  await scoreAndSubmit(f.members.m2, TOTAL_14);
  await call(f.core, 'scoring:openRescoring', {
    sessionId: f.sessionId,
    registrationId: f.regs.a,
    chairMemberId: f.members.chair,
    reason: 'Chênh lệch 11 điểm',
  });
}

const keep = (memberId: number) =>
  call(f.core, 'scoring:keepPrevious', { sessionId: f.sessionId, registrationId: f.regs.a, memberId });
const spread = async () =>
  (await call(f.core, 'scoring:spread', { sessionId: f.sessionId })).products.find((p) => p.registrationId === f.regs.a)!;

describe('keeping the previous sheet in a re-scoring round', () => {
  it('tells each member what the round expects of them, and one action records the kept sheet in the new round', async () => {
    await rescoringOpen();
    const members = await call(f.core, 'scoring:members', { sessionId: f.sessionId });
    expect(members.find((m) => m.memberId === f.members.m1)!.revisionPending).toEqual([
      { registrationId: f.regs.a, productName: expect.any(String), round: 1 },
    ]);
    const mine = await call(f.core, 'scoring:assignments', { sessionId: f.sessionId, memberId: f.members.m1 });
    expect(mine.products.find((p) => p.registrationId === f.regs.a)).toMatchObject({
      revisionOpen: true,
      roundReason: 'Chênh lệch 11 điểm',
      previousTotal: 25,
    });

    const kept = await keep(f.members.m1);
    expect(kept.sheet).toMatchObject({ status: 'submitted', rescoringRound: 1, keptPrevious: true, totalPoints: 25 });
    expect(kept.previous?.sheet).toMatchObject({ status: 'superseded', rescoringRound: 0 });
    const after = await call(f.core, 'scoring:members', { sessionId: f.sessionId });
    expect(after.find((m) => m.memberId === f.members.m1)!.revisionPending).toEqual([]);
    expect(after.find((m) => m.memberId === f.members.m2)!.revisionPending).toHaveLength(1);

    const s = await spread();
    expect(s.totals.find((t) => t.memberId === f.members.m1)).toMatchObject({ rescoringRound: 1, keptPrevious: true });
    expect(s.totals.find((t) => t.memberId === f.members.m2)).toMatchObject({ rescoringRound: 0, keptPrevious: false });
    const tail = await call(f.core, 'audit:tail', { limit: 1 });
    expect(tail[0]).toMatchObject({ action: 'scoring.submit', after: expect.objectContaining({ keptPrevious: true }) });
  });

  it('the round resolves when some keep and others revise with a reason', async () => {
    await rescoringOpen();
    await keep(f.members.chair);
    await keep(f.members.vice);
    await keep(f.members.m1);
    expect((await spread()).withinLimit).toBe(false); // m2's first-round 14 still stands until m2 answers the round
    await scoreAndSubmit(f.members.m2, { '1.1': 2, '1.2': 2 }, 'Đã xem lại hồ sơ nguồn nguyên liệu');
    const s = await spread();
    expect(s.totals.map((t) => [t.memberId, t.totalPoints, t.keptPrevious])).toEqual([
      [f.members.chair, 25, true],
      [f.members.vice, 25, true],
      [f.members.m1, 25, true],
      [f.members.m2, expect.any(Number), false],
    ]);
  });

  it('refuses when nothing can be kept: no round open, already answered, or a draft already changed', async () => {
    f = await scoringFixture();
    await scoreAndSubmit(f.members.m1, TOTAL_25);
    expect(
      await callError(f.core, 'scoring:keepPrevious', {
        sessionId: f.sessionId,
        registrationId: f.regs.a,
        memberId: f.members.m1,
      }),
    ).toMatchObject({
      code: 'FORBIDDEN_STATE',
      message: expect.stringContaining('No re-scoring round is open'),
    });
    f.core.close();

    await rescoringOpen();
    await keep(f.members.m1);
    expect(
      await callError(f.core, 'scoring:keepPrevious', {
        sessionId: f.sessionId,
        registrationId: f.regs.a,
        memberId: f.members.m1,
      }),
    ).toMatchObject({ code: 'FORBIDDEN_STATE', message: expect.stringContaining('already submitted') });

    // The member opened the round's draft and changed 7: keeping would throw that change away.
    const { sheet } = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m2,
    });
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '7', levelIndex: 3 });
    expect(
      await callError(f.core, 'scoring:keepPrevious', {
        sessionId: f.sessionId,
        registrationId: f.regs.a,
        memberId: f.members.m2,
      }),
    ).toMatchObject({ code: 'FORBIDDEN_STATE', message: expect.stringContaining('(7)') });
    // Undoing the change makes the draft identical again: now it can be kept.
    await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect((await keep(f.members.m2)).sheet).toMatchObject({ id: sheet.id, keptPrevious: true });
  });

  it('a kept sheet unlocked back to a draft loses its mark; the database refuses the mark set by hand', async () => {
    await rescoringOpen();
    const kept = await keep(f.members.m1);
    await call(f.core, 'scoring:unlock', { sheetId: kept.sheet.id, reason: 'Thành viên muốn sửa lại' });
    expect((await call(f.core, 'scoring:get', { sheetId: kept.sheet.id })).sheet).toMatchObject({
      status: 'draft',
      keptPrevious: false,
    });
    const firstRound = (
      await call(f.core, 'scoring:productSheets', { sessionId: f.sessionId, registrationId: f.regs.a })
    ).sheets.find((s) => s.memberId === f.members.chair)!;
    expect(() => f.core.ctx.sqlite.prepare('UPDATE score_sheet SET kept_previous = 1 WHERE id = ?').run(firstRound.id)).toThrow(
      /IMMUTABLE: "kept the previous sheet" is recorded only/,
    );
  });
});
