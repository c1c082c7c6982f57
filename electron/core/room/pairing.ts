import { randomInt, timingSafeEqual } from 'node:crypto';
import type { DeviceKind } from '../../../shared/api/channels/room';
import { appendAudit } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { runWrite } from '../handlers';
import { verifyPin } from '../scoring/member-pin';
import { isScoringRole, sessionMembers } from '../scoring/session-access';
import { newCredential } from './device-auth';
import { FailureLimiter } from './rate-limit';
import { openRoom, type RoomRow } from './room-repo';

/**
 * Pairing a member's device: the room's short code (shown on the secretary's screen, valid a few
 * minutes), then the member's name and PIN. Wrong codes and PINs are answered plainly, counted
 * per address, per member and per room, and written to the audit log; past the limits the
 * address (or the member's name) waits, and a room that sees too many wrong codes burns its code
 * so the secretary shows a new one.
 */

export const CODE_TTL_MS = 10 * 60_000;

export const newPairingCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Per address: 5 wrong attempts in 5 minutes → 5 minutes' wait. */
const ADDRESS_RULE = { max: 5, windowMs: 5 * 60_000, lockMs: 5 * 60_000 };
/** Per member: 5 wrong PINs in 15 minutes (from any address) → 15 minutes' wait. */
const MEMBER_RULE = { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Per room: 30 wrong codes or PINs in an hour → the code is burned; the secretary shows a new one. */
const ROOM_RULE = { max: 30, windowMs: 60 * 60_000, lockMs: 1 };

interface Limiters {
  address: FailureLimiter;
  member: FailureLimiter;
  room: FailureLimiter;
}
const limitersByCtx = new WeakMap<CoreContext, Limiters>();
function limiters(ctx: CoreContext): Limiters {
  let l = limitersByCtx.get(ctx);
  if (!l) {
    const now = () => ctx.now().getTime();
    l = {
      address: new FailureLimiter(ADDRESS_RULE, now),
      member: new FailureLimiter(MEMBER_RULE, now),
      room: new FailureLimiter(ROOM_RULE, now),
    };
    limitersByCtx.set(ctx, l);
  }
  return l;
}

export interface PairingRequest {
  code: string;
  remoteAddress: string;
  userAgent: string;
  /** The page's viewport, to tell a phone from a tablet (the user agent alone often cannot). */
  screen?: { width: number; height: number };
}

const rateLimited = (ms: number, who: string) =>
  new CoreError('RATE_LIMITED', `Too many wrong attempts ${who}; try again in ${Math.ceil(ms / 1000)} s`, {
    retryAfterSeconds: Math.ceil(ms / 1000),
  });

const deviceActor = (remote: string) => `thiết bị ${remote}`;

async function auditRefusal(ctx: CoreContext, room: RoomRow | null, remote: string, reason: string, extra: object = {}) {
  await runWrite({ ctx, actor: deviceActor(remote) }, (w) =>
    w.audit({
      action: 'room.pair.refused',
      entity: 'room',
      entityId: room?.id ?? null,
      after: { reason, remoteAddress: remote, ...extra },
    }),
  );
}

/** Counts a failure; burns the room's code when the room's limit is reached. */
async function countFailure(ctx: CoreContext, room: RoomRow, remote: string, memberId?: number) {
  const l = limiters(ctx);
  l.address.fail(remote);
  if (memberId !== undefined) l.member.fail(String(memberId));
  if (l.room.fail(String(room.id))) {
    // The code is burned and the burning recorded in one transaction.
    await runWrite({ ctx, actor: 'hệ thống' }, async (w) => {
      await w.trx.updateTable('room').set({ code_expires_at: w.at.toISOString() }).where('id', '=', room.id).execute();
      await w.audit({
        action: 'room.code.burned',
        entity: 'room',
        entityId: room.id,
        after: { reason: 'too many wrong pairing attempts' },
      });
    });
  }
}

/** Both are six digits here; compared in constant time all the same. */
const sameCode = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Checks the address's limit, the room and the code; returns the room. */
async function checkCode(ctx: CoreContext, req: PairingRequest): Promise<RoomRow> {
  const limit = limiters(ctx).address.check(req.remoteAddress);
  if (!limit.allowed) throw rateLimited(limit.retryAfterMs, `from ${req.remoteAddress}`);
  const room = await openRoom(ctx.db);
  if (!room || room.sessionStatus !== 'in_progress')
    throw new CoreError('FORBIDDEN_STATE', 'Meeting-room mode is not on: ask the secretary to start it', { reason: 'noRoom' });
  if (!/^\d{6}$/.test(req.code) || !sameCode(req.code, room.pairingCode)) {
    await auditRefusal(ctx, room, req.remoteAddress, 'code');
    await countFailure(ctx, room, req.remoteAddress);
    throw new CoreError('WRONG_CODE', "The pairing code is not right: type the 6 digits shown on the secretary's screen", {
      reason: 'wrong',
    });
  }
  if (Date.parse(room.codeExpiresAt) <= ctx.now().getTime()) {
    await auditRefusal(ctx, room, req.remoteAddress, 'codeExpired');
    throw new CoreError('WRONG_CODE', 'This pairing code has expired: ask the secretary for a new one', { reason: 'expired' });
  }
  return room;
}

export interface PairingMember {
  memberId: number;
  fullName: string;
  hasPin: boolean;
}

/** Step 1: the code is right → the names to choose from (scoring members present, in list order). */
export async function pairingMembers(ctx: CoreContext, req: PairingRequest): Promise<PairingMember[]> {
  const room = await checkCode(ctx, req);
  const members = await sessionMembers(ctx.db, room.sessionId);
  return members
    .filter((m) => isScoringRole(m.role) && m.present !== false)
    .map((m) => ({ memberId: m.memberId, fullName: m.fullName, hasPin: m.hasPin }));
}

export function deviceKind(userAgent: string, screen?: { width: number; height: number }): DeviceKind {
  if (screen && screen.width > 0 && screen.height > 0) {
    const short = Math.min(screen.width, screen.height);
    if (short < 600) return 'phone';
    if (short < 1100 && /Mobi|Android|iPad|iPhone|Tablet|Touch/i.test(userAgent)) return 'tablet';
    if (short < 900) return 'tablet';
    return 'laptop';
  }
  if (/iPad|Tablet/i.test(userAgent) || (/Android/i.test(userAgent) && !/Mobile/i.test(userAgent))) return 'tablet';
  if (/Mobi|iPhone|Android/i.test(userAgent)) return 'phone';
  return 'laptop';
}

/** "Chrome · Android": enough for the secretary to tell two devices of a member apart. */
export function deviceLabel(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /SamsungBrowser/.test(userAgent)
      ? 'Samsung Internet'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : 'Trình duyệt';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} · ${os}` : browser;
}

export interface Paired {
  token: string;
  deviceId: number;
  memberId: number;
  memberName: string;
  sessionId: number;
}

/** Step 2: code, member and PIN → a device credential bound to member + session + room. */
export async function pairDevice(ctx: CoreContext, req: PairingRequest & { memberId: number; pin: string }): Promise<Paired> {
  const room = await checkCode(ctx, req);
  const l = limiters(ctx);
  const member = (await sessionMembers(ctx.db, room.sessionId)).find((m) => m.memberId === req.memberId);
  if (!member || !isScoringRole(member.role) || member.present === false)
    throw new CoreError('NOT_FOUND', `Member ${req.memberId} does not score in this session`, { memberId: req.memberId });
  const memberLimit = l.member.check(String(member.memberId));
  if (!memberLimit.allowed) throw rateLimited(memberLimit.retryAfterMs, `for ${member.fullName}`);
  if (member.pinHash === null)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${member.fullName} has no PIN yet; the secretary sets one on the scoring screen before this device can pair`,
      { reason: 'noPin', memberId: member.memberId },
    );
  if (!/^\d{4,8}$/.test(req.pin) || !verifyPin(req.pin, member.pinHash)) {
    await auditRefusal(ctx, room, req.remoteAddress, 'pin', { memberId: member.memberId });
    await countFailure(ctx, room, req.remoteAddress, member.memberId);
    throw new CoreError('WRONG_PIN', `The PIN entered for ${member.fullName} is not right; try again or ask the secretary`, {
      memberId: member.memberId,
    });
  }
  l.member.succeed(String(member.memberId));
  l.address.succeed(req.remoteAddress);
  const kind = deviceKind(req.userAgent, req.screen);
  const label = deviceLabel(req.userAgent);
  return ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    // The id goes into the credential, so the row is written first with a placeholder hash.
    const { id } = await trx
      .insertInto('room_device')
      .values({
        room_id: room.id,
        session_id: room.sessionId,
        member_id: member.memberId,
        secret_hash: newCredential(0).secretHash,
        kind,
        label,
        remote_address: req.remoteAddress,
        paired_at: at,
        last_seen_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { token, secretHash } = newCredential(id);
    await trx.updateTable('room_device').set({ secret_hash: secretHash }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.now(), {
      actor: member.fullName,
      action: 'room.pair',
      entity: 'room_device',
      entityId: id,
      after: {
        roomId: room.id,
        sessionId: room.sessionId,
        memberId: member.memberId,
        kind,
        label,
        remoteAddress: req.remoteAddress,
      },
    });
    return { token, deviceId: id, memberId: member.memberId, memberName: member.fullName, sessionId: room.sessionId };
  });
}
