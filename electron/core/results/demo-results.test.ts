import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResults } from '../../../shared/api/channels/results';
import type { SessionSpread } from '../../../shared/api/channels/scoring';
import { invoke } from '../api';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';

/**
 * The training dataset's meeting, scored through the scoring channels (member screens and one
 * member on paper): the results must agree with what scoring itself stored and shows.
 */
let core: Core;
let results: SessionResults;
let sessionId: number;
beforeAll(async () => {
  core = await memoryCore();
  const demo = await invoke(core.ctx, 'demo:create', { seed: 1 });
  if (!demo.ok) throw new Error(demo.error.message);
  sessionId = demo.value.meetingSessionId;
  const r = await invoke(core.ctx, 'results:session', { sessionId });
  if (!r.ok) throw new Error(r.error.message);
  results = r.value;
}, 120_000);
afterAll(() => core?.close());

describe('results of the demo meeting', () => {
  it("members' totals equal the totals scoring stored on each submitted sheet", () => {
    const stored = core.ctx.sqlite
      .prepare(`SELECT registration_id, member_id, total_points FROM score_sheet WHERE session_id = ? AND status = 'submitted'`)
      .all(sessionId) as { registration_id: number; member_id: number; total_points: number }[];
    const fromResults = results.products.flatMap((p) =>
      p.memberTotals.map((m) => ({ registration_id: p.registrationId, member_id: m.memberId, total_points: m.totalPoints })),
    );
    const key = (x: { registration_id: number; member_id: number }) => `${x.registration_id}:${x.member_id}`;
    expect(fromResults.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(stored.sort((a, b) => key(a).localeCompare(key(b))));
    expect(fromResults.length).toBeGreaterThan(50);
  });

  it('agrees with the spread scoring computes, and the first product waits for re-scoring', async () => {
    const spread = await invoke(core.ctx, 'scoring:spread', { sessionId });
    if (!spread.ok) throw new Error(spread.error.message);
    const byReg = new Map((spread.value as SessionSpread).products.map((p) => [p.registrationId, p]));
    for (const p of results.products) {
      const s = byReg.get(p.registrationId)!;
      expect([p.productCode, p.spread?.points ?? null, p.spread?.withinLimit ?? null]).toEqual([
        p.productCode,
        s.spread,
        s.withinLimit,
      ]);
    }
    expect(results.products[0]).toMatchObject({ status: 'spread_unresolved', provisional: true });
    expect(results.products.slice(1).every((p) => p.status === 'complete')).toBe(true);
  });

  it('excludes the absent member and the recused member from the product they declared', () => {
    const absent = results.members.filter((m) => m.present === false).map((m) => m.memberId);
    expect(absent).toHaveLength(1);
    for (const p of results.products) {
      expect(p.expectedMemberIds).not.toContain(absent[0]);
      for (const r of p.recusedMemberIds) expect(p.memberTotals.map((m) => m.memberId)).not.toContain(r);
    }
    expect(results.products.some((p) => p.recusedMemberIds.length === 1)).toBe(true);
  });

  it('cannot be finalized while the session is open and one product is unresolved', () => {
    expect(results.finalizeBlockers.map((b) => b.code)).toEqual(['session_not_closed', 'products_unresolved']);
  });
});
