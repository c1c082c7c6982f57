import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';

/**
 * A file-system failure as a message a secretary can act on: what could not be done, what happened
 * (disk full, read-only, no permission, missing), and what to do. `doing` reads "write the backup …".
 */
export function ioError(e: unknown, doing: string, target?: string): CoreError {
  let code = (e as NodeJS.ErrnoException)?.code ?? '';
  // SQLite says only CANTOPEN when it cannot create a file: ask the file system why.
  if (code.startsWith('SQLITE_CANTOPEN') && target) code = whyNotWritable(path.dirname(target)) ?? code;
  const sqlite = typeof code === 'string' && code.startsWith('SQLITE_');
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL')
    return new CoreError(
      'DISK_FULL',
      `Could not ${doing}: the disk is full. Free some space (or choose another disk) and try again; nothing was changed.`,
      {
        cause: code,
      },
    );
  if (code === 'EROFS' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY'))
    return new CoreError(
      'DB_READ_ONLY',
      `Could not ${doing}: the folder or disk is read-only. Choose a writable place, or make it writable, and try again.`,
      {
        cause: code,
      },
    );
  if (code === 'EACCES' || code === 'EPERM')
    return new CoreError('IO', `Could not ${doing}: permission denied. Check that this user may write there, and try again.`, {
      cause: code,
    });
  if (code === 'ENOENT') return new CoreError('IO', `Could not ${doing}: the file or folder does not exist.`, { cause: code });
  if (sqlite) return new CoreError('IO', `Could not ${doing}: ${code}.`, { cause: code });
  return new CoreError('IO', `Could not ${doing}: ${e instanceof Error ? e.message : String(e)}`, { cause: code || undefined });
}

/** EROFS, EACCES… when `dir` may not be written, else null. */
function whyNotWritable(dir: string): string | null {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? null;
  }
}
