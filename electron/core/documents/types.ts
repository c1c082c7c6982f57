/**
 * Input of the document builders: explicit data transfer objects, one per document kind.
 *
 * The results area fills them from the database (sessions, sheets, finalization); the secretary
 * edits the `setup` part before printing (header lines, number, place, recipients) and it is
 * stored with the session. Builders never read the database: `buildX(data, t)` is pure, so every
 * number printed is exactly the number given here.
 *
 * Scores use the exact arithmetic of shared/ocop/score.ts: points as integer centi-points
 * (85,5 → 8550) and means as the fraction { sumCenti, count }, rounded only when printed.
 */
import { z } from 'zod';
import { CriteriaSet, LevelRef } from '../../../shared/ocop/criteria-set';
import { DOC_SYMBOL_RE } from '../../../shared/ocop/document-number';
import { LEGAL_BASIS_IDS } from '../../../shared/ocop/legal-basis';

// ───────────────────────────── Primitive fields ─────────────────────────────

/** One printed line: trimmed, no line breaks (a line break is a new array item). */
const Line = z
  .string()
  .trim()
  .max(300)
  .refine((s) => !/[\r\n]/u.test(s), 'one line only: put each line in its own item');
const NonEmptyLine = Line.refine((s) => s.length > 0, 'must not be empty');
/** Free text that may span several paragraphs (an opinion, a discussion). */
const Paragraphs = z.string().trim().max(20_000);

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD, e.g. 2026-01-05');
/** A local wall-clock time in Vietnam, 'YYYY-MM-DDTHH:mm' (no zone: minutes are printed as written). */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u, 'a date and time as YYYY-MM-DDTHH:mm, e.g. 2026-01-05T08:00');
export const Centi = z.int().min(0).max(10_000);
export const Mean = z.object({ sumCenti: z.int().min(0), count: z.int().min(1) }).strict();
export const StarValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const LegalBasisId = z.enum(LEGAL_BASIS_IDS);

// ───────────────────────────── Editable setup (NĐ 30 header, number, recipients) ─────────────────────────────

/**
 * Left column of the header. Lines are typed by the office, never auto-wrapped (an auto-wrap
 * once produced "PHÂN / HẠNG"): `parentLines` regular caps (cơ quan chủ quản), `bodyLines` bold
 * caps (the issuing body) with the short rule under them.
 */
export const IssuerHeader = z
  .object({
    parentLines: z.array(NonEmptyLine).max(3),
    bodyLines: z.array(NonEmptyLine).min(1).max(4),
  })
  .strict();

/**
 * "Số: 05/BB-HĐĐG". `number` null prints the blank a draft leaves for the văn thư to fill in
 * ("Số:      /QĐ-UBND"). The symbol is "<loại>-<cơ quan>", caps, groups joined by "-".
 */
export const DocumentNumber = z
  .object({
    number: z.int().min(1).max(999_999).nullable(),
    symbol: z
      .string()
      .trim()
      .regex(DOC_SYMBOL_RE, 'a symbol in capitals joined by "-", e.g. BB-HĐĐG or QĐ-UBND (a year first is allowed: 2026/QĐ-HĐ)'),
  })
  .strict();

/** "Đồng Tháp, ngày 05 tháng 01 năm 2026"; a null date prints "ngày … tháng … năm …" for a draft. */
export const PlaceDate = z.object({ place: NonEmptyLine, date: IsoDate.nullable() }).strict();

/**
 * A signature block: optional authority line ("TM. HỘI ĐỒNG", "KT. CHỦ TỊCH"), the title
 * ("CHỦ TỌA", "PHÓ CHỦ TỊCH"), an optional office line in the parent body (decree: an advisory
 * body's signer adds their office, e.g. "PHÓ CHỦ TỊCH UBND TỈNH"), and the name (empty = left blank
 * for handwriting). No academic titles before the name.
 */
export const Signer = z
  .object({
    authority: Line.optional(),
    title: NonEmptyLine,
    officeLine: Line.optional(),
    name: Line,
  })
  .strict();

/**
 * "Nơi nhận:" items without the leading "- " and the closing ";" or "." (the layout adds them),
 * e.g. ["UBND tỉnh (b/c)", "Thành viên Hội đồng", "Lưu: VT, Hồ sơ"].
 */
export const Recipients = z.array(NonEmptyLine).max(20);

