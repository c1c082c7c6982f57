import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finalizedDemoFolder } from '../integrity/test/demo-folder';
import { tempDir } from '../test/fixtures';

/**
 * Disk full and read-only, for real: a child process in its own user and mount namespace
 * (`unshare -rm`, no root needed) mounts a tmpfs just larger than the database, so a backup hits a
 * real ENOSPC, then bind-mounts the data folder read-only (test/faults-child.ts). Where the
 * kernel refuses user namespaces the test is skipped, and says so.
 */
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test', 'faults-child.ts');
const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;
if (!canUnshare) console.warn('disk-faults.test.ts skipped: `unshare -rm` (user namespaces) is not allowed here');

describe.skipIf(!canUnshare)('disk full and read-only data folder (real tmpfs, real read-only mount)', () => {
  it('each fault is answered with a typed message that says what to do; nothing acknowledged is lost; integrity ok', async () => {
    const { dir } = await finalizedDemoFolder();
    const dbBytes = fs.statSync(path.join(dir, 'ocop.sqlite')).size;
    // Room for the database, its -wal and -shm, but not for a second copy.
    const sizeKb = Math.ceil((dbBytes + 768 * 1024) / 4096) * 4;
    const mnt = tempDir('ocop-tmpfs-');
    const r = spawnSync(
      'unshare',
      [
        '-rm',
        'sh',
        '-c',
        'mount -t tmpfs -o size="$1"k tmpfs "$2" && exec "$3" --import tsx "$4" "$2" "$5"',
        'sh',
        String(sizeKb),
        mnt,
        process.execPath,
        CHILD,
        dir,
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout.trim().split('\n').pop()!);

    // Disk full during a backup and a copy to "USB": DISK_FULL, no half file left, no audit entry.
    expect(o.backup).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/disk is full.*Free some space/) });
    expect(o.saveCopy).toMatchObject({ code: 'DISK_FULL' });
    expect(o.backupsLeft).toEqual([]);
    expect(o.copyLeft).toBe(false);
    expect(o.auditUnchanged).toBe(true);

    // Disk full during ordinary writes: refused as DISK_FULL (never INTERNAL), reads go on, and
    // after freeing space the database is whole and holds the last acknowledged change.
    expect(o.fillerError).toBe('ENOSPC');
    expect(o.writeErrors).toEqual(['DISK_FULL']);
    expect(o.writeErrorMessage.message).toMatch(/full.*everything saved before is safe/);
    expect(o.readWhileFull).toBe(true);
    expect(o.afterFull.integrity).toBe('ok');
    expect(JSON.parse(o.afterFull.operator)).toBe(o.lastAcknowledged);
    expect(o.verifyAfterFull).toBe(true);

    // A read-only data folder: opened in view-only mode, a change answers READ_ONLY saying what to
    // do (db/read-only-view.test.ts covers the mode); the file is untouched.
    expect(o.readOnlyOpen).toMatchObject({
      readOnly: { reason: 'folder' },
      write: { code: 'READ_ONLY', message: expect.stringMatching(/view-only mode.*make the data folder writable/) },
    });
    expect(o.readOnlyUnchanged).toBe(true);

    // Read-only while running: the kernel checks at open, so changes to the open database still
    // go through (and are kept); a new file (a backup) is refused as DB_READ_ONLY; reads go on.
    expect(o.ackBeforeReadOnly).toBe(true);
    const lastSaved = o.writeWhileReadOnly === null ? 'Trong khi chỉ đọc' : 'Trước khi chỉ đọc';
    if (o.writeWhileReadOnly !== null) expect(o.writeWhileReadOnly).toMatchObject({ code: 'DB_READ_ONLY' });
    expect(o.backupWhileReadOnly).toMatchObject({ code: 'DB_READ_ONLY' });
    expect(o.readWhileReadOnly).toBe(true);
    expect(o.afterReadOnly.integrity).toBe('ok');
    expect(JSON.parse(o.afterReadOnly.operator)).toBe(lastSaved);
  }, 300_000);
});
