import { z } from 'zod';
import { defineChannels } from '../define';

/**
 * Results of a session (issue 7): members' totals, exact mean, spread, band star, star-minima
 * cap, final star and status per product; the product detail; sensitivity; finalizing and
 * reopening. Every number that decides something is given exactly (sum and count in
 * centi-points) beside its display text, which is rounded for reading only.
 */

const id = z.number().int().positive();
const Star = z.number().int().min(1).max(5);

export const ResultStatus = z.enum(['complete', 'waiting_for_sheets', 'spread_unresolved', 'quorum_not_met', 'disqualified']);
export type ResultStatus = z.infer<typeof ResultStatus>;

/** An exact mean: the value is sumCenti / count centi-points; `value` (points) is for sorting and charts only. */
export const ExactMean = z.object({
  sumCenti: z.number().int(),
  count: z.number().int().positive(),
  value: z.number(),
  /** Rounded for reading with the council's decimals and the decimal comma ("72,44"); never shows a band edge the mean has not reached. */
  display: z.string(),
});
export type ExactMean = z.infer<typeof ExactMean>;

/** Kept small: the session table holds 300 products × 9 members of these. */
export const MemberTotal = z.object({
  memberId: z.number().int(),
  totalPoints: z.number(),
  stopped: z.boolean(),
  disqualified: z.boolean(),
});
export type MemberTotal = z.infer<typeof MemberTotal>;

export const MinimumShortfall = z.object({
  code: z.string(),
  /** The lowest star whose mark the criterion misses. */
  requiredStars: Star,
  requiredPoints: z.number(),
  /** Members' mean points on the criterion. */
  actual: ExactMean,
  failingMemberIds: z.array(z.number().int()),
});
export type MinimumShortfall = z.infer<typeof MinimumShortfall>;

export const EdgeProximity = z.object({
  edgePoints: z.number(),
  distance: ExactMean,
  /** 'above' includes a mean exactly on the edge. */
  side: z.enum(['above', 'below']),
});
export type EdgeProximity = z.infer<typeof EdgeProximity>;

export const ProductResult = z.object({
  position: z.number().int(),
  registrationId: z.number().int(),
  registrationNo: z.string(),
  registrationKind: z.enum(['first', 'upgrade', 'reevaluation']),
  /** Star on the current certificate (upgrade and re-evaluation), shown beside the new one. */
  previousStar: Star.nullable(),
  productId: z.number().int(),
  productCode: z.string(),
  productName: z.string(),
  producerName: z.string(),
  criteriaSet: z.object({
    versionId: z.number().int(),
    setKey: z.string(),
    setNo: z.number().int().nullable(),
    version: z.number().int(),
    name: z.string(),
    contentHash: z.string(),
  }),
  legalBasis: z.string(),
  /** The re-scoring round whose sheets count (0 = first scoring). */
  rescoringRound: z.number().int(),
  memberTotals: z.array(MemberTotal),
  /** Members expected to score this product (present, scoring role, not recused). */
  expectedMemberIds: z.array(z.number().int()),
  missingSheetMemberIds: z.array(z.number().int()),
  recusedMemberIds: z.array(z.number().int()),
  quorum: z.object({
    met: z.boolean(),
    participating: z.number().int(),
    needed: z.number().int(),
    councilSize: z.number().int(),
  }),
  partMeans: z.array(z.object({ part: z.string(), mean: ExactMean })),
  mean: ExactMean.nullable(),
  /** For information only (council setting); never used to rank. */
  median: ExactMean.nullable(),
  trimmedMean: ExactMean.nullable(),
  spread: z
    .object({
      points: z.number(),
      limitPoints: z.number(),
      limitAllowed: z.boolean(),
      withinLimit: z.boolean(),
      lowestMemberIds: z.array(z.number().int()),
      highestMemberIds: z.array(z.number().int()),
    })
    .nullable(),
  bandStar: Star.nullable(),
  /** Highest star the starred minima allow. */
  cap: Star.nullable(),
  /** Criteria that lowered the star below the band. */
  cappingCriteria: z.array(MinimumShortfall),
  /** Every minimum missed, including those above the band that did not matter. */
  minimaShortfalls: z.array(MinimumShortfall),
  finalStar: Star.nullable(),
  recognised: z.boolean(),
  recognitionLevel: z.enum(['district', 'province', 'central']).nullable(),
  proposedToCentral: z.boolean(),
  status: ResultStatus,
  /** True until the status is 'complete': stars shown are not yet the council's result. */
  provisional: z.boolean(),
  /** Plain Vietnamese: the rule that produced the star, or why there is no result yet. */
  reason: z.string(),
  /** "Đạt 72,4 điểm (hạng 4 sao) nhưng tiêu chí 1.5 … → 3 sao", or null without a mean. */
  starExplanation: z.string().nullable(),
  sensitivity: z.object({ nearEdge: EdgeProximity.nullable(), changeCount: z.number().int() }),
});
export type ProductResult = z.infer<typeof ProductResult>;

