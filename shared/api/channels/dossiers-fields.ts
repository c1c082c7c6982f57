import { z } from 'zod';
import {
  COMMUNE_CODE_PATTERN,
  MAX_CODE_YEAR,
  MIN_CODE_YEAR,
  PROVINCE_CODE_PATTERN,
  normalizeEmail,
  normalizePhone,
  normalizeRegistrationNo,
  normalizeTaxCode,
  parseProductCode,
} from '../../ocop/codes';
import {
  COMMUNE_RECOMMENDATIONS,
  GENDERS,
  PRODUCER_KINDS,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
} from '../../ocop/dossier-model';
import { isIsoDate } from '../../ocop/reevaluation-window';
import { Id, Line, Paragraphs, RequiredLine } from '../fields';

/**
 * Field schemas of the dossiers area. Inputs normalise on the way in (codes, phone, tax
 * numbers to their canonical form; single-line text collapsed) and every message names what
 * is expected, with an example, so the caller can fix the value.
 */

// Id, Line, RequiredLine and Paragraphs are shared with other areas (shared/api/fields.ts).
export { Id, Line, Paragraphs, RequiredLine } from '../fields';

/** An optional value that normalises to a canonical form; '' and null mean "none". */
function normalizedOrNull(normalize: (s: string) => string | null, message: (s: string) => string) {
  return z
    .string()
    .max(300)
    .nullish()
    .transform((v, ctx) => {
      const t = v?.trim() ?? '';
      if (t === '') return null;
      const n = normalize(t);
      if (n === null) {
        ctx.addIssue({ code: 'custom', message: message(t) });
        return z.NEVER;
      }
      return n;
    });
}

export const TaxCodeField = normalizedOrNull(
  (s) => normalizeTaxCode(s)?.value ?? null,
  (s) => `tax number "${s}" must be 10 digits, 13 digits written 10-3 (e.g. 0101234567-001) or a 12-digit personal number`,
);
export const PhoneField = normalizedOrNull(
  (s) => normalizePhone(s)?.value ?? null,
  (s) =>
    `phone "${s}" is not a Vietnamese number: use one mobile (e.g. 0912 345 678) or landline with area code (e.g. 024 3812 3456)`,
);
export const EmailField = normalizedOrNull(normalizeEmail, (s) => `e-mail "${s}" is not an address like ten@vidu.vn`);
export const RegistrationNoField = normalizedOrNull(
  normalizeRegistrationNo,
  (s) => `registration number "${s}" must read …/PĐK-(province code)-(commune code)-(year), e.g. 7/PĐK-01-00004-2026`,
);
export const ProductCodeField = normalizedOrNull(
  (s) => {
    const p = parseProductCode(s);
    return p ? `${p.provinceCode}-${p.communeCode}-${p.seq}-${p.year}` : null;
  },
  (s) => `product code "${s}" must read (province)-(commune)-(running number)-(year), e.g. 01-00004-7-2026`,
);

export const IsoDateField = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    const t = v?.trim() ?? '';
    if (t === '') return null;
    if (!isIsoDate(t)) {
      ctx.addIssue({ code: 'custom', message: `"${t}" is not a date written YYYY-MM-DD, e.g. 2026-06-30` });
      return z.NEVER;
    }
    return t;
  });

export const ProvinceCode = z
  .string()
  .trim()
  .regex(PROVINCE_CODE_PATTERN, 'province code must be 2 digits (QĐ 19/2025/QĐ-TTg), e.g. "01"');
export const CommuneCode = z
  .string()
  .trim()
  .regex(COMMUNE_CODE_PATTERN, 'commune code must be 5 digits (QĐ 19/2025/QĐ-TTg), e.g. "00004"');
export const CodeYear = z
  .number()
  .int()
  .min(MIN_CODE_YEAR, `year must be ${MIN_CODE_YEAR} or later`)
  .max(MAX_CODE_YEAR, `year must be ${MAX_CODE_YEAR} or earlier`);

export const ProducerKind = z.enum(PRODUCER_KINDS);
export const Gender = z.enum(GENDERS);
export const RegistrationKind = z.enum(REGISTRATION_KINDS);
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);
export const CommuneRecommendation = z.enum(COMMUNE_RECOMMENDATIONS);
export const LegalBasisId = z.enum(['26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg']);
export const SetKeyField = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._/-]{1,63}$/, 'criteria set key must look like "qd26-2026/07"');
export const CriterionCodeField = z
  .string()
  .trim()
  .regex(/^[1-9]\d?(\.[1-9]\d?){0,2}$/, 'criterion code must look like "1.1", "6.1.1" or "8"');

