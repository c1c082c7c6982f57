import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { invoke } from '../api';
import { openCore } from '../context';
import { finalizedDemoFolder } from '../integrity/test/demo-folder';
import { tempDir } from '../test/fixtures';

/**
 * View-only mode on real files in a really read-only folder. `chmod` does not stop root (CI and
 * this machine run tests as root), so the folder is bind-mounted read-only inside a child in its
 * own user and mount namespace (`unshare -rm`, no root needed): EROFS for everyone, as on a
 * write-protected USB stick. Where user namespaces are refused the test is skipped and says so;
 * the chmod test below then covers a non-root run.
 */
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test', 'read-only-child.ts');
const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;
if (!canUnshare)
  console.warn(
    'read-only-view.test.ts: the read-only mount test is skipped: `unshare -rm` (user namespaces) is not allowed here',
  );
const isRoot = process.getuid?.() === 0;

describe.skipIf(!canUnshare)('view-only mode on a read-only data folder (real read-only mount)', () => {
  it('opens the data for viewing, refuses every change with READ_ONLY, prints PDFs, reads a leftover -wal, leaves every file untouched', async () => {
    const { dir, meetingSessionId } = await finalizedDemoFolder();
    const scratch = tempDir('ocop-ro-');
    const r = spawnSync('unshare', ['-rm', process.execPath, '--import', 'tsx', CHILD, scratch, dir, String(meetingSessionId)], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout.trim().split('\n').pop()!);

    // A. A cleanly closed folder on a read-only disk.
    const a = o.a;
    expect(a.readOnly).toEqual({ reason: 'folder', walIncluded: false, upgraded: false });
    expect(a.infoReadOnly).toEqual(a.readOnly);
    expect(a.reads).toEqual({ rounds: 'ok', session: 'ok', settings: 'ok', auditVerify: true, integrityVerify: true });
    // A draft PDF needs no write: it is made and answered.
    expect(a.pdf).toMatchObject({ head: '%PDF-' });
    expect(a.pdf.pages).toBeGreaterThan(0);
    // Every change is refused before it starts, with a message that says why and what to do.
    expect(a.settingsSet).toMatchObject({
      code: 'READ_ONLY',
      message: expect.stringMatching(/view-only mode.*cannot be written.*Nothing was changed.*writable/),
      details: { channel: 'settings:set' },
    });
    expect(a.writes).toEqual({ transition: 'READ_ONLY', backup: 'READ_ONLY', restore: 'READ_ONLY', demo: 'READ_ONLY' });
    // Saving a copy elsewhere works: the way out of a read-only disk; the copy is whole.
    expect(a.saveCopy).toBe('ok');
    expect(a.copy).toEqual({ integrity: 'ok', audit: a.viewAudit });
    // The private copy lives in the temporary folder while open and is removed on close.
    expect(a.viewDirsWhileOpen).toBe(1);
    expect(a.viewDirsAfterClose).toBe(0);
    expect(a.immutableUri).toBe('SQLITE_CANTOPEN');
    // Not one byte of the folder changed (no -wal/-shm created either); the file is whole.
    expect(a.unchanged).toBe(true);
    expect(a.integrityAfter).toBe('ok');

    // B. A committed change only in the -wal (unclean exit): read, and said so; with or without -shm.
    for (const b of [o.bShm, o.bNoShm]) {
      expect(b.killed).toBe('SIGKILL');
      expect(b.walBytes).toBeGreaterThan(32);
      expect(b.readOnly).toEqual({ reason: 'folder', walIncluded: true, upgraded: false });
      expect(b.operatorName).toBe('Sau sự cố');
      expect(b.write).toBe('READ_ONLY');
      expect(b.unchanged).toBe(true);
    }
    expect(o.bShm.files).toEqual(['ocop.sqlite', 'ocop.sqlite-shm', 'ocop.sqlite-wal']);
    expect(o.bNoShm.files).toEqual(['ocop.sqlite', 'ocop.sqlite-wal']);

    // D. An older schema: viewed through an upgraded copy; the file stays as it was.
    expect(o.d).toEqual({
      readOnly: { reason: 'folder', walIncluded: false, upgraded: true },
      schemaVersion: o.d.latest,
      latest: expect.any(Number),
      reads: 'ok',
      unchanged: true,
    });

    // E. A newer schema: refused, naming the data folder's file, never the temporary copy.
    expect(o.e).toMatchObject({ code: 'DB_NEWER_VERSION', viewDirs: 0 });
    expect(o.e.message).toContain(`${scratch}/e/ocop.sqlite`);
    expect(o.e.message).not.toContain(`${scratch}/tmp/`);

    // C. Nothing to view: a read-only folder without a database is refused as before.
    expect(o.c).toMatchObject({ code: 'DB_READ_ONLY', message: expect.stringMatching(/make it writable/), files: [] });
  }, 300_000);
});

describe.skipIf(isRoot)('view-only mode on a folder this user may not write (chmod)', () => {
  it('opens for viewing and refuses changes; the folder is unchanged', async () => {
    const { dir } = await finalizedDemoFolder();
    const viewTmpDir = tempDir('ocop-view-tmp-');
    const before = fs.readdirSync(dir).sort();
    const bytes = fs.readFileSync(path.join(dir, 'ocop.sqlite'));
    fs.chmodSync(dir, 0o555);
    try {
      const core = await openCore({ dataDir: dir, host: 'cli', viewTmpDir });
      expect(core.ctx.readOnly).toEqual({ reason: 'folder', walIncluded: false, upgraded: false });
      expect(await invoke(core.ctx, 'rounds:list', {})).toMatchObject({ ok: true });
      expect(await invoke(core.ctx, 'settings:set', { language: 'en' })).toMatchObject({
        ok: false,
        error: { code: 'READ_ONLY' },
      });
      core.close();
    } finally {
      fs.chmodSync(dir, 0o755);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(Buffer.compare(bytes, fs.readFileSync(path.join(dir, 'ocop.sqlite')))).toBe(0);
    expect(fs.readdirSync(viewTmpDir)).toEqual([]);
  }, 240_000);
});
