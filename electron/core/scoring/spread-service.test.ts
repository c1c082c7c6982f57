import { afterEach, describe, expect, it } from 'vitest';
import { evaluateSpread } from '../../../shared/ocop/spread';
import { call, callError } from '../test/call';
import { MINI_TOP, scoringFixture, type FixtureOptions, type ScoringFixture } from './test/fixtures';

let f: ScoringFixture;
afterEach(() => f?.core.close());

/** Level sets of the mini set with known totals. */
const TOTAL_25 = MINI_TOP;
const TOTAL_15 = { ...MINI_TOP, '7': 0, '8': 0, '1.2': 1 }; // 25 − 5 − 4 − 1 = 15
const TOTAL_14 = { ...TOTAL_15, '1.1': 1 }; // 1.1 gives 2 instead of 3: 14

async function scoreAndSubmit(
  memberId: number,
  levels: Record<string, number>,
  registrationId = f.regs.a,
  revisionReason?: string,
) {
  const { sheet } = await call(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId, memberId });
  for (const [criterionCode, levelIndex] of Object.entries(levels))
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode, levelIndex });
  return call(f.core, 'scoring:submit', { sheetId: sheet.id, ...(revisionReason ? { revisionReason } : {}) });
}

const spreadOf = async (registrationId = f.regs.a, viewerMemberId?: number) =>
  (await call(f.core, 'scoring:spread', { sessionId: f.sessionId, ...(viewerMemberId ? { viewerMemberId } : {}) })).products.find(
    (p) => p.registrationId === registrationId,
  )!;

async function twoMembers(opts: FixtureOptions, a: Record<string, number>, b: Record<string, number>) {
  f = await scoringFixture(opts);
  await scoreAndSubmit(f.members.m1, a);
  await scoreAndSubmit(f.members.m2, b);
  return spreadOf();
}

describe('spread detection at the limit', () => {
  it('a spread of exactly 10 is within "không quá 10 điểm"', async () => {
    const s = await twoMembers({}, TOTAL_25, TOTAL_15);
    expect(s).toMatchObject({ spread: 10, min: 15, max: 25, withinLimit: true, expected: 4 });
  });
  it('a spread of 11 exceeds it', async () => {
    const s = await twoMembers({}, TOTAL_25, TOTAL_14);
    expect(s).toMatchObject({ spread: 11, withinLimit: false });
  });
  it('with "dưới 10 điểm" (limit not allowed) a spread of exactly 10 exceeds it', async () => {
    const s = await twoMembers({ spreadLimitAllowed: false }, TOTAL_25, TOTAL_15);
    expect(s).toMatchObject({ spread: 10, withinLimit: false });
  });
  it('one sheet has no spread verdict yet; drafts and disqualified sheets do not count', async () => {
    f = await scoringFixture();
    await scoreAndSubmit(f.members.m1, TOTAL_25);
    await call(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.vice });
    const { sheet } = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m2,
    });
    await call(f.core, 'scoring:setDeclaration', {
      sheetId: sheet.id,
      ruleId: 'disqualify:set:1',
      holds: true,
      reason: 'Giả mạo giấy chứng nhận',
    });
    await call(f.core, 'scoring:submit', { sheetId: sheet.id });
    const s = await spreadOf();
    expect(s).toMatchObject({ spread: 0, withinLimit: null, disqualifiedCount: 1 });
    expect(s.totals).toHaveLength(1);
  });
});

describe('the spread rule the sheets are checked with (shared/ocop/spread.ts)', () => {
  it('10 points is within "không quá 10", 10.01 is not; totals are compared exactly in centi-points', () => {
    const rule = { limit: 10, limitAllowed: true };
    expect(
      evaluateSpread(
        [
          { memberId: 1, totalCenti: 8000 },
          { memberId: 2, totalCenti: 7000 },
        ],
        rule,
      ).withinLimit,
    ).toBe(true);
    expect(
      evaluateSpread(
        [
          { memberId: 1, totalCenti: 8001 },
          { memberId: 2, totalCenti: 7000 },
        ],
        rule,
      ).withinLimit,
    ).toBe(false);
  });
});