/** Paging for virtualised lists: the UI asks for the window it shows. */
export const Window = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};
export const Page = <T extends z.ZodType>(row: T) =>
  z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(row) });

// ─────────────────────────── Rounds ───────────────────────────

export const EvaluationRound = z.object({
  id: z.number().int(),
  year: z.number().int(),
  number: z.number().int(),
  legalBasis: LegalBasisId,
  name: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  deadlineDate: z.string().nullable(),
  createdAt: z.string(),
  registrationCount: z.number().int(),
});
export type EvaluationRound = z.infer<typeof EvaluationRound>;

export const RoundInput = z
  .object({
    year: CodeYear,
    number: z.number().int().min(1, 'round number starts at 1').max(99),
    legalBasis: LegalBasisId.default('26/2026/QĐ-TTg'),
    name: Line(200).default(''),
    startDate: IsoDateField,
    endDate: IsoDateField,
    deadlineDate: IsoDateField,
  })
  .strict();

// ─────────────────────────── Producers ───────────────────────────

export const ProducerInput = z
  .object({
    kind: ProducerKind,
    name: RequiredLine(300, 'producer name'),
    taxCode: TaxCodeField,
    registrationNo: Line(60)
      .nullish()
      .transform((v) => (v ? v : null)),
    representativeName: Line(120).default(''),
    representativePosition: Line(120).default(''),
    representativeGender: Gender.nullish().transform((v) => v ?? null),
    representativeEthnicity: Line(60).default(''),
    representativeEthnicMinority: z.boolean().default(false),
    representativeDisability: z.boolean().default(false),
    address: Line(300).default(''),
    communeCode: CommuneCode,
    communeName: RequiredLine(120, 'commune name'),
    provinceCode: ProvinceCode,
    provinceName: RequiredLine(120, 'province name'),
    phone: PhoneField,
    email: EmailField,
    foundedOn: IsoDateField,
    note: Paragraphs(2000).default(''),
  })
  .strict();
export type ProducerInput = z.input<typeof ProducerInput>;
export type ProducerData = z.output<typeof ProducerInput>;

export const Producer = z.object({
  id: z.number().int(),
  kind: ProducerKind,
  name: z.string(),
  taxCode: z.string().nullable(),
  registrationNo: z.string().nullable(),
  representativeName: z.string(),
  representativePosition: z.string(),
  representativeGender: Gender.nullable(),
  representativeEthnicity: z.string(),
  representativeEthnicMinority: z.boolean(),
  representativeDisability: z.boolean(),
  address: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  foundedOn: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  productCount: z.number().int(),
});
export type Producer = z.infer<typeof Producer>;

export const ProducerSummary = Producer.pick({
  id: true,
  kind: true,
  name: true,
  taxCode: true,
  communeName: true,
  provinceName: true,
  phone: true,
  productCount: true,
});
export type ProducerSummary = z.infer<typeof ProducerSummary>;

// ─────────────────────────── Products ───────────────────────────

export const ProductInput = z
  .object({
    producerId: Id,
    name: RequiredLine(300, 'product name'),
    /** The criteria set that scores the product; for built-in sets this is its Phụ lục I classification leaf. */
    setKey: SetKeyField,
    specification: Line(300).default(''),
    packaging: Line(300).default(''),
    /** Leave empty to have the app number it: (province)-(commune)-(next running number)-(year). */
    productCode: ProductCodeField,
    /** Year written in a generated code; defaults to the current year. */
    codeYear: CodeYear.nullish().transform((v) => v ?? null),
    note: Paragraphs(2000).default(''),
  })
  .strict();
export type ProductInput = z.input<typeof ProductInput>;
export type ProductData = z.output<typeof ProductInput>;

export const Product = z.object({
  id: z.number().int(),
  producerId: z.number().int(),
  producerName: z.string(),
  name: z.string(),
  setKey: z.string(),
  /** Phụ lục I path of a built-in set (null for a custom set). */
  classification: z
    .object({
      nganhNo: z.string(),
      nganh: z.string(),
      nhom: z.string(),
      phanNhom: z.string().nullable(),
      setNo: z.number().int(),
      setName: z.string(),
    })
    .nullable(),
  specification: z.string(),
  packaging: z.string(),
  productCode: z.string(),
  codeSeq: z.number().int(),
  codeYear: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  registrationCount: z.number().int(),
});
export type Product = z.infer<typeof Product>;

