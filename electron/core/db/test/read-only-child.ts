/**
 * Runs inside `unshare -rm` (a private mount namespace; see read-only-view.test.ts): each data
 * folder is bind-mounted read-only for real (EROFS even for root), then opened as the app opens it.
 * Prints one JSON line. argv: SCRATCH SOURCE_DATA_DIR MEETING_SESSION_ID
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { invoke } from '../../api';
import { openCore } from '../../context';
import { migrateTo } from '../../test/migrate-to';
import { LATEST_SCHEMA_VERSION, migrationNames } from '../migrations';

const [scratch, source, sessionIdText] = process.argv.slice(2) as [string, string, string];
const sessionId = Number(sessionIdText);
const viewTmpDir = path.join(scratch, 'tmp');
fs.mkdirSync(viewTmpDir);
const out: Record<string, Record<string, unknown>> = {};

/** Every file under `dir` (names and SHA-256): "untouched" means this is identical after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    files[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return files;
}
const readOnlyMount = (dir: string) => {
  execFileSync('mount', ['--bind', dir, dir]);
  execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
};
const codeOf = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? 'ok' : env.error!.code);
const copyOfSource = (name: string) => {
  const dir = path.join(scratch, name);
  fs.cpSync(source, dir, { recursive: true });
  return dir;
};

// A. A data folder closed cleanly, on a read-only disk: everything can be looked at, nothing changed.
{
  const dir = copyOfSource('a');
  const before = snapshot(dir);
  readOnlyMount(dir);
  const o: Record<string, unknown> = {};
  // Refused outright at start before view-only mode existed (DB_READ_ONLY); now opened for viewing.
  const core = await openCore({ dataDir: dir, host: 'cli', viewTmpDir });
  const ctx = core.ctx;
  o.readOnly = ctx.readOnly;
  const info = await invoke(ctx, 'app:info', {});
  o.infoReadOnly = info.ok ? info.value.readOnly : info.error;
  o.reads = {
    rounds: codeOf(await invoke(ctx, 'rounds:list', {})),
    session: codeOf(await invoke(ctx, 'sessions:get', { id: sessionId })),
    settings: codeOf(await invoke(ctx, 'settings:get', {})),
    auditVerify: await invoke(ctx, 'audit:verify', {}).then((e) => (e.ok ? e.value.ok : e.error.code)),
    integrityVerify: await invoke(ctx, 'integrity:verify', {}).then((e) => (e.ok ? e.value.ok : e.error.code)),
  };
  const pdf = await invoke(ctx, 'documents:render', { sessionId, kind: 'minutes' });
  o.pdf = pdf.ok
    ? { pages: pdf.value.pages, head: Buffer.from(pdf.value.pdfBase64, 'base64').subarray(0, 5).toString() }
    : pdf.error;
  const settingsSet = await invoke(ctx, 'settings:set', { operatorName: 'Không được lưu' });
  o.settingsSet = settingsSet.ok ? 'ok' : settingsSet.error;
  o.writes = {
    transition: codeOf(await invoke(ctx, 'sessions:transition', { id: sessionId, to: 'closed', endTime: '12:00' })),
    backup: codeOf(await invoke(ctx, 'backup:create', {})),
    restore: codeOf(await invoke(ctx, 'backup:restore', { path: path.join(scratch, 'nothing.sqlite') })),
    demo: codeOf(await invoke(ctx, 'demo:create', { seed: 1 })),
  };
  // The way out of a read-only disk: a copy of the data saved where the user chooses.
  const copyTo = path.join(scratch, 'copy-from-view.sqlite');
  o.saveCopy = codeOf(await invoke(ctx, 'backup:saveCopy', { to: copyTo }));
  if (fs.existsSync(copyTo)) {
    const c = new Database(copyTo, { readonly: true });
    o.copy = {
      integrity: c.pragma('integrity_check', { simple: true }),
      audit: c.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    };
    c.close();
  }
  const live = new Database(path.join(scratch, 'tmp', fs.readdirSync(viewTmpDir)[0]!, 'ocop.sqlite'), { readonly: true });
  o.viewAudit = live.prepare('SELECT count(*) FROM audit_log').pluck().get();
  live.close();
  o.viewDirsWhileOpen = fs.readdirSync(viewTmpDir).length;
  core.close();
  o.viewDirsAfterClose = fs.readdirSync(viewTmpDir).length;
  // The SQLite way (immutable=1 in a file: URI) is not available in this better-sqlite3 build:
  // the URI is taken as a file name. If this ever opens, read-only-view.ts can use it instead.
  try {
    new Database(`file:${path.join(dir, 'ocop.sqlite')}?immutable=1`, { readonly: true }).close();
    o.immutableUri = 'opened';
  } catch (e) {
    o.immutableUri = (e as { code?: string }).code;
  }
  o.unchanged = JSON.stringify(snapshot(dir)) === JSON.stringify(before);
  execFileSync('umount', [dir]);
  const after = new Database(path.join(dir, 'ocop.sqlite'), { readonly: true });
  o.integrityAfter = after.pragma('integrity_check', { simple: true });
  after.close();
  out.a = o;
}

// B. An unclean exit left a committed change only in the -wal (with and without its -shm), and the
//    folder is read-only now: the view shows that change and says it read the -wal.
for (const keepShm of [true, false]) {
  const dir = copyOfSource(keepShm ? 'b-shm' : 'b-no-shm');
  const file = path.join(dir, 'ocop.sqlite');
  const crashed = spawnSync(
    process.execPath,
    [
      '-e',
      `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('wal_autocheckpoint = 0');
       db.prepare("INSERT INTO setting (key, value, updated_at) VALUES ('operatorName', ?, '2026-06-02T00:00:00.000Z') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify('Sau sự cố'));
       process.kill(process.pid, 'SIGKILL');`,
      file,
    ],
    { encoding: 'utf8' },
  );
  const o: Record<string, unknown> = { killed: crashed.signal, walBytes: fs.statSync(`${file}-wal`).size };
  if (!keepShm) fs.rmSync(`${file}-shm`);
  o.files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('ocop.sqlite'))
    .sort();
  const before = snapshot(dir);
  readOnlyMount(dir);
  const core = await openCore({ dataDir: dir, host: 'cli', viewTmpDir });
  o.readOnly = core.ctx.readOnly;
  const s = await invoke(core.ctx, 'settings:get', {});
  o.operatorName = s.ok ? s.value.operatorName : s.error;
  o.write = codeOf(await invoke(core.ctx, 'settings:set', { operatorName: 'x' }));
  core.close();
  o.unchanged = JSON.stringify(snapshot(dir)) === JSON.stringify(before);
  execFileSync('umount', [dir]);
  out[keepShm ? 'bShm' : 'bNoShm'] = o;
}

// C. A read-only folder with no database yet: nothing to view, refused as before.
{
  const dir = path.join(scratch, 'c');
  fs.mkdirSync(dir);
  readOnlyMount(dir);
  try {
    (await openCore({ dataDir: dir, host: 'cli', viewTmpDir })).close();
    out.c = { opened: true };
  } catch (e) {
    out.c = { code: (e as { code?: string }).code, message: (e as Error).message, files: fs.readdirSync(dir) };
  }
  execFileSync('umount', [dir]);
}

// D. A database made by an older version, on a read-only stick: upgraded in the private copy only.
{
  const dir = path.join(scratch, 'd');
  fs.mkdirSync(dir);
  (await migrateTo(migrationNames.at(-2)!, path.join(dir, 'ocop.sqlite'))).close();
  const before = snapshot(dir);
  readOnlyMount(dir);
  const core = await openCore({ dataDir: dir, host: 'cli', viewTmpDir });
  const info = await invoke(core.ctx, 'app:info', {});
  out.d = {
    readOnly: core.ctx.readOnly,
    schemaVersion: info.ok ? info.value.schemaVersion : info.error,
    latest: LATEST_SCHEMA_VERSION,
    reads: codeOf(await invoke(core.ctx, 'rounds:list', {})),
  };
  core.close();
  out.d.unchanged = JSON.stringify(snapshot(dir)) === JSON.stringify(before);
  execFileSync('umount', [dir]);
}

// E. A database from a newer version, on a read-only stick: refused as when writable, naming the
//    folder's file (never the temporary copy); nothing left in the temporary folder.
{
  const dir = copyOfSource('e');
  const file = path.join(dir, 'ocop.sqlite');
  const raw = new Database(file);
  raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')").run();
  raw.close();
  readOnlyMount(dir);
  try {
    (await openCore({ dataDir: dir, host: 'cli', viewTmpDir })).close();
    out.e = { opened: true };
  } catch (e) {
    out.e = { code: (e as { code?: string }).code, message: (e as Error).message, viewDirs: fs.readdirSync(viewTmpDir).length };
  }
  execFileSync('umount', [dir]);
}

process.stdout.write(`${JSON.stringify(out)}\n`);
