import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CouncilLevel } from '../../../shared/api/channels/councils';
import type { Session, SessionDetail, SessionKind, SessionListItem, SessionStatus } from '../../../shared/api/channels/sessions';
import { rulesById } from '../councils/rules-repo';
import type { DB } from '../db/schema';
import type { SessionTable } from '../db/tables/councils';
import { notFound } from '../errors';

/**
 * A session as every area reads it (issue 12: one read model instead of a loader per area): the
 * session itself, its council, its evaluation round and the rules version it runs under. The
 * sessions, scoring, room, results and documents areas all load it with `getSession`.
 */
export interface SessionFacts extends Session {
  council: SessionDetail['council'];
  round: SessionDetail['round'];
  rules: SessionDetail['rules'];
}

const toSession = (r: Selectable<SessionTable>): Session => ({
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

/** Sessions with their council (`c`) and round (`er`) joined. */
const sessionsJoined = (db: Kysely<DB>) =>
  db
    .selectFrom('session as s')
    .innerJoin('council as c', 'c.id', 's.council_id')
    .innerJoin('evaluation_round as er', 'er.id', 's.round_id')
    .selectAll('s');

/** The session (NOT_FOUND naming it when it does not exist), with its council, round and rules. */
export async function getSession(db: Kysely<DB>, id: number): Promise<SessionFacts> {
  const r = await sessionsJoined(db)
    .select([
      'c.name as council_name',
      'c.level as council_level',
      'c.place_name as council_place_name',
      'c.doc_symbol as council_doc_symbol',
      'er.name as round_name',
      'er.year as round_year',
      'er.number as round_number',
      'er.legal_basis as round_legal_basis',
      'er.end_date as round_end_date',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Session', id);
  return {
    ...toSession(r),
    council: {
      id: r.council_id,
      name: r.council_name,
      level: r.council_level as CouncilLevel,
      placeName: r.council_place_name,
      docSymbol: r.council_doc_symbol,
    },
    round: {
      id: r.round_id,
      name: r.round_name,
      year: r.round_year,
      number: r.round_number,
      legalBasis: r.round_legal_basis,
      deadline: r.round_end_date,
    },
    rules: await rulesById(db, r.rules_id),
  };
}

/** The session's own fields, without the council, round and rules (what its audit events record). */
export function sessionOnly(f: SessionFacts): Session {
  const { council: _council, round: _round, rules: _rules, ...session } = f;
  return session;
}

export async function listSessions(
  db: Kysely<DB>,
  f: { councilId?: number; roundId?: number; status?: SessionStatus },
): Promise<SessionListItem[]> {
  let q = sessionsJoined(db)
    .select([
      'c.name as council_name',
      'er.name as round_name',
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

/** registration id → member ids recused from it in the session. */
export async function recusalsOf(db: Kysely<DB>, sessionId: number): Promise<Map<number, Set<number>>> {
  const rows = await db
    .selectFrom('session_conflict')
    .select(['registration_id', 'member_id'])
    .where('session_id', '=', sessionId)
    .execute();
  const out = new Map<number, Set<number>>();
  for (const r of rows) {
    if (!out.has(r.registration_id)) out.set(r.registration_id, new Set());
    out.get(r.registration_id)!.add(r.member_id);
  }
  return out;
}

/** One member as listed for a session (role and attendance), or undefined when the session does not list them. */
export async function listedMemberOf(
  db: Kysely<DB>,
  sessionId: number,
  memberId: number,
): Promise<{ fullName: string; role: string; present: boolean | null; absenceReason: string | null } | undefined> {
  const r = await db
    .selectFrom('session_attendance as a')
    .innerJoin('council_member as m', 'm.id', 'a.member_id')
    .select(['m.full_name', 'm.role', 'a.present', 'a.absence_reason'])
    .where('a.session_id', '=', sessionId)
    .where('a.member_id', '=', memberId)
    .executeTakeFirst();
  return (
    r && {
      fullName: r.full_name,
      role: r.role,
      present: r.present === null ? null : r.present === 1,
      absenceReason: r.absence_reason,
    }
  );
}
