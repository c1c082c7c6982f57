import { z } from 'zod';
import { CriteriaSet } from '../../ocop/criteria-set';
import { defineChannels } from '../define';
import { Id, ImportRowError, LevelIndex } from '../fields';
import { ScoreSheetsDocument } from './scoring-exchange';

/**
 * Guided scoring (issue 6): each member's phiếu đánh giá per product, autosaved answer by
 * answer, undo, submit; paper sheets entered once or twice by the secretary; spread per product
 * and re-scoring rounds; the JSON exchange format.
 */

const id = Id;
const code = z.string().trim().min(1).max(20);
const ruleId = z.string().trim().min(1).max(80);
const reason = z.string().trim().max(2000);
/** "Ý kiến của người đánh giá" and per-criterion notes: free text, kept readable. */
const longText = z.string().max(8000);
/** Member PIN: 4–8 digits, optional per member (council rule of the room, not a password). */
export const Pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
/**
 * Idempotency key of one change from the save queue: the host records each once, with its
 * answer, so a change sent again after a lost answer (a dropped Wi-Fi) changes nothing.
 */
export const OpId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'an opId is 16 to 64 letters, digits, "-" or "_"');
const opId = OpId.optional();

export const SheetStatus = z.enum(['draft', 'submitted', 'superseded']);
export type SheetStatus = z.infer<typeof SheetStatus>;
/** 'paper': "nhập từ phiếu giấy" by the secretary; `enteredBy` says who. */
export const SheetSource = z.enum(['member', 'paper']);
export type SheetSource = z.infer<typeof SheetSource>;

export const SheetSummary = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  registrationId: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  criteriaSetVersionId: z.number().int(),
  rescoringRound: z.number().int(),
  source: SheetSource,
  enteredBy: z.string().nullable(),
  status: SheetStatus,
  totalPoints: z.number().int(),
  answeredCount: z.number().int(),
  applicableCount: z.number().int(),
  complete: z.boolean(),
  disqualified: z.boolean(),
  disqualifyReason: z.string().nullable(),
  stopped: z.boolean(),
  opinion: z.string(),
  revisionReason: z.string().nullable(),
  /** A re-scoring sheet the member submitted as "kept my previous sheet unchanged". */
  keptPrevious: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
});
export type SheetSummary = z.infer<typeof SheetSummary>;

export const SheetAnswer = z.object({
  criterionCode: z.string(),
  levelIndex: z.number().int().nullable(),
  points: z.number().int().nullable(),
  note: z.string(),
});
export type SheetAnswer = z.infer<typeof SheetAnswer>;

export const SheetDeclaration = z.object({ ruleId: z.string(), holds: z.boolean(), reason: z.string().nullable() });
export type SheetDeclaration = z.infer<typeof SheetDeclaration>;

export const PartPoints = z.object({ code: z.enum(['A', 'B', 'C']), points: z.number().int(), max: z.number().int() });

export const SheetView = z.object({
  sheet: SheetSummary,
  answers: z.array(SheetAnswer),
  declarations: z.array(SheetDeclaration),
  parts: z.array(PartPoints),
  max: z.number().int(),
  /** Applicable criteria without a level, in form order. */
  missing: z.array(z.string()),
  canUndo: z.boolean(),
  /** The member's sheet of the round before (re-scoring), for comparison; null in the first round. */
  previous: z.object({ sheet: SheetSummary, answers: z.array(SheetAnswer) }).nullable(),
});
export type SheetView = z.infer<typeof SheetView>;

/** What an autosave answers: small, so the screen can show "Đã lưu" at once. */
export const SaveResult = z.object({
  sheetId: z.number().int(),
  /** Sequence number of the event that was written (null when nothing changed). */
  seq: z.number().int().nullable(),
  savedAt: z.string(),
  totalPoints: z.number().int(),
  parts: z.array(PartPoints),
  answeredCount: z.number().int(),
  applicableCount: z.number().int(),
  complete: z.boolean(),
  disqualified: z.boolean(),
  stopped: z.boolean(),
  canUndo: z.boolean(),
});
export type SaveResult = z.infer<typeof SaveResult>;

export const UndoResult = SaveResult.extend({
  /** What the undo reverted, or null when there was nothing to undo. */
  undone: z
    .object({
      kind: z.enum(['level', 'note', 'declaration', 'opinion']),
      target: z.string(),
      /** The value restored (level index, text, or declaration), as stored. */
      restored: z.unknown(),
    })
    .nullable(),
});
export type UndoResult = z.infer<typeof UndoResult>;

