import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { APP_NAME, APP_VERSION } from '../app/version';
import { dataPaths, DATABASE_FILE } from '../app/paths';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import { CoreError } from '../errors';
import type { Call } from '../handlers';
import { ioError } from '../integrity/io-errors';
import { ARCHIVE_DATABASE_NAME, ARCHIVE_MANIFEST_FORMAT, ARCHIVE_MANIFEST_NAME, ArchiveManifest } from './archive-format';
import { describeDatabaseFile, sealCopy } from './manifest';
import { checkBackupFile } from './restore';
import { listTarFile, TarWriter } from './tar';

/**
 * The whole-archive move: one .tar with the database, every evidence file and issued document,
 * and a manifest with each file's SHA-256 — to carry a council's data to another laptop, or keep
 * it for the records. Import goes into an empty data folder only, all or nothing.
 */

/** Folders of the data folder that are not the council's records: copies and temporary files (and hidden work folders). */
const NOT_ARCHIVED = new Set(['backups', 'exports']);
const isDatabaseFile = (rel: string) =>
  rel === DATABASE_FILE || rel.startsWith(`${DATABASE_FILE}-`) || rel.startsWith(`${DATABASE_FILE}.`);

/** Files under the data folder that belong in an archive (relative paths with '/'). */
function recordFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dataDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && (NOT_ARCHIVED.has(e.name) || isDatabaseFile(e.name) || e.name.startsWith('.'))) continue;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && !e.name.endsWith('.tmp') && !e.name.endsWith('.partial')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

export interface ArchiveResult {
  file: string;
  sizeBytes: number;
  sha256: string;
  files: number;
  auditHead: ArchiveManifest['auditHead'];
}

