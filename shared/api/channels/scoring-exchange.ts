import { z } from 'zod';

/**
 * The score-sheet exchange format (docs/formats/score-sheets.md, JSON Schema in
 * docs/formats/score-sheets.schema.json generated from this file): the member sheets of one
 * session, to move them between laptops or keep them beside the minutes.
 *
 * Everything is named twice where a mistake would be silent: a member by id AND name, a product
 * by registration number AND product code, the criteria set by key, version AND content hash,
 * each answer by level index AND points, each sheet's total. The importer checks every pair.
 */
export const SCORE_SHEETS_FORMAT = 'ocop-score-sheets';
export const SCORE_SHEETS_FORMAT_VERSION = 1;

const text = (max: number) => z.string().max(max);

export const ExchangeAnswer = z
  .object({
    criterionCode: z.string().min(1).max(20),
    /** 0-based index of the chosen level in the set's printed order (level number on paper − 1). */
    levelIndex: z.number().int().min(0),
    /** Points of that level: must equal the set's. */
    points: z.number().int().min(0).max(100),
    note: text(8000).default(''),
  })
  .strict();

export const ExchangeDeclaration = z
  .object({
    ruleId: z.string().min(1).max(80),
    holds: z.boolean(),
    reason: text(2000).nullable().default(null),
  })
  .strict();

export const ExchangeSheet = z
  .object({
    registrationNo: z.string().min(1).max(60),
    productCode: z.string().min(1).max(60),
    productName: text(500),
    criteriaSet: z.object({ setKey: z.string().min(1).max(64), version: z.number().int().min(1), contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    member: z.object({ id: z.number().int().positive(), fullName: z.string().min(1).max(200) }).strict(),
    rescoringRound: z.number().int().min(0).max(20),
    source: z.enum(['member', 'paper']),
    enteredBy: text(400).nullable(),
    status: z.enum(['draft', 'submitted', 'superseded']),
    submittedAt: z.string().nullable(),
    revisionReason: text(2000).nullable(),
    opinion: text(8000),
    answers: z.array(ExchangeAnswer).max(200),
    declarations: z.array(ExchangeDeclaration).max(100),
    /** The sheet total computed by the sheet rules; must match the answers. */
    totalPoints: z.number().int().min(0).max(100),
  })
  .strict();
export type ExchangeSheet = z.infer<typeof ExchangeSheet>;

export const ScoreSheetsDocument = z
  .object({
    /** Editors may point at the JSON Schema; ignored on import. */
    $schema: z.string().optional(),
    format: z.literal(SCORE_SHEETS_FORMAT),
    formatVersion: z.literal(SCORE_SHEETS_FORMAT_VERSION),
    exportedAt: z.string(),
    app: z.object({ name: z.string(), version: z.string() }).strict(),
    session: z
      .object({
        id: z.number().int().positive(),
        councilName: text(500),
        number: z.number().int(),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        title: text(500),
      })
      .strict(),
    sheets: z.array(ExchangeSheet).max(5000),
  })
  .strict();
export type ScoreSheetsDocument = z.infer<typeof ScoreSheetsDocument>;
