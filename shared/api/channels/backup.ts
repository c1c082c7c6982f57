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

/** Counts of one evaluation round (đợt) in one database. */
export const RoundCounts = z.object({
  sessions: z.number().int(),
  dossiers: z.number().int(),
  submittedSheets: z.number().int(),
  finalizedSessions: z.number().int(),
});
export type RoundCounts = z.infer<typeof RoundCounts>;

export const SessionState = z.object({
  /** 'preparing' | 'in_progress' | 'closed' | 'finalized' */
  status: z.string(),
  submittedSheets: z.number().int(),
  finalized: z.boolean(),
});
export type SessionState = z.infer<typeof SessionState>;

/** What one database holds, as a person would recognise it. */
export const DataSide = z.object({
  schemaVersion: z.number().int(),
  auditHead: AuditHead,
  /** The last audit event: when, what, by whom (null for an empty log). */
  lastEvent: z.object({ seq: z.number().int(), at: z.string(), action: z.string(), actor: z.string() }).nullable(),
  totals: RoundCounts.extend({ rounds: z.number().int() }),
});
export type DataSide = z.infer<typeof DataSide>;

/**
 * How the backup's history relates to the current one: 'same' (nothing changes), 'older' (the
 * backup's audit log is the start of the current one: the later events would be lost), 'newer'
 * (the current log is the start of the backup's: events would be gained), 'diverged' (the two
 * histories differ from event `commonSeq + 1` on: both have events the other has not).
 */
export const HistoryRelation = z.enum(['same', 'older', 'newer', 'diverged']);
export type HistoryRelation = z.infer<typeof HistoryRelation>;

export const RestorePreview = z.object({
  file: z.string(),
  sizeBytes: z.number().int(),
  /** From the backup's manifest when it has one. */
  createdAt: z.string().nullable(),
  backup: DataSide,
  current: DataSide,
  relation: HistoryRelation,
  /** The last audit event both histories share (0 when none). */
  commonSeq: z.number().int(),
  /** Audit events of the current data that the restore would remove (they stay in the "before restore" backup). */
  eventsLost: z.number().int(),
  /** Audit events of the backup that the current data does not have. */
  eventsGained: z.number().int(),
  /** Per round (đợt), matched by id; null when that side does not have it. */
  rounds: z.array(
    z.object({ roundId: z.number().int(), name: z.string(), backup: RoundCounts.nullable(), current: RoundCounts.nullable() }),
  ),
  /** Per session, matched by id; only the sessions that differ between the two. */
  sessions: z.array(
    z.object({
      sessionId: z.number().int(),
      roundId: z.number().int(),
      /** Phiên số … within its council and round. */
      number: z.number().int(),
      title: z.string(),
      date: z.string(),
      backup: SessionState.nullable(),
      current: SessionState.nullable(),
    }),
  ),
});
export type RestorePreview = z.infer<typeof RestorePreview>;

const restoreSource = z
  .object({
    /** A backup of the backups folder… */
    name: backupName.optional(),
    /** …or any backup file (a USB stick). */
    path: z.string().min(1).max(4096).optional(),
  })
  .strict()
  .refine((i) => (i.name === undefined) !== (i.path === undefined), 'give either name or path');

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
  'backup:restore': { input: restoreSource, output: RestoreReport },
  /**
   * What a restore of this backup would change, before anyone confirms it: the backup checked as
   * the restore checks it, then its rounds, sessions, dossiers, submitted sheets, finalized results
   * and last audit event compared with the current data. Changes nothing.
   */
  'backup:preview': { input: restoreSource, output: RestorePreview },
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
