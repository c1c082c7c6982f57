import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SESSION_STATUSES,
  SESSION_TRANSITIONS,
  transitionRefusal,
  type SessionStatusValue,
} from '../../../shared/ocop/session-status';
import type { Core } from '../context';
import { CoreError } from '../errors';
import { memoryCore } from '../test/fixtures';
import { transitionSession } from './session-status';
import { finalizeForTest, markAttendance, preparedSession, seedRound, unfinalizeForTest } from './test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

const move = (sessionId: number, to: SessionStatusValue, reason?: string) =>
  core.ctx.db
    .transaction()
    .execute((trx) => transitionSession(trx, core.ctx, 'test', sessionId, to, { reason, endTime: '11:30' }));

/** A session brought to `status` through the allowed path. */
async function sessionIn(status: SessionStatusValue) {
  const p = await preparedSession(core);
  await markAttendance(core, p.sessionId, p.memberIds, [p.memberIds[8]!]);
  const path: SessionStatusValue[] = ['in_progress', 'closed', 'finalized'];
  for (const to of path.slice(0, SESSION_STATUSES.indexOf(status))) {
    if (to === 'finalized') await finalizeForTest(core, p.sessionId);
    else await move(p.sessionId, to);
  }
  return p;
}

describe('session status machine', () => {
  for (const from of SESSION_STATUSES) {
    for (const to of SESSION_STATUSES) {
      if (SESSION_TRANSITIONS[from].includes(to)) continue;
      it(`refuses ${from} → ${to} with FORBIDDEN_STATE saying why, in the core and in the database`, async () => {
        core = await memoryCore();
        const p = await sessionIn(from);
        const err = await move(p.sessionId, to, 'lý do').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(CoreError);
        expect(err).toMatchObject({
          code: 'FORBIDDEN_STATE',
          message: expect.stringContaining(`cannot go from ${from} to ${to}`),
        });
        // The message says why, in the words of the state machine.
        expect((err as CoreError).message).toContain(transitionRefusal(from, to)!);
        if (from !== to) {
          await expect(sql`UPDATE session SET status = ${to} WHERE id = ${p.sessionId}`.execute(core.ctx.db)).rejects.toThrow(
            /FORBIDDEN_STATE/,
          );
        }
        expect((await call(core, 'sessions:get', { id: p.sessionId })).session.status).toBe(from);
      });
    }
  }

  it('walks preparing → in_progress → closed → in_progress (reason) → closed → finalized → closed (reason), auditing each step', async () => {
    core = await memoryCore();
    const p = await sessionIn('preparing');
    let d = await call(core, 'sessions:transition', { id: p.sessionId, to: 'in_progress' });
    expect(d.session).toMatchObject({ status: 'in_progress', openedAt: expect.any(String) });
    expect(d.allowed).toMatchObject({
      editAgenda: true,
      editAttendance: true,
      editConflicts: true,
      delete: false,
      transitions: ['closed'],
    });
    expect(await callError(core, 'sessions:transition', { id: p.sessionId, to: 'closed' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('endTime is required'),
    });
    expect((await callError(core, 'sessions:transition', { id: p.sessionId, to: 'closed', endTime: '07:00' })).message).toContain(
      'after the start time',
    );
    d = await call(core, 'sessions:transition', { id: p.sessionId, to: 'closed', endTime: '11:30' });
    expect(d.session).toMatchObject({ status: 'closed', endTime: '11:30', closedAt: expect.any(String) });
    expect(await callError(core, 'sessions:transition', { id: p.sessionId, to: 'in_progress' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('reason is required'),
    });
    d = await call(core, 'sessions:transition', {
      id: p.sessionId,
      to: 'in_progress',
      reason: 'Chấm lại sản phẩm có độ lệch trên 10 điểm',
    });
    expect(d.session).toMatchObject({ status: 'in_progress', closedAt: null });
    await call(core, 'sessions:transition', { id: p.sessionId, to: 'closed' });
    // Finalizing is the results area's step (it calls transitionSession); the channel refuses it.
    expect((await callError(core, 'sessions:transition', { id: p.sessionId, to: 'finalized' })).code).toBe('VALIDATION');
    await finalizeForTest(core, p.sessionId);
    await expect(move(p.sessionId, 'closed')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('reason is required'),
    });
    await unfinalizeForTest(core, p.sessionId, 'Sai sót khi nhập phiếu giấy', p.memberIds[0]!);
    const actions = (await call(core, 'audit:tail', { limit: 8 }))
      .map((e: { action: string }) => e.action)
      .filter((a: string) => a.startsWith('session.') && !a.includes('attendance'));
    expect(actions.reverse()).toEqual([
      'session.open',
      'session.close',
      'session.reopen',
      'session.close',
      'session.finalize',
      'session.unfinalize',
    ]);
    const reopen = (await call(core, 'audit:tail', { limit: 1 }))[0]!;
    expect(reopen.after).toMatchObject({ status: 'closed', reason: 'Sai sót khi nhập phiếu giấy' });
  });

  it('opening lists everything still missing', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    await call(core, 'sessions:setAgenda', { id: p.sessionId, registrationIds: [] });
    await call(core, 'sessions:update', { id: p.sessionId, startTime: null, secretaryMemberId: null });
    const e = await callError(core, 'sessions:transition', { id: p.sessionId, to: 'in_progress' });
    expect(e.code).toBe('FORBIDDEN_STATE');
    const codes = (e.details as { blockers: { code: string }[] }).blockers.map((b) => b.code);
    expect(codes).toEqual(['empty_agenda', 'no_secretary', 'no_start_time', 'attendance_missing', 'no_quorum']);
    expect(e.message).toContain('Nguyễn Văn An');
  });

  it('a written-opinion session opens without a roll call but needs the deadline for answers', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const { roundId, registrationIds } = await seedRound(core, { number: 2, registrations: 1 });
    const s = await call(core, 'sessions:create', {
      councilId: p.council.council.id,
      roundId,
      kind: 'written_opinion',
      date: '2026-07-01',
    });
    await call(core, 'sessions:setAgenda', { id: s.session.id, registrationIds });
    const e = await callError(core, 'sessions:transition', { id: s.session.id, to: 'in_progress' });
    expect((e.details as { blockers: { code: string }[] }).blockers.map((b) => b.code)).toEqual(['no_opinion_deadline']);
    expect((await callError(core, 'sessions:update', { id: s.session.id, opinionDeadline: '2026-06-20' })).message).toContain(
      'before the session date',
    );
    await call(core, 'sessions:update', { id: s.session.id, opinionDeadline: '2026-07-10' });
    const d = await call(core, 'sessions:transition', { id: s.session.id, to: 'in_progress' });
    expect(d.session).toMatchObject({ kind: 'written_opinion', status: 'in_progress' });
    // Answers are recorded as attendance; closing needs no end time.
    await call(core, 'sessions:setAttendance', { id: s.session.id, memberId: p.memberIds[0]!, present: true });
    expect((await call(core, 'sessions:transition', { id: s.session.id, to: 'closed' })).session.status).toBe('closed');
  });
});

