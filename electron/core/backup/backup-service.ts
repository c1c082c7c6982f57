import fs from 'node:fs';
import path from 'node:path';
import type { BackupFile } from '../../../shared/api/channels/backup';
import { foldForSearch } from '../../../shared/text/normalize';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { runWrite, type Call } from '../handlers';
import { ioError } from '../integrity/io-errors';
import {
  describeDatabaseFile,
  manifestPathOf,
  sealCopy,
  readManifest,
  writeManifest,
  type BackupKind,
  type BackupManifest,
} from './manifest';
import { backupsToDelete } from './retention';

/** File name prefix of each kind (the kind is also in the manifest; the prefix reads in a file manager). */
const PREFIX: Record<Exclude<BackupKind, 'other'>, string> = {
  manual: 'manual-',
  daily: 'daily-',
  migration: 'before-migration-',
  import: 'before-import-',
  finalize: 'before-finalize-',
  restore: 'before-restore-',
};

export const kindOfName = (name: string): BackupKind =>
  (Object.entries(PREFIX).find(([, p]) => name.startsWith(p))?.[0] as BackupKind | undefined) ?? 'other';

const stampOf = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

function describe(file: string): BackupFile {
  const st = fs.statSync(file);
  const m = readManifest(file);
  return {
    name: path.basename(file),
    path: file,
    sizeBytes: st.size,
    createdAt: m?.createdAt ?? st.mtime.toISOString(),
    kind: m?.kind ?? kindOfName(path.basename(file)),
    manifest: m
      ? {
          schemaVersion: m.schemaVersion,
          appVersion: m.app.version,
          auditHead: m.auditHead,
          sha256: m.file.sha256,
          counts: m.counts,
        }
      : null,
  };
}

/**
 * Writes a consistent copy of the open database (SQLite's online backup: safe while the app
 * writes), checks the copy (integrity_check) and writes its manifest beside it: app and schema
 * version, audit head, counts, size and SHA-256.
 */
export async function writeBackup(
  ctx: CoreContext,
  file: string,
  kind: BackupKind,
  note: string | null,
): Promise<{ file: string; manifest: BackupManifest }> {
  if (ctx.paths.databasePath === ':memory:')
    throw new CoreError('FORBIDDEN_STATE', 'An in-memory database cannot be backed up to a file');
  if (fs.existsSync(file))
    throw new CoreError('CONFLICT', `A backup named ${path.basename(file)} already exists; wait a second and try again`);
  const partial = `${file}.partial`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.rmSync(partial, { force: true });
    removeStalePartials(path.dirname(file));
    await ctx.sqlite.backup(partial);
    sealCopy(partial);
    const described = describeDatabaseFile(partial);
    fs.renameSync(partial, file);
    const manifest: BackupManifest = {
      format: 'ocop-backup-manifest',
      formatVersion: 1,
      kind,
      createdAt: ctx.now().toISOString(),
      note,
      ...described,
      file: { ...described.file, name: path.basename(file) },
    };
    writeManifest(file, manifest);
    return { file, manifest };
  } catch (e) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
    if (e instanceof CoreError) throw e;
    throw ioError(e, `write the backup ${path.basename(file)}`, file);
  }
}

/**
 * A backup killed mid-copy (power cut, kill -9) leaves its `.partial` file; it is never listed or
 * restored, but it takes space. Removed by the next backup once it is clearly abandoned (older
 * than 10 minutes, so a backup another process is writing right now is left alone).
 */
