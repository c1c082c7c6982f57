import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile } from '../../../shared/api/channels/backup';
import { foldForSearch } from '../../../shared/text/normalize';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { runWrite, type Call } from '../handlers';

const kindOf = (name: string): BackupFile['kind'] =>
  name.startsWith('manual-') ? 'manual' : name.startsWith('before-migration-') ? 'migration' : 'other';

function describe(file: string): BackupFile {
  const st = fs.statSync(file);
  return {
    name: path.basename(file),
    path: file,
    sizeBytes: st.size,
    createdAt: st.mtime.toISOString(),
    kind: kindOf(path.basename(file)),
  };
}

/**
 * Writes a consistent copy of the open database into the backups folder (SQLite's online backup:
 * safe while the app writes), then opens the copy and runs an integrity check, so a backup the
 * user relies on is known to be readable.
 */
export async function createBackup(
  call: Call,
  input: ChannelParsedInput<'backup:create'>,
): Promise<BackupFile & { integrity: 'ok' }> {
  const { ctx } = call;
  const { note } = input;
  if (ctx.paths.databasePath === ':memory:')
    throw new CoreError('FORBIDDEN_STATE', 'An in-memory database cannot be backed up to a file');
  fs.mkdirSync(ctx.paths.backupsDir, { recursive: true });
  const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
  const suffix = note
    ? `-${foldForSearch(note)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`
    : '';
  const file = path.join(ctx.paths.backupsDir, `manual-${stamp}${suffix}.sqlite`);
  if (fs.existsSync(file))
    throw new CoreError('CONFLICT', `A backup named ${path.basename(file)} already exists; wait a second and try again`);
  try {
    await ctx.sqlite.backup(file);
  } catch (e) {
    throw new CoreError('IO', `Could not write the backup ${file}: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const copy = new Database(file, { readonly: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new CoreError('IO', `The backup ${file} failed its integrity check: ${String(result)}`, { file });
  } finally {
    copy.close();
  }
  await runWrite(call, (w) =>
    w.audit({
      action: 'backup.create',
      entity: 'backup',
      entityId: path.basename(file),
      after: { file },
    }),
  );
  return { ...describe(file), integrity: 'ok' };
}

/** Backups in the backups folder, newest first. */
export function listBackups(ctx: CoreContext): BackupFile[] {
  if (!fs.existsSync(ctx.paths.backupsDir)) return [];
  return fs
    .readdirSync(ctx.paths.backupsDir)
    .filter((n) => n.endsWith('.sqlite'))
    .map((n) => describe(path.join(ctx.paths.backupsDir, n)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}
