import { z } from 'zod';
import { defineChannels } from '../define';

export const DemoResult = z.object({
  seed: z.number().int(),
  councilId: z.number().int(),
  advisoryGroupId: z.number().int(),
  roundIds: z.tuple([z.number().int(), z.number().int()]),
  /** The round-1 meeting, opened and ready to score (one absence, one recusal). */
  meetingSessionId: z.number().int(),
  /** The round-2 written-opinion session for re-evaluations (in preparation). */
  writtenOpinionSessionId: z.number().int(),
  counts: z.object({
    producers: z.number().int(),
    products: z.number().int(),
    registrations: z.number().int(),
    criteriaSets: z.number().int(),
    councilMembers: z.number().int(),
  }),
});
export type DemoResult = z.infer<typeof DemoResult>;

export const demoChannels = defineChannels({
  /** Fills an empty database with the training dataset (dữ liệu tập huấn) of a fictional province; CONFLICT when data exists. */
  'demo:create': {
    input: z
      .object({
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(1),
      })
      .strict(),
    output: DemoResult,
  },
  /** Whether this database holds the training dataset (the UI shows a banner), and its seed. */
  'demo:status': { input: z.object({}).strict(), output: z.object({ training: z.boolean(), seed: z.number().int().nullable() }) },
});
