import { z } from 'zod';
import { defineChannels } from '../define';
import { DocumentFont } from './app';

/** Which typeface documents are printed in now, given the `documentFont` setting and this computer's fonts. */
export const DocumentFontStatus = z.object({
  /** The setting. */
  choice: DocumentFont,
  /** The family the next document embeds. */
  family: z.enum(['Tinos', 'Times New Roman']),
  /** Whether this computer has all four Times New Roman files (regular, bold, italic, bold italic). */
  timesNewRomanFound: z.boolean(),
  /** The folders searched for Times New Roman. */
  searchedDirs: z.array(z.string()),
  /** Why Tinos is used although Times New Roman was chosen; null otherwise. */
  fallbackReason: z.string().nullable(),
});
export type DocumentFontStatus = z.infer<typeof DocumentFontStatus>;

const id = z.number().int().positive();

/** The documents a session prints from its data (see electron/core/documents/from-session/). */
export const SessionDocumentKind = z.enum(['minutes', 'summary', 'sheet', 'blank-sheet', 'decision', 'certificate']);
export type SessionDocumentKind = z.infer<typeof SessionDocumentKind>;

export const DocumentsRenderInput = z
  .object({
    sessionId: id,
    kind: SessionDocumentKind,
    /** The product: required for 'sheet', 'blank-sheet' and 'certificate'. */
    registrationId: id.optional(),
    /** The evaluator: required for 'sheet'; on a 'blank-sheet' it pre-fills the evaluator's name. */
    memberId: id.optional(),
    /** 'blank-sheet' only: false leaves the product and evaluator lines dotted (default true). */
    prefill: z.boolean().optional(),
  })
  .strict();
export type DocumentsRenderInput = z.infer<typeof DocumentsRenderInput>;

export const DocumentsRenderOutput = z.object({
  /** ASCII file name, e.g. "bien-ban-phien-12.pdf". */
  fileName: z.string(),
  pdfBase64: z.string(),
  pages: z.number().int().positive(),
  /** The family embedded, and why Tinos was used when Times New Roman was chosen (else null). */
  font: z.object({ family: z.enum(['Tinos', 'Times New Roman']), fallbackReason: z.string().nullable() }),
});
export type DocumentsRenderOutput = z.infer<typeof DocumentsRenderOutput>;

/** A batch job's id (documents:batchStart). */
const JobId = z.uuid({ message: 'jobId: not a batch id; use the jobId documents:batchStart answered' });

export const BatchState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type BatchState = z.infer<typeof BatchState>;

export const BatchStatus = z.object({
  jobId: z.string(),
  sessionId: z.number().int(),
  state: BatchState,
  /** Sheets drawn so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  /** floor(done × 100 / total). */
  percent: z.number().int().min(0).max(100),
  fileName: z.string(),
  /** Set once done. */
  pages: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  /** Why the job failed (state 'failed'). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type BatchStatus = z.infer<typeof BatchStatus>;

export const BatchResultOutput = z.object({
  jobId: z.string(),
  fileName: z.string(),
  pages: z.number().int().positive(),
  totalBytes: z.number().int().positive(),
  offset: z.number().int().min(0),
  /** Up to 8 MiB of the PDF from `offset`, base64-encoded. */
  chunkBase64: z.string(),
  /** Where the next chunk starts; null after the last one. */
  nextOffset: z.number().int().nullable(),
});
export type BatchResultOutput = z.infer<typeof BatchResultOutput>;

export const documentsChannels = defineChannels({
  /**
   * Prints one document of a session from the database: biên bản, bảng tổng hợp, a member's
   * phiếu đánh giá, the draft decision or a certificate. A finalized session's digest is printed
   * on every page; the office fills in numbers and signers of drafts by hand.
   */
  'documents:render': { input: DocumentsRenderInput, output: DocumentsRenderOutput },
  /** The typeface documents are printed in (the `documentFont` setting and whether this computer has Times New Roman). */
  'documents:fontStatus': { input: z.object({}).strict(), output: DocumentFontStatus },
  /**
   * Starts printing every scoring sheet of a session into one PDF, in a worker thread (the app
   * keeps answering). Answers at once with the job's status; one batch runs at a time (CONFLICT).
   */
  'documents:batchStart': {
    input: z
      .object({
        sessionId: id,
        /** Start each sheet on a new leaf for double-sided printing (blank back after an odd-length sheet); default true. */
        newLeaf: z.boolean().default(true),
      })
      .strict(),
    output: BatchStatus,
  },
  /** Progress of a batch: sheets done of total, and the outcome once it ended. */
  'documents:batchStatus': { input: z.object({ jobId: JobId }).strict(), output: BatchStatus },
  /** Stops a running batch at once (nothing is written); a finished one is left as it is. */
  'documents:batchCancel': { input: z.object({ jobId: JobId }).strict(), output: BatchStatus },
  /**
   * The finished batch PDF, read in chunks of up to 8 MiB from `offset` (a session's sheets can
   * be 100+ MB: no single IPC message or HTTP answer carries it whole).
   */
  'documents:batchResult': {
    input: z.object({ jobId: JobId, offset: z.number().int().min(0).default(0) }).strict(),
    output: BatchResultOutput,
  },
});
