import { z } from 'zod';
import { LEGAL_BASIS_IDS } from './legal-basis';

/**
 * The app's own model of an OCOP criteria set ("Bộ tiêu chí đánh giá sản phẩm OCOP, kiêm phiếu
 * đánh giá"). One set is also the individual evaluator's scoring sheet, so this model carries
 * everything the form shows (parts → groups → criteria → answer levels with points and star
 * marks, notes, "Hồ sơ bị loại khi" disqualifiers) plus the RULES the notes state, as data the
 * scoring screen acts on, and the source anomalies to check against the signed PDF.
 *
 * This schema is the JSON exchange format as well (docs/formats/criteria-set.md; JSON Schema
 * generated from it in docs/formats/criteria-set.schema.json). Shape checks live here; the
 * arithmetic and cross-reference checks (totals, maxima, codes, rule targets) are in
 * `criteria-set-check.ts` so every error can name the criterion and say what to fix.
 *
 * `version` and `contentHash` are not part of the content: the database assigns the version,
 * and the hash is SHA-256 of the canonical JSON of this object (see CriteriaSetVersion).
 */

export const CRITERIA_SET_FORMAT = 'ocop-criteria-set';
export const CRITERIA_SET_FORMAT_VERSION = 1;

/** The legal basis of a set ('26/2026/QĐ-TTg' current; the others historic): fixes part maxima and star bands. */
export const CriteriaDecision = z.enum(LEGAL_BASIS_IDS);
export type CriteriaDecision = z.infer<typeof CriteriaDecision>;

const Text = z.string().trim().min(1).max(4000);
const Title = z.string().trim().min(1).max(1000);
const Points = z.int().min(0).max(100);

/** Printed criterion code: "1.1", "6.1.1", or "8" for a Part C group that is itself one criterion. */
export const CriterionCode = z
  .string()
  .regex(/^[1-9]\d?(\.[1-9]\d?){0,2}$/, 'a criterion code is numbers separated by dots, e.g. "1.1", "6.1.1" or "8"');
/** Group number as printed, "1" … "17"; numbering runs across the parts. */
export const GroupCode = z.string().regex(/^[1-9]\d?$/, 'a group code is a number, e.g. "1" or "12"');
export const PartCode = z.enum(['A', 'B', 'C']);
export type PartCode = z.infer<typeof PartCode>;

/** A set's identity across versions: 'qd26-2026/07' for built-in sets, or a custom id. */
export const SetKey = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._/-]{1,63}$/,
    'a set key is 2–64 lower-case letters, digits, ".", "_", "/" or "-", e.g. "qd26-2026/07" or "tinh-ab/che-2027"',
  );

/** Star marks "***" / "****" / "*****": the level is the minimum to reach for 3★ / 4★ / 5★. */
export const StarMark = z.union([z.literal(3), z.literal(4), z.literal(5)]);
export type StarMark = z.infer<typeof StarMark>;

export const CriterionLevel = z
  .object({
    /** Option text after the "□", verbatim, star marker removed. */
    text: Text,
    points: Points,
    minForStars: StarMark.optional(),
    /** Set 26 criteria 8, 9, 15: the entry of the criterion's `cases` this level belongs to. */
    case: Title.optional(),
    /** A note printed under this one level (sets 21–22, criterion 6.2). */
    note: Text.optional(),
    /** The points cell is blank in the source; `points` holds the value other sets print. */
    pointsBlankInSource: z.literal(true).optional(),
    /** The value printed in the source when `points` was corrected (set 4 crit. 7, set 11 crit. 6.1.1). */
    sourcePoints: z.int().min(0).optional(),
  })
  .strict();
export type CriterionLevel = z.infer<typeof CriterionLevel>;

/** The intermediate heading of three-level sets (11, 13), e.g. 6.1 "Ngoại hình" over 6.1.1, 6.1.2. Not scored itself. */
export const CriterionParent = z.object({ code: CriterionCode, title: Title, max: Points }).strict();
export type CriterionParent = z.infer<typeof CriterionParent>;

