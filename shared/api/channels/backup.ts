import { z } from 'zod';
import { defineChannels } from '../define';
import { AuditHead, StateReport } from './integrity';

export const BackupKind = z.enum(['manual', 'daily', 'migration', 'import', 'finalize', 'restore', 'other']);
export type BackupKind = z.infer<typeof BackupKind>;

export const BackupFile = z.object({
  name: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  /**
   * 'manual' = made by the user; 'daily' = the first use of each day; 'migration', 'import',
   * 'finalize', 'restore' = made automatically just before that step.
   */
  kind: BackupKind,
  /** From the manifest beside the file (null for backups made before manifests existed). */
  manifest: z
    .object({
      schemaVersion: z.number().int(),
      appVersion: z.string(),
      auditHead: AuditHead,
      sha256: z.string(),
      counts: z.record(z.string(), z.number().int()),
    })
    .nullable(),
});
export type BackupFile = z.infer<typeof BackupFile>;

const backupName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+\.sqlite$/u, 'the name of a backup in the backups folder (….sqlite)');

export const RestoreReport = z.object({
  /** The backup that was restored. */
  restored: z.object({ file: z.string(), sha256: z.string(), auditHead: AuditHead, schemaVersion: z.number().int() }),
  /** Where the database that was replaced was saved first. */
  previousSavedAs: z.string(),
  /** Migrations applied to bring an older backup to this version. */
  migrated: z.array(z.string()),
  /** `audit verify` of the restored database. */
  verify: StateReport,
});
export type RestoreReport = z.infer<typeof RestoreReport>;

export const backupChannels = defineChannels({
  'backup:create': {
    input: z
      .object({
        note: z
          .string()
          .max(80)
          .regex(/^[\p{L}\p{N} _-]*$/u, 'Only letters, digits, spaces, - and _')
          .optional(),
      })
      .strict(),
    output: BackupFile.extend({ integrity: z.literal('ok') }),
  },
  'backup:list': { input: z.object({}).strict(), output: z.array(BackupFile) },
  /**
   * "Lưu bản sao ra…": writes a backup (a named one of the folder, or a fresh one) and its
   * manifest to a file the user chose (Electron: the native save dialog; CLI: --out).
   */
  'backup:saveCopy': {
    input: z.object({ name: backupName.optional(), to: z.string().min(1).max(4096) }).strict(),
    output: z.object({ file: z.string(), manifestFile: z.string(), sha256: z.string(), sizeBytes: z.number().int() }),
  },
  /**
   * Replaces the database with a backup: checks it (integrity, not newer, its own audit chain,
   * its manifest), saves the current database as a backup, closes, replaces the file and removes
   * its -wal/-shm, reopens (migrating an older backup), verifies, reports.
   */
  'backup:restore': {
    input: z
      .object({
        /** A backup of the backups folder… */
        name: backupName.optional(),
        /** …or any backup file (a USB stick). */
        path: z.string().min(1).max(4096).optional(),
      })
      .strict()
      .refine((i) => (i.name === undefined) !== (i.path === undefined), 'give either name or path'),
    output: RestoreReport,
  },
  /**
   * The whole archive (one .tar: database, evidence files, issued documents, manifest with every
   * SHA-256) written to `out`; imported into an empty data folder with `ocop archive import`.
   */
  'archive:export': {
    input: z.object({ out: z.string().min(1).max(4096) }).strict(),
    output: z.object({
      file: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      files: z.number().int(),
      auditHead: AuditHead,
    }),
  },
});