export const ScoringMember = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  role: z.string(),
  present: z.boolean().nullable(),
  hasPin: z.boolean(),
  assignedCount: z.number().int(),
  submittedCount: z.number().int(),
  /** Products in a re-scoring round the member has not answered yet (keep the previous sheet or revise it). */
  revisionPending: z.array(z.object({ registrationId: z.number().int(), productName: z.string(), round: z.number().int() })),
});
export type ScoringMember = z.infer<typeof ScoringMember>;

export const AssignedProduct = z.object({
  registrationId: z.number().int(),
  position: z.number().int(),
  registrationNo: z.string(),
  productName: z.string(),
  producerName: z.string(),
  criteriaSetVersionId: z.number().int(),
  criteriaSetName: z.string(),
  /** The re-scoring round now open for this product (0 = first scoring). */
  currentRound: z.number().int(),
  /** The member's sheet of the current round, else their latest sheet, else null. */
  sheet: SheetSummary.nullable(),
  /** A re-scoring round is open and the member has not submitted in it yet. */
  revisionOpen: z.boolean(),
  /** The chair's reason for the open re-scoring round (null when none is open). */
  roundReason: z.string().nullable(),
  /** The member's submitted total before the round (what "keep" keeps), null when none. */
  previousTotal: z.number().int().nullable(),
});
export type AssignedProduct = z.infer<typeof AssignedProduct>;

export const Assignments = z.object({
  session: z.object({ id: z.number().int(), title: z.string(), date: z.string(), status: z.string(), councilName: z.string() }),
  member: ScoringMember,
  membersSeeOthersBeforeSubmit: z.boolean(),
  products: z.array(AssignedProduct),
});
export type Assignments = z.infer<typeof Assignments>;

export const SheetContext = z.object({
  sheetId: z.number().int(),
  criteriaSetVersionId: z.number().int(),
  criteriaSet: CriteriaSet,
  dossier: z.object({
    registrationId: z.number().int(),
    registrationNo: z.string(),
    registrationKind: z.string(),
    currentStars: z.number().int().nullable(),
    productName: z.string(),
    productCode: z.string(),
    specification: z.string(),
    packaging: z.string(),
    producerName: z.string(),
    producerKind: z.string(),
    address: z.string(),
    communeName: z.string(),
    provinceName: z.string(),
    phone: z.string().nullable(),
  }),
  selfAssessment: z.array(
    z.object({ criterionCode: z.string(), levelIndex: z.number().int(), points: z.number().int(), evidenceNote: z.string() }),
  ),
  communeReport: z
    .object({
      reportNo: z.string(),
      reportDate: z.string().nullable(),
      localMaterials: z.string(),
      localLabour: z.string(),
      ideaOrigin: z.string(),
      localIdentity: z.string(),
      recommendation: z.string().nullable(),
      proposal: z.string(),
    })
    .nullable(),
  attachments: z.array(
    z.object({
      id: z.number().int(),
      criterionCode: z.string().nullable(),
      originalName: z.string(),
      mime: z.string(),
      size: z.number().int(),
      note: z.string(),
    }),
  ),
});
export type SheetContext = z.infer<typeof SheetContext>;

export const ProgressCellState = z.enum(['recused', 'absent', 'not_started', 'draft', 'submitted']);
export const SessionProgress = z.object({
  members: z.array(
    z.object({
      memberId: z.number().int(),
      fullName: z.string(),
      role: z.string(),
      present: z.boolean().nullable(),
      submitted: z.number().int(),
      assigned: z.number().int(),
    }),
  ),
  products: z.array(
    z.object({
      registrationId: z.number().int(),
      position: z.number().int(),
      productName: z.string(),
      currentRound: z.number().int(),
      submitted: z.number().int(),
      expected: z.number().int(),
    }),
  ),
  cells: z.array(
    z.object({
      memberId: z.number().int(),
      registrationId: z.number().int(),
      state: ProgressCellState,
      answered: z.number().int(),
      applicable: z.number().int(),
      rescoringRound: z.number().int(),
      source: SheetSource.nullable(),
    }),
  ),
});
export type SessionProgress = z.infer<typeof SessionProgress>;