export const Finalization = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  auditHead: z.string(),
  resultsDigest: z.string(),
  finalizedAt: z.string(),
  finalizedBy: z.string(),
  chairMemberId: z.number().int().nullable(),
  reopenedAt: z.string().nullable(),
  reopenedBy: z.string().nullable(),
  reopenReason: z.string().nullable(),
  reopenChairMemberId: z.number().int().nullable(),
});
export type Finalization = z.infer<typeof Finalization>;

export const FinalizeBlocker = z.object({
  code: z.enum(['session_not_closed', 'already_finalized', 'empty_agenda', 'products_unresolved']),
  message: z.string(),
  registrationIds: z.array(z.number().int()),
});
export type FinalizeBlocker = z.infer<typeof FinalizeBlocker>;

export const ResultsMember = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  role: z.string(),
  order: z.number().int(),
  present: z.boolean().nullable(),
  /** Scores products (every role but the non-member Thư ký). */
  scores: z.boolean(),
});
export type ResultsMember = z.infer<typeof ResultsMember>;

export const SessionResults = z.object({
  session: z.object({
    id: z.number().int(),
    number: z.number().int(),
    title: z.string(),
    date: z.string(),
    kind: z.string(),
    status: z.enum(['preparing', 'in_progress', 'closed', 'finalized']),
    councilId: z.number().int(),
    councilName: z.string(),
    councilLevel: z.string(),
    roundId: z.number().int(),
    roundName: z.string(),
    legalBasis: z.string(),
    chairMemberId: z.number().int().nullable(),
  }),
  rules: z.object({
    minimaRule: z.enum(['mean', 'every_member']),
    spreadLimit: z.number(),
    spreadLimitAllowed: z.boolean(),
    displayDecimals: z.number().int(),
    showInfoAggregates: z.boolean(),
    quorumNumerator: z.number().int(),
    quorumDenominator: z.number().int(),
    chairRequired: z.boolean(),
  }),
  members: z.array(ResultsMember),
  products: z.array(ProductResult),
  summary: z.object({
    products: z.number().int(),
    byStatus: z.record(ResultStatus, z.number().int()),
    /** Complete products per final star, "1" … "5". */
    byFinalStar: z.record(z.string(), z.number().int()),
    recognised: z.number().int(),
    proposedToCentral: z.number().int(),
    /** Products near a band edge or with a single change that would change the star. */
    sensitive: z.number().int(),
  }),
  sensitivityMarginPoints: z.number(),
  /** Read-only: the session is finalized. */
  locked: z.boolean(),
  finalizable: z.boolean(),
  finalizeBlockers: z.array(FinalizeBlocker),
  /** The finalization in force, or null. */
  finalization: Finalization.nullable(),
  /** Every finalization of the session, oldest first (reopened ones keep who, when and why). */
  history: z.array(Finalization),
});
export type SessionResults = z.infer<typeof SessionResults>;

export const CriterionDetail = z.object({
  code: z.string(),
  title: z.string(),
  part: z.string(),
  groupCode: z.string(),
  max: z.number(),
  levels: z.array(
    z.object({
      index: z.number().int(),
      text: z.string(),
      points: z.number(),
      minForStars: Star.nullable(),
      case: z.string().nullable(),
    }),
  ),
  /** One entry per counting sheet, in member order; null level = not evaluated (skipped or stopped). */
  memberLevels: z.array(z.object({ memberId: z.number().int(), levelIndex: z.number().int().nullable(), points: z.number() })),
  /** How many members chose each level (same order as `levels`). */
  distribution: z.array(z.number().int()),
  meanPoints: ExactMean.nullable(),
  /** The producer's self-assessment (Mẫu 02), null when none was entered. */
  selfAssessment: z.object({ levelIndex: z.number().int(), points: z.number() }).nullable(),
  /** Self-assessment compared with the members' mean points: the producer over- or under-rated. */
  selfVsMembers: z.enum(['over', 'under', 'equal']).nullable(),
  /** Points required on this criterion for 3★, 4★, 5★ (null = no mark). */
  required: z.object({ 3: z.number().nullable(), 4: z.number().nullable(), 5: z.number().nullable() }),
  /** Highest star this criterion allows under the council's minima rule (5 when unmarked). */
  allowsStars: Star.nullable(),
});
export type CriterionDetail = z.infer<typeof CriterionDetail>;

