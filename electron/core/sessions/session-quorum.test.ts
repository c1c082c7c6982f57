import { afterEach, describe, expect, it } from 'vitest';
import type { CouncilRulesInput } from '../../../shared/api/channels/councils';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { assertProductQuorum } from './session-quorum';
import { createNineCouncil, markAttendance, NINE_MEMBERS, seedRound } from './test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

/** A meeting of a council built from `members` (chair first), all three products on the agenda. */
async function meeting(members: readonly { fullName: string; role: string }[], rules?: typeof defaults) {
  const c = await createNineCouncil(core, {
    members: members.map((m) => ({ ...m, activeFrom: '2026-05-25' })),
    ...(rules ? { rules } : {}),
  } as never);
  const { roundId, registrationIds } = await seedRound(core, { registrations: 3 });
  const s = await call(core, 'sessions:create', { councilId: c.council.id, roundId, date: '2026-06-15', startTime: '08:00' });
  await call(core, 'sessions:setAgenda', { id: s.session.id, registrationIds });
  return { sessionId: s.session.id as number, ids: c.members.map((m) => m.id), registrationIds };
}

const EIGHT = NINE_MEMBERS.slice(0, 8);
const defaults: CouncilRulesInput = {
  quorumNumerator: 3,
  quorumDenominator: 4,
  chairRequired: true,
  spreadLimit: 10,
  spreadLimitAllowed: true,
  aggregation: 'mean',
  showInfoAggregates: true,
  minimaRule: 'mean',
  displayDecimals: 2,
  membersSeeOthersBeforeSubmit: false,
};

