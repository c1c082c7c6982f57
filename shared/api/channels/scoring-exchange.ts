import { z } from 'zod';
import { Id, LevelIndex } from '../fields';

/**
 * The score-sheet exchange format (docs/formats/score-sheets.md, JSON Schema in
 * docs/formats/score-sheets.schema.json generated from this file): the member sheets of one
 * session, to move them between laptops or keep them beside the minutes.
 *
 * Everything is named twice where a mistake would be silent: a member by id AND name, a product
 * by registration number AND product code, the criteria set by key, version AND content hash,
 * each answer by level index AND points, each sheet's total. The importer checks every pair.
 *
 * Version 2 adds `rounds`: the re-scoring rounds the chair opened (who, when, why). Version 1
 * files (no rounds) are still read: they import as version 2 with no rounds.
 */
export const SCORE_SHEETS_FORMAT = 'ocop-score-sheets';
export const SCORE_SHEETS_FORMAT_VERSION = 2;

const text = (max: number) => z.string().max(max);

export const ExchangeAnswer = z
  .object({
    criterionCode: z.string().min(1).max(20),
    /** 0-based index of the chosen level in the set's printed order (level number on paper − 1). */
    levelIndex: LevelIndex,
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
    criteriaSet: z
      .object({
        setKey: z.string().min(1).max(64),
        version: z.number().int().min(1),
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
    member: z.object({ id: Id, fullName: z.string().min(1).max(200) }).strict(),
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

/** A re-scoring round (*chấm lại*) the chair opened for one product of the session. */
export const ExchangeRound = z
  .object({
    registrationNo: z.string().min(1).max(60),
    productCode: z.string().min(1).max(60),
    productName: text(500),
    /** 1 for the first re-scoring, 2 for the next… (0 is the first scoring and is not a round). */
    roundNo: z.number().int().min(1).max(20),
    /** Why the product is scored again (said by the chair). */
    reason: z.string().trim().min(1).max(2000),
    /** The spread of members' totals that led to the round, in points (for the minutes). */
    spreadPoints: z.number().int().min(0).max(100).nullable(),
    openedAt: z.string().min(1).max(40),
    /** The chair who opened it: id AND name, like a sheet's member. */
    openedBy: z.object({ id: Id, fullName: z.string().min(1).max(200) }).strict(),
  })
  .strict();
export type ExchangeRound = z.infer<typeof ExchangeRound>;

/** The fields every version has, in the order a file shows them. */
const header = <V extends number>(version: V) => ({
  /** Editors may point at the JSON Schema; ignored on import. */
  $schema: z.string().optional(),
  format: z.literal(SCORE_SHEETS_FORMAT),
  formatVersion: z.literal(version),
  exportedAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }).strict(),
  session: z
    .object({
      id: Id,
      councilName: text(500),
      number: z.number().int(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      title: text(500),
    })
    .strict(),
  sheets: z.array(ExchangeSheet).max(5000),
});

/** The current format (written by export). */
export const ScoreSheetsDocument = z
  .object({
    ...header(SCORE_SHEETS_FORMAT_VERSION),
    /** Re-scoring rounds of the session, by product then round number. */
    rounds: z.array(ExchangeRound).max(2000),
    /**
     * The exporting database's audit-log head when the file was written (sequence number and
     * SHA-256 of the last event): an anchor outside the database, checked by `audit verify
     * --against FILE`. Absent in files written before it was added; ignored on import.
     */
    auditHead: z
      .object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/u) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type ScoreSheetsDocument = z.infer<typeof ScoreSheetsDocument>;

/** Version 1 (before re-scoring rounds travelled with the sheets); still read. */
export const ScoreSheetsDocumentV1 = z.object(header(1)).strict();

/** What the importer reads: either version, told apart by `formatVersion`. */
export const ScoreSheetsFile = z.discriminatedUnion('formatVersion', [ScoreSheetsDocumentV1, ScoreSheetsDocument]);

/** A file of either version as the current version (a version 1 file has no rounds). */
export function upgradeScoreSheets(doc: z.infer<typeof ScoreSheetsFile>): ScoreSheetsDocument {
  return doc.formatVersion === SCORE_SHEETS_FORMAT_VERSION
    ? doc
    : { ...doc, formatVersion: SCORE_SHEETS_FORMAT_VERSION, rounds: [] };
}
