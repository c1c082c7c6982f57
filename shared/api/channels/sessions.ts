import { z } from 'zod';
import { defineChannels } from '../define';
import { CouncilLevel, CouncilRules, MemberRole } from './councils';
import { IsoDateString, TimeString } from './councils-fields';

export const SessionStatus = z.enum(['preparing', 'in_progress', 'closed', 'finalized']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** 'written_opinion': lấy ý kiến bằng văn bản (Điều 7.6d, re-evaluation): members answer without meeting. */
export const SessionKind = z.enum(['meeting', 'written_opinion']);
export type SessionKind = z.infer<typeof SessionKind>;

export const Session = z.object({
  id: z.number().int(),
  councilId: z.number().int(),
  roundId: z.number().int(),
  kind: SessionKind,
  number: z.number().int(),
  title: z.string(),
  date: IsoDateString,
  place: z.string(),
  startTime: TimeString.nullable(),
  endTime: TimeString.nullable(),
  opinionDeadline: IsoDateString.nullable(),
  chairMemberId: z.number().int().nullable(),
  secretaryMemberId: z.number().int().nullable(),
  rulesId: z.number().int(),
  status: SessionStatus,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof Session>;

export const SessionListItem = Session.extend({
  councilName: z.string(),
  roundName: z.string(),
  agendaCount: z.number().int(),
  /** Members who score (every role except the non-member Thư ký). */
  votingMemberCount: z.number().int(),
  presentVotingCount: z.number().int(),
});
export type SessionListItem = z.infer<typeof SessionListItem>;

export const SessionMember = z.object({
  memberId: z.number().int(),
  order: z.number().int(),
  fullName: z.string(),
  office: z.string(),
  position: z.string(),
  role: MemberRole,
  /** Counts for quorum and scores products (false only for the non-member Thư ký). */
  votes: z.boolean(),
  /** null = not yet recorded. In a written-opinion session "present" means the member answered. */
  present: z.boolean().nullable(),
  absenceReason: z.string().nullable(),
});
export type SessionMember = z.infer<typeof SessionMember>;

export const AgendaItem = z.object({
  position: z.number().int(),
  registrationId: z.number().int(),
  registrationNo: z.string(),
  registrationKind: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  producerName: z.string(),
  criteriaSetVersionId: z.number().int().nullable(),
  criteriaSetName: z.string(),
  recusedMemberIds: z.array(z.number().int()),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const SessionConflict = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  registrationId: z.number().int(),
  reason: z.string(),
  declaredAt: z.string(),
});
export type SessionConflict = z.infer<typeof SessionConflict>;

/** Why a quorum fails: too few voting members take part, or the chair (when required) does not. */
export const QuorumProblem = z.enum(['too_few_members', 'chair_absent', 'chair_recused', 'no_chair_in_council']);
export type QuorumProblem = z.infer<typeof QuorumProblem>;

export const QuorumView = z.object({
  met: z.boolean(),
  /** Voting members of the council listed for the session (the base of the fraction). */
  votingMembers: z.number().int(),
  /** Present (answered) and, for a product, not recused. */
  participating: z.number().int(),
  required: z.number().int(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  chairRequired: z.boolean(),
  /** The presiding member the chair rule looks at (session chair, else the council's Chủ tịch). */
  chairId: z.number().int().nullable(),
  chairParticipating: z.boolean(),
  recused: z.number().int(),
  /** Who scores (present, voting, not recused), who is absent or not recorded, who is recused. */
  scorerIds: z.array(z.number().int()),
  absentIds: z.array(z.number().int()),
  recusedIds: z.array(z.number().int()),
  problems: z.array(QuorumProblem),
});
export type QuorumView = z.infer<typeof QuorumView>;

export const SessionWarning = z.object({ code: z.enum(['after_round_deadline', 'outside_round_year']), message: z.string() });

export const SessionDetail = z.object({
  session: Session,
  council: z.object({
    id: z.number().int(),
    name: z.string(),
    level: CouncilLevel,
    placeName: z.string(),
    docSymbol: z.string(),
  }),
  round: z.object({
    id: z.number().int(),
    name: z.string(),
    year: z.number().int(),
    number: z.number().int(),
    legalBasis: z.string(),
    deadline: IsoDateString.nullable(),
  }),
  rules: CouncilRules,
  members: z.array(SessionMember),
  agenda: z.array(AgendaItem),
  conflicts: z.array(SessionConflict),
  quorum: z.object({
    /** The meeting as a whole (before recusals): needed to open a meeting. */
    session: QuorumView,
    products: z.array(z.object({ registrationId: z.number().int(), quorum: QuorumView })),
  }),
  /** What the current status allows (the core enforces the same rules). */
  allowed: z.object({
    editDetails: z.boolean(),
    editAgenda: z.boolean(),
    editAttendance: z.boolean(),
    editConflicts: z.boolean(),
    delete: z.boolean(),
    transitions: z.array(SessionStatus),
  }),
  /** What still prevents opening (empty while the session is not in preparation). */
  readiness: z.object({
    canOpen: z.boolean(),
    blockers: z.array(
      z.object({
        code: z.enum([
          'empty_agenda',
          'no_chair',
          'no_secretary',
          'chair_absent',
          'attendance_missing',
          'no_quorum',
          'no_start_time',
          'no_opinion_deadline',
        ]),
        message: z.string(),
      }),
    ),
  }),
  warnings: z.array(SessionWarning),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const AgendaCandidate = z.object({
  registrationId: z.number().int(),
  registrationNo: z.string(),
  registrationKind: z.string(),
  registrationStatus: z.string(),
  productName: z.string(),
  producerName: z.string(),
  criteriaSetVersionId: z.number().int().nullable(),
  criteriaSetName: z.string(),
  /** Another session (not finalized) whose agenda already holds it, if any. */
  inSession: z.object({ id: z.number().int(), number: z.number().int(), councilName: z.string() }).nullable(),
  onThisAgenda: z.boolean(),
});
export type AgendaCandidate = z.infer<typeof AgendaCandidate>;

const id = z.number().int().positive();
const reason = z.string().trim().max(1000);

export const sessionsChannels = defineChannels({
  'sessions:list': {
    input: z.object({ councilId: id.optional(), roundId: id.optional(), status: SessionStatus.optional() }).strict(),
    output: z.array(SessionListItem),
  },
  'sessions:get': { input: z.object({ id }).strict(), output: SessionDetail },
  /** Lists every member active on the session date; chair and secretary default from their council roles. */
  'sessions:create': {
    input: z
      .object({
        councilId: id,
        roundId: id,
        kind: SessionKind.default('meeting'),
        title: z.string().trim().max(300).default(''),
        date: IsoDateString,
        place: z.string().trim().max(300).default(''),
        startTime: TimeString.nullable().default(null),
        opinionDeadline: IsoDateString.nullable().default(null),
        chairMemberId: id.nullable().optional(),
        secretaryMemberId: id.nullable().optional(),
        note: z.string().trim().max(2000).default(''),
      })
      .strict(),
    output: SessionDetail,
  },
  'sessions:update': {
    input: z
      .object({
        id,
        title: z.string().trim().max(300).optional(),
        date: IsoDateString.optional(),
        place: z.string().trim().max(300).optional(),
        startTime: TimeString.nullable().optional(),
        endTime: TimeString.nullable().optional(),
        opinionDeadline: IsoDateString.nullable().optional(),
        chairMemberId: id.nullable().optional(),
        secretaryMemberId: id.nullable().optional(),
        note: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: SessionDetail,
  },
  'sessions:delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.number().int() }) },
  /** Replaces the agenda with these registrations, in this order (add, remove and reorder in one call). */
  'sessions:setAgenda': { input: z.object({ id, registrationIds: z.array(id).max(500) }).strict(), output: SessionDetail },
  /** Appends registrations (e.g. everything a search or filter found) after the current agenda. */
  'sessions:addToAgenda': {
    input: z.object({ id, registrationIds: z.array(id).min(1).max(500) }).strict(),
    output: SessionDetail,
  },
  'sessions:agendaCandidates': {
    input: z
      .object({
        id,
        query: z.string().max(200).optional(),
        registrationKind: z.string().max(40).optional(),
        criteriaSetVersionId: id.optional(),
        includeScheduled: z.boolean().default(false),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: z.array(AgendaCandidate),
  },
  'sessions:setAttendance': {
    input: z
      .object({
        id,
        memberId: id,
        present: z.boolean().nullable(),
        absenceReason: reason.nullable().optional(),
      })
      .strict(),
    output: SessionDetail,
  },
  /** A member declares a conflict of interest for one product: they do not score it. */
  'sessions:declareConflict': {
    input: z
      .object({
        id,
        memberId: id,
        registrationId: id,
        reason: reason.min(1, 'reason must say why the member cannot score this product'),
      })
      .strict(),
    output: SessionDetail,
  },
  'sessions:withdrawConflict': { input: z.object({ id, memberId: id, registrationId: id }).strict(), output: SessionDetail },
  /**
   * Open (preparing → in_progress), close (in_progress → closed, needs the end time of a meeting)
   * and reopen for more scoring (closed → in_progress, needs a reason). Finalizing belongs to
   * the results area, which calls the core's transitionSession inside its own transaction.
   */
  'sessions:transition': {
    input: z
      .object({ id, to: z.enum(['in_progress', 'closed']), endTime: TimeString.optional(), reason: reason.optional() })
      .strict(),
    output: SessionDetail,
  },
});
