import { z } from 'zod';
import { defineChannels } from '../define';
import { ImportRowError } from '../fields';

/**
 * Places (địa bàn): the built-in provinces before and after the 2025 merger
 * (shared/ocop/admin-units.ts) and the commune list the province imports from the statistics
 * office's "Danh mục đơn vị hành chính" export (.xls, .xlsx or CSV), searched without accents.
 */

const ProvinceKind = z.enum(['tinh', 'thanh_pho']);

export const Province = z.object({
  code: z.string(),
  name: z.string(),
  kind: ProvinceKind,
  /** 2025 units: the former codes that form it. */
  formedFrom: z.array(z.string()).optional(),
  /** Former units: the 2025 unit it became part of. */
  mergedInto: z.string().optional(),
});
export type Province = z.infer<typeof Province>;

export const CommuneHit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  districtName: z.string(),
});
export type CommuneHit = z.infer<typeof CommuneHit>;

export const CommuneListInfo = z.object({
  communes: z.number().int(),
  provinces: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type CommuneListInfo = z.infer<typeof CommuneListInfo>;

/** Largest commune list file (bytes): the whole country is about 0.5 MB as .xls. */
export const MAX_COMMUNE_FILE_BYTES = 10 * 1024 * 1024;

const Base64 = z
  .string()
  .max(16 * 1024 * 1024, 'the file is far too large to send')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content must be base64');

export const placesChannels = defineChannels({
  'places:provinces': {
    input: z.object({}).strict(),
    output: z.object({ current: z.array(Province), former: z.array(Province) }),
  },
  /** The commune list in force (null until one is imported) and where to get one. */
  'places:communeList': { input: z.object({}).strict(), output: CommuneListInfo.nullable() },
  /**
   * Reads the export, checks every row, and (unless dryRun) replaces the list in one transaction.
   * A file with problems is refused whole: IMPORT_INVALID, details.errors by sheet, row and column.
   */
  'places:importCommunes': {
    input: z
      .object({ fileName: z.string().trim().min(1).max(255), contentBase64: Base64, dryRun: z.boolean().default(false) })
      .strict(),
    output: z.object({
      dryRun: z.boolean(),
      fileSha256: z.string(),
      format: z.enum(['xlsx', 'xls', 'csv']),
      communes: z.number().int(),
      byProvince: z.array(z.object({ code: z.string(), name: z.string(), communes: z.number().int() })),
      /** Communes of the list in force before (0 for a first import). */
      replaced: z.number().int(),
    }),
  },
  /** Communes whose name has every word typed (accents optional), or whose code starts with the digits typed. */
  'places:searchCommunes': {
    input: z
      .object({
        query: z.string().max(100),
        provinceCode: z
          .string()
          .regex(/^\d{2}$/, 'provinceCode must be 2 digits')
          .optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ listLoaded: z.boolean(), communes: z.array(CommuneHit) }),
  },
});

export { ImportRowError };
