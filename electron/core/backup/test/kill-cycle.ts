import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { invoke } from '../../api';
import { openCore } from '../../context';
import { tempDir } from '../../test/fixtures';
import { checkBackupFile } from '../restore';

/**
 * One kill -9 cycle: a child process opens a copy of a finalized data folder and restores the
 * backup made just before the finalization (or makes a backup); it is killed with SIGKILL
 * `delayMs` after it said "go". Then the folder is opened as the app opens it and judged: the
 * database passes integrity_check and `audit verify`, and holds either the whole old state
 * (finalized) or the whole new one (the backup's) — never a mix; every backup file left in the
 * folder is a complete, checked one.
 */

export interface KillTemplate {
  dir: string;
  /** The backup to restore: the state before the finalization. */
  backup: string;
  old: Fingerprint;
  next: Fingerprint;
}

interface Fingerprint {
  seq: number;
  hash: string;
  finalizations: number;
}

export interface KillOutcome {
  /** The child finished before the kill came. */
  completed: boolean;
  state: 'old' | 'new' | 'mix';
  integrity: string;
  verifyOk: boolean;
  /** Backup files in the folder that failed checkBackupFile (must be none). */
  badBackups: string[];
  /** Files a killed step left behind (a .partial or .restoring copy): harmless, reported. */
  leftovers: string[];
}

const fingerprint = (db: Database.Database): Fingerprint => {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  return { ...head, finalizations: db.prepare('SELECT count(*) FROM session_finalization').pluck().get() as number };
};

export function killTemplate(dir: string): KillTemplate {
  const backups = path.join(dir, 'backups');
  const name = fs.readdirSync(backups).find((f) => f.startsWith('before-finalize-') && f.endsWith('.sqlite'));
  if (!name) throw new Error('the finalized folder has no before-finalize backup');
  const backup = path.join(backups, name);
  const read = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return fingerprint(db);
    } finally {
      db.close();
    }
  };
  return { dir, backup, old: read(path.join(dir, 'ocop.sqlite')), next: read(backup) };
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-child.ts');

export async function killCycle(t: KillTemplate, what: 'restore' | 'backup', delayMs: number): Promise<KillOutcome> {
  const dir = tempDir('ocop-kill-');
  fs.cpSync(t.dir, dir, { recursive: true });
  const backup = path.join(dir, 'backups', path.basename(t.backup));
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, what, backup], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('go\n')) resolve();
    });
    child.once('exit', (c) => reject(new Error(`the child exited before "go" (${c}): ${err}`)));
  });
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await exited;
  const completed = out.includes('"done":true');

  const leftovers = [...fs.readdirSync(dir), ...fs.readdirSync(path.join(dir, 'backups'))].filter((f) =>
    /\.(partial|restoring)(-wal|-shm)?$/u.test(f),
  );
  const core = await openCore({ dataDir: dir, host: 'cli' });
  try {
    const integrity = String(core.ctx.sqlite.pragma('integrity_check', { simple: true }));
    const now = fingerprint(core.ctx.sqlite);
    const hashAt = (seq: number) => core.ctx.sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq);
    const actionsAfter = (seq: number) =>
      core.ctx.sqlite.prepare('SELECT action FROM audit_log WHERE seq > ?').pluck().all(seq) as string[];
    // Old: the finalized history intact (a killed backup may have added its own "backup made" event).
    const isOld =
      now.finalizations === t.old.finalizations &&
      hashAt(t.old.seq) === t.old.hash &&
      actionsAfter(t.old.seq).every((a) => a === 'backup.create');
    // New: the backup's history, then at most the restore's own event.
    const isNew =
      now.finalizations === t.next.finalizations &&
      hashAt(t.next.seq) === t.next.hash &&
      actionsAfter(t.next.seq).every((a) => a === 'backup.restore');
    const verify = await invoke(core.ctx, 'integrity:verify', {});
    const badBackups: string[] = [];
    for (const f of fs.readdirSync(core.ctx.paths.backupsDir).filter((x) => x.endsWith('.sqlite'))) {
      try {
        checkBackupFile(path.join(core.ctx.paths.backupsDir, f));
      } catch (e) {
        badBackups.push(`${f}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return {
      completed,
      state: isOld ? 'old' : isNew ? 'new' : 'mix',
      integrity,
      verifyOk: verify.ok && verify.value.ok,
      badBackups,
      leftovers,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
