import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/test/run-cli';
import { invoke } from '../api';
import { openCore } from '../context';
import { fixedClock, tempDir } from '../test/fixtures';
import { listBackups } from './backup-service';
import { manifestPathOf, readManifest, sha256File } from './manifest';

async function folderWith(names: string[]): Promise<string> {
  const dir = tempDir('ocop-restore-');
  const core = await openCore({ dataDir: dir, host: 'cli', now: fixedClock() });
  for (const operatorName of names) expect((await invoke(core.ctx, 'settings:set', { operatorName })).ok).toBe(true);
  core.close();
  return dir;
}

const read = (file: string, sql: string): unknown => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};
const operatorOf = (file: string) => read(file, "SELECT value FROM setting WHERE key = 'operatorName'") as string;

/**
 * Leaves the database as a crash does: a separate process commits changes in WAL mode (the
 * checkpoint deferred) and is killed with SIGKILL, so `ocop.sqlite-wal` holds committed frames
 * that the next open would replay.
 */
async function crashAfterWriting(dir: string, operatorName: string): Promise<void> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path.join(dir, 'ocop.sqlite'))});
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("UPDATE setting SET value = ? WHERE key = 'operatorName'").run(JSON.stringify(${JSON.stringify(operatorName)}));
    for (let i = 0; i < 200; i++) db.prepare("INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)").run('filler-' + i, JSON.stringify('x'.repeat(500)), '2026-01-01');
    process.stdout.write('written\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('written') && resolve());
    child.once('exit', (c) => reject(new Error(`writer exited early (${c})`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

describe('backups with manifests', () => {
  it('a backup carries a manifest: app and schema version, audit head, counts, SHA-256', async () => {
    const dir = await folderWith(['Nguyễn Văn A', 'Trần Thị B']);
    const core = await openCore({ dataDir: dir, host: 'cli', now: fixedClock('2026-07-01T01:00:00Z') });
    try {
      const head = core.ctx.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
      const b = await invoke(core.ctx, 'backup:create', { note: 'trước phiên họp' });
      if (!b.ok) throw new Error(b.error.message);
      const m = readManifest(b.value.path)!;
      expect(m).toMatchObject({
        format: 'ocop-backup-manifest',
        kind: 'manual',
        note: 'trước phiên họp',
        auditHead: head,
        schemaVersion: expect.any(Number),
        app: { name: 'OCOP Council', version: expect.any(String) },
        counts: { audit_log: 2 },
        integrity: 'ok',
      });
      expect(m.file.sha256).toBe(sha256File(b.value.path));
      expect(b.value.manifest?.auditHead).toEqual(head);
    } finally {
      core.close();
    }
  });
});

describe('restore', () => {
  it('after an unclean exit with a stale WAL: copying by hand loses the restore, `ocop restore` does not', async () => {
    const dir = await folderWith(['Trước khi sao lưu']);
    const backup = path.join(tempDir(), 'kept.sqlite');
    expect((await run(['backup', '--out', backup, '--data-dir', dir])).code).toBe(0);
    await crashAfterWriting(dir, 'Sau khi sao lưu');
    expect(fs.statSync(path.join(dir, 'ocop.sqlite-wal')).size).toBeGreaterThan(0);

    // What the old guide said: copy the backup over ocop.sqlite. The stale WAL is replayed over it.
    const byHand = tempDir();
    for (const f of ['ocop.sqlite', 'ocop.sqlite-wal']) fs.copyFileSync(path.join(dir, f), path.join(byHand, f));
    fs.copyFileSync(backup, path.join(byHand, 'ocop.sqlite'));
    let handResult: string;
    try {
      const db = new Database(path.join(byHand, 'ocop.sqlite'));
      handResult = String(db.prepare("SELECT value FROM setting WHERE key = 'operatorName'").pluck().get());
      db.close();
    } catch (e) {
      handResult = `error: ${String(e)}`;
    }
    expect(handResult).not.toContain('Trước khi sao lưu');

    // The restore command.
    const r = await run(['restore', backup, '--json', '--data-dir', dir]);
    expect(r.code, r.out + r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ verify: { ok: true }, restored: { sha256: sha256File(backup) } });
    expect(fs.existsSync(path.join(dir, 'ocop.sqlite-wal')) ? fs.statSync(path.join(dir, 'ocop.sqlite-wal')).size : 0).toBe(0);
    expect(operatorOf(path.join(dir, 'ocop.sqlite'))).toContain('Trước khi sao lưu');
    expect(read(path.join(dir, 'ocop.sqlite'), "SELECT count(*) FROM setting WHERE key LIKE 'filler-%'")).toBe(0);
    expect(read(path.join(dir, 'ocop.sqlite'), 'PRAGMA integrity_check')).toBe('ok');
    // Nothing lost: the database it replaced (with the crash's committed changes) was saved first.
    expect(operatorOf(report.previousSavedAs)).toContain('Sau khi sao lưu');
    expect(read(report.previousSavedAs, "SELECT count(*) FROM setting WHERE key LIKE 'filler-%'")).toBe(200);
    // The restore is in the history.
    expect(read(path.join(dir, 'ocop.sqlite'), 'SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1')).toBe('backup.restore');
  }, 120_000);

  it('under a running core: the same context answers from the restored database, and calls during it are refused', async () => {
    const dir = await folderWith(['Một']);
    const core = await openCore({ dataDir: dir, host: 'cli', now: fixedClock('2026-07-02T00:00:00Z') });
    try {
      const b = await invoke(core.ctx, 'backup:create', {});
      if (!b.ok) throw new Error(b.error.message);
      await invoke(core.ctx, 'settings:set', { operatorName: 'Hai' });
      const during = invoke(core.ctx, 'backup:restore', { name: b.value.name });
      const refused = await invoke(core.ctx, 'settings:get', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
      const report = await during;
      expect(report).toMatchObject({ ok: true, value: { verify: { ok: true } } });
      expect(await invoke(core.ctx, 'settings:get', {})).toMatchObject({ ok: true, value: { operatorName: 'Một' } });
      expect(listBackups(core.ctx).map((x) => x.kind)).toEqual(expect.arrayContaining(['manual', 'restore']));
    } finally {
      core.close();
    }
  });

  it('refuses a damaged, foreign, newer, altered or mismatched backup with a clear message, and changes nothing', async () => {
    const dir = await folderWith(['Giữ nguyên']);
    const good = path.join(tempDir(), 'good.sqlite');
    expect((await run(['backup', '--out', good, '--data-dir', dir])).code).toBe(0);
    const before = sha256File(path.join(dir, 'ocop.sqlite'));
    const cases: { name: string; make: (f: string) => void; code: string; says: RegExp }[] = [
      {
        name: 'truncated',
        make: (f) => fs.writeFileSync(f, fs.readFileSync(good).subarray(0, 8192)),
        code: 'IMPORT_INVALID',
        says: /damaged|not/,
      },
      { name: 'text', make: (f) => fs.writeFileSync(f, 'hello'), code: 'IMPORT_INVALID', says: /not a backup of OCOP Council/ },
      {
        name: 'foreign',
        make: (f) => {
          const db = new Database(f);
          db.exec('CREATE TABLE t (x)');
          db.close();
        },
        code: 'IMPORT_INVALID',
        says: /not one of OCOP Council/,
      },
      {
        name: 'newer',
        make: (f) => {
          fs.copyFileSync(good, f);
          const db = new Database(f);
          db.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01')").run();
          db.close();
        },
        code: 'DB_NEWER_VERSION',
        says: /newer version of OCOP Council \(9999_future\)/,
      },
      {
        name: 'altered',
        make: (f) => {
          fs.copyFileSync(good, f);
          const db = new Database(f);
          db.exec('DROP TRIGGER audit_log_no_update');
          db.prepare("UPDATE audit_log SET actor = 'kẻ giả mạo' WHERE seq = 1").run();
          db.close();
        },
        code: 'IMPORT_INVALID',
        says: /its own audit log is broken at event 1/,
      },
      {
        name: 'mismatched',
        make: (f) => {
          fs.copyFileSync(good, f);
          fs.copyFileSync(manifestPathOf(good), manifestPathOf(f));
          const db = new Database(f);
          db.prepare("INSERT INTO app_meta (key, value) VALUES ('x', 'y')").run();
          db.close();
        },
        code: 'IMPORT_INVALID',
        says: /does not match its manifest/,
      },
    ];
    for (const c of cases) {
      const f = path.join(tempDir(), `${c.name}.sqlite`);
      c.make(f);
      const r = await run(['restore', f, '--json', '--data-dir', dir]);
      expect(r.code, c.name).toBe(1);
      const err = JSON.parse(r.out).error;
      expect(err.code, c.name).toBe(c.code);
      expect(err.message, c.name).toMatch(c.says);
      expect(err.message, c.name).toContain('othing was changed');
      expect(sha256File(path.join(dir, 'ocop.sqlite')), c.name).toBe(before);
    }
  }, 120_000);
});
