import { describe, expect, it } from 'vitest';
import type { LanInterface } from '../../../shared/api/channels/room';
import type { Core } from '../context';
import { hashPin } from '../scoring/member-pin';
import { call, callError } from '../test/call';
import { MINI_TOP, scoringFixture, type FixtureOptions, type ScoringFixture } from '../scoring/test/fixtures';
import { authenticateDevice, type DeviceIdentity } from './device-auth';
import { invokeForDevice } from './device-scope';
import type { LanHost, LanListening } from './lan-host';
import { pairDevice, pairingMembers } from './pairing';

/** A LanHost without sockets: the core's rules are tested here, the listener in electron/server/lan. */
function fakeLan(addresses: LanInterface[] = [{ name: 'lo:test', address: '127.0.0.2', kind: 'loopback' }]): LanHost & {
  opened: number;
} {
  let current: LanListening | null = null;
  const lan = {
    opened: 0,
    interfaces: () => addresses,
    listen: async (o: { address: string; port?: number; plainHttp: boolean }) => {
      lan.opened++;
      current = {
        address: o.address,
        port: o.port ?? 8443,
        protocol: o.plainHttp ? ('http' as const) : ('https' as const),
        fingerprint: o.plainHttp ? null : 'AB:CD',
      };
      return current;
    },
    close: async () => {
      current = null;
    },
    current: () => current,
  };
  return lan;
}

const PINS = { chair: '1111', vice: '2222', m1: '3333', m2: '4444' };

async function roomFixture(opts: FixtureOptions = {}): Promise<ScoringFixture & { lan: ReturnType<typeof fakeLan> }> {
  const f = await scoringFixture(opts);
  for (const [role, pin] of Object.entries(PINS))
    await f.db
      .updateTable('council_member')
      .set({ pin_hash: hashPin(pin) })
      .where('id', '=', f.members[role as keyof typeof PINS])
      .execute();
  const lan = fakeLan();
  f.core.ctx.lan = lan;
  return { ...f, lan };
}

async function start(core: Core, sessionId: number) {
  const s = await call(core, 'room:start', { sessionId, address: '127.0.0.2' }, { actor: 'Võ Thị Em' });
  return s.room!;
}

const req = (code: string, remote = '127.0.0.9') => ({
  code,
  remoteAddress: remote,
  userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/140 Mobile',
  screen: { width: 390, height: 844 },
});

async function paired(f: ScoringFixture, member: keyof typeof PINS): Promise<{ token: string; device: DeviceIdentity }> {
  const room = (await call(f.core, 'room:status', {})).room!;
  const p = await pairDevice(f.core.ctx, { ...req(room.pairingCode), memberId: f.members[member], pin: PINS[member] });
  return { token: p.token, device: await authenticateDevice(f.core.ctx, p.token) };
}

const auditActions = async (f: ScoringFixture) =>
  (await f.db.selectFrom('audit_log').select(['action', 'after_json']).orderBy('seq').execute()).map((r) => ({
    action: r.action,
    after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
  }));