// ─────────────────────────── Registrations ───────────────────────────

const RegistrationFields = {
  kind: RegistrationKind,
  currentStars: z
    .number()
    .int()
    .min(3, 'current star rank is 3, 4 or 5 (certificates start at 3★)')
    .max(5)
    .nullish()
    .transform((v) => v ?? null),
  certificateNo: Line(60)
    .nullish()
    .transform((v) => (v ? v : null)),
  certificateIssuedOn: IsoDateField,
  certificateExpiresOn: IsoDateField,
  /** Leave empty to have the app number it: (next serial)/PĐK-(province)-(commune)-(round year). */
  registrationNo: RegistrationNoField,
  receivedCommuneOn: IsoDateField,
  receivedProvinceOn: IsoDateField,
  receiverName: Line(120).default(''),
  sampleCount: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .nullish()
    .transform((v) => v ?? null),
  note: Paragraphs(2000).default(''),
};

export const RegistrationCreateInput = z
  .object({
    productId: Id,
    roundId: Id,
    ...RegistrationFields,
    /** Pin a specific version; default: the newest version of the product's set. */
    criteriaSetVersionId: Id.nullish().transform((v) => v ?? null),
  })
  .strict();
export type RegistrationCreateInput = z.input<typeof RegistrationCreateInput>;
export type RegistrationCreateData = z.output<typeof RegistrationCreateInput>;

export const RegistrationUpdateInput = z
  .object({
    id: Id,
    ...RegistrationFields,
    criteriaSetVersionId: Id.nullish().transform((v) => v ?? null),
  })
  .strict();
export type RegistrationUpdateData = z.output<typeof RegistrationUpdateInput>;

export const RegistrationSort = z.enum(['recent', 'product', 'producer']);

export const RegistrationFilter = {
  roundId: Id.optional(),
  status: z.array(RegistrationStatus).max(6).optional(),
  kind: z.array(RegistrationKind).max(3).optional(),
  communeCode: CommuneCode.optional(),
  /** Criteria set keys (a product group = one set; a sector = several). */
  setKeys: z.array(SetKeyField).max(100).optional(),
  producerId: Id.optional(),
  productId: Id.optional(),
  /** Accent-insensitive words; every word must appear (product, producer, codes, numbers, place). */
  search: z.string().max(200).optional(),
};

/**
 * What the council decided about a registration, recorded when its session was finalized (null
 * before, and again after the session is reopened): the star, or disqualified; recognised (3–4
 * sao, provincial) or proposed to the central level (5 sao).
 */
export const RegistrationOutcome = z.object({
  status: z.enum(['complete', 'disqualified']),
  stars: z.number().int().min(1).max(5).nullable(),
  recognised: z.boolean(),
  proposedToCentral: z.boolean(),
  finalizationId: z.number().int(),
  sessionId: z.number().int().nullable(),
  sessionNumber: z.number().int().nullable(),
  at: z.string(),
});
export type RegistrationOutcome = z.infer<typeof RegistrationOutcome>;

export const RegistrationRow = z.object({
  id: z.number().int(),
  registrationNo: z.string(),
  status: RegistrationStatus,
  statusAt: z.string(),
  kind: RegistrationKind,
  currentStars: z.number().int().nullable(),
  roundId: z.number().int(),
  roundYear: z.number().int(),
  roundNumber: z.number().int(),
  productId: z.number().int(),
  productName: z.string(),
  productCode: z.string(),
  producerId: z.number().int(),
  producerName: z.string(),
  communeName: z.string(),
  provinceName: z.string(),
  setKey: z.string(),
  receivedCommuneOn: z.string().nullable(),
  outcome: RegistrationOutcome.nullable(),
});
export type RegistrationRow = z.infer<typeof RegistrationRow>;

export const StatusEvent = z.object({
  id: z.number().int(),
  fromStatus: RegistrationStatus.nullable(),
  toStatus: RegistrationStatus,
  at: z.string(),
  actor: z.string(),
  note: z.string(),
});

