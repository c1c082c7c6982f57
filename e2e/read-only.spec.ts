import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { docScreenshot } from './doc-screenshot';
import { loginPage, startServe } from './fixtures';
import { Shell } from './pages/Shell';

/**
 * View-only mode through the HTTP bridge (issue 14): `ocop serve` runs inside its own user and
 * mount namespace (`unshare -rm`, no root needed) where the data folder is bind-mounted read-only —
 * EROFS for everyone, as on a write-protected USB stick (chmod would not stop root). Skipped, and
 * says so, where user namespaces are refused.
 */
const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test.skip(!canUnshare, '`unshare -rm` (user namespaces) is not allowed here: no read-only mount without root');

test('a read-only data folder opens for viewing: banner on every screen, no name prompt, a change is refused in Vietnamese, the file untouched', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-ro-'));
  // Data made earlier on a writable disk (no operator name yet: the first-start prompt would ask).
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/index.ts', 'call', 'demo:create', '--input', '{"seed":3}', '--data-dir', dataDir, '--json'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(made.status, made.stderr).toBe(0);
  const db = path.join(dataDir, 'ocop.sqlite');
  const before = { files: fs.readdirSync(dataDir).sort(), hash: sha(db) };

  let child: ChildProcess | null = null;
  try {
    const served = await startServe(dataDir, [], (node, args) => [
      'unshare',
      [
        '-rm',
        'sh',
        '-c',
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"',
        'sh',
        dataDir,
        node,
        ...args,
      ],
    ]);
    child = served.child;
    await loginPage(page, served.loginUrl);
    const shell = new Shell(page);
    await shell.open(served.url, '/dossiers');

    const banner = page.getByTestId('read-only-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Chỉ xem — thư mục dữ liệu không ghi được');
    await expect(banner).toContainText('mọi thay đổi sẽ bị từ chối');
    await expect(banner).toContainText(dataDir);
    await expect(page.getByTestId('read-only-badge')).toHaveText('Chỉ xem — không lưu được thay đổi');
    // The demo's dossiers are there to look at.
    await expect(page.getByRole('main')).toContainText('Mật ong');
    // Nothing asks for a name that could not be saved.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await docScreenshot(page, 'read-only-banner');

    // A change: refused, saying why and what to do; the banner is still there on the next screen.
    await shell.go('settings');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('read-only-badge')).toBeVisible();
    await page.getByTestId('text-size-switch').getByText('Lớn', { exact: true }).click();
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('Đang ở chế độ chỉ xem: thư mục dữ liệu không ghi được');
    await expect(refusal).toContainText('cho phép ghi vào thư mục dữ liệu');
    await docScreenshot(page, 'read-only-refused');
  } finally {
    if (child) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
  // Not a byte changed, no -wal/-shm or backup left behind; the file is whole.
  expect({ files: fs.readdirSync(dataDir).sort(), hash: sha(db) }).toEqual(before);
  const check = spawnSync('sqlite3', [db, 'PRAGMA integrity_check;'], { encoding: 'utf8' });
  if (check.status === 0) expect(check.stdout.trim()).toBe('ok');
  fs.rmSync(dataDir, { recursive: true, force: true });
});
