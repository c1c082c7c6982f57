/**
 * Runs inside `unshare -rm` (a private mount namespace; see disk-faults.test.ts) where MNT is a
 * small tmpfs: real ENOSPC and a real read-only mount, not simulated. Prints one JSON line.
 * argv: MNT SOURCE_DATA_DIR
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { invoke } from '../../api';
import { openCore } from '../../context';

const [mnt, source] = process.argv.slice(2) as [string, string];
const data = path.join(mnt, 'data');
fs.mkdirSync(data);
fs.copyFileSync(path.join(source, 'ocop.sqlite'), path.join(data, 'ocop.sqlite'));
const out: Record<string, unknown> = {};
const errorOf = (env: { ok: boolean; error?: { code: string; message: string } }) =>
  env.ok ? null : { code: env.error!.code, message: env.error!.message };
const check = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      operator: db.prepare("SELECT value FROM setting WHERE key = 'operatorName'").pluck().get() ?? null,
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    };
  } finally {
    db.close();
  }
};

// 1. Disk full during a backup: the tmpfs holds the database but not a second copy.
{
  const core = await openCore({ dataDir: data, host: 'cli' });
  const auditBefore = core.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
  out.backup = errorOf(await invoke(core.ctx, 'backup:create', {}));
  out.saveCopy = errorOf(await invoke(core.ctx, 'backup:saveCopy', { to: path.join(mnt, 'usb-copy.sqlite') }));
  out.backupsLeft = fs.existsSync(core.ctx.paths.backupsDir) ? fs.readdirSync(core.ctx.paths.backupsDir) : [];
  out.copyLeft = fs.existsSync(path.join(mnt, 'usb-copy.sqlite'));
  out.auditUnchanged = core.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() === auditBefore;

  // 2. Disk full during ordinary writes: fill what is left, then write until it refuses.
  const filler = path.join(mnt, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let i = 0; i < 100_000; i++) fs.writeSync(fd, chunk);
  } catch (e) {
    out.fillerError = (e as NodeJS.ErrnoException).code;
  }
  fs.closeSync(fd);
  const codes: string[] = [];
  let lastAcknowledged: string | null = null;
  for (let i = 0; i < 400; i++) {
    const name = `Thư ký ${i} ${'đ'.repeat(60)}`;
    const env = await invoke(core.ctx, 'settings:set', { operatorName: name });
    if (env.ok) lastAcknowledged = name;
    else codes.push(env.error.code);
    if (codes.length >= 3) break;
  }
  out.writeErrors = [...new Set(codes)];
  out.writeErrorMessage =
    codes.length > 0 ? errorOf(await invoke(core.ctx, 'settings:set', { operatorName: 'Sau khi đầy' })) : null;
  out.lastAcknowledged = lastAcknowledged;
  // Reads still work on a full disk.
  out.readWhileFull = (await invoke(core.ctx, 'settings:get', {})).ok;
  core.close();
  fs.rmSync(filler);
  out.afterFull = check(path.join(data, 'ocop.sqlite'));
  const again = await openCore({ dataDir: data, host: 'cli' });
  const verify = await invoke(again.ctx, 'integrity:verify', {});
  out.verifyAfterFull = verify.ok && verify.value.ok;
  again.close();
}

// 3. A read-only data folder: opened in view-only mode (db/read-only-view.ts); changes are refused
//    clearly; nothing changes.
{
  for (const f of fs.readdirSync(path.join(data, 'backups'))) fs.rmSync(path.join(data, 'backups', f));
  const before = fs.readFileSync(path.join(data, 'ocop.sqlite'));
  execFileSync('mount', ['--bind', data, data]);
  execFileSync('mount', ['-o', 'remount,bind,ro', data]);
  try {
    const core = await openCore({ dataDir: data, host: 'cli' });
    out.readOnlyOpen = {
      readOnly: core.ctx.readOnly,
      write: errorOf(await invoke(core.ctx, 'settings:set', { operatorName: 'x' })),
    };
    core.close();
  } catch (e) {
    out.readOnlyOpen = { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  out.readOnlyUnchanged = Buffer.compare(before, fs.readFileSync(path.join(data, 'ocop.sqlite'))) === 0;
  execFileSync('umount', [data]);
}

// 4. The folder turns read-only while the app runs (a USB disk write-protected, a remount):
//    writes are refused clearly, reads go on, nothing acknowledged is lost.
{
  const core = await openCore({ dataDir: data, host: 'cli' });
  const ack = await invoke(core.ctx, 'settings:set', { operatorName: 'Trước khi chỉ đọc' });
  out.ackBeforeReadOnly = ack.ok;
  execFileSync('mount', ['--bind', data, data]);
  execFileSync('mount', ['-o', 'remount,bind,ro', data]);
  out.writeWhileReadOnly = errorOf(await invoke(core.ctx, 'settings:set', { operatorName: 'Trong khi chỉ đọc' }));
  out.backupWhileReadOnly = errorOf(await invoke(core.ctx, 'backup:create', {}));
  out.readWhileReadOnly = (await invoke(core.ctx, 'settings:get', {})).ok;
  core.close();
  execFileSync('umount', [data]);
  out.afterReadOnly = check(path.join(data, 'ocop.sqlite'));
}

process.stdout.write(`${JSON.stringify(out)}\n`);
