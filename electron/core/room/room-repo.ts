import type { Kysely, Transaction } from 'kysely';
import type { DeviceKind, RoomDevice } from '../../../shared/api/channels/room';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export interface RoomRow {
  id: number;
  sessionId: number;
  sessionTitle: string;
  sessionStatus: string;
  address: string;
  port: number;
  protocol: 'https' | 'http';
  fingerprint: string | null;
  pairingCode: string;
  codeExpiresAt: string;
  startedAt: string;
  startedBy: string;
}

/** The room currently open (at most one, by a unique index), with its session's title and status. */
export async function openRoom(db: Db): Promise<RoomRow | null> {
  const r = await db
    .selectFrom('room as r')
    .innerJoin('session as s', 's.id', 'r.session_id')
    .select([
      'r.id',
      'r.session_id',
      's.title',
      's.status',
      'r.address',
      'r.port',
      'r.protocol',
      'r.fingerprint',
      'r.pairing_code',
      'r.code_expires_at',
      'r.started_at',
      'r.started_by',
    ])
    .where('r.stopped_at', 'is', null)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionTitle: r.title,
    sessionStatus: r.status,
    address: r.address,
    port: r.port,
    protocol: r.protocol === 'http' ? 'http' : 'https',
    fingerprint: r.fingerprint,
    pairingCode: r.pairing_code,
    codeExpiresAt: r.code_expires_at,
    startedAt: r.started_at,
    startedBy: r.started_by,
  };
}

export async function roomDevices(db: Db, roomId: number): Promise<RoomDevice[]> {
  const rows = await db
    .selectFrom('room_device as d')
    .innerJoin('council_member as m', 'm.id', 'd.member_id')
    .select([
      'd.id',
      'd.member_id',
      'm.full_name',
      'd.kind',
      'd.label',
      'd.paired_at',
      'd.last_seen_at',
      'd.unsent',
      'd.revoked_at',
    ])
    .where('d.room_id', '=', roomId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    memberName: r.full_name,
    kind: r.kind as DeviceKind,
    label: r.label,
    pairedAt: r.paired_at,
    lastSeenAt: r.last_seen_at,
    unsent: r.unsent,
    revokedAt: r.revoked_at,
  }));
}

export interface DeviceRow {
  id: number;
  roomId: number;
  sessionId: number;
  memberId: number;
  memberName: string;
  secretHash: string;
  lastSeenAt: string;
  revokedAt: string | null;
  roomStoppedAt: string | null;
  sessionStatus: string;
}

export async function deviceById(db: Db, id: number): Promise<DeviceRow | null> {
  const r = await db
    .selectFrom('room_device as d')
    .innerJoin('room as r', 'r.id', 'd.room_id')
    .innerJoin('session as s', 's.id', 'd.session_id')
    .innerJoin('council_member as m', 'm.id', 'd.member_id')
    .select([
      'd.id',
      'd.room_id',
      'd.session_id',
      'd.member_id',
      'm.full_name',
      'd.secret_hash',
      'd.last_seen_at',
      'd.revoked_at',
      'r.stopped_at',
      's.status',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    roomId: r.room_id,
    sessionId: r.session_id,
    memberId: r.member_id,
    memberName: r.full_name,
    secretHash: r.secret_hash,
    lastSeenAt: r.last_seen_at,
    revokedAt: r.revoked_at,
    roomStoppedAt: r.stopped_at,
    sessionStatus: r.status,
  };
}
