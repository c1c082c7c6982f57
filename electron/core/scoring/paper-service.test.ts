import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit-repo';
import { call, callError } from '../test/call';
import { MINI_TOP, scoringFixture, type ScoringFixture } from './test/fixtures';

let f: ScoringFixture;
afterEach(() => f?.core.close());

const key = () => ({ sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.vice });
const answers = (levels: Record<string, number>) =>
  Object.entries(levels).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex }));

describe('paper sheets: single entry', () => {
  it('checks the levels against the total written on paper and commits as "nhập từ phiếu giấy"', async () => {
    f = await scoringFixture();
    const st = await call(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 1,
      enteredBy: 'Võ Thị Em',
      writtenTotal: 24,
      answers: answers(MINI_TOP),
    });
    expect(st.entries[0]).toMatchObject({ entryNo: 1, computedTotal: 25, totalAgrees: false, missing: [] });
    expect(st.diff).toBeNull();
    const mismatch = await callError(f.core, 'scoring:paperCommit', { ...key(), allowSingleEntry: true });
    expect(mismatch.message).toContain('add up to 25 points but the paper says 24');
    const notSingle = await callError(f.core, 'scoring:paperCommit', key());
    expect(notSingle.message).toContain('second person');
    const fixed = await call(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 1,
      enteredBy: 'Võ Thị Em',
      writtenTotal: 25,
      answers: answers(MINI_TOP),
      opinion: 'Sản phẩm tốt',
    });
    expect(fixed.entries[0]!.totalAgrees).toBe(true);
    const v = await call(f.core, 'scoring:paperCommit', { ...key(), allowSingleEntry: true }, { actor: 'Võ Thị Em' });
    expect(v.sheet).toMatchObject({
      source: 'paper',
      enteredBy: 'Võ Thị Em',
      status: 'submitted',
      totalPoints: 25,
      memberId: f.members.vice,
      opinion: 'Sản phẩm tốt',
    });
    const events = await f.db.selectFrom('score_answer_event').select('actor').where('sheet_id', '=', v.sheet.id).execute();
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(['Võ Thị Em']));
    // Committed: the entry cannot change, and the member cannot open another sheet over it.
    expect(
      (
        await callError(f.core, 'scoring:paperSave', {
          ...key(),
          entryNo: 1,
          enteredBy: 'Võ Thị Em',
          writtenTotal: 25,
          answers: answers(MINI_TOP),
        })
      ).code,
    ).toBe('CONFLICT');
    const opened = await call(f.core, 'scoring:open', key());
    expect(opened.sheet.id).toBe(v.sheet.id);
    await expect(sql`UPDATE paper_entry SET written_total = 1`.execute(f.db)).rejects.toThrow(/IMMUTABLE/);
    expect((await verifyAudit(f.db)).ok).toBe(true);
  });

  it('refuses an unknown criterion, a level past the paper, a duplicate row and a disqualification without reason', async () => {
    f = await scoringFixture();
    const e = await callError(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 1,
      enteredBy: 'Võ Thị Em',
      writtenTotal: null,
      answers: [
        { criterionCode: '9.9', levelIndex: 0 },
        { criterionCode: '1.1', levelIndex: 3 },
        { criterionCode: '1.2', levelIndex: 0 },
        { criterionCode: '1.2', levelIndex: 1 },
      ],
      declarations: [{ ruleId: 'disqualify:set:1', holds: true, reason: null }],
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('answers.0.criterionCode');
    expect(e.message).toContain('criterion 1.1 has levels 1 to 3 on paper; 4 is not one of them');
    expect(e.message).toContain('criterion 1.2 is entered twice');
    expect(e.message).toContain('declarations.0.reason');
  });

  it('refuses an incomplete paper sheet', async () => {
    f = await scoringFixture();
    const { ['8']: _x, ...rest } = MINI_TOP;
    await call(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 1,
      enteredBy: 'Võ Thị Em',
      writtenTotal: null,
      answers: answers(rest),
    });
    expect((await callError(f.core, 'scoring:paperCommit', { ...key(), allowSingleEntry: true })).message).toContain(
      'no level for criteria 8',
    );
  });
});

describe('paper sheets: double entry', () => {
  it('shows the mismatch criterion by criterion until it is resolved, then commits with both names', async () => {
    f = await scoringFixture();
    await call(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 1,
      enteredBy: 'Võ Thị Em',
      writtenTotal: 25,
      answers: answers(MINI_TOP),
    });
    const sameTypist = await callError(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 2,
      enteredBy: 'võ thị em',
      writtenTotal: 25,
      answers: answers(MINI_TOP),
    });
    expect(sameTypist.message).toContain('different person');
    const st = await call(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 2,
      enteredBy: 'Lê Thu Hà',
      writtenTotal: 25,
      answers: answers({ ...MINI_TOP, '7': 2 }),
    });
    expect(st.diff).toMatchObject({ mismatches: ['7'], identical: false });
    expect(st.diff!.criteria.find((c) => c.code === '7')).toEqual({ code: '7', first: 3, second: 2, agree: false });
    expect(st.entries[1]).toMatchObject({ computedTotal: 23, totalAgrees: false });

    const unresolved = await callError(f.core, 'scoring:paperCommit', key());
    expect(unresolved.code).toBe('FORBIDDEN_STATE');
    expect(unresolved.message).toContain('criteria 7');
    const v = await call(f.core, 'scoring:paperCommit', {
      ...key(),
      resolvedBy: 'Võ Thị Em',
      resolutions: { criteria: [{ criterionCode: '7', levelIndex: 3 }] },
    });
    expect(v.sheet).toMatchObject({
      source: 'paper',
      enteredBy: 'Võ Thị Em / Lê Thu Hà',
      totalPoints: 25,
      submittedBy: 'Võ Thị Em',
    });
    const after = await call(f.core, 'scoring:paperGet', key());
    expect(after.entries.every((e) => e.status === 'committed')).toBe(true);
    expect(after.committedSheet?.id).toBe(v.sheet.id);
    const log = await f.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'scoring.paper.commit')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(log.after_json!)).toMatchObject({
      doubleEntry: true,
      resolutions: { criteria: [{ criterionCode: '7', levelIndex: 3 }] },
    });
  });

  it('identical entries commit without resolutions', async () => {
    f = await scoringFixture();
    await call(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 1,
      enteredBy: 'Võ Thị Em',
      writtenTotal: 25,
      answers: answers(MINI_TOP),
    });
    const st = await call(f.core, 'scoring:paperSave', {
      ...key(),
      entryNo: 2,
      enteredBy: 'Lê Thu Hà',
      writtenTotal: 25,
      answers: answers(MINI_TOP),
    });
    expect(st.diff?.identical).toBe(true);
    expect((await call(f.core, 'scoring:paperCommit', key())).sheet.totalPoints).toBe(25);
  });

  it('a member who already scored on screen cannot get a paper sheet over it', async () => {
    f = await scoringFixture();
    await call(f.core, 'scoring:open', key());
    expect(
      (
        await callError(f.core, 'scoring:paperSave', {
          ...key(),
          entryNo: 1,
          enteredBy: 'Võ Thị Em',
          writtenTotal: 25,
          answers: answers(MINI_TOP),
        })
      ).code,
    ).toBe('CONFLICT');
  });
});
