import { afterEach, describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import type { Core } from '../context';
import { choicesForTotal } from '../results/test/choices';
import { seedSession, type Seeded } from '../results/test/fixtures';
import { hashPin } from '../scoring/member-pin';
import { coreAt } from '../registry/test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

/** Eight products; the chair always 8 points above the two other members. */
async function finalizedSession(c: Core): Promise<Seeded> {
  const row = c.ctx.sqlite
    .prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07' ORDER BY version DESC LIMIT 1`)
    .get() as { content_json: string };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const plans = Array.from({ length: 8 }, (_, p) =>
    [72 + p, 64 + p, 65 + p].map((t) => choicesForTotal(set, t, { keepMarks: true })),
  );
  const s = seedSession(c.ctx.sqlite, {
    products: 8,
    members: 3,
    choose: ({ product, member, code }) => plans[product]![member]![code]!,
    status: 'closed',
  });
  await call(c, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
  return s;
}

describe("members' scoring patterns (chair only)", () => {
  it('averages each member’s deviation from the council mean and flags the one consistently above', async () => {
    core = await coreAt('2026-07-01T08:00:00.000Z');
    const s = await finalizedSession(core);
    const r = await call(core, 'stats:leniency', { councilId: s.councilId, chairMemberId: s.chairId });
    expect(r).toMatchObject({ sessions: 1, products: 8, thresholdPoints: 5, minProducts: 5 });
    const chair = r.members.find((m) => m.memberKey === s.chairId)!;
    // Totals 72+p, 64+p, 65+p: mean 67+p, so the chair is +5, the others −3 and −2 on every product.
    expect(chair).toMatchObject({ products: 8, sessions: 1, above: 8, below: 0, flag: 'lenient', role: 'chair' });
    expect(chair.meanDeviation).toBeCloseTo(5, 10);
    expect(Object.keys(chair.partDeviation).sort()).toEqual(['A', 'B', 'C']);
    const sum = Object.values(chair.partDeviation).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(5, 10);
    const others = r.members.filter((m) => m.memberKey !== s.chairId);
    expect(others.map((m) => m.meanDeviation).sort((a, b) => a - b)).toEqual([-3, -2]);
    expect(others.every((m) => m.flag === null)).toBe(true);
    // The threshold is a setting: at 2.5 points the member at −3 is flagged harsh, the chair stays lenient.
    await call(core, 'registry:setSettings', { leniencyThresholdPoints: 2.5 });
    const r2 = await call(core, 'stats:leniency', { councilId: s.councilId, chairMemberId: s.chairId });
    expect(r2.members.map((m) => m.flag).sort()).toEqual(['harsh', 'lenient', null].sort());
  });

  it('is refused to anyone but the current chair, and asks the chair’s PIN when there is one', async () => {
    core = await coreAt('2026-07-01T08:00:00.000Z');
    const s = await finalizedSession(core);
    const member = s.memberIds.find((id) => id !== s.chairId)!;
    const refused = await callError(core, 'stats:leniency', { councilId: s.councilId, chairMemberId: member });
    expect(refused).toMatchObject({ code: 'FORBIDDEN_STATE', message: expect.stringContaining('for the chair') });
    core.ctx.sqlite.prepare('UPDATE council_member SET pin_hash = ? WHERE id = ?').run(hashPin('2468'), s.chairId);
    expect((await callError(core, 'stats:leniency', { councilId: s.councilId, chairMemberId: s.chairId })).code).toBe(
      'WRONG_PIN',
    );
    expect(
      (await callError(core, 'stats:leniency', { councilId: s.councilId, chairMemberId: s.chairId, pin: '1111' })).code,
    ).toBe('WRONG_PIN');
    expect(
      (await call(core, 'stats:leniency', { councilId: s.councilId, chairMemberId: s.chairId, pin: '2468' })).members,
    ).toHaveLength(3);
  });
});
