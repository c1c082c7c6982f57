import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Session, SessionKind, SessionListItem, SessionStatus } from '../../../shared/api/channels/sessions';
import type { DB } from '../db/schema';
import type { SessionTable } from '../db/tables/councils';
import { notFound } from '../errors';

export type SessionRow = Selectable<SessionTable>;

export const toSession = (r: SessionRow): Session => ({
  id: r.id,
  councilId: r.council_id,
  roundId: r.round_id,
  kind: r.kind as SessionKind,
  number: r.number,
  title: r.title,
  date: r.date,
  place: r.place,
  startTime: r.start_time,
  endTime: r.end_time,
  opinionDeadline: r.opinion_deadline,
  chairMemberId: r.chair_member_id,
  secretaryMemberId: r.secretary_member_id,
  rulesId: r.rules_id,
  status: r.status as SessionStatus,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  finalizedAt: r.finalized_at,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function getSessionRow(db: Kysely<DB>, id: number): Promise<SessionRow> {
  const row = await db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Session', id);
  return row;
}

export async function listSessions(
  db: Kysely<DB>,
  f: { councilId?: number; roundId?: number; status?: SessionStatus },
): Promise<SessionListItem[]> {
  let q = db
    .selectFrom('session as s')
    .innerJoin('council as c', 'c.id', 's.council_id')
    .innerJoin('evaluation_round as r', 'r.id', 's.round_id')
    .selectAll('s')
    .select([
      'c.name as council_name',
      'r.name as round_name',
      sql<number>`(SELECT count(*) FROM session_agenda_item i WHERE i.session_id = s.id)`.as('agenda_count'),
      sql<number>`(SELECT count(*) FROM session_attendance a JOIN council_member m ON m.id = a.member_id WHERE a.session_id = s.id AND m.role <> 'secretary')`.as(
        'voting_count',
      ),
      sql<number>`(SELECT count(*) FROM session_attendance a JOIN council_member m ON m.id = a.member_id WHERE a.session_id = s.id AND m.role <> 'secretary' AND a.present = 1)`.as(
        'present_count',
      ),
    ])
    .orderBy('s.date', 'desc')
    .orderBy('s.id', 'desc');
  if (f.councilId !== undefined) q = q.where('s.council_id', '=', f.councilId);
  if (f.roundId !== undefined) q = q.where('s.round_id', '=', f.roundId);
  if (f.status !== undefined) q = q.where('s.status', '=', f.status);
  const rows = await q.execute();
  return rows.map((r) => ({
    ...toSession(r),
    councilName: r.council_name,
    roundName: r.round_name,
    agendaCount: r.agenda_count,
    votingMemberCount: r.voting_count,
    presentVotingCount: r.present_count,
  }));
}

/** A council's sessions under way (in progress or closed), by date: a rules change reaches them. */
export async function sessionsUnderWay(
  db: Kysely<DB>,
  councilId: number,
): Promise<Pick<Session, 'id' | 'number' | 'status' | 'date'>[]> {
  const rows = await db
    .selectFrom('session')
    .select(['id', 'number', 'status', 'date'])
    .where('council_id', '=', councilId)
    .where('status', 'in', ['in_progress', 'closed'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as SessionStatus }));
}

/** Moves every session of a council that is not finalized onto a rules version; returns their ids. */
export async function moveOpenSessionsToRules(
  trx: Transaction<DB>,
  councilId: number,
  rulesId: number,
  at: string,
): Promise<number[]> {
  const moved = await trx
    .updateTable('session')
    .set({ rules_id: rulesId, updated_at: at })
    .where('council_id', '=', councilId)
    .where('status', '<>', 'finalized')
    .returning('id')
    .execute();
  return moved.map((s) => s.id);
}