function removeStalePartials(dir: string): void {
  // File times are the computer's clock, not the core's (tests run the core on a fixed clock).
  const now = Date.now();
  for (const f of fs.readdirSync(dir)) {
    if (!/\.partial(-wal|-shm|-journal)?$/u.test(f)) continue;
    const full = path.join(dir, f);
    try {
      if (now - fs.statSync(full).mtimeMs > 10 * 60_000) fs.rmSync(full, { force: true });
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
}

function backupName(ctx: CoreContext, kind: Exclude<BackupKind, 'other'>, note?: string | null): string {
  const suffix = note
    ? `-${foldForSearch(note)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`
    : '';
  return `${PREFIX[kind]}${stampOf(ctx.now())}${suffix}.sqlite`;
}

/** The user's "Sao lưu ngay": a backup in the backups folder, audited. */
export async function createBackup(
  call: Call,
  input: ChannelParsedInput<'backup:create'>,
): Promise<BackupFile & { integrity: 'ok' }> {
  const { ctx } = call;
  const { file } = await writeBackup(
    ctx,
    path.join(ctx.paths.backupsDir, backupName(ctx, 'manual', input.note)),
    'manual',
    input.note ?? null,
  );
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

export type AutoBackupLog = (msg: string, err?: unknown) => void;

/**
 * An automatic backup before a step that changes much at once (import, finalize, restore), then
 * the retention rule. A backup that cannot be written does not stop the step (the step's own
 * transaction keeps the data whole) but is logged; it returns null then.
 */
export async function autoBackup(
  ctx: CoreContext,
  kind: 'import' | 'finalize' | 'restore' | 'daily',
  log: AutoBackupLog = (m, e) => console.error(`[ocop-backup] ${m}`, e ?? ''),
): Promise<string | null> {
  if (ctx.paths.databasePath === ':memory:') return null;
  try {
    const { file } = await writeBackup(ctx, path.join(ctx.paths.backupsDir, backupName(ctx, kind)), kind, null);
    applyRetention(ctx);
    return file;
  } catch (e) {
    log(`automatic ${kind} backup failed`, e);
    return null;
  }
}

/** Today in Vietnam (UTC+7, no daylight saving): the day a daily backup belongs to. */
const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Makes today's daily backup unless one exists (called when a host starts and every hour while it runs). */
export async function ensureDailyBackup(ctx: CoreContext, log?: AutoBackupLog): Promise<string | null> {
  if (ctx.paths.databasePath === ':memory:' || !fs.existsSync(ctx.paths.databasePath)) return null;
  const today = vnDay(ctx.now());
  const done = listBackups(ctx).some((b) => b.kind === 'daily' && vnDay(new Date(b.createdAt)) === today);
  return done ? null : autoBackup(ctx, 'daily', log);
}

/** Starts the hourly daily-backup check of a long-running host (Electron main, `ocop serve`). */
export function startDailyBackups(ctx: CoreContext, log?: AutoBackupLog, everyMs = 3_600_000): () => void {
  // View-only mode: nothing can be written to the data folder, and nothing changes to back up.
  if (ctx.readOnly) return () => {};
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    ensureDailyBackup(ctx, log)
      .catch((e: unknown) => log?.('daily backup check failed', e))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Deletes automatic backups the retention rule no longer keeps (with their manifests). */
export function applyRetention(ctx: CoreContext): string[] {
  const gone = backupsToDelete(listBackups(ctx));
  for (const name of gone) {
    const file = path.join(ctx.paths.backupsDir, name);
    fs.rmSync(file, { force: true });
    fs.rmSync(manifestPathOf(file), { force: true });
  }
  return gone;
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

/** A backup of the backups folder by name; refuses names that are not plain file names there. */
export function backupByName(ctx: CoreContext, name: string): string {
  if (name !== path.basename(name) || !name.endsWith('.sqlite'))
    throw new CoreError('VALIDATION', `name: "${name}" is not the name of a backup in the backups folder`, { field: 'name' });
  const file = path.join(ctx.paths.backupsDir, name);
  if (!fs.existsSync(file)) throw new CoreError('NOT_FOUND', `There is no backup named ${name}`, { what: 'backup', id: name });
  return file;
}

/** The backup file a restore or preview input names, refused clearly when it is the database itself. */
export function restoreSourceFile(ctx: CoreContext, input: ChannelParsedInput<'backup:preview' | 'backup:restore'>): string {
  const source = path.resolve(input.name ? backupByName(ctx, input.name) : input.path!);
  if (ctx.paths.databasePath !== ':memory:' && path.resolve(ctx.paths.databasePath) === source)
    throw new CoreError('VALIDATION', 'path: that is the database itself, not a backup', {
      field: 'path',
      reason: 'is_database',
    });
  return source;
}

/**
 * "Lưu bản sao ra…": a copy (with its manifest) in a place the user chose — a USB stick. A
 * backup of the folder by name, or a fresh one taken now. `to` is the file to write; its folder
 * must exist.
 */
export async function saveBackupCopy(
  { ctx }: Call,
  input: ChannelParsedInput<'backup:saveCopy'>,
): Promise<{ file: string; manifestFile: string; sha256: string; sizeBytes: number }> {
  const to = path.resolve(input.to.endsWith('.sqlite') ? input.to : `${input.to}.sqlite`);
  if (!fs.existsSync(path.dirname(to)))
    throw new CoreError('VALIDATION', `to: the folder ${path.dirname(to)} does not exist`, { field: 'to' });
  if (fs.existsSync(to)) throw new CoreError('CONFLICT', `to: ${to} already exists; choose another name`, { field: 'to' });
  if (!input.name) {
    const { manifest } = await writeBackup(ctx, to, 'manual', null);
    return { file: to, manifestFile: manifestPathOf(to), sha256: manifest.file.sha256, sizeBytes: manifest.file.sizeBytes };
  }
  const source = backupByName(ctx, input.name);
  try {
    fs.copyFileSync(source, to, fs.constants.COPYFILE_EXCL);
    const described = describeDatabaseFile(to);
    const original = readManifest(source);
    const manifest: BackupManifest = {
      format: 'ocop-backup-manifest',
      formatVersion: 1,
      kind: original?.kind ?? kindOfName(input.name),
      createdAt: original?.createdAt ?? fs.statSync(source).mtime.toISOString(),
      note: original?.note ?? null,
      ...described,
      file: { ...described.file, name: path.basename(to) },
    };
    if (original && original.file.sha256 !== manifest.file.sha256)
      throw new CoreError(
        'IO',
        `The backup ${input.name} no longer matches its manifest (SHA-256 differs): it was changed or damaged`,
        {
          name: input.name,
        },
      );
    writeManifest(to, manifest);
    return { file: to, manifestFile: manifestPathOf(to), sha256: manifest.file.sha256, sizeBytes: manifest.file.sizeBytes };
  } catch (e) {
    fs.rmSync(to, { force: true });
    fs.rmSync(manifestPathOf(to), { force: true });
    if (e instanceof CoreError) throw e;
    throw ioError(e, `copy the backup to ${to}`);
  }
}
