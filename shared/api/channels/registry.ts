import { z } from 'zod';
import { PRODUCER_KINDS } from '../../ocop/dossier-model';
import { LEGAL_BASIS_IDS } from '../../ocop/legal-basis';
import { PRODUCER_GROUPS } from '../../ocop/producer-groups';
import { DUE_STATES, ENTRY_KINDS, ENTRY_STATES, ENTRY_STATUSES, REVOKE_GROUNDS } from '../../ocop/registry-status';
import { NGANH_NOS } from '../../ocop/registry-sectors';
import { parseDocNumber } from '../../ocop/document-number';
import { isIsoDate } from '../../ocop/reevaluation-window';
import { defineChannels } from '../define';
import { RegistryCorrection } from './document-register';
import { Id, ImportRowError, Line, Paragraphs, RequiredLine } from '../fields';

/**
 * The registry of OCOP products (issue 17): every recognition with its decision, certificate and
 * validity, the products entered but not recognised, revocations, re-evaluations and upgrades
 * linked to the recognition they follow; the re-evaluation calendar (Đ7.6); the import of the
 * province's earlier lists; the plan's targets and the registry's settings.
 * Statistics are in stats.ts.
 */

export const RegistryDate = z.string().trim().refine(isIsoDate, 'a date written YYYY-MM-DD, e.g. 2026-06-30');
/** A decision's "số, ký hiệu" as printed after "Số:": 125/QĐ-UBND or 12/2026/QĐ-UBND. */
const DecisionNumber = (what: string) =>
  RequiredLine(60, what).refine(
    (s) => parseDocNumber(s) !== null,
    `${what}: a number and symbol such as 125/QĐ-UBND or 12/2026/QĐ-UBND`,
  );
const Year = z.number().int().min(2018, 'year must be 2018 or later').max(2100);
const Star = z.number().int().min(1).max(5);

export const LegalBasis = z.enum(LEGAL_BASIS_IDS);
export const EntryState = z.enum(ENTRY_STATES);
export const EntryStatus = z.enum(ENTRY_STATUSES);
export const EntryKind = z.enum(ENTRY_KINDS);
export const ProducerKindField = z.enum(PRODUCER_KINDS);
export const ProducerGroupField = z.enum(PRODUCER_GROUPS);
export const NganhNo = z.enum(NGANH_NOS);
export const RevokeGround = z.enum(REVOKE_GROUNDS);
export const DueState = z.enum(DUE_STATES);
export const Authority = z.enum(['district', 'province', 'central']);
export const Origin = z.enum(['session', 'import', 'manual']);
const CommuneCode5 = z
  .string()
  .trim()
  .regex(/^\d{5}$/, 'commune code must be 5 digits (QĐ 19/2025/QĐ-TTg), e.g. "00004"');

/** One line of the registry list. */
export const RegistryEntry = z.object({
  id: z.number().int(),
  origin: Origin,
  kind: EntryKind,
  state: EntryState,
  /** What the entry reads as on the list's date (valid, in the window, expired, …). */
  status: EntryStatus,
  legalBasis: LegalBasis,
  year: z.number().int(),
  roundNo: z.number().int().nullable(),
  productName: z.string(),
  productCode: z.string(),
  producerName: z.string(),
  producerKind: ProducerKindField.nullable(),
  producerGroup: ProducerGroupField.nullable(),
  /** Current commune when known, else the commune as written. */
  communeLabel: z.string(),
  communeKey: z.string(),
  communeCode: z.string().nullable(),
  communeText: z.string(),
  districtText: z.string(),
  sectorText: z.string(),
  basisSector: z.string(),
  nganhNo: NganhNo.nullable(),
  nhom: z.string().nullable(),
  setKey: z.string().nullable(),
  star: Star.nullable(),
  scoreCenti: z.number().int().nullable(),
  authority: Authority.nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  certificateNo: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  windowOpensOn: z.string().nullable(),
  windowClosesOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  revokedOn: z.string().nullable(),
  rootId: z.number().int(),
  followsId: z.number().int().nullable(),
  supersededById: z.number().int().nullable(),
  sessionId: z.number().int().nullable(),
  registrationId: z.number().int().nullable(),
  productId: z.number().int().nullable(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const RegistryEntryDetail = RegistryEntry.extend({
  decisionSigner: z.string(),
  addressText: z.string(),
  communeName: z.string(),
  provinceName: z.string(),
  revokeGround: RevokeGround.nullable(),
  revokeDecisionNo: z.string().nullable(),
  revokeNote: z.string(),
  womenLed: z.boolean().nullable(),
  ethnicMinority: z.boolean().nullable(),
  note: z.string(),
  sourceRow: z.number().int().nullable(),
  importId: z.number().int().nullable(),
  producerId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Star change against the recognition it follows (re-evaluation, upgrade). */
  starChange: z.enum(['up', 'same', 'down']).nullable(),
  /** The product's whole chain, oldest first (this entry included). */
  history: z.array(RegistryEntry),
  /** A re-evaluation or upgrade registration of this product not yet decided, if any. */
  pendingRegistration: z
    .object({ id: z.number().int(), registrationNo: z.string(), kind: z.string(), status: z.string(), roundName: z.string() })
    .nullable(),
  /**
   * The session's decision and certificates issued (register of issued documents, in force): they
   * print the decision as it was when issued, whatever is corrected here later.
   */
  issuedDocuments: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      title: z.string(),
      number: z.string().nullable(),
      issuedAt: z.string(),
    }),
  ),
  /** Corrections of this entry made after documents printing it were issued (who, when, what, why). */
  corrections: z.array(RegistryCorrection),
});
export type RegistryEntryDetail = z.infer<typeof RegistryEntryDetail>;

