import { z } from 'zod';
import { defineChannels } from '../define';
import { IsoDateString } from './councils-fields';

/** Provincial, central, the advisory group (Tổ tư vấn) of a council, and district councils (records before 7/2025). */
export const CouncilLevel = z.enum(['provincial', 'central', 'advisory_group', 'district']);
export type CouncilLevel = z.infer<typeof CouncilLevel>;

/** Chủ tịch, Phó Chủ tịch, Ủy viên, Ủy viên kiêm Thư ký, Thư ký (not a member: does not score or count for quorum). */
export const MemberRole = z.enum(['chair', 'vice_chair', 'member', 'member_secretary', 'secretary']);
export type MemberRole = z.infer<typeof MemberRole>;

const line = (max: number) => z.string().trim().max(max);
const requiredLine = (max: number, field: string) => z.string().trim().min(1, `${field} must not be empty`).max(max);

/**
 * The council's Quy chế settings. Defaults (DOMAIN §6, Tây Ninh / Đồng Tháp): quorum ≥ 3/4 of
 * members including the chair, spread ≤ 10 points allowed, mean of members' totals, star minima
 * on the mean, 2 display decimals, members do not see others' scores before submitting.
 */
export const CouncilRulesInput = z
  .object({
    quorumNumerator: z.number().int().min(1).max(100),
    quorumDenominator: z.number().int().min(1).max(100),
    chairRequired: z.boolean(),
    /** Largest allowed difference between members' totals, in points. */
    spreadLimit: z.number().int().min(0).max(100),
    /** true: a spread exactly equal to the limit is fine ("không quá 10 điểm"); false: it must be below. */
    spreadLimitAllowed: z.boolean(),
    aggregation: z.literal('mean'),
    /** Also show median and trimmed mean, for information only. */
    showInfoAggregates: z.boolean(),
    /** 'mean': starred minima checked on the council's mean level; 'every_member': on each member's sheet. */
    minimaRule: z.enum(['mean', 'every_member']),
    displayDecimals: z.number().int().min(0).max(3),
    membersSeeOthersBeforeSubmit: z.boolean(),
  })
  .strict()
  .refine((r) => r.quorumNumerator <= r.quorumDenominator, {
    message: 'quorumNumerator must not be larger than quorumDenominator (a quorum is at most all members)',
    path: ['quorumNumerator'],
  });
export type CouncilRulesInput = z.infer<typeof CouncilRulesInput>;

export const DEFAULT_COUNCIL_RULES: CouncilRulesInput = {
  quorumNumerator: 3,
  quorumDenominator: 4,
  chairRequired: true,
  spreadLimit: 10,
  spreadLimitAllowed: true,
  aggregation: 'mean',
  showInfoAggregates: true,
  minimaRule: 'mean',
  displayDecimals: 2,
  membersSeeOthersBeforeSubmit: false,
};