export const Criterion = z
  .object({
    code: CriterionCode,
    title: Title,
    /** Equals the highest level's points (per case in set 26). */
    max: Points,
    parent: CriterionParent.optional(),
    /** Italic/explanatory rows under the criterion, verbatim ("Yêu cầu: …", "Ghi chú: …", "(…)"). */
    notes: z.array(Text).default([]),
    /** Answer options in printed order; exactly one is chosen per criterion (per case in set 26). */
    levels: z.array(CriterionLevel).min(1),
    /** "Lựa chọn một trong hai trường hợp": the cases, verbatim (set 26 criteria 8, 9, 15). */
    cases: z.array(Title).min(2).optional(),
    /** Points are not increasing and look like a typo; kept as printed (set 7 crit. 3.1, set 23 crit. 6.2). */
    possibleTypo: z.literal(true).optional(),
    /** The source lists no answer levels; binary Không 0 / Có 1 levels were added. */
    levelsImplied: z.literal(true).optional(),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

export const CriteriaGroup = z
  .object({
    code: GroupCode,
    title: Title,
    max: Points,
    /** In Part C groups 6/7 and up hold one criterion with the group's own code and title. */
    criteria: z.array(Criterion).min(1),
  })
  .strict();
export type CriteriaGroup = z.infer<typeof CriteriaGroup>;

export const CriteriaPart = z
  .object({
    code: PartCode,
    title: Title,
    max: Points,
    groups: z.array(CriteriaGroup).min(1),
  })
  .strict();
export type CriteriaPart = z.infer<typeof CriteriaPart>;

/** Phụ lục I: ngành › nhóm › phân nhóm and the managing ministry (Cơ quan chủ trì quản lý). */
export const ProductClassification = z
  .object({
    nganh: Title,
    nhom: Title,
    /** null where Phụ lục I has no phân nhóm (sets 13, 18–26). */
    phanNhom: Title.nullable(),
    /** One or two ministries, in printed order. */
    ministries: z.array(Title).min(1),
  })
  .strict();
export type ProductClassification = z.infer<typeof ProductClassification>;

// ───────────────────────────── Rules stated by the notes ─────────────────────────────
//
// The notes are verbatim text; these rules are their structured reading, extracted by
// shared/ocop/criteria-notes.ts with explicit patterns (recorded in `pattern`). A note that no
// pattern recognises stays a plain note and is listed by the build script, never guessed.

/** Which extraction pattern produced a rule ('manual' for rules written by hand in an imported file). */
export const RulePattern = z.enum([
  'ho-so-bi-loai-khi', // "Hồ sơ bị loại khi: …" (set heading)
  'bi-loai-neu', // "Bị loại nếu …"
  'neu-thi-se-bi-loai-bo', // "Nếu …, sẽ bị loại bỏ"
  'khong-danh-gia-nhung-san-pham', // "Không đánh giá những sản phẩm …" (product excluded)
  'neu-thi-khong-danh-gia-buoc-tiep-theo', // "Nếu …, sẽ không đánh giá các bước tiếp theo"
  'khong-danh-gia-buoc-tiep-theo-neu', // "Không đánh giá các bước tiếp theo nếu …"
  'khong-xem-xet-chi-tieu-khac-neu', // "Không xem xét các chỉ tiêu khác nếu …"
  'neu-0-diem-chi-tieu-tren', // "Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá …"
  'chi-ap-dung-khi', // "Chỉ áp dụng khi …"
  'mot-trong-hai-truong-hop', // "Lựa chọn một trong hai trường hợp sau:"
  'manual',
]);
export type RulePattern = z.infer<typeof RulePattern>;

const RuleBase = {
  /** Stable within a set: `<kind>:<criterion code or "set">:<n>`. */
  id: z
    .string()
    .regex(
      /^(disqualify|stop|conditional|caseChoice):(set|[0-9.]+):[1-9]\d*$/,
      'a rule id is "<kind>:<criterion code or set>:<n>", e.g. "stop:6.1:1"',
    ),
  /** The note (or disqualifier paragraph) the rule was read from, verbatim. */
  sourceText: Text,
  pattern: RulePattern,
};

/** "Bị loại nếu …": the dossier/product is excluded when the evaluator finds `condition`. */
export const DisqualifyRule = z
  .object({
    kind: z.literal('disqualify'),
    ...RuleBase,
    /** null = the set-level "Hồ sơ bị loại khi" paragraph. */
    criterionCode: CriterionCode.nullable(),
    /** What the evaluator must find, verbatim from the note (e.g. "sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc"). */
    condition: Text,
  })
  .strict();
export type DisqualifyRule = z.infer<typeof DisqualifyRule>;

export const LevelRef = z.object({ criterionCode: CriterionCode, levelIndex: z.int().min(0) }).strict();
export type LevelRef = z.infer<typeof LevelRef>;

/**
 * "… sẽ không đánh giá các bước tiếp theo" / "Không xem xét các chỉ tiêu khác nếu …": when the
 * trigger holds, evaluation stops. The trigger is either a condition the evaluator judges
 * (unacceptable impurities, no Phiếu công bố) or choosing one of the listed levels (set 16: 0
 * points on any of the criteria above).
 */
export const StopTrigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('condition'), condition: Text }).strict(),
  z.object({ type: z.literal('levels'), levels: z.array(LevelRef).min(1) }).strict(),
]);
export type StopTrigger = z.infer<typeof StopTrigger>;

export const StopRule = z
  .object({
    kind: z.literal('stop'),
    ...RuleBase,
    criterionCode: CriterionCode,
    trigger: StopTrigger,
    /**
     * What is not evaluated: 'following' = the criteria after this one in form order ("các bước
     * tiếp theo"); 'others' = every other criterion of the set ("các chỉ tiêu khác").
     */
    skip: z.enum(['following', 'others']),
  })
  .strict();
export type StopRule = z.infer<typeof StopRule>;

/** "Chỉ áp dụng khi có câu chuyện sản phẩm": the criterion is skipped (not scored) when `condition` does not hold. */
export const ConditionalRule = z
  .object({
    kind: z.literal('conditional'),
    ...RuleBase,
    criterionCode: CriterionCode,
    condition: Text,
    whenNotMet: z.literal('skip'),
  })
  .strict();