describe('re-scoring rounds', () => {
  it('the chair opens a round; members revise with a reason; both rounds are kept and the latest counts', async () => {
    f = await scoringFixture();
    await scoreAndSubmit(f.members.m1, TOTAL_25);
    const first = await scoreAndSubmit(f.members.m2, TOTAL_14);
    expect((await spreadOf()).withinLimit).toBe(false);

    const notChair = await callError(f.core, 'scoring:openRescoring', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      chairMemberId: f.members.m1,
      reason: 'Chênh lệch 11 điểm',
    });
    expect(notChair.code).toBe('FORBIDDEN_STATE');
    const opened = await call(f.core, 'scoring:openRescoring', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      chairMemberId: f.members.chair,
      reason: 'Chênh lệch 11 điểm, thảo luận lại',
    });
    expect(opened.currentRound).toBe(1);
    expect(opened.rounds).toEqual([
      expect.objectContaining({
        roundNo: 1,
        spreadPoints: 11,
        openedByName: 'Nguyễn Văn An',
        reason: 'Chênh lệch 11 điểm, thảo luận lại',
      }),
    ]);

    const a = await call(f.core, 'scoring:assignments', { sessionId: f.sessionId, memberId: f.members.m2 });
    expect(a.products.find((p) => p.registrationId === f.regs.a)).toMatchObject({ currentRound: 1, revisionOpen: true });

    // The new draft starts from the member's round-0 answers.
    const draft = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m2,
    });
    expect(draft.sheet).toMatchObject({ rescoringRound: 1, status: 'draft', totalPoints: 14 });
    expect(draft.previous?.sheet.id).toBe(first.sheet.id);
    await call(f.core, 'scoring:setAnswer', { sheetId: draft.sheet.id, criterionCode: '7', levelIndex: 2 });
    expect((await callError(f.core, 'scoring:submit', { sheetId: draft.sheet.id })).message).toContain('revisionReason');
    const revised = await call(f.core, 'scoring:submit', {
      sheetId: draft.sheet.id,
      revisionReason: 'Sau thảo luận, tính độc đáo đạt mức khá',
    });
    expect(revised.sheet).toMatchObject({ totalPoints: 17, revisionReason: 'Sau thảo luận, tính độc đáo đạt mức khá' });

    const s = await spreadOf();
    expect(s.totals.map((t) => [t.memberId, t.totalPoints, t.rescoringRound])).toEqual([
      [f.members.m1, 25, 0],
      [f.members.m2, 17, 1],
    ]);
    expect(s.withinLimit).toBe(true);
    const sheets = await call(f.core, 'scoring:productSheets', { sessionId: f.sessionId, registrationId: f.regs.a });
    expect(
      sheets.sheets.filter((x) => x.memberId === f.members.m2).map((x) => [x.rescoringRound, x.status, x.totalPoints]),
    ).toEqual([
      [0, 'superseded', 14],
      [1, 'submitted', 17],
    ]);
    const audit = await f.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['scoring.rescoring.open', 'scoring.submit'])
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['scoring.submit', 'scoring.submit', 'scoring.rescoring.open', 'scoring.submit']);
  });

  it('cannot open a round before anyone submitted', async () => {
    f = await scoringFixture();
    expect(
      (
        await callError(f.core, 'scoring:openRescoring', {
          sessionId: f.sessionId,
          registrationId: f.regs.a,
          chairMemberId: f.members.chair,
          reason: 'x',
        })
      ).message,
    ).toContain('nothing to score again');
  });
});

describe('independence before submitting (council rule)', () => {
  it('a member who has not submitted sees only their own sheet and no spread', async () => {
    f = await scoringFixture({ membersSeeOthersBeforeSubmit: false });
    await scoreAndSubmit(f.members.m1, TOTAL_25);
    await call(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.m2 });
    const hidden = await call(f.core, 'scoring:productSheets', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      viewerMemberId: f.members.m2,
    });
    expect(hidden.othersHidden).toBe(true);
    expect(hidden.sheets.map((s) => s.memberId)).toEqual([f.members.m2]);
    expect(await spreadOf(f.regs.a, f.members.m2)).toMatchObject({ hidden: true, totals: [], spread: null });
    // After submitting, they see everyone.
    await scoreAndSubmit(f.members.m2, TOTAL_15);
    const shown = await call(f.core, 'scoring:productSheets', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      viewerMemberId: f.members.m2,
    });
    expect(shown.othersHidden).toBe(false);
    expect(shown.sheets).toHaveLength(2);
    // The secretary's view (no viewer) always sees all.
    expect(
      (await call(f.core, 'scoring:productSheets', { sessionId: f.sessionId, registrationId: f.regs.a })).sheets,
    ).toHaveLength(2);
  });

  it('when the council allows it, members see others before submitting', async () => {
    f = await scoringFixture({ membersSeeOthersBeforeSubmit: true });
    await scoreAndSubmit(f.members.m1, TOTAL_25);
    const v = await call(f.core, 'scoring:productSheets', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      viewerMemberId: f.members.m2,
    });
    expect(v.othersHidden).toBe(false);
    expect(v.sheets).toHaveLength(1);
  });
});

describe('progress', () => {
  it('shows each member × product: recused, not started, draft with counts, submitted', async () => {
    f = await scoringFixture();
    await f.db
      .insertInto('session_conflict')
      .values({
        session_id: f.sessionId,
        member_id: f.members.vice,
        registration_id: f.regs.b,
        reason: 'Người thân',
        declared_at: 'x',
      })
      .execute();
    await scoreAndSubmit(f.members.m1, TOTAL_25);
    const { sheet } = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m2,
    });
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 0 });
    const p = await call(f.core, 'scoring:progress', { sessionId: f.sessionId });
    const cell = (m: number, r: number) => p.cells.find((c) => c.memberId === m && c.registrationId === r)!;
    expect(cell(f.members.m1, f.regs.a)).toMatchObject({ state: 'submitted', answered: 8, applicable: 8, source: 'member' });
    expect(cell(f.members.m2, f.regs.a)).toMatchObject({ state: 'draft', answered: 1 });
    expect(cell(f.members.vice, f.regs.b).state).toBe('recused');
    expect(cell(f.members.chair, f.regs.real).state).toBe('not_started');
    expect(p.members.map((m) => m.memberId)).not.toContain(f.members.secretary);
    expect(p.products.find((x) => x.registrationId === f.regs.b)).toMatchObject({ expected: 3, submitted: 0 });
    expect(p.members.find((m) => m.memberId === f.members.m1)).toMatchObject({ submitted: 1, assigned: 3 });
  });
});
