import { z } from 'zod';
import { defineChannels } from '../define';
import { Id } from '../fields';
import { RegistryDate, RegistryEntry } from './registry';

/**
 * The province's OCOP statistics (issue 17): tables for a year, a range of years or a round,
 * computed in SQL from the registry; every number drills down to the entries behind it
 * (`stats:drill` with the table, row and column of the cell); the report as PDF (Decree 30
 * layout, charts as SVG) and XLSX; members' scoring patterns for the chair.
 */

const Year = z.number().int().min(2018).max(2100);

export const StatsPeriod = z
  .object({
    yearFrom: Year,
    /** Default: yearFrom (one year). */
    yearTo: Year.optional(),
    /** Only entries of this round (đợt) of the years. */
    roundNo: z.number().int().min(1).max(99).optional(),
    /** Day of "valid certificates on a date" (default: the last day of yearTo, or today if earlier). */
    on: RegistryDate.optional(),
    /** Language of labels and number formats (Vietnamese: decimal comma). */
    lang: z.enum(['vi', 'en']).default('vi'),
  })
  .strict()
  .refine((p) => p.yearTo === undefined || p.yearTo >= p.yearFrom, {
    message: 'yearTo must not be before yearFrom',
    path: ['yearTo'],
  });
export type StatsPeriod = z.input<typeof StatsPeriod>;

export const StatsTableId = z.enum([
  'overview',
  'byYear',
  'byStar',
  'bySector',
  'byGroup',
  'byProducerKind',
  'producers',
  'byCommune',
  'byDistrict',
  'inclusion',
  'validOn',
  'byBasis',
  'targets',
]);
export type StatsTableId = z.infer<typeof StatsTableId>;

export const StatsCell = z.object({
  /** Counts are whole numbers; percentages in hundredths (3333 = 33,33 %); null = not applicable. */
  value: z.number().nullable(),
  text: z.string(),
  /** True when `stats:drill` lists the entries behind this number. */
  drill: z.boolean(),
});
export type StatsCell = z.infer<typeof StatsCell>;

export const StatsColumn = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['count', 'producers', 'products', 'percent', 'change', 'number']),
});
export type StatsColumn = z.infer<typeof StatsColumn>;

export const StatsRow = z.object({ key: z.string(), label: z.string(), total: z.boolean(), cells: z.array(StatsCell) });
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsTable = z.object({
  id: StatsTableId,
  title: z.string(),
  note: z.string().nullable(),
  columns: z.array(StatsColumn),
  rows: z.array(StatsRow),
});
export type StatsTable = z.infer<typeof StatsTable>;

export const StatsReport = z.object({
  period: z.object({
    yearFrom: z.number().int(),
    yearTo: z.number().int(),
    roundNo: z.number().int().nullable(),
    on: z.string(),
    lang: z.enum(['vi', 'en']),
  }),
  title: z.string(),
  tables: z.array(StatsTable),
});
export type StatsReport = z.infer<typeof StatsReport>;

export const DrillInput = z
  .object({
    period: StatsPeriod,
    table: StatsTableId,
    row: z.string().max(300),
    column: z.string().max(60),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const DrillResult = z.object({
  table: StatsTableId,
  title: z.string(),
  rowLabel: z.string(),
  columnLabel: z.string(),
  /** What the number counts: entries (recognitions…), distinct producers or distinct products. */
  measure: z.enum(['entries', 'producers', 'products']),
  /** The number shown in the cell, recomputed from the listed entries. */
  value: z.number().int(),
  /** Entries behind it (all pages). */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(RegistryEntry),
});
export type DrillResult = z.infer<typeof DrillResult>;

/** What the office prints on the report (Decree 30): issuer, number, place, recipients, signer. */
export const ReportSetup = z
  .object({
    issuerParent: z.string().max(120).optional(),
    issuerBody: z.string().max(120).optional(),
    number: z.string().max(60).optional(),
    place: z.string().max(60).optional(),
    date: RegistryDate.optional(),
    recipients: z.array(z.string().min(1).max(200)).max(12).optional(),
    signerAuthority: z.string().max(120).optional(),
    signerTitle: z.string().max(120).optional(),
    signerName: z.string().max(120).optional(),
  })
  .strict();

export const MemberPattern = z.object({
  memberKey: z.number().int(),
  fullName: z.string(),
  role: z.string(),
  products: z.number().int(),
  sessions: z.number().int(),
  meanDeviation: z.number(),
  meanAbsDeviation: z.number(),
  partDeviation: z.record(z.string(), z.number()),
  above: z.number().int(),
  below: z.number().int(),
  flag: z.enum(['lenient', 'harsh']).nullable(),
});
export type MemberPattern = z.infer<typeof MemberPattern>;

export const statsChannels = defineChannels({
  'stats:report': { input: StatsPeriod, output: StatsReport },
  'stats:drill': { input: DrillInput, output: DrillResult },
  /** The report as a file: PDF in the Decree 30 layout with charts, or XLSX with one sheet per table. */
  'stats:export': {
    input: z.object({ period: StatsPeriod, format: z.enum(['pdf', 'xlsx']), setup: ReportSetup.default({}) }).strict(),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
  /**
   * Members' scoring patterns across the council's finalized sessions — for the chair only: the
   * chair names themself and gives their PIN when they have one.
   */
  'stats:leniency': {
    input: z.object({ councilId: Id, chairMemberId: Id, pin: z.string().max(12).optional() }).strict(),
    output: z.object({
      councilName: z.string(),
      sessions: z.number().int(),
      products: z.number().int(),
      thresholdPoints: z.number(),
      minProducts: z.number().int(),
      members: z.array(MemberPattern),
    }),
  },
});
