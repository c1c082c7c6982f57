import QRCode from 'qrcode';
import type { Kysely } from 'kysely';
import type { RoomMe, RoomStatus } from '../../../shared/api/channels/room';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { isScoringRole, sessionMembers } from '../scoring/session-access';
import { getSession } from '../sessions/session-repo';
import type { DeviceIdentity } from './device-auth';
import { CODE_TTL_MS, newPairingCode } from './pairing';
import { openRoom, roomDevices } from './room-repo';
import { runWrite, type Call, type Write } from '../handlers';

/**
 * Turning meeting-room mode on and off for a session, the pairing code, and the devices. The
 * listener itself belongs to the host (ctx.lan); the database says which room is open, so a
 * restarted app knows a room was left open and can listen again with its devices still paired.
 */

const urlOf = (protocol: string, address: string, port: number) => `${protocol}://${address}:${port}/`;

/** The address as a QR code: an SVG (ASCII payload, quiet zone kept) in a data: URL. */
const qrOf = async (url: string): Promise<string> =>
  `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })).toString('base64')}`;

function lanOf(ctx: CoreContext) {
  if (!ctx.lan)
    throw new CoreError(
      'FORBIDDEN_STATE',
      'This program cannot listen on the network: start meeting-room mode from the desktop app or `ocop serve`',
      { reason: 'noLanHost' },
    );
  return ctx.lan;
}

/** The room as the secretary sees it; `db` is the change's transaction when called at the end of one. */
export async function roomStatus(ctx: CoreContext, input: { sessionId?: number }, db: Kysely<DB> = ctx.db): Promise<RoomStatus> {
  const room = await openRoom(db);
  const listening = ctx.lan?.current() ?? null;
  const sessionId = room?.sessionId ?? input.sessionId;
  const membersWithoutPin =
    sessionId === undefined
      ? []
      : (await sessionMembers(db, sessionId))
          .filter((m) => isScoringRole(m.role) && m.present !== false && !m.hasPin)
          .map((m) => ({ memberId: m.memberId, fullName: m.fullName }));
  return {
    available: ctx.lan !== undefined,
    membersWithoutPin,
    devices: room ? await roomDevices(db, room.id) : [],
    room: room
      ? {
          id: room.id,
          sessionId: room.sessionId,
          sessionTitle: room.sessionTitle,
          address: room.address,
          port: room.port,
          protocol: room.protocol,
          url: urlOf(room.protocol, room.address, room.port),
          qr: await qrOf(urlOf(room.protocol, room.address, room.port)),
          fingerprint: room.fingerprint,
          pairingCode: room.pairingCode,
          codeExpiresAt: room.codeExpiresAt,
          startedAt: room.startedAt,
          startedBy: room.startedBy,
          listening:
            listening !== null &&
            listening.address === room.address &&
            listening.port === room.port &&
            listening.protocol === room.protocol,
        }
      : null,
  };
}

/**
 * Starts listening on the chosen interface, then records the room. The same session's room left
 * open (the app restarted) is taken up again with its devices; another session's open room must
 * be stopped first.
 */
export async function startRoom(
  call: Call,
  input: { sessionId: number; address: string; port?: number; plainHttp?: boolean },
): Promise<RoomStatus> {
  const { ctx } = call;
  const lan = lanOf(ctx);
  const session = await getSession(ctx.db, input.sessionId);
  if (session.status !== 'in_progress')
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${session.id} is not in progress; members score on their devices only while it is (open the session first)`,
      { sessionId: session.id, status: session.status },
    );
  const offered = lan.interfaces();
  if (!offered.some((i) => i.address === input.address))
    throw new CoreError(
      'VALIDATION',
      `address: ${input.address} is not one of this computer's network addresses (${offered.map((i) => i.address).join(', ') || 'none found'})`,
      { field: 'address', value: input.address },
    );
  const open = await openRoom(ctx.db);
  if (open && open.sessionId !== input.sessionId)
    throw new CoreError(
      'CONFLICT',
      `Meeting-room mode is on for session ${open.sessionId} ("${open.sessionTitle}"); stop it there first`,
      { sessionId: open.sessionId },
    );
  const plainHttp = input.plainHttp === true;
  const listening = await lan.listen({ address: input.address, ...(input.port ? { port: input.port } : {}), plainHttp });
  try {
    await runWrite(call, async (w) => {
      const code = newPairingCode();
      const expires = new Date(w.at.getTime() + CODE_TTL_MS).toISOString();
      const values = {
        address: listening.address,
        port: listening.port,
        protocol: listening.protocol,
        fingerprint: listening.fingerprint,
        pairing_code: code,
        code_expires_at: expires,
      };
      if (open) {
        await w.trx.updateTable('room').set(values).where('id', '=', open.id).execute();
        await w.audit({
          action: 'room.resume',
          entity: 'room',
          entityId: open.id,
          after: { address: values.address, port: values.port, protocol: values.protocol, fingerprint: values.fingerprint },
        });
      } else {
        const { id } = await w.trx
          .insertInto('room')
          .values({ ...values, session_id: input.sessionId, started_at: w.at.toISOString(), started_by: w.actor })
          .returning('id')
          .executeTakeFirstOrThrow();
        await w.audit({
          action: 'room.start',
          entity: 'room',
          entityId: id,
          after: {
            sessionId: input.sessionId,
            address: values.address,
            port: values.port,
            protocol: values.protocol,
            fingerprint: values.fingerprint,
          },
        });
      }
    });
  } catch (e) {
    await lan.close();
    throw e;
  }
  return roomStatus(ctx, { sessionId: input.sessionId });
}

