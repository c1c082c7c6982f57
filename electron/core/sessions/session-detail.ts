import type { Kysely } from 'kysely';
import type { SessionDetail, SessionMember } from '../../../shared/api/channels/sessions';
import { SESSION_TRANSITIONS, sessionPermissions, type SessionStatusValue } from '../../../shared/ocop/session-status';
import { isVotingRole } from '../councils/member-repo';
import type { DB } from '../db/schema';
import type { MemberRole } from '../../../shared/api/channels/councils';
import { agendaItems } from './agenda-repo';
import { loadSessionPanel, productQuorum, sessionQuorum } from './session-quorum';
import { openBlockers } from './session-readiness';
import { getSession, sessionOnly } from './session-repo';

/** The session's listed members in their frozen order, with role and attendance. */
export async function sessionMembers(db: Kysely<DB>, sessionId: number): Promise<SessionMember[]> {
  const rows = await db
    .selectFrom('session_attendance as a')
    .innerJoin('council_member as m', 'm.id', 'a.member_id')
    .select([
      'a.member_id',
      'a.position',
      'a.present',
      'a.absence_reason',
      'm.full_name',
      'm.office',
      'm.position as job',
      'm.role',
    ])
    .where('a.session_id', '=', sessionId)
    .orderBy('a.position')
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    order: r.position,
    fullName: r.full_name,
    office: r.office,
    position: r.job,
    role: r.role as MemberRole,
    votes: isVotingRole(r.role),
    present: r.present === null ? null : r.present === 1,
    absenceReason: r.absence_reason,
  }));
}

/** Everything about a session in one answer: what the preparation screen and the scoring area read. */
export async function sessionDetail(db: Kysely<DB>, id: number): Promise<SessionDetail> {
  const facts = await getSession(db, id);
  const { council, round, rules } = facts;
  const session = sessionOnly(facts);
  const [members, agenda, conflicts, panel] = await Promise.all([
    sessionMembers(db, id),
    agendaItems(db, id),
    db.selectFrom('session_conflict').selectAll().where('session_id', '=', id).orderBy('id').execute(),
    loadSessionPanel(db, facts),
  ]);
  const status = session.status as SessionStatusValue;
  const perm = sessionPermissions(status);
  const sq = sessionQuorum(panel);
  const blockers = status === 'preparing' ? openBlockers(session, members, agenda.length, sq) : [];
  const warnings: SessionDetail['warnings'] = [];
  if (round.deadline && session.date > round.deadline) {
    warnings.push({
      code: 'after_round_deadline',
      message: `the session date ${session.date} is after the end of the round (${round.deadline})`,
    });
  }
  if (Number(session.date.slice(0, 4)) !== round.year)
    warnings.push({
      code: 'outside_round_year',
      message: `the session date ${session.date} is not in the round's year ${round.year}`,
    });
  return {
    session,
    council,
    round,
    rules,
    members,
    agenda,
    conflicts: conflicts.map((c) => ({
      id: c.id,
      memberId: c.member_id,
      registrationId: c.registration_id,
      reason: c.reason,
      declaredAt: c.declared_at,
    })),
    quorum: {
      session: sq,
      products: agenda.map((a) => ({ registrationId: a.registrationId, quorum: productQuorum(panel, a.registrationId) })),
    },
    allowed: {
      editDetails: perm.editDetails,
      editAgenda: perm.editAgenda,
      editAttendance: perm.editAttendance,
      editConflicts: perm.editConflicts,
      delete: perm.delete,
      transitions: [...SESSION_TRANSITIONS[status]],
    },
    readiness: { canOpen: status === 'preparing' && blockers.length === 0, blockers },
    warnings,
  };
}