describe('quorum of a session (≥ 3/4 including the chair by default)', () => {
  it('nine members: 7 present meets 3/4 (6,75 rounds up), 6 does not, and the message cites the rule', async () => {
    core = await memoryCore();
    const m = await meeting(NINE_MEMBERS);
    let d = await markAttendance(core, m.sessionId, m.ids, m.ids.slice(7));
    expect(d.quorum.session).toMatchObject({ met: true, votingMembers: 9, participating: 7, required: 7, problems: [] });
    d = await call(core, 'sessions:setAttendance', { id: m.sessionId, memberId: m.ids[6]!, present: false, absenceReason: 'Ốm' });
    expect(d.quorum.session).toMatchObject({ met: false, participating: 6, required: 7, problems: ['too_few_members'] });
    expect(d.readiness.canOpen).toBe(false);
    const e = await callError(core, 'sessions:transition', { id: m.sessionId, to: 'in_progress' });
    expect(e.code).toBe('FORBIDDEN_STATE');
    expect(e.message).toContain('6/9 voting members take part, at least 7 (3/4) are needed');
  });

  it('exactly 3/4: eight members, six present is a quorum; five is not', async () => {
    core = await memoryCore();
    const m = await meeting(EIGHT);
    let d = await markAttendance(core, m.sessionId, m.ids, m.ids.slice(6));
    expect(d.quorum.session).toMatchObject({ met: true, votingMembers: 8, participating: 6, required: 6 });
    d = await call(core, 'sessions:setAttendance', { id: m.sessionId, memberId: m.ids[5]!, present: false });
    expect(d.quorum.session).toMatchObject({ met: false, participating: 5, required: 6 });
  });

  it('the chair absent breaks the quorum even with everyone else present, unless the rules do not require the chair', async () => {
    core = await memoryCore();
    const m = await meeting(NINE_MEMBERS);
    const d = await markAttendance(core, m.sessionId, m.ids, [m.ids[0]!]);
    expect(d.quorum.session).toMatchObject({
      met: false,
      participating: 8,
      problems: ['chair_absent'],
      chairParticipating: false,
    });
    expect(d.readiness.blockers.map((b: { code: string }) => b.code)).toEqual(
      expect.arrayContaining(['chair_absent', 'no_quorum']),
    );
    core.close();

    core = await memoryCore();
    const n = await meeting(NINE_MEMBERS, { ...defaults, chairRequired: false });
    const e = await markAttendance(core, n.sessionId, n.ids, [n.ids[0]!]);
    expect(e.quorum.session).toMatchObject({ met: true, participating: 8, chairRequired: false });
  });

  it("a vice-chair presiding in the chair's stead satisfies the chair rule", async () => {
    core = await memoryCore();
    const m = await meeting(NINE_MEMBERS);
    await markAttendance(core, m.sessionId, m.ids, [m.ids[0]!]);
    const d = await call(core, 'sessions:update', { id: m.sessionId, chairMemberId: m.ids[1] });
    expect(d.quorum.session).toMatchObject({ met: true, chairId: m.ids[1], chairParticipating: true });
  });

  it('a recusal can drop one product below quorum while the others keep it, live in the session detail', async () => {
    core = await memoryCore();
    const m = await meeting(NINE_MEMBERS);
    let d = await markAttendance(core, m.sessionId, m.ids, m.ids.slice(7)); // 7 of 9 present: just enough
    const [a, b] = m.registrationIds as [number, number];
    d = await call(core, 'sessions:declareConflict', {
      id: m.sessionId,
      memberId: m.ids[4]!,
      registrationId: a,
      reason: 'Là người thân của chủ thể',
    });
    const byReg = (reg: number) => d.quorum.products.find((p) => p.registrationId === reg)!.quorum;
    expect(byReg(a)).toMatchObject({
      met: false,
      participating: 6,
      required: 7,
      recused: 1,
      recusedIds: [m.ids[4]],
      problems: ['too_few_members'],
    });
    expect(byReg(b)).toMatchObject({ met: true, participating: 7 });
    expect(d.agenda[0]!.recusedMemberIds).toEqual([m.ids[4]]);
    // The meeting as a whole still has its quorum: recusals count per product.
    expect(d.quorum.session.met).toBe(true);
    await expect(assertProductQuorum(core.ctx.db, m.sessionId, a)).rejects.toMatchObject({
      code: 'FORBIDDEN_STATE',
      message: expect.stringContaining('6/9 voting members'),
    });
    await expect(assertProductQuorum(core.ctx.db, m.sessionId, b)).resolves.toMatchObject({
      met: true,
      scorerIds: m.ids.slice(0, 7),
    });

    d = await call(core, 'sessions:withdrawConflict', { id: m.sessionId, memberId: m.ids[4]!, registrationId: a });
    expect(byReg(a)).toMatchObject({ met: true, participating: 7, recused: 0 });
  });

  it('the chair recusing from a product fails that product when the chair is required', async () => {
    core = await memoryCore();
    const m = await meeting(NINE_MEMBERS);
    await markAttendance(core, m.sessionId, m.ids);
    const d = await call(core, 'sessions:declareConflict', {
      id: m.sessionId,
      memberId: m.ids[0]!,
      registrationId: m.registrationIds[1]!,
      reason: 'Tham gia tư vấn sản phẩm',
    });
    const q = d.quorum.products.find((p) => p.registrationId === m.registrationIds[1])!.quorum;
    expect(q).toMatchObject({ met: false, participating: 8, problems: ['chair_recused'] });
  });

  it('a non-member Thư ký is listed but neither counts for quorum nor can recuse', async () => {
    core = await memoryCore();
    const m = await meeting([
      ...EIGHT,
      { fullName: 'Mai Thị Thư', office: 'Văn phòng Điều phối', position: 'Chuyên viên', role: 'secretary' } as never,
    ]);
    const d = await markAttendance(core, m.sessionId, m.ids);
    expect(d.members).toHaveLength(9);
    expect(d.members.at(-1)).toMatchObject({ role: 'secretary', votes: false });
    expect(d.quorum.session).toMatchObject({ votingMembers: 8, participating: 8, required: 6 });
    expect(d.session.secretaryMemberId).toBe(m.ids[8]);
    const e = await callError(core, 'sessions:declareConflict', {
      id: m.sessionId,
      memberId: m.ids[8]!,
      registrationId: m.registrationIds[0]!,
      reason: 'x',
    });
    expect(e).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('does not score') });
  });
});