describe('what each status allows', () => {
  it('closed and finalized sessions refuse agenda, attendance and recusal changes (core and triggers)', async () => {
    for (const status of ['closed', 'finalized'] as const) {
      core = await memoryCore();
      const p = await sessionIn(status);
      for (const [channel, input] of [
        ['sessions:setAgenda', { id: p.sessionId, registrationIds: [] }],
        ['sessions:setAttendance', { id: p.sessionId, memberId: p.memberIds[8]!, present: true }],
        [
          'sessions:declareConflict',
          { id: p.sessionId, memberId: p.memberIds[1]!, registrationId: p.registrationIds[0], reason: 'Người thân' },
        ],
      ] as const) {
        const e = await callError(core, channel, input);
        expect(e.code, `${channel} on ${status}`).toBe('FORBIDDEN_STATE');
        expect(e.message).toContain(status === 'closed' ? 'reopen it' : 'never changes');
      }
      const db = core.ctx.db;
      await expect(sql`DELETE FROM session_agenda_item WHERE session_id = ${p.sessionId}`.execute(db)).rejects.toThrow(
        /FORBIDDEN_STATE/,
      );
      await expect(sql`UPDATE session_attendance SET present = 0 WHERE session_id = ${p.sessionId}`.execute(db)).rejects.toThrow(
        /FORBIDDEN_STATE/,
      );
      await expect(
        sql`INSERT INTO session_conflict (session_id, member_id, registration_id, reason, declared_at) VALUES (${p.sessionId}, ${p.memberIds[1]}, ${p.registrationIds[0]}, 'x', 'now')`.execute(
          db,
        ),
      ).rejects.toThrow(/FORBIDDEN_STATE/);
      await expect(sql`DELETE FROM session WHERE id = ${p.sessionId}`.execute(db)).rejects.toThrow(/FORBIDDEN_STATE/);
      expect((await callError(core, 'sessions:delete', { id: p.sessionId })).code).toBe('FORBIDDEN_STATE');
      core.close();
    }
  });

  it('a finalized session never changes, not even its note', async () => {
    core = await memoryCore();
    const p = await sessionIn('finalized');
    expect(await callError(core, 'sessions:update', { id: p.sessionId, note: 'sửa' })).toMatchObject({
      code: 'FORBIDDEN_STATE',
      message: expect.stringContaining('finalized'),
    });
    await expect(sql`UPDATE session SET note = 'x' WHERE id = ${p.sessionId}`.execute(core.ctx.db)).rejects.toThrow(
      /FORBIDDEN_STATE/,
    );
  });

  it('an open meeting keeps its date and its chair present', async () => {
    core = await memoryCore();
    const p = await sessionIn('in_progress');
    expect((await callError(core, 'sessions:update', { id: p.sessionId, date: '2026-06-16' })).code).toBe('FORBIDDEN_STATE');
    expect(
      (await callError(core, 'sessions:setAttendance', { id: p.sessionId, memberId: p.memberIds[0]!, present: false })).message,
    ).toContain('choose another chair');
    // Attendance and recusals may still change while the meeting runs (a member arrives late).
    const d = await call(core, 'sessions:setAttendance', { id: p.sessionId, memberId: p.memberIds[8]!, present: true });
    expect(d.quorum.session.participating).toBe(9);
  });
});