export const CouncilRules = z.object({
  id: z.number().int(),
  councilId: z.number().int(),
  version: z.number().int(),
  quorumNumerator: z.number().int(),
  quorumDenominator: z.number().int(),
  chairRequired: z.boolean(),
  spreadLimit: z.number().int(),
  spreadLimitAllowed: z.boolean(),
  aggregation: z.literal('mean'),
  showInfoAggregates: z.boolean(),
  minimaRule: z.enum(['mean', 'every_member']),
  displayDecimals: z.number().int(),
  membersSeeOthersBeforeSubmit: z.boolean(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type CouncilRules = z.infer<typeof CouncilRules>;

/** Only the settings, without version metadata: what two versions are compared on and what the editor starts from. */
export const rulesSettings = (r: CouncilRules): CouncilRulesInput => ({
  quorumNumerator: r.quorumNumerator,
  quorumDenominator: r.quorumDenominator,
  chairRequired: r.chairRequired,
  spreadLimit: r.spreadLimit,
  spreadLimitAllowed: r.spreadLimitAllowed,
  aggregation: r.aggregation,
  showInfoAggregates: r.showInfoAggregates,
  minimaRule: r.minimaRule,
  displayDecimals: r.displayDecimals,
  membersSeeOthersBeforeSubmit: r.membersSeeOthersBeforeSubmit,
});

export const CouncilMember = z.object({
  id: z.number().int(),
  councilId: z.number().int(),
  fullName: z.string(),
  office: z.string(),
  position: z.string(),
  role: MemberRole,
  sortOrder: z.number().int(),
  /** First day of this membership period. */
  activeFrom: IsoDateString,
  /** First day the member no longer holds this period (exclusive); null = still active. */
  activeTo: IsoDateString.nullable(),
  previousId: z.number().int().nullable(),
  endReason: z.string().nullable(),
  /** Whether this period was listed in a session past preparation (then it can no longer be corrected). */
  usedInSession: z.boolean(),
});
export type CouncilMember = z.infer<typeof CouncilMember>;

export const MemberInput = z
  .object({
    fullName: requiredLine(120, 'fullName'),
    office: line(200).default(''),
    position: line(200).default(''),
    role: MemberRole,
    activeFrom: IsoDateString,
  })
  .strict();
export type MemberInput = z.input<typeof MemberInput>;

const CouncilFields = {
  name: requiredLine(300, 'name'),
  level: CouncilLevel,
  parentCouncilId: z.number().int().positive().nullable(),
  issuerParent: line(200),
  issuerNameLines: z.array(line(200)).max(4),
  docSymbol: line(30),
  placeName: line(100),
  decisionNo: line(60),
  decisionDate: IsoDateString.nullable(),
  decisionSigner: line(120),
  decisionSignerTitle: line(200),
  note: line(2000),
};

export const Council = z.object({
  id: z.number().int(),
  name: z.string(),
  level: CouncilLevel,
  parentCouncilId: z.number().int().nullable(),
  issuerParent: z.string(),
  issuerNameLines: z.array(z.string()),
  docSymbol: z.string(),
  placeName: z.string(),
  decisionNo: z.string(),
  decisionDate: IsoDateString.nullable(),
  decisionSigner: z.string(),
  decisionSignerTitle: z.string(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Council = z.infer<typeof Council>;

export const CouncilListItem = Council.extend({
  parentCouncilName: z.string().nullable(),
  activeMemberCount: z.number().int(),
  chairName: z.string().nullable(),
  rulesVersion: z.number().int(),
  sessionCount: z.number().int(),
});
export type CouncilListItem = z.infer<typeof CouncilListItem>;

export const CouncilDetail = z.object({
  council: Council,
  parentCouncil: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  advisoryGroups: z.array(z.object({ id: z.number().int(), name: z.string() })),
  rules: CouncilRules,
  rulesHistory: z.array(CouncilRules),
  /** Every membership period, current and past, in list order. */
  members: z.array(CouncilMember),
  /** Date the "active" view refers to (the `onDate` input or today). */
  activeOn: IsoDateString,
  activeMemberIds: z.array(z.number().int()),
  sessionCount: z.number().int(),
});
export type CouncilDetail = z.infer<typeof CouncilDetail>;

const id = z.number().int().positive();

export const councilsChannels = defineChannels({
  'councils:list': {
    input: z.object({ level: CouncilLevel.optional(), query: z.string().max(200).optional() }).strict(),
    output: z.array(CouncilListItem),
  },
  'councils:get': {
    input: z.object({ id, onDate: IsoDateString.optional() }).strict(),
    output: CouncilDetail,
  },
  'councils:create': {
    input: z
      .object({
        ...CouncilFields,
        parentCouncilId: CouncilFields.parentCouncilId.default(null),
        issuerParent: CouncilFields.issuerParent.default(''),
        issuerNameLines: CouncilFields.issuerNameLines.default([]),
        docSymbol: CouncilFields.docSymbol.default(''),
        placeName: CouncilFields.placeName.default(''),
        decisionNo: CouncilFields.decisionNo.default(''),
        decisionDate: CouncilFields.decisionDate.default(null),
        decisionSigner: CouncilFields.decisionSigner.default(''),
        decisionSignerTitle: CouncilFields.decisionSignerTitle.default(''),
        note: CouncilFields.note.default(''),
        /** Omitted: the provincial defaults (DEFAULT_COUNCIL_RULES). */
        rules: CouncilRulesInput.optional(),
        /** Initial members, in list order. */
        members: z.array(MemberInput).max(60).default([]),
      })
      .strict(),
    output: CouncilDetail,
  },
  'councils:update': {
    input: z
      .object({
        id,
        name: CouncilFields.name.optional(),
        issuerParent: CouncilFields.issuerParent.optional(),
        issuerNameLines: CouncilFields.issuerNameLines.optional(),
        docSymbol: CouncilFields.docSymbol.optional(),
        placeName: CouncilFields.placeName.optional(),
        decisionNo: CouncilFields.decisionNo.optional(),
        decisionDate: CouncilFields.decisionDate.optional(),
        decisionSigner: CouncilFields.decisionSigner.optional(),
        decisionSignerTitle: CouncilFields.decisionSignerTitle.optional(),
        note: CouncilFields.note.optional(),
      })
      .strict(),
    output: CouncilDetail,
  },
  /**
   * Saves a new version of the rules. Sessions not yet finalized move to the new version; when
   * one of them is already under way (in progress or closed) the call needs `confirm: true`
   * and a reason, otherwise it answers CONFLICT listing those sessions. Finalized sessions keep
   * the version they were finalized with.
   */
  'councils:setRules': {
    input: z
      .object({
        id,
        rules: CouncilRulesInput,
        reason: z.string().trim().max(1000).optional(),
        confirm: z.boolean().default(false),
      })
      .strict(),
    output: CouncilDetail,
  },
  'councils:addMember': {
    input: MemberInput.extend({ councilId: id }).strict(),
    output: CouncilDetail,
  },
  /** Corrects a typo in a period that no session has used yet; otherwise use changeMemberRole / endMember. */
  'councils:correctMember': {
    input: z
      .object({
        id,
        fullName: requiredLine(120, 'fullName').optional(),
        office: line(200).optional(),
        position: line(200).optional(),
        activeFrom: IsoDateString.optional(),
      })
      .strict(),
    output: CouncilDetail,
  },
  /** Ends a membership period on `activeTo` (the first day the person is no longer a member). */
  'councils:endMember': {
    input: z.object({ id, activeTo: IsoDateString, reason: z.string().trim().max(500).default('') }).strict(),
    output: CouncilDetail,
  },
  /** Ends the current period on `from` and opens a new one with the new role, office or position. */
  'councils:changeMember': {
    input: z
      .object({
        id,
        from: IsoDateString,
        role: MemberRole.optional(),
        office: line(200).optional(),
        position: line(200).optional(),
        reason: z.string().trim().max(500).default(''),
      })
      .strict(),
    output: CouncilDetail,
  },
  /** Sets the list order: every member period of the council, in the wanted order. */
  'councils:reorderMembers': {
    input: z.object({ councilId: id, memberIds: z.array(id).min(1).max(500) }).strict(),
    output: CouncilDetail,
  },
});
