import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { deviceById } from './room-repo';

/**
 * A paired device's credential: `<device id>.<32 random bytes, base64url>`, carried in an
 * HttpOnly, SameSite=Strict cookie. The host keeps only the SHA-256 of the secret, so a copy of
 * the database does not let anyone act as a device. Every request re-checks that the device is
 * not revoked, its room is still open and its session still in progress: stopping the mode,
 * revoking the device or closing the session ends its access at once.
 */
export interface DeviceIdentity {
  deviceId: number;
  roomId: number;
  sessionId: number;
  memberId: number;
  memberName: string;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function newCredential(deviceId: number): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${deviceId}.${secret}`, secretHash: hashSecret(secret) };
}

/** Why a credential is not accepted; the device page words each one (unpaired, revoked, …). */
export type DeviceRefusal = 'unpaired' | 'revoked' | 'roomClosed' | 'sessionEnded';

const refuse = (reason: DeviceRefusal, message: string) => new CoreError('UNAUTHORIZED', message, { reason });

/** Only writes "last seen" this often: a device saving twice a second must not write it twice a second. */
const SEEN_EVERY_MS = 10_000;

export async function authenticateDevice(ctx: CoreContext, token: string | undefined): Promise<DeviceIdentity> {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!m) throw refuse('unpaired', 'This device is not paired: open the meeting-room address and pair it with the code');
  const row = await deviceById(ctx.db, Number(m[1]));
  const given = Buffer.from(hashSecret(m[2]!), 'hex');
  const stored = Buffer.from(row?.secretHash ?? '00'.repeat(32), 'hex');
  if (!row || stored.length !== given.length || !timingSafeEqual(stored, given))
    throw refuse('unpaired', 'This device is not paired (or its pairing is unknown to this computer): pair it again');
  if (row.revokedAt !== null)
    throw refuse('revoked', `The secretary revoked this device's access at ${row.revokedAt}; ask the secretary`);
  if (row.roomStoppedAt !== null)
    throw refuse('roomClosed', "Meeting-room mode was turned off on the secretary's computer; pair again when it is on");
  if (row.sessionStatus !== 'in_progress')
    throw refuse('sessionEnded', `Session ${row.sessionId} is no longer in progress; scoring on devices has ended`);
  const now = ctx.now();
  if (now.getTime() - Date.parse(row.lastSeenAt) > SEEN_EVERY_MS) {
    await ctx.db.updateTable('room_device').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return {
    deviceId: row.id,
    roomId: row.roomId,
    sessionId: row.sessionId,
    memberId: row.memberId,
    memberName: row.memberName,
  };
}
