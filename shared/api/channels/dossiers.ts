import { z } from 'zod';
import { defineChannels } from '../define';
import {
  Attachment,
  CommuneReport,
  CommuneReportInput,
  CriteriaSetRef,
  CriterionCodeField,
  Id,
  ImportResult,
  OnDuplicate,
  Page,
  Producer,
  ProducerInput,
  Product,
  ProductInput,
  RegistrationCreateInput,
  RegistrationDetail,
  RegistrationFilter,
  RegistrationRow,
  RegistrationSort,
  RegistrationStatus,
  RegistrationUpdateInput,
  SelfAssessmentAnswer,
  Window,
  Paragraphs,
  Line,
} from './dossiers-fields';
import { ImportJobId, ImportJobStatus } from './dossiers-import-job';
import { ProducerListInput, ProducerListRow } from './dossiers-producers';

export * from './dossiers-fields';
export * from './dossiers-producers';
export * from './dossiers-import-job';

/** Largest evidence file (bytes). The HTTP bridge takes 32 MB of base64 JSON, i.e. 24 MB of file. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Largest import workbook (bytes): 20,000 registrations take about 3 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Base64 content. The schema only bounds the text to what the HTTP bridge accepts (32 MB); the
 * service measures the decoded file and refuses one over its limit with both sizes in the
 * message (PAYLOAD_TOO_LARGE), which the UI can show as is.
 */
const Base64 = z
  .string()
  .max(32 * 1024 * 1024, 'the file is far too large to send')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content must be base64');

const ImportInput = z
  .object({
    contentBase64: Base64,
    fileName: z.string().max(255).optional(),
    onDuplicate: OnDuplicate.default('skip'),
    /** Validate and count without writing anything. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const dossiersChannels = defineChannels({
  // ── Producers
  'producers:list': {
    input: ProducerListInput,
    output: Page(ProducerListRow),
  },
  'producers:get': { input: z.object({ id: Id }).strict(), output: Producer },
  'producers:create': { input: ProducerInput, output: Producer },
  'producers:update': { input: z.object({ id: Id, data: ProducerInput }).strict(), output: Producer },
  'producers:delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.literal(true) }) },

  // ── Products
  'products:list': {
    input: z.object({ producerId: Id.optional(), search: z.string().max(200).optional(), ...Window }).strict(),
    output: Page(Product),
  },
  'products:get': { input: z.object({ id: Id }).strict(), output: Product },
  'products:create': { input: ProductInput, output: Product },
  'products:update': { input: z.object({ id: Id, data: ProductInput }).strict(), output: Product },
  'products:delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  /** The code the app would give a new product of this producer (shown in the form before saving). */
  'products:nextCode': {
    input: z.object({ producerId: Id, year: z.number().int().min(2018).max(2100).optional() }).strict(),
    output: z.object({ productCode: z.string() }),
  },

  // ── Registrations
  'registrations:list': {
    input: z.object({ ...RegistrationFilter, sort: RegistrationSort.default('recent'), ...Window }).strict(),
    output: Page(RegistrationRow),
  },
  'registrations:get': { input: z.object({ id: Id }).strict(), output: RegistrationDetail },
  'registrations:create': { input: RegistrationCreateInput, output: RegistrationDetail },
  'registrations:update': { input: RegistrationUpdateInput, output: RegistrationDetail },
  'registrations:delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  'registrations:setStatus': {
    input: z.object({ id: Id, status: RegistrationStatus, note: Paragraphs(1000).default('') }).strict(),
    output: RegistrationDetail,
  },
  /** The pinned criteria set (full content) and the producer's answers, for the Mẫu 02 form. */
  'registrations:selfAssessment': {
    input: z.object({ registrationId: Id }).strict(),
    output: z.object({
      criteriaSet: CriteriaSetRef,
      content: z.unknown(),
      answers: z.array(SelfAssessmentAnswer),
      frozen: z.boolean(),
    }),
  },
  /** Saves some answers; `levelIndex: null` clears one. Points come from the pinned set, never from the caller. */
  'registrations:saveSelfAssessment': {
    input: z
      .object({
        registrationId: Id,
        answers: z
          .array(
            z
              .object({
                criterionCode: CriterionCodeField,
                levelIndex: z.number().int().min(0).nullable(),
                evidenceNote: Paragraphs(2000).default(''),
              })
              .strict(),
          )
          .min(1)
          .max(200),
      })
      .strict(),
    output: z.array(SelfAssessmentAnswer),
  },
  'registrations:saveCommuneReport': { input: CommuneReportInput, output: CommuneReport },

  // ── Evidence
  'attachments:list': { input: z.object({ registrationId: Id }).strict(), output: z.array(Attachment) },
  'attachments:add': {
    input: z
      .object({
        registrationId: Id,
        criterionCode: CriterionCodeField.nullish().transform((v) => v ?? null),
        fileName: Line(255).pipe(z.string().min(1, 'file name is required')),
        contentBase64: Base64,
        note: Paragraphs(1000).default(''),
      })
      .strict(),
    output: Attachment,
  },
  'attachments:content': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ attachment: Attachment, contentBase64: z.string() }),
  },
  'attachments:remove': { input: z.object({ id: Id }).strict(), output: z.object({ removed: z.literal(true) }) },

  // ── Bulk import (XLSX)
  'dossiers:template': { input: z.object({}).strict(), output: z.object({ fileName: z.string(), contentBase64: z.string() }) },
  'dossiers:import': { input: ImportInput, output: ImportResult },
  /** The same import as a job the UI can follow and cancel: answers at once with the job's id. */
  'dossiers:importStart': { input: ImportInput, output: z.object({ jobId: z.string() }) },
  'dossiers:importStatus': { input: z.object({ jobId: ImportJobId }).strict(), output: ImportJobStatus },
  /** Stops an import still parsing or validating; refused once it writes (FORBIDDEN_STATE). */
  'dossiers:importCancel': { input: z.object({ jobId: ImportJobId }).strict(), output: ImportJobStatus },
});
