import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CouncilMember, MemberRole } from '../../../shared/api/channels/councils';
import { foldForSearch } from '../../../shared/text/normalize';
import type { DB } from '../db/schema';
import type { CouncilMemberTable } from '../db/tables/councils';
import { notFound } from '../errors';

/** One membership period of a council (a person in one role from one date), as the core reads it. */
export type MemberPeriod = Omit<CouncilMember, 'usedInSession'>;

/** Roles that count for quorum and score products; the non-member Thư ký does neither. */
export const VOTING_ROLES: readonly MemberRole[] = ['chair', 'vice_chair', 'member', 'member_secretary'];
export const isVotingRole = (role: string): boolean => (VOTING_ROLES as readonly string[]).includes(role);

/** A period [activeFrom, activeTo) covers `date` (ISO dates compare as strings). */
export const isActiveOn = (m: { activeFrom: string; activeTo: string | null }, date: string): boolean =>
  m.activeFrom <= date && (m.activeTo === null || m.activeTo > date);

const toPeriod = (r: Selectable<CouncilMemberTable>): MemberPeriod => ({
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
});

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

/** Every membership period of a council, in list order (then by start date, so history reads down). */
export async function listMemberPeriods(db: Kysely<DB>, councilId: number): Promise<MemberPeriod[]> {
  const rows = await db
    .selectFrom('council_member')
    .selectAll()
    .where('council_id', '=', councilId)
    .orderBy('sort_order')
    .orderBy('active_from')
    .orderBy('id')
    .execute();
  return rows.map(toPeriod);
}

/** Every membership period, with whether a session past preparation lists it (the council screen). */
export async function listMembers(db: Kysely<DB>, councilId: number): Promise<CouncilMember[]> {
  const periods = await listMemberPeriods(db, councilId);
  const used = await usedMemberIds(
    db,
    periods.map((p) => p.id),
  );
  return periods.map((p) => ({ ...p, usedInSession: used.has(p.id) }));
}

export async function getMemberPeriod(db: Kysely<DB>, id: number): Promise<MemberPeriod> {
  const row = await db.selectFrom('council_member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Council member', id);
  return toPeriod(row);
}

/** The member's scoring PIN hash: null when they have none, undefined when there is no such member. */
export async function memberPinHash(db: Kysely<DB>, id: number): Promise<string | null | undefined> {
  return (await db.selectFrom('council_member').select('pin_hash').where('id', '=', id).executeTakeFirst())?.pin_hash;
}

export async function setMemberPinHash(trx: Transaction<DB>, id: number, hash: string | null): Promise<void> {
  await trx.updateTable('council_member').set({ pin_hash: hash }).where('id', '=', id).execute();
}

export async function isMemberUsed(db: Kysely<DB>, id: number): Promise<boolean> {
  return (await usedMemberIds(db, [id])).has(id);
}

/** Members of a council active on a date, in list order. */
export async function activeMembers(db: Kysely<DB>, councilId: number, date: string): Promise<MemberPeriod[]> {
  const rows = await db
    .selectFrom('council_member')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('active_from', '<=', date)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>', date)]))
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(toPeriod);
}

/** Every chair period of a council (a council has one chair at a time: member-rules.ts). */
export async function chairPeriods(db: Kysely<DB>, councilId: number): Promise<MemberPeriod[]> {
  const rows = await db
    .selectFrom('council_member')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('role', '=', 'chair')
    .execute();
  return rows.map(toPeriod);
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

export async function insertMember(trx: Transaction<DB>, m: MemberWrite, at: string): Promise<number> {
  const sortOrder =
    m.sortOrder ??
    ((
      await trx
        .selectFrom('council_member')
        .select(sql<number>`coalesce(max(sort_order), 0)`.as('max'))
        .where('council_id', '=', m.councilId)
        .executeTakeFirstOrThrow()
    ).max ?? 0) + 1;
  const res = await trx
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

/** Rewrites a period's identity (a typo fix; the service refuses it once the period is history). */
export async function correctMemberPeriod(
  trx: Transaction<DB>,
  id: number,
  p: Pick<MemberPeriod, 'fullName' | 'office' | 'position' | 'activeFrom'>,
): Promise<void> {
  await trx
    .updateTable('council_member')
    .set({
      full_name: p.fullName,
      full_name_folded: foldForSearch(p.fullName),
      office: p.office,
      position: p.position,
      active_from: p.activeFrom,
    })
    .where('id', '=', id)
    .execute();
}

/** Ends a period on `activeTo` (the first day it no longer covers). */
export async function endMemberPeriod(trx: Transaction<DB>, id: number, activeTo: string, reason: string | null): Promise<void> {
  await trx.updateTable('council_member').set({ active_to: activeTo, end_reason: reason }).where('id', '=', id).execute();
}

/** Puts the listed periods in this order (1, 2, 3 …). */
export async function setMemberOrder(trx: Transaction<DB>, memberIds: readonly number[]): Promise<void> {
  for (const [i, memberId] of memberIds.entries()) {
    await trx
      .updateTable('council_member')
      .set({ sort_order: i + 1 })
      .where('id', '=', memberId)
      .execute();
  }
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

/** What the audit log records of a period. */
export const memberSnapshot = (p: MemberPeriod) => ({
  id: p.id,
  fullName: p.fullName,
  office: p.office,
  position: p.position,
  role: p.role,
  sortOrder: p.sortOrder,
  activeFrom: p.activeFrom,
  activeTo: p.activeTo,
  previousId: p.previousId,
});
