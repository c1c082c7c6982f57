import { z } from 'zod';
import { defineChannels } from '../define';

export const Language = z.enum(['vi', 'en']);
export const TextSize = z.enum(['normal', 'large', 'larger']);
/**
 * The typeface of printed documents: Tinos ships with the app (same metrics as Times New Roman,
 * so line breaks are identical); Times New Roman, which Decree 30/2020 prescribes, is the
 * computer's own copy and is used only when it is installed.
 */
export const DocumentFont = z.enum(['tinos', 'times-new-roman']);
export type DocumentFont = z.infer<typeof DocumentFont>;

export const Settings = z.object({
  language: Language,
  textSize: TextSize,
  /** Name shown in the audit log for actions taken on this computer (e.g. the secretary). */
  operatorName: z.string().max(120),
  documentFont: DocumentFont,
  /**
   * After how many months since the app was built the About screen says a newer version may
   * exist (shared/app/build-age.ts); 0 = never.
   */
  oldBuildNoticeMonths: z.number().int().min(0).max(60),
});
export type Settings = z.infer<typeof Settings>;

/**
 * View-only mode (issue 14): the data folder or the database file cannot be written, so the app
 * shows the data and refuses every change with READ_ONLY (electron/core/db/read-only-view.ts).
 */
export const ReadOnlyMode = z.object({
  /** 'folder': the data folder (disk) is read-only or not writable by this user; 'file': the database file is. */
  reason: z.enum(['folder', 'file']),
  /** Changes still in the -wal file (an unclean exit) were read too: what is shown is everything committed. */
  walIncluded: z.boolean(),
  /** The database was made by an older version: the copy shown was upgraded, the file itself was not. */
  upgraded: z.boolean(),
});
export type ReadOnlyMode = z.infer<typeof ReadOnlyMode>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  latestSchemaVersion: z.number().int(),
  nodeVersion: z.string(),
  host: z.enum(['electron', 'http', 'cli']),
  /** Set when the app shows the data without being able to change it (view-only mode). */
  readOnly: ReadOnlyMode.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const appChannels = defineChannels({
  'app:info': { input: z.object({}).strict(), output: AppInfo },
  'app:ping': {
    input: z.object({ echo: z.string().max(1000).optional() }).strict(),
    output: z.object({ echo: z.string().optional(), at: z.string() }),
  },
  'settings:get': { input: z.object({}).strict(), output: Settings },
  'settings:set': { input: Settings.partial().strict(), output: Settings },
  'audit:tail': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(AuditEvent),
  },
  'audit:verify': {
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      count: z.number().int(),
      head: z.string().nullable(),
      firstBrokenSeq: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
  },
});
