import type { Kysely } from 'kysely';
import type { SessionDetail, SessionMember } from '../../../shared/api/channels/sessions';
import { SESSION_TRANSITIONS, sessionPermissions, type SessionStatusValue } from '../../../shared/ocop/session-status';
import { isVotingRole } from '../councils/member-repo';
import { rulesById } from '../councils/rules-repo';
import type { DB } from '../db/schema';
import type { MemberRole } from '../../../shared/api/channels/councils';
import { agendaItems } from './agenda-repo';
import { loadSessionPanel, productQuorum, sessionQuorum } from './session-quorum';
import { openBlockers } from './session-readiness';
import { getSessionRow, toSession } from './session-repo';

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
  const row = await getSessionRow(db, id);
  const session = toSession(row);
  const [council, round, rules, members, agenda, conflicts, panel] = await Promise.all([
    db
      .selectFrom('council')
      .select(['id', 'name', 'level', 'place_name', 'doc_symbol'])
      .where('id', '=', row.council_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('evaluation_round')
      .select(['id', 'name', 'year', 'number', 'legal_basis', 'end_date'])
      .where('id', '=', row.round_id)
      .executeTakeFirstOrThrow(),
    rulesById(db, row.rules_id),
    sessionMembers(db, id),
    agendaItems(db, id),
    db.selectFrom('session_conflict').selectAll().where('session_id', '=', id).orderBy('id').execute(),
    loadSessionPanel(db, id),
  ]);
  const status = session.status as SessionStatusValue;
  const perm = sessionPermissions(status);
  const sq = sessionQuorum(panel);
  const blockers = status === 'preparing' ? openBlockers(row, members, agenda.length, sq) : [];
  const warnings: SessionDetail['warnings'] = [];
  if (round.end_date && row.date > round.end_date) {
    warnings.push({
      code: 'after_round_deadline',
      message: `the session date ${row.date} is after the end of the round (${round.end_date})`,
    });
  }
  if (Number(row.date.slice(0, 4)) !== round.year)
    warnings.push({
      code: 'outside_round_year',
      message: `the session date ${row.date} is not in the round's year ${round.year}`,
    });
  return {
    session,
    council: {
      id: council.id,
      name: council.name,
      level: council.level as SessionDetail['council']['level'],
      placeName: council.place_name,
      docSymbol: council.doc_symbol,
    },
    round: {
      id: round.id,
      name: round.name,
      year: round.year,
      number: round.number,
      legalBasis: round.legal_basis,
      deadline: round.end_date,
    },
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