/** What an office customises before printing; stored with the session. */
export const DocumentSetup = z
  .object({
    issuer: IssuerHeader,
    number: DocumentNumber,
    placeDate: PlaceDate,
    /** Mẫu 1.9 has no place/date line in a biên bản's header; many provinces print it anyway. */
    showPlaceDate: z.boolean().default(true),
    recipients: Recipients,
  })
  .strict();

/**
 * Integrity on paper: the anchor of a finalized session's results (integrity/digest-code.ts),
 * printed on every page as text and as an ASCII QR code so a paper copy can be checked against
 * the database (`verify`) and the audit log against the paper (`audit verify --against`).
 */
export const Integrity = z
  .object({
    /** The session's id as the database knows it (printed, and part of the QR payload). */
    sessionRef: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/u, 'a session reference of letters, digits, ".", "_" or "-"'),
    /** The results digest of the finalization (hex or base64url, ASCII only). */
    digest: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/u, 'a digest of 16–128 letters, digits, "_" or "-" (hex or base64url)'),
    /** The finalization's seq: 1, then 2 after a reopen and a new finalization … */
    version: z.int().min(1).max(999_999),
    /** Seq of the audit event whose hash the finalization was computed on (0 = the empty log). */
    auditSeq: z.int().min(0),
    /** That event's hash (hex, 64 digits; the genesis hash for an empty log). */
    auditHash: z.string().regex(/^[0-9a-f]{16,64}$/u, 'an audit hash in lower-case hex'),
  })
  .strict();

// ───────────────────────────── People and products ─────────────────────────────

export const MemberRole = z.enum(['chair', 'vice_chair', 'member', 'member_secretary', 'secretary']);

export const Member = z
  .object({
    id: z.union([z.int(), z.string()]),
    fullName: NonEmptyLine,
    /** Office in their own body, e.g. "Phó Giám đốc Sở Nông nghiệp và Môi trường". */
    office: Line.default(''),
    role: MemberRole,
  })
  .strict();

export const RegistrationKind = z.enum(['first', 'upgrade', 'reevaluation']);

export const Product = z
  .object({
    registrationId: z.union([z.int(), z.string()]),
    /** "Mã số sản phẩm" (T)-(X)-(STT)-năm; empty when not assigned yet. */
    code: Line.default(''),
    name: NonEmptyLine,
    producerName: NonEmptyLine,
    producerAddress: Line.default(''),
    producerPhone: Line.default(''),
    /** Criteria set ("Bộ sản phẩm") name, e.g. "Tương, nước mắm, gia vị dạng lỏng khác". */
    setName: Line.default(''),
    kind: RegistrationKind.default('first'),
  })
  .strict();

// ───────────────────────────── Phiếu đánh giá ─────────────────────────────

/** The form part of a criteria set: the set IS the sheet under 26/2026 ("kiêm phiếu đánh giá"). */
export const ScoringForm = CriteriaSet.pick({
  setNo: true,
  name: true,
  heading: true,
  classificationLine: true,
  disqualifiers: true,
  parts: true,
  total: true,
  starRule: true,
});

export const ScoringSheetData = z
  .object({
    /** Optional council header above the form (the official sheet has none). */
    setup: DocumentSetup.optional(),
    form: ScoringForm,
    /** null for a blank sheet (paper scoring of any product). */
    product: Product.nullable(),
    /** null for a blank sheet; the evaluator signs by hand. */
    member: Member.nullable(),
    /**
     * The chosen level of each criterion (for set 26's cases, one per case); null = a sheet for
     * paper scoring, with empty boxes and an empty points column.
     */
    answers: z.array(LevelRef).nullable(),
    /** Per-criterion remarks of the evaluator, keyed by criterion code. */
    criterionNotes: z.record(z.string(), Paragraphs).default({}),
    opinion: Paragraphs.default(''),
    /** 0 = first scoring; 1, 2 … = re-scoring rounds after a spread discussion. */
    rescoringRound: z.int().min(0).default(0),
    /** Date under the opinion ("Đồng Tháp, ngày … "); null date = dotted for handwriting. */
    placeDate: PlaceDate.nullable(),
    /** A draft sheet (not submitted) is marked as such on every page. */
    draft: z.boolean().default(false),
    integrity: Integrity.optional(),
  })
  .strict();

// ───────────────────────────── Bảng tổng hợp ─────────────────────────────