export const RegistrySort = z.enum(['recent', 'product', 'producer', 'expiry', 'commune']);

/** Filters shared by the list, the export and the statistics' drill-down. */
export const RegistryFilter = z
  .object({
    /** The day statuses are read on (default: today in Vietnam). */
    on: RegistryDate.optional(),
    search: z.string().max(200).optional(),
    stars: z.array(Star).max(5).optional(),
    nganhNos: z.array(NganhNo).max(6).optional(),
    nhom: z.string().max(200).optional(),
    producerGroups: z.array(ProducerGroupField).max(5).optional(),
    communeKey: z.string().max(200).optional(),
    /** The district as written (records before 1/7/2025). */
    district: z.string().max(200).optional(),
    yearFrom: Year.optional(),
    yearTo: Year.optional(),
    roundNo: z.number().int().min(1).max(99).optional(),
    statuses: z.array(EntryStatus).max(10).optional(),
    states: z.array(EntryState).max(6).optional(),
    kinds: z.array(EntryKind).max(3).optional(),
    legalBases: z.array(LegalBasis).max(3).optional(),
    origins: z.array(Origin).max(3).optional(),
    /** Show withdrawn proposals too (hidden by default). */
    includeWithdrawn: z.boolean().optional(),
  })
  .strict();
export type RegistryFilter = z.infer<typeof RegistryFilter>;

const File = z.object({ fileName: z.string(), contentBase64: z.string() });

const Base64 = z
  .string()
  .max(32 * 1024 * 1024, 'the file is far too large to send')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content must be base64');

/** The office's confirmation of how a sector text is classified (asked once per text and basis). */
export const SectorChoiceInput = z
  .object({
    legalBasis: LegalBasis,
    text: z.string().max(300),
    nganhNo: NganhNo,
    nhom: z.string().max(200).nullable().optional(),
  })
  .strict();
export type SectorChoiceInput = z.infer<typeof SectorChoiceInput>;

const SectorClassOut = z.object({
  nganhNo: NganhNo,
  nhom: z.string().nullable(),
  setKey: z.string().nullable(),
  basisSector: z.string(),
});

/** One distinct sector text of an import and how it is classified. */
export const SectorReview = z.object({
  legalBasis: LegalBasis,
  text: z.string(),
  rows: z.number().int(),
  status: z.enum(['exact', 'keyword', 'ambiguous', 'unknown', 'confirmed']),
  /** The classification used (null until the office chooses, for ambiguous/unknown texts). */
  match: SectorClassOut.nullable(),
  candidates: z.array(SectorClassOut),
});
export type SectorReview = z.infer<typeof SectorReview>;

