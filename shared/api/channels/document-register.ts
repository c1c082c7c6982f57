/**
 * The register of issued documents (sổ văn bản) and the verify that checks what a document says
 * (issue 13). Issuing records the exact bytes of a finalized session's document (SHA-256, kept in
 * the data folder) and locks the details it prints; verify identifies a file by its hash, or
 * reads its anchor and compares its text with the document re-rendered from the database.
 */
import { z } from 'zod';
import { SIGNER_ROLES } from '../../ocop/signing-flow';
import { defineChannels } from '../define';

const id = z.number().int().positive();

/** What can be issued: a session's documents (not blank forms), and the batch of all its sheets. */
export const IssueKind = z.enum(['minutes', 'summary', 'decision', 'certificate', 'sheet', 'sheets']);
export type IssueKind = z.infer<typeof IssueKind>;

export const IssueVariant = z.enum(['original', 'signed']);
export type IssueVariant = z.infer<typeof IssueVariant>;

export const RegisterEntry = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  sessionTitle: z.string(),
  sessionDate: z.string(),
  /** The finalization (1, then 2 after a reopen …) the document was issued from. */
  version: z.number().int(),
  /** False once the session was reopened after this version, or a corrected version replaced it: superseded. */
  current: z.boolean(),
  /** The corrected version (register entry) that replaced this one, else null. */
  replacedBy: z.number().int().nullable(),
  /** A corrected version: the register entry it replaces, else null. */
  correctionOf: z.number().int().nullable(),
  kind: IssueKind,
  registrationId: z.number().int().nullable(),
  memberId: z.number().int().nullable(),
  /** The reference printed after the anchor: BB, TH, QD, GCN-<reg>, PD-<reg>-<member>, ALL-PD. */
  docRef: z.string(),
  /** "05/BB-HĐĐG" as printed; null when the document has no number. */
  number: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
  variant: IssueVariant,
  /** The register row this copy derives from (a signed copy of an original), else null. */
  derivedFrom: z.number().int().nullable(),
  /** A signed copy: the signing step that produced it (or a hand-signed scan); null for an original. */
  signing: z
    .object({
      role: z.enum([...SIGNER_ROLES, 'scan']),
      /** The certificate's common name; for a scan, who attached it. */
      signerName: z.string(),
      /** ISO 8601 with +07:00. */
      signedAt: z.string(),
    })
    .nullable(),
  issuedAt: z.string(),
  issuedBy: z.string(),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

export const IssueInput = z
  .object({
    sessionId: id,
    kind: IssueKind,
    /** The product: required for 'certificate' and 'sheet'. */
    registrationId: id.optional(),
    /** The member: required for 'sheet'. */
    memberId: id.optional(),
    /** 'sheets': the finished batch job (documents:batchStart) whose PDF is issued. */
    jobId: z.uuid({ message: 'jobId: not a batch id; use the jobId documents:batchStart answered' }).optional(),
    /**
     * Issue a corrected version: a decision or certificate already issued is laid out again with the
     * corrections made in the registry since (Sổ sản phẩm OCOP), as a new register entry that
     * replaces the issued one. Without it, an issued document always prints as it was issued.
     */
    corrected: z.boolean().optional(),
  })
  .strict();
export type IssueInput = z.infer<typeof IssueInput>;

/** A correction made in the registry after a document printing it was issued (who, when, what, why). */
export const RegistryCorrection = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  sessionId: z.number().int(),
  /** What changed: field → printed value before and after. */
  changes: z.array(z.object({ field: z.enum(['decisionNo', 'decisionDate', 'signer']), from: z.string(), to: z.string() })),
  reason: z.string(),
  /** The issued documents that printed the old value, as they were when it was corrected. */
  issued: z.array(z.object({ id: z.number().int(), kind: z.string(), docRef: z.string(), number: z.string().nullable() })),
  correctedAt: z.string(),
  correctedBy: z.string(),
});
export type RegistryCorrection = z.infer<typeof RegistryCorrection>;

/** A session's corrections after issue, and the issued documents that do not carry them yet. */
export const SessionCorrections = z.object({
  corrections: z.array(RegistryCorrection),
  /** Documents in force issued before corrections that change what they print: issue a corrected version. */
  pending: z.array(
    z.object({
      issueId: z.number().int(),
      kind: z.enum(['decision', 'certificate']),
      registrationId: z.number().int().nullable(),
      docRef: z.string(),
      title: z.string(),
      number: z.string().nullable(),
      issuedAt: z.string(),
      /** The corrections (ids) made since it was issued. */
      corrections: z.array(z.number().int()),
    }),
  ),
});
export type SessionCorrections = z.infer<typeof SessionCorrections>;

export const IssueOutput = z.object({
  entry: RegisterEntry,
  /** True when these exact bytes were already in the register (a re-issue gives the same file). */
  reissued: z.boolean(),
  /** The PDF (base64) for kinds printed whole; null for 'sheets' (read it with documents:registerFile). */
  pdfBase64: z.string().nullable(),
});
export type IssueOutput = z.infer<typeof IssueOutput>;

