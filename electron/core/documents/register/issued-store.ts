/**
 * The files of the register, kept by content: `<data dir>/documents/<first 2 hex>/<SHA-256>.pdf`.
 * A file is written (temporary name, flushed, renamed) before its register row commits, so a
 * crash leaves at worst an unreferenced file, never a row without its file.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../errors';

export const sha256Hex = (buf: Uint8Array): string => createHash('sha256').update(buf).digest('hex');

export function issuedPath(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new Error(`issuedPath: "${sha256}" is not a SHA-256 in hex`);
  return path.join(dir, sha256.slice(0, 2), `${sha256}.pdf`);
}

/** Stores the bytes unless the same content is there already; answers their SHA-256. */
export function storeIssued(dir: string, content: Uint8Array): string {
  const sha256 = sha256Hex(content);
  const file = issuedPath(dir, sha256);
  try {
    if (fs.existsSync(file) && fs.statSync(file).size === content.byteLength) return sha256;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    return sha256;
  } catch (e) {
    throw new CoreError(
      'IO',
      `Could not keep the issued document in ${path.dirname(file)}: ${e instanceof Error ? e.message : String(e)}; check the data folder's free space and permissions`,
    );
  }
}

/** Reads an issued file and checks it still has its hash (a damaged copy is reported, never served). */
export function readIssued(dir: string, sha256: string): Buffer {
  const file = issuedPath(dir, sha256);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new CoreError(
      'IO',
      `The issued document ${sha256} is missing from ${path.dirname(file)} (${(e as NodeJS.ErrnoException).code ?? String(e)}); restore the data folder's documents/ from a backup, or issue the document again (the same version gives the same file)`,
    );
  }
  if (sha256Hex(buf) !== sha256)
    throw new CoreError(
      'IO',
      `The issued document ${file} is damaged (its SHA-256 no longer matches the register); restore it from a backup or issue the document again`,
    );
  return buf;
}