export const RegistryImportResult = z.object({
  dryRun: z.boolean(),
  fileSha256: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows already in the registry exactly as in the file. */
  unchanged: z.number().int(),
  /** Rows matching an existing entry that differs, left as they are (onDuplicate 'skip'). */
  skipped: z.number().int(),
  /** Rows already in the registry from a session of this app (same decision, product and producer). */
  fromSessions: z.number().int(),
  byState: z.record(z.string(), z.number().int()),
  /** Re-evaluations and upgrades linked to the recognition they follow. */
  linked: z.number().int(),
  /** Re-evaluations and upgrades for which no earlier recognition was found (first 200). */
  unlinked: z.array(z.object({ row: z.number().int(), product: z.string(), producer: z.string() })),
  sectors: z.array(SectorReview),
  importId: z.number().int().nullable(),
});
export type RegistryImportResult = z.infer<typeof RegistryImportResult>;

export const DueItem = z.object({
  entry: RegistryEntry,
  due: DueState,
  daysToExpiry: z.number().int(),
  pendingRegistration: RegistryEntryDetail.shape.pendingRegistration,
});
export type DueItem = z.infer<typeof DueItem>;

export const DueInput = z
  .object({
    on: RegistryDate.optional(),
    /** How far ahead a window counts as "coming" (days); default from the registry settings. */
    horizonDays: z.number().int().min(0).max(730).optional(),
    communeKey: z.string().max(200).optional(),
    dues: z.array(DueState).max(5).optional(),
  })
  .strict();

export const RegistrySettings = z.object({
  /** Average deviation (points) from the council mean from which a member is flagged. */
  leniencyThresholdPoints: z.number().min(0.5).max(50),
  /** Fewest products a member must have scored before being flagged. */
  leniencyMinProducts: z.number().int().min(1).max(500),
  /** Days ahead a re-evaluation window counts as coming. */
  dueHorizonDays: z.number().int().min(0).max(730),
  /** Header of the printed reports: "UBND TỈNH …" / "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG". */
  reportIssuerParent: z.string().max(120),
  reportIssuerBody: z.string().max(120),
  /** Place on the date line ("Đồng Tháp, ngày …"). */
  reportPlace: z.string().max(60),
  reportSignerTitle: z.string().max(120),
  reportSignerName: z.string().max(120),
});
export type RegistrySettings = z.infer<typeof RegistrySettings>;

export const TargetMetric = z.enum(['products_recognised', 'products_valid', 'producers_recognised']);
export const RegistryTarget = z.object({
  id: z.number().int(),
  label: z.string(),
  metric: TargetMetric,
  minStar: z.number().int().min(3).max(5),
  fromYear: z.number().int(),
  targetYear: z.number().int(),
  targetCount: z.number().int(),
  note: z.string(),
});
export type RegistryTarget = z.infer<typeof RegistryTarget>;
export const TargetInput = z
  .object({
    id: Id.optional(),
    label: RequiredLine(200, 'target label'),
    metric: TargetMetric,
    minStar: z.number().int().min(3).max(5),
    fromYear: Year,
    targetYear: Year,
    targetCount: z.number().int().min(1).max(1_000_000),
    note: Paragraphs(1000).default(''),
  })
  .strict();

export const Facets = z.object({
  years: z.array(z.number().int()),
  communes: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
  districts: z.array(z.object({ name: z.string(), count: z.number().int() })),
  nhom: z.array(z.string()),
  /** Finalized sessions whose results are not in the registry yet (registry:sync adds them). */
  pendingSessions: z.number().int(),
});

const Ids = z.array(Id).min(1).max(5000);

