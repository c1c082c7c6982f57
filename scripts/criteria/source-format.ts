import { z } from 'zod';

/**
 * The transcription's JSON shape (../shared/ocop/criteria/README.md §4), read only by the build
 * script. Strict, so a field added upstream is noticed rather than silently dropped.
 */

const SourceLevel = z
  .object({
    text: z.string(),
    points: z.int(),
    minForStars: z.union([z.literal(3), z.literal(4), z.literal(5)]).optional(),
    case: z.string().optional(),
    note: z.string().optional(),
    pointsBlankInSource: z.literal(true).optional(),
    sourcePoints: z.int().optional(),
    corrected: z.literal(true).optional(),
  })
  .strict();

const SourceCriterion = z
  .object({
    code: z.string(),
    title: z.string(),
    max: z.int(),
    levels: z.array(SourceLevel),
    mandatory: z.boolean(),
    starMarks: z.record(z.string(), z.int()).optional(),
    notes: z.array(z.string()).optional(),
    parent: z.object({ code: z.string(), title: z.string(), max: z.int() }).strict().optional(),
    cases: z.array(z.string()).optional(),
    levelsImplied: z.literal(true).optional(),
    possibleTypo: z.literal(true).optional(),
  })
  .strict();
export type SourceCriterion = z.infer<typeof SourceCriterion>;

const SourceStarBand = z
  .object({
    stars: z.int(),
    min: z.number(),
    max: z.number(),
    maxInclusive: z.boolean(),
    recognized: z.boolean(),
    level: z.string().optional(),
    text: z.string(),
  })
  .strict();

export const SourceSet = z
  .object({
    decision: z.string(),
    decisionTitle: z.string(),
    signed: z.string(),
    effective: z.string(),
    replaces: z.string(),
    annex: z.string(),
    setNo: z.int(),
    set: z.string(),
    setHeading: z.string(),
    classificationLine: z.string(),
    productGroups: z.array(z.string()),
    classification: z
      .object({
        nganh: z.string(),
        nhom: z.string(),
        phanNhom: z.string().nullable(),
        coQuanChuTriQuanLy: z.string(),
        source: z.string(),
      })
      .strict(),
    formHeaderFields: z.array(z.string()),
    formFooterFields: z.array(z.string()),
    disqualifiers: z.array(z.string()),
    parts: z.array(
      z
        .object({
          code: z.string(),
          title: z.string(),
          max: z.int(),
          groups: z.array(
            z.object({ code: z.string(), title: z.string(), max: z.int(), criteria: z.array(SourceCriterion) }).strict(),
          ),
        })
        .strict(),
    ),
    total: z.int(),
    stars: z.array(SourceStarBand),
    starRule: z.string().nullable(),
    starRuleNote: z.string(),
    scoringNote: z.string(),
    source: z.object({ document: z.string(), officialUrl: z.string(), transcriptRead: z.string(), method: z.string() }).strict(),
    anomalies: z.array(z.string()),
  })
  .strict();
export type SourceSet = z.infer<typeof SourceSet>;

export const SourceIndex = z.object({
  decision: z.string(),
  effective: z.string(),
  source: z.unknown(),
  sets: z.array(
    z
      .object({
        file: z.string(),
        setNo: z.int(),
        set: z.string(),
        productGroups: z.array(z.string()),
        agency: z.string(),
        criteria: z.int(),
        starMarkedLevels: z.int(),
        total: z.int(),
        anomalies: z.int(),
      })
      .strict(),
  ),
});
export type SourceIndex = z.infer<typeof SourceIndex>;