describe('meeting room: starting, pairing, scope', () => {
  it('starts only on an offered address and an open session; shows code, url and fingerprint', async () => {
    const f = await roomFixture();
    expect((await callError(f.core, 'room:start', { sessionId: f.sessionId, address: '192.168.1.10' })).code).toBe('VALIDATION');
    const room = await start(f.core, f.sessionId);
    expect(room).toMatchObject({ url: 'https://127.0.0.2:8443/', fingerprint: 'AB:CD', listening: true, protocol: 'https' });
    expect(room.pairingCode).toMatch(/^\d{6}$/);
    expect((await auditActions(f)).map((a) => a.action)).toContain('room.start');
    // The CLI without a listener cannot start it.
    delete f.core.ctx.lan;
    const status = await call(f.core, 'room:status', {});
    expect(status).toMatchObject({ available: false, room: { listening: false } });
  });

  it('pairs with code + name + PIN; wrong code, expired code and wrong PIN are refused, logged and limited', async () => {
    const f = await roomFixture();
    const room = await start(f.core, f.sessionId);
    const ctx = f.core.ctx;

    await expect(pairingMembers(ctx, req('000000' === room.pairingCode ? '111111' : '000000'))).rejects.toMatchObject({
      code: 'WRONG_CODE',
    });
    const names = await pairingMembers(ctx, req(room.pairingCode));
    expect(names.map((n) => n.memberId).sort()).toEqual([f.members.chair, f.members.vice, f.members.m1, f.members.m2].sort());
    await expect(pairDevice(ctx, { ...req(room.pairingCode), memberId: f.members.m1, pin: '9999' })).rejects.toMatchObject({
      code: 'WRONG_PIN',
    });
    await expect(pairDevice(ctx, { ...req(room.pairingCode), memberId: f.members.secretary, pin: '1234' })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    const p = await pairDevice(ctx, { ...req(room.pairingCode), memberId: f.members.m1, pin: PINS.m1 });
    expect(p.token).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    const devices = (await call(f.core, 'room:status', {})).devices;
    expect(devices).toMatchObject([
      { memberId: f.members.m1, kind: 'phone', label: 'Chrome · Android', unsent: 0, revokedAt: null },
    ]);
    // Only the hash of the credential is stored.
    const stored = await f.db.selectFrom('room_device').select('secret_hash').executeTakeFirstOrThrow();
    expect(p.token).not.toContain(stored.secret_hash);

    const refused = (await auditActions(f)).filter((a) => a.action === 'room.pair.refused');
    expect(refused.map((a) => a.after?.reason)).toEqual(['code', 'pin']);
    expect(refused[1]!.after).toMatchObject({ memberId: f.members.m1, remoteAddress: '127.0.0.9' });

    // Five wrong attempts from one address: that address waits, another does not.
    for (let i = 0; i < 5; i++)
      await expect(pairDevice(ctx, { ...req(room.pairingCode), memberId: f.members.m2, pin: '0000' })).rejects.toMatchObject({
        code: 'WRONG_PIN',
      });
    await expect(pairingMembers(ctx, req(room.pairingCode))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect((await pairingMembers(ctx, req(room.pairingCode, '127.0.0.10'))).length).toBe(4);

    // An expired code is refused as expired; a new code works.
    await f.db.updateTable('room').set({ code_expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    await expect(pairingMembers(ctx, req(room.pairingCode, '127.0.0.11'))).rejects.toMatchObject({
      code: 'WRONG_CODE',
      details: { reason: 'expired' },
    });
    const fresh = (await call(f.core, 'room:newCode', {})).room!;
    expect((await pairingMembers(ctx, req(fresh.pairingCode, '127.0.0.11'))).length).toBe(4);
  });

  it('a member without a PIN cannot pair, and the status lists them', async () => {
    const f = await roomFixture();
    await f.db.updateTable('council_member').set({ pin_hash: null }).where('id', '=', f.members.m2).execute();
    const room = await start(f.core, f.sessionId);
    expect((await call(f.core, 'room:status', {})).membersWithoutPin.map((m) => m.memberId)).toEqual([f.members.m2]);
    await expect(pairDevice(f.core.ctx, { ...req(room.pairingCode), memberId: f.members.m2, pin: '1234' })).rejects.toMatchObject(
      { code: 'FORBIDDEN_STATE', details: { reason: 'noPin' } },
    );
  });

  it("a device reaches only its member's own work; refusals write nothing", async () => {
    const f = await roomFixture();
    await start(f.core, f.sessionId);
    const { device } = await paired(f, 'm1');
    const ctx = f.core.ctx;
    const mine = await invokeForDevice(ctx, device, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m1,
    });
    if (!mine.ok) throw new Error(`scoring:open from the device failed: ${mine.error.message}`);
    const sheetId = mine.value.sheet.id;
    // B's sheet, opened by B on the desktop.
    const other = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m2,
      pin: PINS.m2,
    });
    const count = async () =>
      Number(
        (
          await f.db
            .selectFrom('score_answer_event')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const auditBefore = (await auditActions(f)).length;

    const refusals = await Promise.all([
      invokeForDevice(ctx, device, 'scoring:open', { sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.m2 }),
      invokeForDevice(ctx, device, 'scoring:setAnswer', { sheetId: other.sheet.id, criterionCode: '1.1', levelIndex: 0 }),
      invokeForDevice(ctx, device, 'scoring:get', { sheetId: other.sheet.id }),
      invokeForDevice(ctx, device, 'scoring:assignments', { sessionId: f.sessionId, memberId: f.members.m2 }),
      invokeForDevice(ctx, device, 'scoring:progress', { sessionId: f.sessionId }),
      invokeForDevice(ctx, device, 'room:status', {}),
      invokeForDevice(ctx, device, 'room:stop', {}),
      invokeForDevice(ctx, device, 'scoring:setPin', { memberId: f.members.m2, pin: null }),
      invokeForDevice(ctx, device, 'backup:create', {}),
      invokeForDevice(ctx, device, 'no:such', {}),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SCOPE' } });
    expect(await count()).toBe(before);
    expect((await auditActions(f)).length).toBe(auditBefore);

    // Its own sheet: saved, with the member as the actor.
    const saved = await invokeForDevice(ctx, device, 'scoring:setAnswer', { sheetId, criterionCode: '1.1', levelIndex: 1 });
    expect(saved.ok).toBe(true);
    expect(await count()).toBe(before + 1);
  });

  it("others' totals stay hidden until the device's member submitted that product", async () => {
    const f = await roomFixture({ membersSeeOthersBeforeSubmit: false });
    await start(f.core, f.sessionId);
    const { device } = await paired(f, 'm1');
    const r = await invokeForDevice(f.core.ctx, device, 'scoring:productSheets', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      viewerMemberId: f.members.m2, // asks as someone else: the host makes it the device's member
    });
    expect(r).toMatchObject({ ok: true, value: { othersHidden: true } });
  });

  it('revoking, stopping the mode and closing the session each end the access', async () => {
    const f = await roomFixture();
    await start(f.core, f.sessionId);
    const a = await paired(f, 'm1');
    const b = await paired(f, 'm2');
    await call(f.core, 'room:revoke', { deviceId: a.device.deviceId, reason: 'máy lạ' });
    await expect(authenticateDevice(f.core.ctx, a.token)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      details: { reason: 'revoked' },
    });
    await expect(authenticateDevice(f.core.ctx, b.token)).resolves.toMatchObject({ memberId: f.members.m2 });
    await expect(authenticateDevice(f.core.ctx, `${b.device.deviceId}.${'A'.repeat(43)}`)).rejects.toMatchObject({
      details: { reason: 'unpaired' },
    });
    await expect(authenticateDevice(f.core.ctx, undefined)).rejects.toMatchObject({ details: { reason: 'unpaired' } });

    await f.db.updateTable('session').set({ status: 'closed' }).where('id', '=', f.sessionId).execute();
    await expect(authenticateDevice(f.core.ctx, b.token)).rejects.toMatchObject({ details: { reason: 'sessionEnded' } });
    await f.db.updateTable('session').set({ status: 'in_progress' }).where('id', '=', f.sessionId).execute();

    await call(f.core, 'room:stop', { reason: 'hết giờ' });
    expect(f.lan.current()).toBeNull();
    await expect(authenticateDevice(f.core.ctx, b.token)).rejects.toMatchObject({ details: { reason: 'roomClosed' } });
    expect((await call(f.core, 'room:status', {})).room).toBeNull();
  });
});

describe('idempotency keys', () => {
  it('a change sent twice is applied once and answered the same; a key reused elsewhere is a conflict', async () => {
    const f = await roomFixture();
    const open = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m1,
      pin: PINS.m1,
    });
    const sheetId = open.sheet.id;
    const opId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const first = await call(f.core, 'scoring:setAnswer', { sheetId, criterionCode: '1.1', levelIndex: 1, opId });
    // Meanwhile the member changed it again; the late duplicate must not put level 1 back.
    await call(f.core, 'scoring:setAnswer', {
      sheetId,
      criterionCode: '1.1',
      levelIndex: 2,
      opId: 'ffffffffffffffff0000000000000001',
    });
    const again = await call(f.core, 'scoring:setAnswer', { sheetId, criterionCode: '1.1', levelIndex: 1, opId });
    expect(again).toEqual(first);
    const events = await f.db
      .selectFrom('score_answer_event')
      .select(['target', 'level_index'])
      .where('sheet_id', '=', sheetId)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { target: '1.1', level_index: 1 },
      { target: '1.1', level_index: 2 },
    ]);
    expect((await call(f.core, 'scoring:get', { sheetId })).answers.find((a) => a.criterionCode === '1.1')?.levelIndex).toBe(2);
    expect((await callError(f.core, 'scoring:setNote', { sheetId, criterionCode: '1.1', note: 'x', opId })).code).toBe(
      'CONFLICT',
    );
    expect(
      (await callError(f.core, 'scoring:setAnswer', { sheetId, criterionCode: '1.1', levelIndex: 0, opId: 'short' })).code,
    ).toBe('VALIDATION');
    const ops = await f.db.selectFrom('client_op').select(['op_id', 'channel']).execute();
    expect(ops).toHaveLength(2);
    // Recorded once, never changed.
    await expect(f.db.updateTable('client_op').set({ channel: 'x' }).execute()).rejects.toThrow(/never changed/);
  });

  it('the device rides through write and syncWrite: PIN proved at pairing, opIds keyed to it, the member named', async () => {
    const f = await roomFixture();
    await start(f.core, f.sessionId);
    const { device } = await paired(f, 'm1');
    const ctx = f.core.ctx;
    const key = { sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.m1 };
    // On the desktop the member's PIN is asked; the paired device proved it when it paired.
    expect((await callError(f.core, 'scoring:open', key)).code).toBe('WRONG_PIN');
    const opened = await invokeForDevice(ctx, device, 'scoring:open', key);
    if (!opened.ok) throw new Error(`scoring:open from the device failed: ${opened.error.message}`);
    const sheetId = opened.value.sheet.id;
    const op = (n: number) => `d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0${String(n).padStart(2, '0')}`;
    let n = 0;
    const levels = Object.entries(MINI_TOP);
    for (const [criterionCode, levelIndex] of levels)
      expect(
        await invokeForDevice(ctx, device, 'scoring:setAnswer', { sheetId, criterionCode, levelIndex, opId: op(++n) }),
      ).toMatchObject({
        ok: true,
      });
    expect(await invokeForDevice(ctx, device, 'scoring:undo', { sheetId, opId: op(++n) })).toMatchObject({ ok: true });
    expect(
      await invokeForDevice(ctx, device, 'scoring:setAnswer', {
        sheetId,
        criterionCode: levels.at(-1)![0],
        levelIndex: levels.at(-1)![1],
        opId: op(++n),
      }),
    ).toMatchObject({
      ok: true,
    });
    expect(await invokeForDevice(ctx, device, 'scoring:submit', { sheetId, opId: op(++n) })).toMatchObject({
      ok: true,
      value: { sheet: { status: 'submitted' } },
    });
    const ops = await f.db.selectFrom('client_op').select(['channel', 'device_id']).orderBy('op_id').execute();
    expect(ops).toHaveLength(n);
    expect(new Set(ops.map((o) => o.device_id))).toEqual(new Set([device.deviceId]));
    const actors = await f.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'in', ['scoring.open', 'scoring.answer', 'scoring.undo', 'scoring.submit'])
      .execute();
    expect(new Set(actors.map((a) => a.action))).toEqual(
      new Set(['scoring.open', 'scoring.answer', 'scoring.undo', 'scoring.submit']),
    );
    expect(new Set(actors.map((a) => a.actor))).toEqual(new Set([device.memberName]));
  });

  it('a submit sent twice submits once', async () => {
    const f = await roomFixture();
    const open = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m1,
      pin: PINS.m1,
    });
    const sheetId = open.sheet.id;
    for (const [criterionCode, levelIndex] of Object.entries(MINI_TOP))
      await call(f.core, 'scoring:setAnswer', { sheetId, criterionCode, levelIndex });
    const opId = '0123456789abcdef0123456789abcdef';
    const a = await call(f.core, 'scoring:submit', { sheetId, opId });
    const b = await call(f.core, 'scoring:submit', { sheetId, opId });
    expect(a.sheet.status).toBe('submitted');
    expect(b.sheet.submittedAt).toBe(a.sheet.submittedAt);
    expect((await auditActions(f)).filter((x) => x.action === 'scoring.submit')).toHaveLength(1);
  });
});