export const registryChannels = defineChannels({
  'registry:list': {
    input: RegistryFilter.extend({
      sort: RegistrySort.default('recent'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    output: z.object({ total: z.number().int(), offset: z.number().int(), on: z.string(), rows: z.array(RegistryEntry) }),
  },
  'registry:get': { input: z.object({ id: Id, on: RegistryDate.optional() }).strict(), output: RegistryEntryDetail },
  'registry:facets': { input: z.object({}).strict(), output: Facets },
  /** Adds the results of finalized sessions not yet in the registry (proposals), withdraws reopened ones. */
  'registry:sync': {
    input: z.object({}).strict(),
    output: z.object({ proposed: z.number().int(), notRecognised: z.number().int(), withdrawn: z.number().int() }),
  },
  /** Records the decision (quyết định công nhận) for proposed entries: by ids, or every proposal of a session. */
  'registry:recordDecision': {
    input: z
      .object({
        ids: Ids.optional(),
        sessionId: Id.optional(),
        decisionNo: DecisionNumber('decision number'),
        decisionDate: RegistryDate,
        signer: Line(200).default(''),
        /** Certificate numbers per entry id, when the province numbers them. */
        certificateNos: z.record(z.string().regex(/^\d+$/), Line(60)).optional(),
      })
      .strict()
      .refine((v) => (v.ids === undefined) !== (v.sessionId === undefined), 'give either ids or sessionId'),
    output: z.object({ recognised: z.array(RegistryEntry), superseded: z.number().int() }),
  },
  /** Corrects the decision of a recognised entry (typo in number or date); validity follows the date. */
  'registry:updateDecision': {
    input: z
      .object({
        id: Id,
        decisionNo: DecisionNumber('decision number'),
        decisionDate: RegistryDate,
        signer: Line(200).default(''),
        certificateNo: Line(60).nullable().default(null),
        /**
         * Why it is corrected: required when the session's decision or a certificate was issued with
         * the old value (the correction is recorded; issued documents keep printing what they printed).
         */
        reason: Paragraphs(1000).default(''),
      })
      .strict(),
    output: RegistryEntryDetail,
  },
  /** Thu hồi (Điều 8): the certificate stops on `revokedOn`. */
  'registry:revoke': {
    input: z
      .object({
        id: Id,
        revokedOn: RegistryDate,
        ground: RevokeGround,
        decisionNo: DecisionNumber('revocation decision number'),
        note: Paragraphs(2000).default(''),
      })
      .strict(),
    output: RegistryEntryDetail,
  },
  /** The province did not recognise a proposal. */
  'registry:withdraw': {
    input: z.object({ id: Id, note: RequiredLine(500, 'reason') }).strict(),
    output: RegistryEntryDetail,
  },
  /** Descriptive fields the office completes later: current commune, kind, sector, inclusion, note. */
  'registry:update': {
    input: z
      .object({
        id: Id,
        communeCode: CommuneCode5.nullable().optional(),
        communeName: Line(120).optional(),
        producerKind: ProducerKindField.nullable().optional(),
        nganhNo: NganhNo.optional(),
        nhom: z.string().max(200).nullable().optional(),
        womenLed: z.boolean().nullable().optional(),
        ethnicMinority: z.boolean().nullable().optional(),
        productCode: Line(60).optional(),
        note: Paragraphs(2000).optional(),
      })
      .strict(),
    output: RegistryEntryDetail,
  },
  /** Links an imported entry (and its chain) to a product of the dossiers area. */
  'registry:link': { input: z.object({ id: Id, productId: Id }).strict(), output: RegistryEntryDetail },
  'registry:due': {
    input: DueInput,
    output: z.object({ on: z.string(), horizonDays: z.number().int(), items: z.array(DueItem) }),
  },
  /** The due list per commune as XLSX or PDF. */
  'registry:dueExport': {
    input: DueInput.extend({ format: z.enum(['xlsx', 'pdf']) }).strict(),
    output: File,
  },
  /** Creates re-evaluation registrations (Mẫu 01 "Đánh giá lại") in a round for due entries. */
  'registry:createReevaluations': {
    input: z.object({ ids: Ids, roundId: Id }).strict(),
    output: z.object({
      created: z.array(z.object({ entryId: z.number().int(), registrationId: z.number().int(), registrationNo: z.string() })),
      skipped: z.array(z.object({ entryId: z.number().int(), reason: z.string(), code: z.string() })),
    }),
  },
  'registry:template': { input: z.object({}).strict(), output: File },
  'registry:import': {
    input: z
      .object({
        contentBase64: Base64,
        fileName: z.string().max(255).optional(),
        dryRun: z.boolean().default(false),
        onDuplicate: z.enum(['skip', 'update']).default('skip'),
        sectorChoices: z.array(SectorChoiceInput).max(2000).default([]),
      })
      .strict(),
    output: RegistryImportResult,
  },
  /** The filtered list as XLSX in the template's columns (it imports back unchanged). */
  'registry:export': { input: RegistryFilter, output: File },
  /** Reprints the certificate of a recognised entry from the registry. */
  'registry:certificate': { input: z.object({ id: Id }).strict(), output: File },
  'registry:settings': { input: z.object({}).strict(), output: RegistrySettings },
  'registry:setSettings': { input: RegistrySettings.partial().strict(), output: RegistrySettings },
  'registry:targets': { input: z.object({}).strict(), output: z.array(RegistryTarget) },
  'registry:saveTarget': { input: TargetInput, output: RegistryTarget },
  'registry:deleteTarget': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.literal(true) }) },
});

export type { ImportRowError };
