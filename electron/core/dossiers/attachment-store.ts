import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';

/**
 * Evidence files are stored by content: `<attachmentsDir>/<first 2 hex of SHA-256>/<SHA-256>`.
 * The uploaded name is kept only as data in the database — never as part of a path, so names
 * like "../../ocop.sqlite" or "CON.pdf" cannot reach the file system — and two uploads of the
 * same file share one copy.
 */

export const sha256Hex = (buf: Uint8Array): string => createHash('sha256').update(buf).digest('hex');

export function contentPath(attachmentsDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`contentPath: "${sha256}" is not a SHA-256 in hex`);
  return path.join(attachmentsDir, sha256.slice(0, 2), sha256);
}

/** Writes the content if it is not stored yet (write to a temporary name, then rename: never a half file). */
export function storeContent(attachmentsDir: string, content: Uint8Array): { sha256: string; created: boolean } {
  const sha256 = sha256Hex(content);
  const file = contentPath(attachmentsDir, sha256);
  try {
    if (fs.existsSync(file) && fs.statSync(file).size === content.byteLength) return { sha256, created: false };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
    return { sha256, created: true };
  } catch (e) {
    throw new CoreError(
      'IO',
      `Could not store the evidence file in ${path.dirname(file)}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Reads stored content and checks it still has its hash (a damaged copy is reported, not shown). */
export function readContent(attachmentsDir: string, sha256: string): Buffer {
  const file = contentPath(attachmentsDir, sha256);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new CoreError(
      'IO',
      `The evidence file ${sha256} is missing from ${path.dirname(file)}: ${e instanceof Error ? e.message : String(e)}. Restore the data folder from a backup.`,
    );
  }
  if (sha256Hex(buf) !== sha256)
    throw new CoreError('IO', `The evidence file ${file} is damaged (its SHA-256 no longer matches). Restore it from a backup.`);
  return buf;
}

/** Deletes a stored content; a missing file is not an error (it may never have been written). */
export function removeContent(attachmentsDir: string, sha256: string): void {
  fs.rmSync(contentPath(attachmentsDir, sha256), { force: true });
}
