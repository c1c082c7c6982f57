import { z } from 'zod';
import { defineChannels } from '../define';

/** The audit log's head: the last event's sequence number and hash. Null for an empty log. */
export const AuditHead = z.object({ seq: z.number().int(), hash: z.string() }).nullable();
export type AuditHead = z.infer<typeof AuditHead>;

/** One place where the database disagrees with its own history (or with an outside anchor). */
export const Difference = z.object({
  /** Which check found it (CHECKS below). */
  check: z.string(),
  /** Table (or file) where it was found, e.g. "score_answer". */
  table: z.string(),
  /** The row, e.g. "sheet 12, criterion 1.3". */
  key: z.string(),
  expected: z.string(),
  found: z.string(),
});
export type Difference = z.infer<typeof Difference>;

export const CheckResult = z.object({
  id: z.string(),
  ok: z.boolean(),
  /** How many rows/events/anchors the check compared. */
  checked: z.number().int(),
  differences: z.number().int(),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** An outside anchor compared with the chain: a backup manifest, an exported sheets file, a printed document. */
export const AnchorResult = z.object({
  /** 'backup' | 'export' | 'pdf' | 'png' | 'jpeg' | 'archive'. */
  source: z.string(),
  seq: z.number().int(),
  /** The hash (or its printed prefix, upper-case on paper) the anchor holds. */
  hash: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export type AnchorResult = z.infer<typeof AnchorResult>;

export const StateReport = z.object({
  ok: z.boolean(),
  audit: z.object({ count: z.number().int(), head: AuditHead }),
  checks: z.array(CheckResult),
  /** The first 200 differences in check order; `differenceCount` says how many in all. */
  differences: z.array(Difference),
  differenceCount: z.number().int(),
  anchors: z.array(AnchorResult),
  /** Anchor files that could not be used, and why. */
  anchorProblems: z.array(z.string()),
});
export type StateReport = z.infer<typeof StateReport>;

export const integrityChannels = defineChannels({
  /**
   * Checks the whole state against its history: the audit chain, every sheet's answers replayed
   * from their events, every total recomputed, dossiers, attendance, recusals and session status
   * against their audit events, rows without events and events without rows, finalized digests;
   * and, with `against`, that the chain still holds the history an outside file recorded.
   */
  'integrity:verify': {
    input: z
      .object({
        /** A backup (.sqlite or its .json manifest), an exported sheets file, a PDF or a photo of a printed page. */
        againstPath: z.string().min(1).max(4096).optional(),
        /** The same, uploaded (browser): the file's bytes as base64. */
        againstFile: z
          .object({ name: z.string().max(255), contentBase64: z.string().max(70_000_000) })
          .strict()
          .optional(),
      })
      .strict(),
    output: StateReport,
  },
});
