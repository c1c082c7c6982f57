import type { Kysely } from 'kysely';
import type { QuorumProblem, QuorumView } from '../../../shared/api/channels/sessions';
import {
  evaluateQuorum,
  type CouncilRole,
  type PanelMember,
  type QuorumResult,
  type QuorumRule,
} from '../../../shared/ocop/quorum';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { getSession, recusalsOf, type SessionFacts } from './session-repo';

export interface SessionPanel {
  rule: QuorumRule;
  /** The presiding member: the session's chair when set, else the council's Chủ tịch. */
  chairId: number | null;
  members: { id: number; role: CouncilRole; present: boolean }[];
  /** registrationId → member ids recused from it. */
  recusals: Map<number, Set<number>>;
  agenda: number[];
}

/** Reads what the quorum depends on: the session's listed members, their attendance, recusals and rules. */
export async function loadSessionPanel(db: Kysely<DB>, s: SessionFacts): Promise<SessionPanel> {
  const sessionId = s.id;
  const rules = s.rules;
  const members = await db
    .selectFrom('session_attendance as a')
    .innerJoin('council_member as m', 'm.id', 'a.member_id')
    .select(['m.id', 'm.role', 'a.present'])
    .where('a.session_id', '=', sessionId)
    .orderBy('a.position')
    .execute();
  const agenda = await db
    .selectFrom('session_agenda_item')
    .select('registration_id')
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
  const recusals = await recusalsOf(db, sessionId);
  const listed = members.map((m) => ({ id: m.id, role: m.role as CouncilRole, present: m.present === 1 }));
  // A session chair who is not a voting member of the list cannot preside; fall back to the council chair.
  const chairId =
    s.chairMemberId !== null && listed.some((m) => m.id === s.chairMemberId && m.role !== 'secretary') ? s.chairMemberId : null;
  return {
    rule: { numerator: rules.quorumNumerator, denominator: rules.quorumDenominator, chairRequired: rules.chairRequired },
    chairId,
    members: listed,
    recusals,
    agenda: agenda.map((a) => a.registration_id),
  };
}

function view(r: QuorumResult): QuorumView {
  const problems: QuorumProblem[] = [];
  if (r.missing.includes('members')) problems.push('too_few_members');
  if (r.missing.includes('chair'))
    problems.push(r.chairId === null ? 'no_chair_in_council' : r.chairRecused ? 'chair_recused' : 'chair_absent');
  return {
    met: r.met,
    votingMembers: r.councilSize,
    participating: r.participating,
    required: r.needed,
    numerator: r.rule.numerator,
    denominator: r.rule.denominator,
    chairRequired: r.rule.chairRequired,
    chairId: r.chairId,
    chairParticipating: r.chairPresent && !r.chairRecused,
    recused: r.recusedIds.length,
    scorerIds: [...r.scorerIds],
    absentIds: [...r.absentIds],
    recusedIds: [...r.recusedIds],
    problems,
  };
}

const panelFor = (p: SessionPanel, registrationId: number | null): PanelMember[] =>
  p.members.map((m) => ({ ...m, recused: registrationId !== null && (p.recusals.get(registrationId)?.has(m.id) ?? false) }));

/** The meeting as a whole (nobody recused): what opening a meeting needs. */
export const sessionQuorum = (p: SessionPanel): QuorumView =>
  view(evaluateQuorum(panelFor(p, null), p.rule, { chairId: p.chairId }));

/** One product, after the recusals declared for it. */
export const productQuorum = (p: SessionPanel, registrationId: number): QuorumView =>
  view(evaluateQuorum(panelFor(p, registrationId), p.rule, { chairId: p.chairId }));

/** English sentence citing the rule, e.g. "6/9 voting members take part, at least 7 (3/4) needed, and the chair must take part". */
export function quorumShortfallMessage(q: QuorumView, what: string): string {
  const parts: string[] = [];
  if (q.problems.includes('too_few_members'))
    parts.push(
      `${q.participating}/${q.votingMembers} voting members take part, at least ${q.required} (${q.numerator}/${q.denominator}) are needed`,
    );
  if (q.problems.includes('chair_absent')) parts.push('the chair must attend and is not marked present');
  if (q.problems.includes('chair_recused'))
    parts.push('the chair must take part and has declared a conflict of interest for this product');
  if (q.problems.includes('no_chair_in_council'))
    parts.push('the rules require the chair, but no chair is listed for this session');
  return `Quorum not met for ${what}: ${parts.join('; ')}`;
}

/**
 * For the scoring and results areas: refuses (FORBIDDEN_STATE) when a product of a session has
 * no quorum after recusals, citing the rule. Returns the quorum (with the ids of who scores).
 */
export async function assertProductQuorum(db: Kysely<DB>, sessionId: number, registrationId: number): Promise<QuorumView> {
  const panel = await loadSessionPanel(db, await getSession(db, sessionId));
  if (!panel.agenda.includes(registrationId)) {
    throw new CoreError('NOT_FOUND', `Registration ${registrationId} is not on the agenda of session ${sessionId}`, {
      sessionId,
      registrationId,
    });
  }
  const q = productQuorum(panel, registrationId);
  if (!q.met)
    throw new CoreError('FORBIDDEN_STATE', quorumShortfallMessage(q, `registration ${registrationId}`), {
      rule: 'quorum',
      sessionId,
      registrationId,
      quorum: q,
    });
  return q;
}
