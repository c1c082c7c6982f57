import { z } from 'zod';
import { defineChannels } from '../define';
import { EvaluationRound, LegalBasisId, RoundInput } from './dossiers-fields';
import { IsoDateString } from './councils-fields';

/**
 * Rounds (đợt, Điều 5): one area for listing, creating, viewing (registrations and sessions)
 * and editing rounds (electron/core/rounds). Registrations and sessions belong to a round.
 * Default dates of 26/2026 rounds: shared/ocop/round-deadlines.ts.
 */
export const RoundDetail = z.object({
  round: EvaluationRound,
  registrationsByStatus: z.record(z.string(), z.number().int()),
  registrationsByKind: z.record(z.string(), z.number().int()),
  sessions: z.array(
    z.object({
      id: z.number().int(),
      councilId: z.number().int(),
      councilName: z.string(),
      number: z.number().int(),
      kind: z.string(),
      date: z.string(),
      status: z.string(),
    }),
  ),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

const id = z.number().int().positive();

export const roundsChannels = defineChannels({
  'rounds:list': { input: z.object({}).strict(), output: z.array(EvaluationRound) },
  /** Dates must come in order (start ≤ proposals deadline ≤ end); year and number name the round and are unique. */
  'rounds:create': { input: RoundInput, output: EvaluationRound },
  'rounds:get': { input: z.object({ id }).strict(), output: RoundDetail },
  /** Dates must come in order (start ≤ proposals deadline ≤ end); the legal basis only changes while the round is empty. */
  'rounds:update': {
    input: z
      .object({
        id,
        name: z.string().trim().min(1).max(200).optional(),
        legalBasis: LegalBasisId.optional(),
        startDate: IsoDateString.nullable().optional(),
        endDate: IsoDateString.nullable().optional(),
        deadlineDate: IsoDateString.nullable().optional(),
      })
      .strict(),
    output: RoundDetail,
  },
});
