import { z } from 'zod';
import { defineChannels } from '../define';

export const BackupFile = z.object({
  name: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  /** 'manual' = made by the user; 'migration' = made automatically before a schema upgrade. */
  kind: z.enum(['manual', 'migration', 'other']),
});
export type BackupFile = z.infer<typeof BackupFile>;

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
});