export const CommuneReportInput = z
  .object({
    registrationId: Id,
    reportNo: Line(60).default(''),
    reportDate: IsoDateField,
    localMaterials: Paragraphs(8000).default(''),
    localLabour: Paragraphs(8000).default(''),
    ideaOrigin: Paragraphs(8000).default(''),
    localIdentity: Paragraphs(8000).default(''),
    recommendation: CommuneRecommendation.nullish().transform((v) => v ?? null),
    proposal: Paragraphs(8000).default(''),
    signerName: Line(120).default(''),
    signerPosition: Line(120).default(''),
  })
  .strict();
export type CommuneReportData = z.output<typeof CommuneReportInput>;

export const CommuneReport = z.object({
  registrationId: z.number().int(),
  reportNo: z.string(),
  reportDate: z.string().nullable(),
  localMaterials: z.string(),
  localLabour: z.string(),
  ideaOrigin: z.string(),
  localIdentity: z.string(),
  recommendation: CommuneRecommendation.nullable(),
  proposal: z.string(),
  signerName: z.string(),
  signerPosition: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type CommuneReport = z.infer<typeof CommuneReport>;

export const Attachment = z.object({
  id: z.number().int(),
  registrationId: z.number().int(),
  criterionCode: z.string().nullable(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const ReevaluationCheck = z.object({
  timing: z.enum(['too_early', 'in_window', 'late', 'after_expiry']),
  opensOn: z.string(),
  closesOn: z.string(),
  daysBeforeExpiry: z.number().int(),
  /** The date measured: received by the commune, else by the province, else today. */
  measuredOn: z.string(),
});

export const SelfAssessmentAnswer = z.object({
  criterionCode: z.string(),
  levelIndex: z.number().int(),
  points: z.number().int(),
  evidenceNote: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type SelfAssessmentAnswer = z.infer<typeof SelfAssessmentAnswer>;

export const CriteriaSetRef = z.object({
  id: z.number().int(),
  setKey: z.string(),
  decision: z.string(),
  setNo: z.number().int().nullable(),
  name: z.string(),
  version: z.number().int(),
});

export const RegistrationDetail = z.object({
  id: z.number().int(),
  registrationNo: z.string(),
  kind: RegistrationKind,
  currentStars: z.number().int().nullable(),
  certificateNo: z.string().nullable(),
  certificateIssuedOn: z.string().nullable(),
  certificateExpiresOn: z.string().nullable(),
  receivedCommuneOn: z.string().nullable(),
  receivedProvinceOn: z.string().nullable(),
  receiverName: z.string(),
  sampleCount: z.number().int().nullable(),
  status: RegistrationStatus,
  statusAt: z.string(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  frozen: z.boolean(),
  nextStatuses: z.array(RegistrationStatus),
  round: EvaluationRound,
  product: Product,
  producer: Producer,
  criteriaSet: CriteriaSetRef,
  statusHistory: z.array(StatusEvent),
  communeReport: CommuneReport.nullable(),
  attachments: z.array(Attachment),
  selfAssessment: z.object({ answered: z.number().int(), criteria: z.number().int(), points: z.number().int() }),
  outcome: RegistrationOutcome.nullable(),
  /** Re-evaluations only: where the submission falls in the 180–120-day window (Đ7.6a). */
  reevaluation: ReevaluationCheck.nullable(),
  /**
   * The names recorded when the registration was evaluated (what results and documents print);
   * null until then. `product` and `producer` above are always the current records.
   */
  evaluatedAs: z
    .object({
      productName: z.string(),
      productCode: z.string(),
      producerName: z.string(),
      producerAddress: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type RegistrationDetail = z.infer<typeof RegistrationDetail>;

// ─────────────────────────── Import ───────────────────────────

export const OnDuplicate = z.enum(['skip', 'update']);

export { ImportRowError } from '../fields';

const ImportCounts = z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() });

export const ImportResult = z.object({
  dryRun: z.boolean(),
  fileSha256: z.string(),
  producers: ImportCounts,
  products: ImportCounts,
  registrations: ImportCounts,
  roundsCreated: z.array(z.object({ id: z.number().int().nullable(), year: z.number().int(), number: z.number().int() })),
  /** Rows matching existing data and what was (or, in a dry run, would be) done with them; first 500. */
  duplicates: z.array(
    z.object({
      sheet: z.string(),
      row: z.number().int(),
      entity: z.enum(['producer', 'product', 'registration']),
      existingId: z.number().int(),
      action: OnDuplicate,
      message: z.string(),
    }),
  ),
});
export type ImportResult = z.infer<typeof ImportResult>;
