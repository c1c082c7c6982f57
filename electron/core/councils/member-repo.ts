import { sql, type Kysely, type Selectable } from 'kysely';
import type { CouncilMember, MemberRole } from '../../../shared/api/channels/councils';
import { foldForSearch } from '../../../shared/text/normalize';
import type { DB } from '../db/schema';
import type { CouncilMemberTable } from '../db/tables/councils';
import { notFound } from '../errors';

export type MemberRow = Selectable<CouncilMemberTable>;

/** Roles that count for quorum and score products; the non-member Thư ký does neither. */
export const VOTING_ROLES: readonly MemberRole[] = ['chair', 'vice_chair', 'member', 'member_secretary'];
export const isVotingRole = (role: string): boolean => (VOTING_ROLES as readonly string[]).includes(role);

/** A period [active_from, active_to) covers `date` (ISO dates compare as strings). */
export const isActiveOn = (m: { active_from: string; active_to: string | null }, date: string): boolean =>
  m.active_from <= date && (m.active_to === null || m.active_to > date);

/** Periods that appear in a session past preparation: their identity is history and is frozen. */
async function usedMemberIds(db: Kysely<DB>, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('session_attendance as a')
    .innerJoin('session as s', 's.id', 'a.session_id')
    .select('a.member_id')
    .distinct()
    .where('a.member_id', 'in', ids)
    .where('s.status', '<>', 'preparing')
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

const toMember = (r: MemberRow, used: Set<number>): CouncilMember => ({
  id: r.id,
  councilId: r.council_id,
  fullName: r.full_name,
  office: r.office,
  position: r.position,
  role: r.role as MemberRole,
  sortOrder: r.sort_order,
  activeFrom: r.active_from,
  activeTo: r.active_to,
  previousId: r.previous_id,
  endReason: r.end_reason,
  usedInSession: used.has(r.id),
});

/** Every membership period of a council, in list order (then by start date, so history reads down). */
export async function listMemberRows(db: Kysely<DB>, councilId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('council_member')
    .selectAll()
    .where('council_id', '=', councilId)
    .orderBy('sort_order')
    .orderBy('active_from')
    .orderBy('id')
    .execute();
}

export async function listMembers(db: Kysely<DB>, councilId: number): Promise<CouncilMember[]> {
  const rows = await listMemberRows(db, councilId);
  const used = await usedMemberIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toMember(r, used));
}

export async function getMemberRow(db: Kysely<DB>, id: number): Promise<MemberRow> {
  const row = await db.selectFrom('council_member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Council member', id);
  return row;
}

export async function isMemberUsed(db: Kysely<DB>, id: number): Promise<boolean> {
  return (await usedMemberIds(db, [id])).has(id);
}

/** Members of a council active on a date, in list order. */
export async function activeMemberRows(db: Kysely<DB>, councilId: number, date: string): Promise<MemberRow[]> {
  return db
    .selectFrom('council_member')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('active_from', '<=', date)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>', date)]))
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export interface MemberWrite {
  councilId: number;
  fullName: string;
  office: string;
  position: string;
  role: MemberRole;
  activeFrom: string;
  sortOrder?: number;
  previousId?: number | null;
}

export async function insertMember(db: Kysely<DB>, m: MemberWrite, at: string): Promise<number> {
  const sortOrder =
    m.sortOrder ??
    ((
      await db
        .selectFrom('council_member')
        .select(sql<number>`coalesce(max(sort_order), 0)`.as('max'))
        .where('council_id', '=', m.councilId)
        .executeTakeFirstOrThrow()
    ).max ?? 0) + 1;
  const res = await db
    .insertInto('council_member')
    .values({
      council_id: m.councilId,
      full_name: m.fullName,
      full_name_folded: foldForSearch(m.fullName),
      office: m.office,
      position: m.position,
      role: m.role,
      sort_order: sortOrder,
      active_from: m.activeFrom,
      active_to: null,
      previous_id: m.previousId ?? null,
      end_reason: null,
      pin_hash: null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return res.id;
}

/** Latest session date (past preparation) in which this member period was listed, if any. */
export async function lastSessionDateOf(
  db: Kysely<DB>,
  memberId: number,
): Promise<{ date: string; sessionId: number } | undefined> {
  return db
    .selectFrom('session_attendance as a')
    .innerJoin('session as s', 's.id', 'a.session_id')
    .select(['s.date as date', 's.id as sessionId'])
    .where('a.member_id', '=', memberId)
    .where('s.status', '<>', 'preparing')
    .orderBy('s.date', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export const publicMember = toMember;
export const memberSnapshot = (r: MemberRow) => ({
  id: r.id,
  fullName: r.full_name,
  office: r.office,
  position: r.position,
  role: r.role,
  sortOrder: r.sort_order,
  activeFrom: r.active_from,
  activeTo: r.active_to,
  previousId: r.previous_id,
});