export const StarChangeView = z.object({
  memberId: z.number().int(),
  memberName: z.string(),
  criterionCode: z.string(),
  fromLevel: z.number().int(),
  toLevel: z.number().int(),
  direction: z.enum(['up', 'down']),
  deltaPoints: z.number(),
  newMean: ExactMean,
  newBandStar: Star,
  newCap: Star,
  newFinalStar: Star,
  spreadWithinLimitAfter: z.boolean(),
  /** "Nếu ông Nguyễn Văn A hạ tiêu chí 1.5 xuống một mức: 89,89 điểm → 4 sao." */
  explanation: z.string(),
});
export type StarChangeView = z.infer<typeof StarChangeView>;

export const ProductSensitivity = z.object({
  registrationId: z.number().int(),
  productCode: z.string(),
  productName: z.string(),
  finalStar: Star.nullable(),
  mean: ExactMean.nullable(),
  nearEdge: EdgeProximity.nullable(),
  changes: z.array(StarChangeView),
});
export type ProductSensitivity = z.infer<typeof ProductSensitivity>;

export const ProductDetail = z.object({
  session: SessionResults.shape.session,
  locked: z.boolean(),
  product: ProductResult,
  members: z.array(ResultsMember.extend({ sheetState: z.enum(['counted', 'missing', 'absent', 'recused', 'not_scoring']) })),
  /** Members × parts: each counting sheet's points per part (same order as `parts`). */
  memberParts: z.array(z.object({ memberId: z.number().int(), parts: z.array(z.number()), total: z.number() })),
  parts: z.array(z.object({ code: z.string(), title: z.string(), max: z.number() })),
  criteria: z.array(CriterionDetail),
  selfAssessmentTotal: z.number().nullable(),
  sensitivity: ProductSensitivity,
  rescoringRounds: z.array(
    z.object({ roundNo: z.number().int(), reason: z.string(), openedAt: z.string(), spreadPoints: z.number().nullable() }),
  ),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

export const FinalizationCheck = z.object({
  sessionId: z.number().int(),
  finalizationId: z.number().int(),
  seq: z.number().int(),
  ok: z.boolean(),
  storedDigest: z.string(),
  /** What is wrong, in English for the log; empty when ok. */
  problems: z.array(z.string()),
});
export type FinalizationCheck = z.infer<typeof FinalizationCheck>;

const margin = z.number().min(0).max(10).multipleOf(0.01);

export const resultsChannels = defineChannels({
  /** Every product on the session's agenda with its result (computed from the counting sheets). */
  'results:session': {
    input: z.object({ sessionId: id, marginPoints: margin.default(1) }).strict(),
    output: SessionResults,
  },
  /** One product: members × parts, per-criterion distribution of levels, self-assessment, sensitivity. */
  'results:product': {
    input: z.object({ sessionId: id, registrationId: id, marginPoints: margin.default(1) }).strict(),
    output: ProductDetail,
  },
  /** Products near a band edge (within `marginPoints`) or whose star one member's one-level change would alter, with those changes. */
  'results:sensitivity': {
    input: z.object({ sessionId: id, marginPoints: margin.default(1), registrationId: id.optional() }).strict(),
    output: z.object({ marginPoints: z.number(), products: z.array(ProductSensitivity) }),
  },
  /**
   * Finalizes a closed session whose products are all resolved: stores the audit head and the
   * results digest and makes the session read-only. Sensitive products must be acknowledged.
   */
  'results:finalize': {
    input: z
      .object({
        sessionId: id,
        /** The chair has seen the products whose star a single change would alter (required when there are any). */
        acknowledgeSensitive: z.boolean().default(false),
        marginPoints: margin.default(1),
      })
      .strict(),
    output: SessionResults,
  },
  /** Reopens a finalized session (back to closed) with the chair's reason; audited, history kept. */
  'results:reopen': {
    input: z
      .object({
        sessionId: id,
        /** The presiding member of the session, who gives the reason. */
        chairMemberId: id,
        reason: z
          .string()
          .trim()
          .min(5, 'reason must say why the finalized results are reopened (at least 5 characters)')
          .max(2000),
      })
      .strict(),
    output: SessionResults,
  },
  /** Re-checks stored finalizations against the database (digest, answers, results). */
  'results:verify': {
    input: z.object({ sessionId: id.optional() }).strict(),
    output: z.object({ ok: z.boolean(), checks: z.array(FinalizationCheck) }),
  },
});