export const SummaryRow = z
  .object({
    product: Product,
    /** One total per member column (same order as `members`); null = did not score (absent, conflict). */
    totalsCenti: z.array(Centi.nullable()),
    /** null when nobody scored. */
    mean: Mean.nullable(),
    /** max − min of the totals, centi-points. */
    spreadCenti: Centi.nullable(),
    /**
     * Whether the star the mean reaches kept its starred minima (null = not ranked): false when a
     * criterion below its minimum lowered the star, and `cappedBy` names those criteria.
     */
    minimaMet: z.boolean().nullable(),
    /** The star the mean alone gives (before the minima); null = no mean. */
    bandStar: StarValue.nullable().default(null),
    /** Criteria whose starred minimum was missed and lowered the star, with the star they block. */
    cappedBy: z.array(z.object({ code: z.string().max(20), requiredStars: StarValue }).strict()).default([]),
    /** Final star; null = not classified (spread unresolved, disqualified). */
    star: StarValue.nullable(),
    note: Line.default(''),
  })
  .strict();

export const SummaryData = z
  .object({
    setup: DocumentSetup,
    /** "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp" (in running text). */
    councilName: NonEmptyLine,
    /** The biên bản this table is annexed to; its number and date are printed in the subtitle. */
    minutesNumber: DocumentNumber,
    minutesDate: IsoDate.nullable(),
    legalBasis: LegalBasisId,
    /** Member columns in order: TV1 … TVn. */
    members: z.array(Member).min(1).max(30),
    rows: z.array(SummaryRow),
    /** Spread above which a product must be discussed and re-scored (Quy chế; default 10 points). */
    spreadLimitCenti: Centi.default(1000),
    secretary: Signer,
    chair: Signer,
    /** Not finalized yet: marked "DỰ THẢO" (nothing official-looking prints before finalization). */
    draft: z.boolean().default(false),
    integrity: Integrity.optional(),
  })
  .strict();

// ───────────────────────────── Biên bản họp Hội đồng (Mẫu 1.9) ─────────────────────────────

export const AttendanceEntry = z.object({ member: Member, present: z.boolean(), absenceReason: Line.default('') }).strict();

export const SpreadDiscussion = z
  .object({
    product: Product,
    spreadBeforeCenti: Centi,
    spreadAfterCenti: Centi.nullable(),
    rescoringRounds: z.int().min(0),
    /** What the council discussed and decided, as the secretary wrote it. */
    discussion: Paragraphs,
  })
  .strict();

export const Vote = z.object({ for: z.int().min(0), against: z.int().min(0), abstain: z.int().min(0) }).strict();

export const MinutesData = z
  .object({
    setup: DocumentSetup,
    /** Trích yếu: "Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026 (đợt 1)". */
    meetingTitle: NonEmptyLine,
    councilName: NonEmptyLine,
    startedAt: LocalDateTime,
    endedAt: LocalDateTime.nullable(),
    location: NonEmptyLine,
    attendance: z.array(AttendanceEntry).min(1),
    guests: z.array(NonEmptyLine).default([]),
    /** Quorum as the rules engineer computes it (shared/ocop/quorum.ts): met or not, and why. */
    quorum: z.object({ met: z.boolean(), rule: Line }).strict(),
    chair: Member,
    secretary: Member,
    legalBasis: LegalBasisId,
    /** The criteria-set decision as cited in prose, e.g. "Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ". */
    legalBasisCitation: NonEmptyLine,
    /** Results of every product on the agenda (same rows as the summary table). */
    results: z.array(SummaryRow),
    spreadLimitCenti: Centi.default(1000),
    spreadDiscussions: z.array(SpreadDiscussion).default([]),
    /** Recorded opinions of members, one paragraph each. */
    opinions: z.array(Paragraphs).default([]),
    vote: Vote.nullable().default(null),
    /** Further conclusions and proposals the secretary recorded, after those the results give. */
    proposals: z.array(Paragraphs).default([]),
    /** Number of the annexed summary table (the biên bản refers to it), if printed separately. */
    summaryAnnexed: z.boolean().default(true),
    secretarySigner: Signer,
    chairSigner: Signer,
    /** Not finalized yet: marked "DỰ THẢO". */
    draft: z.boolean().default(false),
    integrity: Integrity.optional(),
  })
  .strict();

// ───────────────────────────── Dự thảo Quyết định công nhận ─────────────────────────────