export const RegisterQuery = z
  .object({
    sessionId: id.optional(),
    kind: IssueKind.optional(),
    /** Only the documents of finalizations in force (true) or only superseded ones (false). */
    current: z.boolean().optional(),
    /** Words of the title, number or file name (accents optional). */
    q: z.string().trim().max(200).optional(),
    /** Issue date from / to (YYYY-MM-DD, Vietnam time, inclusive). */
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/u, 'from: a date as YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/u, 'to: a date as YYYY-MM-DD')
      .optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type RegisterQuery = z.input<typeof RegisterQuery>;

export const RegisterPage = z.object({ total: z.number().int(), entries: z.array(RegisterEntry) });
export type RegisterPage = z.infer<typeof RegisterPage>;

export const RegisterFileOutput = z.object({
  entry: RegisterEntry,
  offset: z.number().int(),
  /** Up to 8 MiB of the file from `offset`, base64-encoded. */
  chunkBase64: z.string(),
  nextOffset: z.number().int().nullable(),
});
export type RegisterFileOutput = z.infer<typeof RegisterFileOutput>;

/** What verify concluded. */
export const VerifyOutcome = z.enum([
  /** (a) These exact bytes are in the register, for the finalization in force. */
  'issued',
  /** (b) Not in the register, but every page's text is the text the database gives for it. */
  'matches',
  /** A photo or scan: its code is the code of the finalization in force (text not compared). */
  'current-code',
  /** (b) The text differs from the database's: `differences` lists page, expected and found. */
  'differs',
  /** (c) The code (or the register entry) is of a finalization later reopened. */
  'superseded',
  /** The printed code names a finalization this database does not have, or a digest it does not match. */
  'code-mismatch',
  /** (d) No code: not a document of this council's finalized sessions. */
  'no-anchor',
]);
export type VerifyOutcome = z.infer<typeof VerifyOutcome>;

export const VerifyAnchor = z.object({
  sessionId: z.number().int(),
  version: z.number().int().nullable(),
  digestPrefix: z.string(),
  auditSeq: z.number().int().nullable(),
  auditHashPrefix: z.string().nullable(),
  docRef: z.string().nullable(),
});

export const PageDifference = z.object({
  /** 1-based page of the file (0 when the file lacks pages the document has). */
  page: z.number().int(),
  /** Lines the document re-rendered from the database has and the file does not. */
  expected: z.array(z.string()),
  /** Lines the file has and the document does not. */
  found: z.array(z.string()),
});
export type PageDifference = z.infer<typeof PageDifference>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  outcome: VerifyOutcome,
  source: z.enum(['pdf', 'png', 'jpeg']),
  sha256: z.string(),
  pageCount: z.number().int(),
  anchor: VerifyAnchor.nullable(),
  /** The register entry these exact bytes are (outcome 'issued', or 'superseded' by hash). */
  issued: RegisterEntry.nullable(),
  /** A signed copy from the register: every signing step that led to these bytes, first to last (empty otherwise). */
  signedBy: z.array(z.object({ role: z.enum([...SIGNER_ROLES, 'scan']), signerName: z.string(), signedAt: z.string() })),
  session: z.object({ id: z.number().int(), title: z.string(), date: z.string() }).nullable(),
  /** The finalization the code names. */
  finalization: z
    .object({
      version: z.number().int(),
      finalizedAt: z.string(),
      reopenedAt: z.string().nullable(),
      reopenReason: z.string().nullable(),
      /** The version in force now (null: the session is not finalized now). */
      currentVersion: z.number().int().nullable(),
    })
    .nullable(),
  /** Pages compared (outcomes 'matches' and 'differs'). */
  comparedPages: z.number().int(),
  differences: z.array(PageDifference),
  /** One plain English sentence (the renderer words it from the outcome and the fields). */
  message: z.string(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

/** About 50 MB of file, base64-encoded. */
const MAX_FILE_BASE64 = 70_000_000;

export const documentRegisterChannels = defineChannels({
  /**
   * Issues a document of a finalized session: renders it (or takes the finished batch of all its
   * sheets), keeps the file by its SHA-256 and records it in the register, in one transaction with
   * its audit event. The details it prints lock until the session is reopened. Issuing the same
   * document again gives the same bytes: the register answers the existing entry (`reissued`).
   */
  'documents:issue': { input: IssueInput, output: IssueOutput },
  /** The register, newest first, with filters. */
  'documents:register': { input: RegisterQuery, output: RegisterPage },
  /** Corrections made in the registry after the session's decision or certificates were issued, and what they leave to re-issue. */
  'documents:corrections': { input: z.object({ sessionId: id }).strict(), output: SessionCorrections },
  /** An issued file, read in chunks of up to 8 MiB from `offset`. */
  'documents:registerFile': {
    input: z.object({ id, offset: z.number().int().min(0).default(0) }).strict(),
    output: RegisterFileOutput,
  },
  /**
   * Checks a file: a PDF (by its hash in the register; else by reading its code and comparing the
   * text of every page with the document re-rendered from the database) or a photo/scan of a
   * printed page (PNG, JPEG: is its QR code the code of the finalization in force?).
   */
  'documents:verify': {
    input: z
      .object({
        fileBase64: z
          .string()
          .min(8)
          .max(MAX_FILE_BASE64)
          .regex(/^[A-Za-z0-9+/=\s]+$/u, 'the file must be base64-encoded'),
      })
      .strict(),
    output: VerifyReport,
  },
});