async function requireOpen(w: Write) {
  const room = await openRoom(w.trx);
  if (!room) throw new CoreError('FORBIDDEN_STATE', 'Meeting-room mode is not on', { reason: 'noRoom' });
  return room;
}

/** Stops listening and closes the room: every device's access ends with it. */
export async function stopRoom(call: Call, input: { reason?: string }): Promise<RoomStatus> {
  const { ctx } = call;
  const room = await openRoom(ctx.db);
  if (room) {
    await runWrite(call, async (w) => {
      await w.trx
        .updateTable('room')
        .set({ stopped_at: w.at.toISOString(), stopped_by: w.actor, stop_reason: input.reason ?? null })
        .where('id', '=', room.id)
        .execute();
      await w.audit({ action: 'room.stop', entity: 'room', entityId: room.id, after: { reason: input.reason ?? null } });
    });
  }
  await ctx.lan?.close();
  return roomStatus(ctx, room ? { sessionId: room.sessionId } : {});
}

/** A new pairing code (the old one stops working at once), valid for CODE_TTL_MS. */
export async function newCode(w: Write): Promise<RoomStatus> {
  const room = await requireOpen(w);
  await w.trx
    .updateTable('room')
    .set({ pairing_code: newPairingCode(), code_expires_at: new Date(w.at.getTime() + CODE_TTL_MS).toISOString() })
    .where('id', '=', room.id)
    .execute();
  await w.audit({ action: 'room.code.new', entity: 'room', entityId: room.id });
  return roomStatus(w.ctx, { sessionId: room.sessionId }, w.trx);
}

export async function revokeDevice(w: Write, input: { deviceId: number; reason?: string }): Promise<RoomStatus> {
  const room = await requireOpen(w);
  const d = await w.trx
    .selectFrom('room_device')
    .select(['id', 'member_id', 'revoked_at'])
    .where('id', '=', input.deviceId)
    .where('room_id', '=', room.id)
    .executeTakeFirst();
  if (!d)
    throw new CoreError('NOT_FOUND', `Device ${input.deviceId} is not paired in the open room`, { deviceId: input.deviceId });
  if (d.revoked_at === null) {
    await w.trx
      .updateTable('room_device')
      .set({ revoked_at: w.at.toISOString(), revoked_by: w.actor, revoke_reason: input.reason ?? null })
      .where('id', '=', d.id)
      .execute();
    await w.audit({
      action: 'room.device.revoke',
      entity: 'room_device',
      entityId: d.id,
      after: { memberId: d.member_id, reason: input.reason ?? null },
    });
  }
  return roomStatus(w.ctx, { sessionId: room.sessionId }, w.trx);
}

/** When the room's session is no longer in progress, the room closes (called on every session change). */
export async function closeRoomIfSessionEnded(call: Call): Promise<boolean> {
  const room = await openRoom(call.ctx.db);
  if (!room || room.sessionStatus === 'in_progress') return false;
  await stopRoom(call, { reason: `session ${room.sessionStatus}` });
  return true;
}

function requireDevice(device: DeviceIdentity | undefined): DeviceIdentity {
  if (!device)
    throw new CoreError('FORBIDDEN_SENDER', 'Only a paired device calls this (through the meeting-room address)', {
      reason: 'notDevice',
    });
  return device;
}

/** Who this device is: a query, run as a task because only a task's `call` carries the calling device. */
export async function roomMe(call: Call): Promise<RoomMe> {
  const { ctx } = call;
  const d = requireDevice(call.device);
  const session = await getSession(ctx.db, d.sessionId);
  const room = await openRoom(ctx.db);
  return {
    deviceId: d.deviceId,
    memberId: d.memberId,
    memberName: d.memberName,
    sessionId: d.sessionId,
    sessionTitle: session.title,
    councilName: session.council.name,
    fingerprint: room?.fingerprint ?? null,
    protocol: room?.protocol ?? 'https',
  };
}

/** The device says it is there and how many answers it holds unsent (not audited: it changes no scores). */
export async function heartbeat(w: Write, input: { unsent: number }): Promise<{ at: string }> {
  const d = requireDevice(w.device);
  const at = w.at.toISOString();
  await w.trx.updateTable('room_device').set({ last_seen_at: at, unsent: input.unsent }).where('id', '=', d.deviceId).execute();
  return { at };
}