export type ConditionalRule = z.infer<typeof ConditionalRule>;

/** "Lựa chọn một trong hai trường hợp sau": pick one case, then one level of that case (set 26). */
export const CaseChoiceRule = z
  .object({
    kind: z.literal('caseChoice'),
    ...RuleBase,
    criterionCode: CriterionCode,
    cases: z.array(Title).min(2),
  })
  .strict();
export type CaseChoiceRule = z.infer<typeof CaseChoiceRule>;

export const CriteriaRule = z.discriminatedUnion('kind', [DisqualifyRule, StopRule, ConditionalRule, CaseChoiceRule]);
export type CriteriaRule = z.infer<typeof CriteriaRule>;
export type CriteriaRuleKind = CriteriaRule['kind'];

// ───────────────────────────── Anomalies ─────────────────────────────

/** What an anomaly is about; the UI flags that place "cần đối chiếu văn bản gốc". */
export const AnomalyTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set') }).strict(),
  z.object({ kind: z.literal('part'), code: PartCode }).strict(),
  z.object({ kind: z.literal('criterion'), code: CriterionCode }).strict(),
]);
export type AnomalyTarget = z.infer<typeof AnomalyTarget>;

/** A source problem and what was stored, verbatim from the transcription (Vietnamese). */
export const CriteriaAnomaly = z.object({ target: AnomalyTarget, text: Text }).strict();
export type CriteriaAnomaly = z.infer<typeof CriteriaAnomaly>;

export const CriteriaSource = z
  .object({
    document: Text,
    officialUrl: Text.nullable(),
    transcript: Text.nullable(),
    method: Text.nullable(),
  })
  .strict();
export type CriteriaSource = z.infer<typeof CriteriaSource>;

// ───────────────────────────── The set ─────────────────────────────

export const CriteriaSet = z
  .object({
    format: z.literal(CRITERIA_SET_FORMAT),
    formatVersion: z.literal(CRITERIA_SET_FORMAT_VERSION),
    setKey: SetKey,
    decision: CriteriaDecision,
    /** Order in the decision's annex (1–26 for 26/2026); null for a custom set. */
    setNo: z.int().min(1).max(99).nullable(),
    /** Name for display (the annex index name), e.g. "Chế biến từ rau, củ, quả, hạt". */
    name: Title,
    /** Name as printed in the set's own heading (differs in sets 10, 12, 13, 21). */
    heading: Title,
    /** The line under the heading, verbatim, e.g. "(Sản phẩm: Thực phẩm. Nhóm: Nông sản chế biến)". */
    classificationLine: Title.nullable(),
    classification: ProductClassification.nullable(),
    /** Identification lines of the phiếu (Tên sản phẩm, Mã số sản phẩm …). */
    formHeaderFields: z.array(Text),
    /** Closing lines of the phiếu (Ý kiến của người đánh giá, date, signature). */
    formFooterFields: z.array(Text),
    /** "Hồ sơ bị loại khi: …", verbatim; empty for set 26. */
    disqualifiers: z.array(Text),
    parts: z.array(CriteriaPart).length(3),
    total: Points,
    /** The closing "Ghi chú: Dấu sao là yêu cầu tối thiểu …" note, verbatim; null for set 26. */
    starRule: Text.nullable(),
    rules: z.array(CriteriaRule),
    anomalies: z.array(CriteriaAnomaly),
    source: CriteriaSource.nullable(),
  })
  .strict();
export type CriteriaSet = z.infer<typeof CriteriaSet>;
/** What a file may contain before defaults are applied (e.g. `notes` omitted). */
export type CriteriaSetInput = z.input<typeof CriteriaSet>;

// ───────────────────────────── Stored versions ─────────────────────────────

export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/);

/** Part maxima as a map, for lists: { A: 40, B: 25, C: 35 }. */
export const PartMaxima = z.object({ A: Points, B: Points, C: Points }).strict();
export type PartMaxima = z.infer<typeof PartMaxima>;

/** One row of `criteria_set_version` without the content: what lists show. */
export const CriteriaSetSummary = z.object({
  id: z.int(),
  setKey: SetKey,
  decision: CriteriaDecision,
  setNo: z.int().nullable(),
  name: z.string(),
  version: z.int().min(1),
  contentHash: ContentHash,
  builtIn: z.boolean(),
  /** true once a scoring sheet or self-assessment uses this version: it can never change. */
  locked: z.boolean(),
  /** Newest version of its set key. */
  latest: z.boolean(),
  createdAt: z.string(),
  partMaxima: PartMaxima,
  total: z.int(),
  criterionCount: z.int(),
  starMarkedLevels: z.int(),
  classification: ProductClassification.nullable(),
});
export type CriteriaSetSummary = z.infer<typeof CriteriaSetSummary>;

/** A stored, versioned set with its full content. */
export const CriteriaSetVersion = CriteriaSetSummary.extend({ content: CriteriaSet });
export type CriteriaSetVersion = z.infer<typeof CriteriaSetVersion>;
