import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { docScreenshot } from './doc-screenshot';
import { expect, loginPage, startServe, test } from './fixtures';
import { Shell } from './pages/Shell';

type Backup = { name: string; path: string };
type Round = { id: number };

test('restore from the list and from a file: the preview says what changes, the data really is replaced, refusals are plain', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const empty = await app.api<Backup>('backup:create', { note: 'Trước dữ liệu tập huấn' });
  await app.api('demo:create', { seed: 5 });
  const rounds = await app.api<Round[]>('rounds:list', {});
  expect(rounds.length).toBeGreaterThan(0);

  const shell = new Shell(page);
  await shell.open(app.url);
  await shell.go('backup');
  await page.getByRole('button', { name: `Khôi phục ${empty.name}` }).click();
  // The restore dialog (the path dialog of "from a file" may still be fading out beside it).
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('restore-dialog') });
  const preview = dialog.getByTestId('restore-preview');
  await expect(preview).toHaveAttribute('data-relation', 'older');
  await expect(dialog.getByTestId('restore-summary')).toContainText('Bản sao lưu cũ hơn dữ liệu hiện tại');
  await expect(dialog.getByTestId('restore-totals').getByRole('row', { name: /Đợt đánh giá/ })).toContainText(
    `Đợt đánh giá${rounds.length}0`,
  );
  await expect(dialog.getByTestId('restore-sessions')).toContainText('chỉ có trong dữ liệu hiện tại — sẽ không còn');
  await docScreenshot(page, 'backup-restore-preview');

  await dialog.getByRole('button', { name: 'Khôi phục bản này' }).click();
  await expect(page.getByText(`Đã khôi phục ${empty.name}`)).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toBeHidden();
  expect(await app.api<Round[]>('rounds:list', {})).toEqual([]);
  await expect(page.getByTestId('backup-list')).toContainText('Trước khi khôi phục');

  // The whole state still matches its history after the restore.
  await page.getByRole('button', { name: 'Kiểm tra ngay' }).click();
  await expect(page.getByTestId('verify-ok')).toContainText('Dữ liệu khớp với nhật ký');

  // From a file (the browser host asks for the path): refusals first, then the data comes back.
  const notBackup = path.join(app.dataDir, 'ghi-chu.sqlite');
  fs.writeFileSync(notBackup, 'không phải cơ sở dữ liệu');
  const fromFile = async (file: string) => {
    await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click();
    await page.getByLabel('Đường dẫn đầy đủ của tệp sao lưu trên máy này').fill(file);
    await page.getByRole('button', { name: 'Xem trước' }).click();
  };
  const refusals: [string, string][] = [
    [notBackup, 'không phải bản sao lưu của Hội đồng OCOP'],
    [path.join(app.dataDir, 'ocop.sqlite'), 'chính là cơ sở dữ liệu đang dùng'],
    [path.join(app.dataDir, 'khong-co.sqlite'), 'Không tìm thấy tệp hoặc thư mục này'],
  ];
  for (const [file, says] of refusals) {
    await fromFile(file);
    await expect(dialog.getByTestId('backup-refused')).toContainText(says);
    await expect(dialog.getByRole('button', { name: 'Khôi phục bản này' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect(dialog).toBeHidden();
  }
  const saved = (await app.api<Backup[]>('backup:list', {})).find((b) => b.name.startsWith('before-restore-'))!;
  await fromFile(saved.path);
  // The data before the restore, then the restore's own event: two histories that part.
  await expect(dialog.getByTestId('restore-preview')).toHaveAttribute('data-relation', 'diverged');
  await expect(dialog.getByTestId('restore-summary')).toContainText('khác nhau từ thay đổi thứ');
  await dialog.getByRole('button', { name: 'Khôi phục bản này' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  expect((await app.api<Round[]>('rounds:list', {})).length).toBe(rounds.length);

  // The screen's last line opens its chapter of the in-app guide.
  await page.getByRole('link', { name: 'Chi tiết: Hướng dẫn → Sao lưu và khôi phục.' }).click();
  await expect(page.getByRole('tab', { name: 'Sao lưu và khôi phục', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sao lưu và khôi phục — kiểm tra dữ liệu' })).toBeVisible();
});

test('restore after an unclean exit: the stale -wal is not replayed over the restored data', async ({ browser }) => {
  test.setTimeout(240_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-wal-'));
  const db = path.join(dataDir, 'ocop.sqlite');
  let server = await startServe(dataDir);
  const api = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${server.url}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ocop-token': server.token },
      body: JSON.stringify(input),
    });
    const env = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!env.ok) throw new Error(`${channel}: ${env.error?.message}`);
    return env.value;
  };
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    await api('settings:set', { operatorName: 'Trước khi sao lưu' });
    const backup = await api<Backup>('backup:create', {});
    // The app dies (kill -9) after committing more work that is still only in ocop.sqlite-wal.
    await crashWriting(db, 'Sau khi sao lưu');
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);

    server = await startServe(dataDir);
    const page = await context.newPage();
    await loginPage(page, server.loginUrl);
    const shell = new Shell(page);
    await shell.open(server.url, '/backup');
    await page.getByRole('button', { name: `Khôi phục ${backup.name}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('restore-preview')).toBeVisible();
    await dialog.getByRole('button', { name: 'Khôi phục bản này' }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));

    const check = new Database(db, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.prepare("SELECT value FROM setting WHERE key = 'operatorName'").pluck().get()).toContain('Trước khi sao lưu');
      expect(check.prepare("SELECT count(*) FROM setting WHERE key LIKE 'filler-%'").pluck().get()).toBe(0);
      expect(check.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('backup.restore');
    } finally {
      check.close();
    }
    // Nothing lost: the crash's committed work is in the "before restore" backup.
    const before = fs
      .readdirSync(path.join(dataDir, 'backups'))
      .find((f) => f.startsWith('before-restore-') && f.endsWith('.sqlite'))!;
    const kept = new Database(path.join(dataDir, 'backups', before), { readonly: true });
    try {
      expect(kept.prepare("SELECT count(*) FROM setting WHERE key LIKE 'filler-%'").pluck().get()).toBe(200);
    } finally {
      kept.close();
    }
  } finally {
    await context.close();
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Another process commits changes with the checkpoint deferred, then is killed: the -wal holds them. */
async function crashWriting(db: string, operatorName: string): Promise<void> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(db)});
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