export async function exportArchive({ ctx }: Call, { out }: ChannelParsedInput<'archive:export'>): Promise<ArchiveResult> {
  if (ctx.paths.databasePath === ':memory:') throw new CoreError('FORBIDDEN_STATE', 'An in-memory database cannot be archived');
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target)))
    throw new CoreError('VALIDATION', `out: the folder ${path.dirname(target)} does not exist`, { field: 'out' });
  if (fs.existsSync(target))
    throw new CoreError('CONFLICT', `out: ${target} already exists; choose another name`, { field: 'out' });
  const work = fs.mkdtempSync(path.join(ctx.paths.dataDir, '.archive-'));
  const partial = `${target}.partial`;
  let writer: TarWriter | null = null;
  try {
    // A consistent copy of the database first: the files listed after it are all it can point to
    // (evidence is stored by content and never rewritten).
    const dbCopy = path.join(work, ARCHIVE_DATABASE_NAME);
    await ctx.sqlite.backup(dbCopy);
    sealCopy(dbCopy);
    const described = describeDatabaseFile(dbCopy);
    const files: ArchiveManifest['files'] = [
      { path: ARCHIVE_DATABASE_NAME, sizeBytes: described.file.sizeBytes, sha256: described.file.sha256 },
    ];
    const records = recordFiles(ctx.paths.dataDir);
    for (const rel of records) {
      const abs = path.join(ctx.paths.dataDir, rel);
      const h = createHash('sha256');
      const fd = fs.openSync(abs, 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 20);
        for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
      } finally {
        fs.closeSync(fd);
      }
      files.push({ path: rel, sizeBytes: fs.statSync(abs).size, sha256: h.digest('hex') });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_MANIFEST_FORMAT,
      formatVersion: 1,
      createdAt: ctx.now().toISOString(),
      app: { name: APP_NAME, version: APP_VERSION },
      schemaVersion: described.schemaVersion,
      auditHead: described.auditHead,
      counts: described.counts,
      files,
    };
    fs.rmSync(partial, { force: true });
    writer = new TarWriter(partial);
    writer.addBuffer(ARCHIVE_MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
    writer.addFile(ARCHIVE_DATABASE_NAME, dbCopy);
    for (const f of files.slice(1)) {
      const h = createHash('sha256');
      writer.addFile(f.path, path.join(ctx.paths.dataDir, f.path), (b) => h.update(b));
      if (h.digest('hex') !== f.sha256) throw new CoreError('IO', `${f.path} changed while the archive was written; try again`);
    }
    writer.finish();
    writer = null;
    fs.renameSync(partial, target);
    const sizeBytes = fs.statSync(target).size;
    return { file: target, sizeBytes, sha256: sha256Of(target), files: files.length, auditHead: manifest.auditHead };
  } catch (e) {
    writer?.abort();
    fs.rmSync(partial, { force: true });
    if (e instanceof CoreError) throw e;
    throw ioError(e, `write the archive ${path.basename(target)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function sha256Of(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

const refuse = (name: string, why: string) =>
  new CoreError('IMPORT_INVALID', `${name}: ${why}. Nothing was written; the data folder is as it was.`, { file: name });

/**
 * Imports an archive into an empty (or new) data folder. Every entry is checked against the
 * manifest (present, same size, same SHA-256, nothing extra, nothing missing), the database is
 * checked as a restore would check a backup; only then is everything moved into place, from a
 * staging folder beside the target, by one rename.
 */
export function importArchive(
  archive: string,
  dataDir: string,
): { dataDir: string; files: number; auditHead: ArchiveManifest['auditHead']; schemaVersion: number } {
  const name = path.basename(archive);
  const target = path.resolve(dataDir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The data folder ${target} is not empty: an archive is imported into an empty folder only (it never mixes with existing data). Choose a new folder.`,
      { dataDir: target },
    );
  let fd: number;
  try {
    fd = fs.openSync(archive, 'r');
  } catch (e) {
    throw ioError(e, `open the archive ${name}`);
  }
  const staging = `${target}.importing-${process.pid}`;
  try {
    let entries;
    try {
      entries = listTarFile(fd);
    } catch (e) {
      throw refuse(name, `not a readable archive (${e instanceof Error ? e.message : String(e)})`);
    }
    if (entries[0]?.name !== ARCHIVE_MANIFEST_NAME) throw refuse(name, 'not an OCOP Council archive (no manifest first)');
    const manifestBytes = Buffer.alloc(entries[0].size);
    fs.readSync(fd, manifestBytes, 0, entries[0].size, entries[0].offset);
    const parsed = ArchiveManifest.safeParse(
      (() => {
        try {
          return JSON.parse(manifestBytes.toString('utf8')) as unknown;
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) throw refuse(name, 'its manifest is damaged or of an unknown format');
    const manifest = parsed.data;
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    const present = new Map(entries.slice(1).map((e) => [e.name, e]));
    for (const f of manifest.files)
      if (!present.has(f.path)) throw refuse(name, `${f.path} is listed in the manifest but missing from the archive`);
    for (const e of present.keys()) if (!listed.has(e)) throw refuse(name, `${e} is in the archive but not in its manifest`);
    if (!listed.has(ARCHIVE_DATABASE_NAME)) throw refuse(name, 'it holds no database');

    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    const buf = Buffer.allocUnsafe(1 << 20);
    for (const f of manifest.files) {
      const e = present.get(f.path)!;
      if (e.size !== f.sizeBytes) throw refuse(name, `${f.path} has ${e.size} bytes, the manifest says ${f.sizeBytes}`);
      const dest = path.join(staging, ...f.path.split('/'));
      if (!dest.startsWith(staging + path.sep)) throw refuse(name, `${f.path} points outside the data folder`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const out = fs.openSync(dest, 'wx');
      const h = createHash('sha256');
      try {
        for (let done = 0; done < e.size;) {
          const n = fs.readSync(fd, buf, 0, Math.min(buf.length, e.size - done), e.offset + done);
          if (n <= 0) throw refuse(name, `${f.path} ends early (the archive is truncated)`);
          h.update(buf.subarray(0, n));
          fs.writeSync(out, buf.subarray(0, n));
          done += n;
        }
        fs.fsyncSync(out);
      } finally {
        fs.closeSync(out);
      }
      if (h.digest('hex') !== f.sha256)
        throw refuse(name, `${f.path} does not match its SHA-256 in the manifest (altered or damaged)`);
    }
    const db = path.join(staging, ARCHIVE_DATABASE_NAME);
    const checked = checkBackupFile(db);
    if ((checked.auditHead?.hash ?? null) !== (manifest.auditHead?.hash ?? null))
      throw refuse(name, 'the database’s audit head differs from the one in the manifest');
    fs.renameSync(db, path.join(staging, DATABASE_FILE));
    fs.mkdirSync(dataPaths(staging).backupsDir, { recursive: true });
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    return { dataDir: target, files: manifest.files.length, auditHead: manifest.auditHead, schemaVersion: checked.schemaVersion };
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (e instanceof CoreError) throw e;
    throw ioError(e, `import the archive ${name}`);
  } finally {
    fs.closeSync(fd);
  }
}
