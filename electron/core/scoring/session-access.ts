import type { Kysely } from 'kysely';
import type { Session } from '../../../shared/api/channels/sessions';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { recusalsOf } from '../sessions/session-repo';
import { verifyPin } from './member-pin';

/**
 * Who may score what in a session: the members listed for the session in a scoring role, not
 * recorded absent, on the products of the agenda they are not recused from. Reads the councils
 * and dossiers tables by name; every refusal names the member, product and what to do.
 */

/** Roles that score products; the non-member Thư ký does not (same list as councils' VOTING_ROLES). */
export const SCORING_ROLES = ['chair', 'vice_chair', 'member', 'member_secretary'] as const;
export const isScoringRole = (role: string): boolean => (SCORING_ROLES as readonly string[]).includes(role);

export function assertScoringOpen(s: Pick<Session, 'id' | 'status'>, what = 'scores'): void {
  if (s.status !== 'in_progress') {
    const why =
      s.status === 'preparing'
        ? 'it is still in preparation; open the session first'
        : s.status === 'closed'
          ? 'it is closed; reopen it for more scoring first'
          : 'it is finalized and never changes';
    throw new CoreError('FORBIDDEN_STATE', `Session ${s.id} does not accept ${what}: ${why}`, {
      sessionId: s.id,
      status: s.status,
    });
  }
}

export interface SessionMemberRow {
  memberId: number;
  fullName: string;
  role: string;
  position: number;
  present: boolean | null;
  hasPin: boolean;
  pinHash: string | null;
}

/** Members listed for the session, in list order (all roles). */
export async function sessionMembers(db: Kysely<DB>, sessionId: number): Promise<SessionMemberRow[]> {
  const rows = await db
    .selectFrom('session_attendance as a')
    .innerJoin('council_member as m', 'm.id', 'a.member_id')
    .select(['a.member_id', 'm.full_name', 'm.role', 'a.position', 'a.present', 'm.pin_hash'])
    .where('a.session_id', '=', sessionId)
    .orderBy('a.position')
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    fullName: r.full_name,
    role: r.role,
    position: r.position,
    present: r.present === null ? null : r.present === 1,
    hasPin: r.pin_hash !== null,
    pinHash: r.pin_hash,
  }));
}

/** The member as a scorer of this session, or a refusal saying why not. */
export async function scoringMember(db: Kysely<DB>, sessionId: number, memberId: number): Promise<SessionMemberRow> {
  const m = (await sessionMembers(db, sessionId)).find((x) => x.memberId === memberId);
  if (!m)
    throw new CoreError(
      'NOT_FOUND',
      `Member ${memberId} is not listed for session ${sessionId}; only members listed for the session score`,
      { sessionId, memberId },
    );
  if (!isScoringRole(m.role))
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${m.fullName} is the council's secretary (Thư ký) and does not score products; enter paper sheets for members instead`,
      { memberId },
    );
  if (m.present === false)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${m.fullName} is recorded absent from session ${sessionId}; record them present first`,
      { memberId },
    );
  return m;
}

/** Checks the PIN when the member has one. */
export function checkPin(m: SessionMemberRow, pin: string | undefined): void {
  if (m.pinHash === null) return;
  if (pin === undefined || pin === '')
    throw new CoreError('WRONG_PIN', `${m.fullName} has a PIN; enter it to open their sheets`, {
      memberId: m.memberId,
      missing: true,
    });
  if (!verifyPin(pin, m.pinHash))
    throw new CoreError(
      'WRONG_PIN',
      `The PIN entered for ${m.fullName} is not right; try again or ask the secretary to reset it`,
      { memberId: m.memberId },
    );
}

export interface AgendaRow {
  registrationId: number;
  position: number;
  registrationNo: string;
  productName: string;
  productCode: string;
  producerName: string;
  criteriaSetVersionId: number;
  criteriaSetName: string;
}

export async function agendaOf(db: Kysely<DB>, sessionId: number): Promise<AgendaRow[]> {
  const rows = await db
    .selectFrom('session_agenda_item as i')
    .innerJoin('registration as r', 'r.id', 'i.registration_id')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .innerJoin('criteria_set_version as v', 'v.id', 'r.criteria_set_version_id')
    .select([
      'i.registration_id',
      'i.position',
      'r.registration_no',
      'p.name as product_name',
      'p.product_code',
      'pr.name as producer_name',
      'r.criteria_set_version_id',
      'v.name as set_name',
    ])
    .where('i.session_id', '=', sessionId)
    .orderBy('i.position')
    .execute();
  return rows.map((r) => ({
    registrationId: r.registration_id,
    position: r.position,
    registrationNo: r.registration_no,
    productName: r.product_name,
    productCode: r.product_code,
    producerName: r.producer_name,
    criteriaSetVersionId: r.criteria_set_version_id,
    criteriaSetName: r.set_name,
  }));
}

/** The agenda item, refusing a product off the agenda or one the member is recused from. */
export async function assignedItem(
  db: Kysely<DB>,
  sessionId: number,
  registrationId: number,
  m: SessionMemberRow,
): Promise<AgendaRow> {
  const item = (await agendaOf(db, sessionId)).find((a) => a.registrationId === registrationId);
  if (!item)
    throw new CoreError(
      'NOT_FOUND',
      `Registration ${registrationId} is not on the agenda of session ${sessionId}; add it to the agenda first`,
      { sessionId, registrationId },
    );
  const recused = (await recusalsOf(db, sessionId)).get(registrationId);
  if (recused?.has(m.memberId)) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${m.fullName} declared a conflict of interest for "${item.productName}" and does not score it`,
      { sessionId, registrationId, memberId: m.memberId },
    );
  }
  return item;
}

/** The re-scoring round now open for each product of the session (0 when none was opened). */
export async function currentRounds(db: Kysely<DB>, sessionId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('score_rescoring_round')
    .select(['registration_id', (eb) => eb.fn.max('round_no').as('round')])
    .where('session_id', '=', sessionId)
    .groupBy('registration_id')
    .execute();
  return new Map(rows.map((r) => [r.registration_id, Number(r.round)]));
}

export async function currentRound(db: Kysely<DB>, sessionId: number, registrationId: number): Promise<number> {
  return (await currentRounds(db, sessionId)).get(registrationId) ?? 0;
}
