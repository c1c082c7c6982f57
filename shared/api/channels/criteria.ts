import { z } from 'zod';
import { defineChannels } from '../define';
import { ProductClassificationTree } from '../../ocop/criteria-classification';
import { CRITERIA_ISSUE_CODES } from '../../ocop/criteria-set-check';
import { CriteriaDecision, CriteriaSetSummary, CriteriaSetVersion, SetKey } from '../../ocop/criteria-set';

const VersionId = z.int().min(1);

export const CriteriaFileFormat = z.enum(['json', 'xlsx']);
export type CriteriaFileFormat = z.infer<typeof CriteriaFileFormat>;

/** One row of a failed import (details.errors of IMPORT_INVALID): where, what, how to fix. */
export const CriteriaImportError = z.object({
  sheet: z.string().optional(),
  row: z.int().optional(),
  column: z.string().optional(),
  /** A CRITERIA_ISSUE_CODES value, or a file-level code (BAD_JSON_FILE, BAD_XLSX_FILE, XLSX_*). */
  code: z.string(),
  message: z.string(),
  criterionCode: z.string().optional(),
  path: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CriteriaImportError = z.infer<typeof CriteriaImportError>;
export const CRITERIA_IMPORT_ISSUE_CODES = CRITERIA_ISSUE_CODES;

export const CriteriaSearchHit = z.object({
  versionId: z.int(),
  setKey: SetKey,
  setNo: z.int().nullable(),
  setName: z.string(),
  version: z.int(),
  criterionCode: z.string(),
  criterionTitle: z.string(),
  /** Where the words were found: the criterion title, a level, a note, or the parent heading (sets 11, 13). */
  field: z.enum(['title', 'level', 'note', 'parent']),
  levelIndex: z.int().nullable(),
  text: z.string(),
});
export type CriteriaSearchHit = z.infer<typeof CriteriaSearchHit>;

const StarBandOut = z.object({
  stars: z.int(),
  min: z.number(),
  max: z.number(),
  maxInclusive: z.boolean(),
  recognizedBy: z.enum(['district', 'province', 'central']).nullable(),
  wording: z.string().nullable(),
});

export const LegalBasisInfo = z.object({
  id: CriteriaDecision,
  signed: z.string(),
  current: z.boolean(),
  sourceStatus: z.enum(['verified', 'secondary']),
  parts: z.array(z.object({ code: z.enum(['A', 'B', 'C']), max: z.int() })),
  bandStyle: z.enum(['half_open', 'whole_number']),
  bandsVerified: z.boolean(),
  bands: z.array(StarBandOut),
});
export type LegalBasisInfo = z.infer<typeof LegalBasisInfo>;

export const criteriaChannels = defineChannels({
  /** Stored sets: the newest version of each key, or every version. `used` = locked (a sheet or self-assessment uses it). */
  'criteria:list': {
    input: z.object({ allVersions: z.boolean().default(false) }).strict(),
    output: z.array(CriteriaSetSummary.extend({ used: z.boolean() })),
  },
  /** One version with its full content (the official form). */
  'criteria:get': {
    input: z.object({ id: VersionId }).strict(),
    output: CriteriaSetVersion,
  },
  /** Accent-insensitive search of criterion titles, levels and notes ("nguon goc" finds "Nguồn gốc"). */
  'criteria:search': {
    input: z
      .object({
        query: z.string().trim().min(1).max(200),
        /** Only these versions; by default the newest version of every set. */
        versionIds: z.array(VersionId).max(200).optional(),
        limit: z.int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ hits: z.array(CriteriaSearchHit), truncated: z.boolean() }),
  },
  /**
   * Imports a set from JSON text or an XLSX workbook (base64). A new key creates version 1; a key
   * that exists with different content creates the next version; identical content changes nothing.
   * Invalid files fail with IMPORT_INVALID and details.errors (CriteriaImportError[]); nothing is written.
   */
  'criteria:import': {
    input: z
      .object({
        format: CriteriaFileFormat,
        /** JSON text, or the XLSX file as base64. */
        content: z.string().min(1).max(20_000_000),
        fileName: z.string().max(260).optional(),
      })
      .strict(),
    output: z.object({
      outcome: z.enum(['created', 'new_version', 'unchanged']),
      version: CriteriaSetSummary,
    }),
  },
  /** A version as a file: JSON text (utf8) or an XLSX workbook (base64). */
  'criteria:export': {
    input: z.object({ id: VersionId, format: CriteriaFileFormat }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      encoding: z.enum(['utf8', 'base64']),
      content: z.string(),
    }),
  },
  /** Phụ lục I (ngành › nhóm › phân nhóm → set, ministry) with the stored version of each set, and the legal bases. */
  'criteria:classification': {
    input: z.object({}).strict(),
    output: z.object({
      tree: ProductClassificationTree,
      /** setKey → id of its newest stored version. */
      latestVersionIds: z.record(z.string(), z.int()),
      legalBases: z.array(LegalBasisInfo),
    }),
  },
});