describe('agenda', () => {
  it('moves registrations to on_agenda and back, in order, with their status history', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const statuses = async () =>
      (await core.ctx.db.selectFrom('registration').select(['id', 'status']).orderBy('id').execute()).map((r) => r.status);
    expect(await statuses()).toEqual(['on_agenda', 'on_agenda', 'on_agenda']);
    const [a, b, c] = p.registrationIds as [number, number, number];
    const d = await call(core, 'sessions:setAgenda', { id: p.sessionId, registrationIds: [c, a] });
    expect(d.agenda.map((i: { registrationId: number; position: number }) => [i.registrationId, i.position])).toEqual([
      [c, 1],
      [a, 2],
    ]);
    expect(await statuses()).toEqual(['on_agenda', 'advisory_review', 'on_agenda']);
    expect((await callError(core, 'sessions:setAgenda', { id: p.sessionId, registrationIds: [a, a] })).message).toContain(
      'twice',
    );
    const added = await call(core, 'sessions:addToAgenda', { id: p.sessionId, registrationIds: [a, b] });
    expect(added.agenda.map((i: { registrationId: number }) => i.registrationId)).toEqual([c, a, b]);
  });

  it('refuses a registration of another round or already on another agenda', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const other = await seedRound(core, { number: 2, registrations: 1 });
    const e = await callError(core, 'sessions:addToAgenda', { id: p.sessionId, registrationIds: other.registrationIds });
    expect(e).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Đợt 2 năm 2026') });
    const second = await call(core, 'sessions:create', {
      councilId: p.council.council.id,
      roundId: p.roundId,
      date: '2026-06-20',
      startTime: '14:00',
    });
    expect(second.session.number).toBe(2);
    const e2 = await callError(core, 'sessions:addToAgenda', { id: second.session.id, registrationIds: [p.registrationIds[0]] });
    expect(e2).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already on the agenda of session 1') });
    const candidates = await call(core, 'sessions:agendaCandidates', { id: second.session.id });
    expect(candidates).toEqual([]);
    const all = await call(core, 'sessions:agendaCandidates', {
      id: second.session.id,
      includeScheduled: true,
      query: 'san pham thu 1-2',
    });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ productName: 'Sản phẩm thử 1-2', inSession: { id: p.sessionId, number: 1 } });
  });

  it('deleting a session in preparation frees its products', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    await call(core, 'sessions:delete', { id: p.sessionId });
    expect((await core.ctx.db.selectFrom('registration').select('status').execute()).map((r) => r.status)).toEqual([
      'advisory_review',
      'advisory_review',
      'advisory_review',
    ]);
    expect(await call(core, 'sessions:list', {})).toEqual([]);
    expect(await call(core, 'audit:verify', {})).toMatchObject({ ok: true });
  });

  it('refuses to delete a session that holds an allocated document number, naming the number', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const n = await call(core, 'documents:allocateNumber', { sessionId: p.sessionId, kind: 'minutes' });
    const e = await callError(core, 'sessions:delete', { id: p.sessionId });
    expect(e.code).toBe('FORBIDDEN_STATE');
    expect(e.message).toContain(`document numbers ${n.numberText} were allocated`);
    expect(await call(core, 'sessions:list', {})).toHaveLength(1);
  });
});