export const RescoringRound = z.object({
  roundNo: z.number().int(),
  reason: z.string(),
  spreadPoints: z.number().int().nullable(),
  openedAt: z.string(),
  openedByMemberId: z.number().int(),
  openedByName: z.string(),
});
export type RescoringRound = z.infer<typeof RescoringRound>;

export const ProductSpread = z.object({
  registrationId: z.number().int(),
  productName: z.string(),
  currentRound: z.number().int(),
  expected: z.number().int(),
  /** The sheets that count: each member's latest submitted sheet (superseded ones excluded), not disqualified. */
  totals: z.array(
    z.object({
      memberId: z.number().int(),
      fullName: z.string(),
      sheetId: z.number().int(),
      totalPoints: z.number().int(),
      rescoringRound: z.number().int(),
      /** The member kept their previous sheet in this re-scoring round. */
      keptPrevious: z.boolean(),
    }),
  ),
  disqualifiedCount: z.number().int(),
  spread: z.number().int().nullable(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  /** null until two sheets count. */
  withinLimit: z.boolean().nullable(),
  /** The asking member has not submitted this product yet and the council's rule hides others' totals. */
  hidden: z.boolean(),
  rounds: z.array(RescoringRound),
});
export type ProductSpread = z.infer<typeof ProductSpread>;

export const SessionSpread = z.object({
  limit: z.number().int(),
  limitAllowed: z.boolean(),
  /** True when the asking member may not see others' totals yet (council rule); products is then empty. */
  hidden: z.boolean(),
  products: z.array(ProductSpread),
});
export type SessionSpread = z.infer<typeof SessionSpread>;

export const ProductSheets = z.object({
  /** True when others' sheets are withheld from the asking member (council rule, not yet submitted). */
  othersHidden: z.boolean(),
  sheets: z.array(SheetSummary),
});
export type ProductSheets = z.infer<typeof ProductSheets>;

const AnswerInput = z.object({ criterionCode: code, levelIndex: LevelIndex.max(50) }).strict();
const DeclarationInput = z.object({ ruleId, holds: z.boolean(), reason: reason.nullable().default(null) }).strict();

export const PaperEntry = z.object({
  id: z.number().int(),
  entryNo: z.number().int(),
  enteredBy: z.string(),
  writtenTotal: z.number().int().nullable(),
  opinion: z.string(),
  status: z.enum(['open', 'committed']),
  answers: z.array(z.object({ criterionCode: z.string(), levelIndex: z.number().int() })),
  declarations: z.array(SheetDeclaration),
  computedTotal: z.number().int(),
  /** null when no total was written on the paper. */
  totalAgrees: z.boolean().nullable(),
  missing: z.array(z.string()),
  updatedAt: z.string(),
});
export type PaperEntry = z.infer<typeof PaperEntry>;

export const PaperState = z.object({
  sessionId: z.number().int(),
  registrationId: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  rescoringRound: z.number().int(),
  criteriaSetVersionId: z.number().int(),
  entries: z.array(PaperEntry),
  /** Present when both entries exist. */
  diff: z
    .object({
      mismatches: z.array(z.string()),
      criteria: z.array(
        z.object({
          code: z.string(),
          first: z.number().int().nullable(),
          second: z.number().int().nullable(),
          agree: z.boolean(),
        }),
      ),
      declarations: z.array(
        z.object({
          ruleId: z.string(),
          first: SheetDeclaration.omit({ ruleId: true }).nullable(),
          second: SheetDeclaration.omit({ ruleId: true }).nullable(),
          agree: z.boolean(),
        }),
      ),
      writtenTotal: z.object({ first: z.number().int().nullable(), second: z.number().int().nullable(), agree: z.boolean() }),
      identical: z.boolean(),
    })
    .nullable(),
  committedSheet: SheetSummary.nullable(),
});
export type PaperState = z.infer<typeof PaperState>;

const paperKey = { sessionId: id, registrationId: id, memberId: id };

export const ImportResult = z.object({
  dryRun: z.boolean(),
  sheets: z.array(
    z.object({
      registrationNo: z.string(),
      memberName: z.string(),
      rescoringRound: z.number().int(),
      status: SheetStatus,
      totalPoints: z.number().int(),
      sheetId: z.number().int().nullable(),
    }),
  ),
  /** Re-scoring rounds of the file; `created` is false for a round this computer already had. */
  rounds: z.array(z.object({ registrationNo: z.string(), roundNo: z.number().int(), created: z.boolean() })),
});
export type ImportResult = z.infer<typeof ImportResult>;

/**
 * What an import would do, item by item: 'new' is written, 'update' fills this computer's empty
 * or identical draft, 'same' is already here and skipped, 'rejected' has a problem (see errors).
 */
export const ImportAction = z.enum(['new', 'update', 'same', 'rejected']);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportPreview = z.object({
  /** True when nothing is wrong: applying writes exactly what is listed. */
  canApply: z.boolean(),
  /** null when the file is not a score-sheet file at all. */
  formatVersion: z.number().int().nullable(),
  exportedAt: z.string().nullable(),
  session: z
    .object({ id: z.number().int(), councilName: z.string(), number: z.number().int(), date: z.string(), title: z.string() })
    .nullable(),
  sheets: z.array(
    z.object({
      /** 1-based position in the file's `sheets`. */
      row: z.number().int(),
      registrationNo: z.string(),
      productName: z.string(),
      memberName: z.string(),
      rescoringRound: z.number().int(),
      source: SheetSource,
      status: SheetStatus,
      totalPoints: z.number().int(),
      revisionReason: z.string().nullable(),
      action: ImportAction,
      /** This computer's sheet it matches ('update', 'same'). */
      sheetId: z.number().int().nullable(),
    }),
  ),
  rounds: z.array(
    z.object({
      row: z.number().int(),
      registrationNo: z.string(),
      productName: z.string(),
      roundNo: z.number().int(),
      reason: z.string(),
      openedByName: z.string(),
      openedAt: z.string(),
      action: ImportAction,
    }),
  ),
  /** Sheets of this computer that a later round in the file replaces (they become superseded). */
  superseded: z.array(
    z.object({
      sheetId: z.number().int(),
      registrationNo: z.string(),
      productName: z.string(),
      memberName: z.string(),
      rescoringRound: z.number().int(),
      totalPoints: z.number().int(),
    }),
  ),
  /** Every problem found; `sheet` is "sheets" or "rounds" (or absent for the whole file), `row` the 1-based item. */
  errors: z.array(ImportRowError),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const scoringChannels = defineChannels({
  /** Who can score in the session: the list the member picks their name from. */
  'scoring:members': { input: z.object({ sessionId: id }).strict(), output: z.array(ScoringMember) },
  /** Checks a member's PIN (when the member has one); answers the member on success. */
  'scoring:identify': {
    input: z.object({ sessionId: id, memberId: id, pin: z.string().max(8).optional() }).strict(),
    output: ScoringMember,
  },
  /** Sets or clears a member's PIN (secretary, before the meeting). */
  'scoring:setPin': {
    input: z.object({ memberId: id, pin: Pin.nullable() }).strict(),
    output: z.object({ memberId: z.number().int(), hasPin: z.boolean() }),
  },
  /** The products a member scores (agenda minus recusals) with the state of each sheet. */
  'scoring:assignments': { input: z.object({ sessionId: id, memberId: id }).strict(), output: Assignments },
  /** Opens (creating a draft if needed) the member's sheet for a product in the current round. */
  'scoring:open': {
    input: z.object({ sessionId: id, registrationId: id, memberId: id, pin: z.string().max(8).optional() }).strict(),
    output: SheetView,
  },
  /**
   * In a re-scoring round: the member keeps their previous sheet unchanged, in one action (a
   * submitted copy for the round, marked keptPrevious). Refused when their draft of the round
   * already differs (submit that as a revision with the reason instead).
   */
  'scoring:keepPrevious': {
    input: z.object({ sessionId: id, registrationId: id, memberId: id, pin: z.string().max(8).optional() }).strict(),
    output: SheetView,
  },
  'scoring:get': { input: z.object({ sheetId: id }).strict(), output: SheetView },
  /** What the member reads beside the criteria: the pinned criteria set and the dossier. */
  'scoring:context': { input: z.object({ sheetId: id }).strict(), output: SheetContext },
  /** Autosave of one level (null clears it). */
  'scoring:setAnswer': {
    input: z.object({ sheetId: id, criterionCode: code, levelIndex: LevelIndex.max(50).nullable(), opId }).strict(),
    output: SaveResult,
  },
  'scoring:setNote': { input: z.object({ sheetId: id, criterionCode: code, note: longText, opId }).strict(), output: SaveResult },
  /** A judgement on a rule: disqualify (reason required when found), stop condition, conditional; null withdraws it. */
  'scoring:setDeclaration': {
    input: z
      .object({ sheetId: id, ruleId, holds: z.boolean().nullable(), reason: reason.nullable().default(null), opId })
      .strict(),
    output: SaveResult,
  },
  'scoring:setOpinion': { input: z.object({ sheetId: id, opinion: longText, opId }).strict(), output: SaveResult },
  /** Reverts the latest change not yet undone (repeatable). */
  'scoring:undo': { input: z.object({ sheetId: id, opId }).strict(), output: UndoResult },
  /** Completeness check, then the sheet locks. A re-scoring round needs the reason for the revision. */
  'scoring:submit': { input: z.object({ sheetId: id, revisionReason: reason.optional(), opId }).strict(), output: SheetView },
  /** Back to draft (chair or secretary), with a reason; audited. */
  'scoring:unlock': {
    input: z.object({ sheetId: id, reason: reason.min(1, 'reason must say why the submitted sheet is reopened') }).strict(),
    output: SheetView,
  },
  'scoring:progress': { input: z.object({ sessionId: id }).strict(), output: SessionProgress },
  /** The sheets of one product; a member who has not submitted sees only their own when the council rule says so. */
  'scoring:productSheets': {
    input: z.object({ sessionId: id, registrationId: id, viewerMemberId: id.optional() }).strict(),
    output: ProductSheets,
  },
  /** Spread (max − min of members' totals) per product against the council's limit. */
  'scoring:spread': { input: z.object({ sessionId: id, viewerMemberId: id.optional() }).strict(), output: SessionSpread },
  /** The chair opens a re-scoring round for one product. */
  'scoring:openRescoring': {
    input: z
      .object({
        sessionId: id,
        registrationId: id,
        chairMemberId: id,
        reason: reason.min(1, 'reason must say why the product is scored again'),
      })
      .strict(),
    output: ProductSpread,
  },
  'scoring:paperGet': { input: z.object(paperKey).strict(), output: PaperState },
  /** Saves one entry (1 or 2) of a paper sheet; replaces that entry while it is open. */
  'scoring:paperSave': {
    input: z
      .object({
        ...paperKey,
        entryNo: z.union([z.literal(1), z.literal(2)]),
        enteredBy: z.string().trim().min(1, 'enteredBy must name who typed the paper sheet in').max(200),
        writtenTotal: z.number().int().min(0).max(100).nullable(),
        opinion: longText.default(''),
        answers: z.array(AnswerInput).max(200),
        declarations: z.array(DeclarationInput).max(100).default([]),
      })
      .strict(),
    output: PaperState,
  },
  /** Turns the entry (or the two entries, with every mismatch resolved) into a submitted sheet. */
  'scoring:paperCommit': {
    input: z
      .object({
        ...paperKey,
        resolvedBy: z.string().trim().max(200).default(''),
        resolutions: z
          .object({
            criteria: z
              .array(z.object({ criterionCode: code, levelIndex: LevelIndex.max(50).nullable() }).strict())
              .max(200)
              .default([]),
            declarations: z
              .array(z.object({ ruleId, declaration: DeclarationInput.omit({ ruleId: true }).nullable() }).strict())
              .max(100)
              .default([]),
            writtenTotal: z.number().int().min(0).max(100).nullable().optional(),
          })
          .strict()
          .default({ criteria: [], declarations: [] }),
        /** Commit a single entry without a second one (double entry is optional). */
        allowSingleEntry: z.boolean().default(false),
        /** Commit even though the computed total differs from the written one (the paper is wrong, not the typing). */
        acceptTotalMismatch: z.boolean().default(false),
      })
      .strict(),
    output: SheetView,
  },
  'scoring:export': { input: z.object({ sessionId: id }).strict(), output: ScoreSheetsDocument },
  /** What importing the document would do, item by item, with every problem found; writes nothing. */
  'scoring:importPreview': { input: z.object({ document: z.unknown() }).strict(), output: ImportPreview },
  /** Imports a document (all or nothing); dryRun validates without writing. */
  'scoring:import': {
    input: z.object({ document: z.unknown(), dryRun: z.boolean().default(false) }).strict(),
    output: ImportResult,
  },
});