export const DecisionProduct = z
  .object({
    product: Product,
    mean: Mean.nullable(),
    star: StarValue,
  })
  .strict();

export const DecisionData = z
  .object({
    /** Issuer "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP", number "…/QĐ-UBND" (blank in a draft), place/date. */
    setup: DocumentSetup,
    /** Trích yếu after "Về việc": "công nhận kết quả đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp năm 2026 (đợt 1)". */
    subject: NonEmptyLine,
    /** Thẩm quyền line, caps: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP". */
    authority: NonEmptyLine,
    /** "Căn cứ …" lines without "Căn cứ" and the closing ";" (the layout adds them). */
    legalBases: z.array(NonEmptyLine).min(1),
    /** "Theo đề nghị của Giám đốc Sở … tại Tờ trình số …" without the closing ",". */
    proposal: NonEmptyLine,
    /** Province as written in running text and the annex, e.g. "tỉnh Đồng Tháp". */
    provinceName: NonEmptyLine,
    year: z.int().min(2018).max(2100),
    legalBasis: LegalBasisId,
    /** Unit that presents the certificates (Điều 2), e.g. "Sở Nông nghiệp và Môi trường". */
    presentingUnit: NonEmptyLine,
    /** Who executes the decision (Điều 3), e.g. ["Chánh Văn phòng UBND tỉnh", "Giám đốc các Sở: …"]. */
    executors: z.array(NonEmptyLine).min(1),
    /** Recognised products (3★, 4★). 5★ proposals and 1–2★ are not in a provincial decision. */
    products: z.array(DecisionProduct),
    /** Whether the annex prints the mean score (some provinces omit it). */
    showScores: z.boolean().default(true),
    signer: Signer,
    /** Marked "DỰ THẢO" on page 1 until the Chủ tịch signs. */
    draft: z.boolean().default(true),
    integrity: Integrity.optional(),
  })
  .strict();

// ───────────────────────────── Giấy chứng nhận ─────────────────────────────

export const CertificateData = z
  .object({
    /** "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP". */
    issuer: IssuerHeader,
    /** Certificate number if the province uses one, e.g. "125/GCN-UBND". */
    certificateNo: Line.default(''),
    product: Product,
    star: z.union([z.literal(3), z.literal(4), z.literal(5)]),
    legalBasis: LegalBasisId,
    /** "Quyết định số 125/QĐ-UBND ngày 20 tháng 01 năm 2026 của Chủ tịch UBND tỉnh Đồng Tháp". */
    decisionCitation: NonEmptyLine,
    /**
     * The date of the recognising decision, from which validity counts (Decision 26/2026 Điều 4.3);
     * the expiry (36 months, clamped to the month's end) is computed from it. Null while the
     * provincial decision is not recorded: no validity dates print.
     */
    issuedOn: IsoDate.nullable(),
    placeDate: PlaceDate,
    signer: Signer,
    /** Marked "DỰ THẢO" (before finalization, or while the decision is not recorded). */
    draft: z.boolean().default(false),
    integrity: Integrity.optional(),
  })
  .strict();

export type IssuerHeader = z.infer<typeof IssuerHeader>;
export type DocumentNumber = z.infer<typeof DocumentNumber>;
export type PlaceDate = z.infer<typeof PlaceDate>;
export type Signer = z.infer<typeof Signer>;
export type DocumentSetup = z.infer<typeof DocumentSetup>;
export type Integrity = z.infer<typeof Integrity>;
export type Member = z.infer<typeof Member>;
export type MemberRole = z.infer<typeof MemberRole>;
export type Product = z.infer<typeof Product>;
export type ScoringForm = z.infer<typeof ScoringForm>;
export type ScoringSheetData = z.infer<typeof ScoringSheetData>;
export type SummaryRow = z.infer<typeof SummaryRow>;
export type SummaryData = z.infer<typeof SummaryData>;
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;
export type SpreadDiscussion = z.infer<typeof SpreadDiscussion>;
export type MinutesData = z.infer<typeof MinutesData>;
export type DecisionProduct = z.infer<typeof DecisionProduct>;
export type DecisionData = z.infer<typeof DecisionData>;
export type CertificateData = z.infer<typeof CertificateData>;

/** Every document kind and its data, for the service and the CLI. */
export const DOCUMENT_KINDS = ['sheet', 'blank-sheet', 'sheets', 'summary', 'minutes', 'decision', 'certificate'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
