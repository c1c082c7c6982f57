import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { createNineCouncil, finalizeForTest, markAttendance, preparedSession, secondRules } from '../sessions/test/fixtures';
import { call, callError } from '../test/call';
import { memoryCore } from '../test/fixtures';

let core: Core;
afterEach(() => core?.close());

describe('councils', () => {
  it('creates a council of nine with the provincial default rules, NFC text, and an audit event', async () => {
    core = await memoryCore();
    const d = await createNineCouncil(core, { name: 'Hội đồng OCOP tỉnh Đồng Tháp'.normalize('NFD') });
    expect(d.council.name).toBe('Hội đồng OCOP tỉnh Đồng Tháp'.normalize('NFC'));
    expect(d.council.issuerNameLines).toEqual(['HỘI ĐỒNG ĐÁNH GIÁ,', 'PHÂN HẠNG SẢN PHẨM OCOP']);
    expect(d.members).toHaveLength(9);
    expect(d.members.map((m) => m.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(d.rules).toMatchObject({
      version: 1,
      quorumNumerator: 3,
      quorumDenominator: 4,
      chairRequired: true,
      spreadLimit: 10,
      spreadLimitAllowed: true,
      aggregation: 'mean',
      minimaRule: 'mean',
      displayDecimals: 2,
      membersSeeOthersBeforeSubmit: false,
    });
    const list = await call(core, 'councils:list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ activeMemberCount: 9, chairName: 'Nguyễn Văn An', rulesVersion: 1 });
    expect(await call(core, 'councils:list', { query: 'dong thap' })).toHaveLength(1);
    expect(await call(core, 'councils:list', { query: 'ha noi' })).toHaveLength(0);
    const tail = await call(core, 'audit:tail', { limit: 5 });
    expect(tail[0]).toMatchObject({ action: 'council.create', entity: 'council' });
    expect(await call(core, 'audit:verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a quorum larger than all members, naming the field', async () => {
    core = await memoryCore();
    const e = await callError(core, 'councils:create', {
      name: 'HĐ',
      level: 'provincial',
      rules: {
        quorumNumerator: 5,
        quorumDenominator: 4,
        chairRequired: true,
        spreadLimit: 10,
        spreadLimitAllowed: true,
        aggregation: 'mean',
        showInfoAggregates: true,
        minimaRule: 'mean',
        displayDecimals: 2,
        membersSeeOthersBeforeSubmit: false,
      },
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('rules.quorumNumerator');
  });

  it('links an advisory group to its council and refuses it without one', async () => {
    core = await memoryCore();
    const c = await createNineCouncil(core);
    expect((await callError(core, 'councils:create', { name: 'Tổ tư vấn', level: 'advisory_group' })).message).toContain(
      'parentCouncilId is required',
    );
    expect(
      (await callError(core, 'councils:create', { name: 'HĐ 2', level: 'provincial', parentCouncilId: c.council.id })).code,
    ).toBe('VALIDATION');
    const g = await call(core, 'councils:create', {
      name: 'Tổ tư vấn giúp việc Hội đồng',
      level: 'advisory_group',
      parentCouncilId: c.council.id,
    });
    expect(g.parentCouncil).toEqual({ id: c.council.id, name: c.council.name });
    const again = await call(core, 'councils:get', { id: c.council.id });
    expect(again.advisoryGroups).toEqual([{ id: g.council.id, name: 'Tổ tư vấn giúp việc Hội đồng' }]);
  });

  it('keeps one chair at a time', async () => {
    core = await memoryCore();
    const c = await createNineCouncil(core);
    const e = await callError(core, 'councils:addMember', {
      councilId: c.council.id,
      fullName: 'Ngô Văn Mới',
      role: 'chair',
      activeFrom: '2026-07-01',
    });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('Nguyễn Văn An is the council chair');
  });
});

describe('member history', () => {
  it('a change of role closes the period and opens a linked one; past dates still show the old role', async () => {
    core = await memoryCore();
    const c = await createNineCouncil(core);
    const dung = c.members.find((m) => m.fullName === 'Phạm Thị Dung')!;
    const d = await call(core, 'councils:changeMember', {
      id: dung.id,
      from: '2026-09-01',
      role: 'vice_chair',
      reason: 'Quyết định kiện toàn Hội đồng',
    });
    const periods = d.members.filter((m: { fullName: string }) => m.fullName === 'Phạm Thị Dung');
    expect(periods).toHaveLength(2);
    expect(periods[0]).toMatchObject({
      id: dung.id,
      role: 'member',
      activeFrom: '2026-05-25',
      activeTo: '2026-09-01',
      endReason: 'Quyết định kiện toàn Hội đồng',
    });
    expect(periods[1]).toMatchObject({
      role: 'vice_chair',
      activeFrom: '2026-09-01',
      activeTo: null,
      previousId: dung.id,
      sortOrder: dung.sortOrder,
    });
    const july = await call(core, 'councils:get', { id: c.council.id, onDate: '2026-07-01' });
    expect(july.activeMemberIds).toContain(dung.id);
    expect(july.activeMemberIds).not.toContain(periods[1]!.id);
    const october = await call(core, 'councils:get', { id: c.council.id, onDate: '2026-10-01' });
    expect(october.activeMemberIds).toContain(periods[1]!.id);
    expect(october.activeMemberIds).not.toContain(dung.id);
    expect(october.activeMemberIds).toHaveLength(9);
  });

  it('a period used by an opened session is history: correction refused by the core and by the database', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const em = p.council.members[4]!;
    // While the session is only being prepared, a typo can still be fixed.
    const fixed = await call(core, 'councils:correctMember', { id: em.id, position: 'Giám đốc' });
    expect(fixed.members.find((m) => m.id === em.id)?.position).toBe('Giám đốc');
    await markAttendance(core, p.sessionId, p.memberIds);
    await call(core, 'sessions:transition', { id: p.sessionId, to: 'in_progress' });
    const e = await callError(core, 'councils:correctMember', { id: em.id, fullName: 'Hoàng Văn Ém' });
    expect(e.code).toBe('IMMUTABLE');
    expect(e.message).toContain('councils:changeMember');
    const got = await call(core, 'councils:get', { id: p.council.council.id });
    expect(got.members.find((m) => m.id === em.id)?.usedInSession).toBe(true);
    await expect(sql`UPDATE council_member SET full_name = 'X' WHERE id = ${em.id}`.execute(core.ctx.db)).rejects.toThrow(
      /IMMUTABLE/,
    );
    await expect(sql`DELETE FROM council_member WHERE id = ${em.id}`.execute(core.ctx.db)).rejects.toThrow(/IMMUTABLE/);
  });

  it('refuses to end a membership on or before a session the member took part in', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    await markAttendance(core, p.sessionId, p.memberIds);
    await call(core, 'sessions:transition', { id: p.sessionId, to: 'in_progress' });
    const e = await callError(core, 'councils:endMember', { id: p.memberIds[5]!, activeTo: '2026-06-15' });
    expect(e.code).toBe('FORBIDDEN_STATE');
    expect(e.message).toContain('choose a date after 2026-06-15');
    const d = await call(core, 'councils:endMember', { id: p.memberIds[5]!, activeTo: '2026-06-16', reason: 'Nghỉ hưu' });
    expect(d.members.find((m) => m.id === p.memberIds[5])).toMatchObject({
      activeTo: '2026-06-16',
      endReason: 'Nghỉ hưu',
    });
    expect((await callError(core, 'councils:endMember', { id: p.memberIds[5]!, activeTo: '2026-07-01' })).message).toContain(
      'already ended',
    );
  });

  it('a session in preparation follows membership changes and carries attendance and recusals to the new period', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const dungId = p.memberIds[3]!;
    await call(core, 'sessions:setAttendance', { id: p.sessionId, memberId: dungId, present: true });
    await call(core, 'sessions:declareConflict', {
      id: p.sessionId,
      memberId: dungId,
      registrationId: p.registrationIds[0]!,
      reason: 'Là thành viên hợp tác xã',
    });
    const changed = await call(core, 'councils:changeMember', { id: dungId, from: '2026-06-10', position: 'Giám đốc' });
    const successor = changed.members.find((m) => m.previousId === dungId)!;
    const s = await call(core, 'sessions:get', { id: p.sessionId });
    expect(s.members.map((m) => m.memberId)).not.toContain(dungId);
    expect(s.members.find((m) => m.memberId === successor.id)).toMatchObject({
      present: true,
      position: 'Giám đốc',
      order: 4,
    });
    expect(s.conflicts).toMatchObject([{ memberId: successor.id, registrationId: p.registrationIds[0] }]);
    // A member added after the session date is not listed; one added before is.
    await call(core, 'councils:addMember', {
      councilId: p.council.council.id,
      fullName: 'Lý Văn Sau',
      role: 'member',
      activeFrom: '2026-07-01',
    });
    await call(core, 'councils:addMember', {
      councilId: p.council.council.id,
      fullName: 'Lý Văn Trước',
      role: 'member',
      activeFrom: '2026-06-01',
    });
    const s2 = await call(core, 'sessions:get', { id: p.sessionId });
    expect(s2.members.map((m: { fullName: string }) => m.fullName)).toContain('Lý Văn Trước');
    expect(s2.members.map((m: { fullName: string }) => m.fullName)).not.toContain('Lý Văn Sau');
    expect(s2.quorum.session.votingMembers).toBe(10);
  });

  it('reorders members only with the complete list', async () => {
    core = await memoryCore();
    const c = await createNineCouncil(core);
    const ids = c.members.map((m) => m.id);
    expect(
      (await callError(core, 'councils:reorderMembers', { councilId: c.council.id, memberIds: ids.slice(1) })).message,
    ).toContain(`missing: ${ids[0]}`);
    const d = await call(core, 'councils:reorderMembers', { councilId: c.council.id, memberIds: [...ids].reverse() });
    expect(d.members[0]?.id).toBe(ids[8]);
  });
});

describe('council rules', () => {
  const rules = secondRules;

  it('saves a new version; sessions in preparation move to it at once', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const d = await call(core, 'councils:setRules', { id: p.council.council.id, rules });
    expect(d.rules).toMatchObject({ version: 2, ...rules });
    expect(d.rulesHistory.map((r) => r.version)).toEqual([2, 1]);
    const s = await call(core, 'sessions:get', { id: p.sessionId });
    expect(s.rules.version).toBe(2);
    expect(s.quorum.session).toMatchObject({ numerator: 2, denominator: 3, required: 6, chairRequired: false });
    const tail = await call(core, 'audit:tail', { limit: 1 });
    expect(tail[0]).toMatchObject({
      action: 'council.rules.set',
      before: { version: 1, spreadLimit: 10 },
      after: { version: 2, spreadLimit: 8 },
    });
  });

  it('asks for confirmation and a reason when a session is under way, and never touches a finalized session', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    await markAttendance(core, p.sessionId, p.memberIds);
    await call(core, 'sessions:transition', { id: p.sessionId, to: 'in_progress' });
    const e = await callError(core, 'councils:setRules', { id: p.council.council.id, rules });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('confirm: true');
    expect((await callError(core, 'councils:setRules', { id: p.council.council.id, rules, confirm: true })).code).toBe(
      'CONFLICT',
    );
    await call(core, 'councils:setRules', {
      id: p.council.council.id,
      rules,
      confirm: true,
      reason: 'Hội đồng thống nhất tại phiên họp',
    });
    expect((await call(core, 'sessions:get', { id: p.sessionId })).rules.version).toBe(2);

    // Finalize (as the results area does), then change the rules again: the session keeps v2.
    await call(core, 'sessions:transition', { id: p.sessionId, to: 'closed', endTime: '11:30' });
    await finalizeForTest(core, p.sessionId);
    await call(core, 'councils:setRules', { id: p.council.council.id, rules: { ...rules, spreadLimit: 12 } });
    expect((await call(core, 'sessions:get', { id: p.sessionId })).rules.version).toBe(2);
    await expect(sql`UPDATE council_rules SET spread_limit = 20`.execute(core.ctx.db)).rejects.toThrow(/IMMUTABLE/);
  });
});
