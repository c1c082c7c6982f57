import { z } from 'zod';
import { defineChannels } from '../define';

/** Why a printed document does not match its session's current results (see `documents:verify`). */
export const DigestMismatch = z.enum(['no-digest', 'pages-differ', 'other-session', 'digest-differs', 'not-finalized']);
export type DigestMismatch = z.infer<typeof DigestMismatch>;

export const DocumentVerification = z.object({
  ok: z.boolean(),
  /** Null when ok. */
  reason: DigestMismatch.nullable(),
  pageCount: z.number().int(),
  /** The session the paper names (from its digest), when it names one. */
  sessionId: z.number().int().nullable(),
  /** What the pages carry (first page that has it). */
  printedDigest: z.string().nullable(),
  /** The digest of the session's finalization in force, null when it is not finalized now. */
  currentDigest: z.string().nullable(),
  /** 1-based pages without a digest. */
  pagesWithout: z.array(z.number().int()),
});
export type DocumentVerification = z.infer<typeof DocumentVerification>;

/** About 50 MB of PDF, base64-encoded. */
const MAX_PDF_BASE64 = 70_000_000;

const id = z.number().int().positive();

/** The documents a session prints from its data (see electron/core/documents/from-session/). */
export const SessionDocumentKind = z.enum(['minutes', 'summary', 'sheet', 'decision', 'certificate']);
export type SessionDocumentKind = z.infer<typeof SessionDocumentKind>;

export const DocumentsRenderInput = z
  .object({
    sessionId: id,
    kind: SessionDocumentKind,
    /** The product: required for 'sheet' and 'certificate'. */
    registrationId: id.optional(),
    /** The evaluator: required for 'sheet'. */
    memberId: id.optional(),
  })
  .strict();
export type DocumentsRenderInput = z.infer<typeof DocumentsRenderInput>;

export const DocumentsRenderOutput = z.object({
  /** ASCII file name, e.g. "bien-ban-phien-12.pdf". */
  fileName: z.string(),
  pdfBase64: z.string(),
  pages: z.number().int().positive(),
});
export type DocumentsRenderOutput = z.infer<typeof DocumentsRenderOutput>;

export const documentsChannels = defineChannels({
  /**
   * Prints one document of a session from the database: biên bản, bảng tổng hợp, a member's
   * phiếu đánh giá, the draft decision or a certificate. A finalized session's digest is printed
   * on every page; the office fills in numbers and signers of drafts by hand.
   */
  'documents:render': { input: DocumentsRenderInput, output: DocumentsRenderOutput },
  /**
   * Reads the session digest printed on every page of a PDF the app printed and checks it against
   * the session's finalization in force: ok, or why not (no digest, pages from different
   * printings, another session, results changed since printing, session not finalized now).
   */
  'documents:verify': {
    input: z.object({ pdfBase64: z.string().min(8).max(MAX_PDF_BASE64).regex(/^[A-Za-z0-9+/=\s]+$/u, 'the PDF must be base64-encoded') }).strict(),
    output: DocumentVerification,
  },
});
