import { z } from 'zod';
import { AuditHead } from '../../../shared/api/channels/integrity';
import { listTarBuffer } from './tar';

export const ARCHIVE_MANIFEST_FORMAT = 'ocop-archive-manifest';
/** The archive's first entry. */
export const ARCHIVE_MANIFEST_NAME = 'manifest.json';
/** The database inside the archive. */
export const ARCHIVE_DATABASE_NAME = 'ocop.sqlite';

/**
 * A council's whole data in one .tar: manifest.json first, then ocop.sqlite (a consistent copy),
 * then every evidence file and issued document under its folder. The manifest lists every other
 * entry with its size and SHA-256; an import checks all of them before writing anything.
 */
export const ArchiveManifest = z.object({
  format: z.literal(ARCHIVE_MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  schemaVersion: z.number().int(),
  auditHead: AuditHead,
  counts: z.record(z.string(), z.number().int()),
  files: z
    .array(
      z.object({
        path: z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[^\\:*?"<>|\p{Cc}]+$/u, 'a relative path inside the data folder'),
        sizeBytes: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/u),
      }),
    )
    .min(1),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

/** The manifest of an archive held in memory, or null when the bytes are not one of our archives. */
export function readArchiveManifest(bytes: Buffer): ArchiveManifest | null {
  if (bytes.length < 1024 || bytes.subarray(257, 262).toString('latin1') !== 'ustar') return null;
  try {
    const first = listTarBuffer(bytes)[0];
    if (!first || first.name !== ARCHIVE_MANIFEST_NAME) return null;
    return ArchiveManifest.parse(JSON.parse(bytes.subarray(first.offset, first.offset + first.size).toString('utf8')));
  } catch {
    return null;
  }
}
