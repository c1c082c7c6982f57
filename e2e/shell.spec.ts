import fs from 'node:fs';
import path from 'node:path';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { Shell } from './pages/Shell';

const MAIN_NAV = 'Điều hướng chính';

test('the app loads in Vietnamese with the main navigation', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.url);
  await expect(page.getByRole('heading', { name: 'Hội đồng OCOP' })).toBeVisible();
  // The main navigation by its name: an area may have its own (the dossiers' "Các màn hình hồ sơ").
  const nav = page.getByRole('navigation', { name: MAIN_NAV });
  for (const label of ['Hồ sơ', 'Hội đồng', 'Phiên họp & chấm điểm', 'Kết quả', 'Văn bản', 'Bộ tiêu chí', 'Sao lưu', 'Cài đặt']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('switching the language to English and back, and it is remembered', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.url, '/settings');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(shell.nav('dossiers')).toHaveText('Dossiers');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language-switch').getByText('Tiếng Việt').click();
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
});

test('a larger text size scales the whole page', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.url, '/settings');
  await page.getByTestId('text-size-switch').getByText('Rất lớn').click();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
});

test('About shows the database path of this run', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.url);
  await shell.go('about');
  await expect(page.getByTestId('about-database-path')).toHaveText(path.join(app.dataDir, 'ocop.sqlite'));
  expect(fs.existsSync(path.join(app.dataDir, 'ocop.sqlite'))).toBe(true);
  await expect(page.getByText('Trình duyệt (máy chủ nội bộ)')).toBeVisible();
  await docScreenshot(page, 'shell-about');
});

test('the API refuses a request without the token, with wrong JSON or an unknown channel', async ({ app }) => {
  const auditBefore = await app.api('audit:tail', {});
  const noToken = await fetch(`${app.url}api/app:info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(noToken.status).toBe(401);
  expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

  const headers = { 'content-type': 'application/json', 'x-ocop-token': app.token };
  const badJson = await fetch(`${app.url}api/settings:set`, { method: 'POST', headers, body: '{"language":' });
  expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'BAD_JSON' } });

  const unknown = await fetch(`${app.url}api/nope:x`, { method: 'POST', headers, body: '{}' });
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

  // Nothing was written by the refused calls.
  expect(await app.api('audit:tail', {})).toEqual(auditBefore);
});

test('a backup made from the Backup screen is listed and exists on disk', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.url);
  await shell.go('backup');
  await page.getByLabel('Ghi chú cho bản sao lưu (không bắt buộc)').fill('Trước phiên họp');
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByTestId('backup-list')).toContainText('truoc-phien-hop.sqlite');
  await expect(page.getByTestId('backup-list')).toContainText('Do người dùng tạo');
  const files = fs.readdirSync(path.join(app.dataDir, 'backups'));
  expect(files.some((f) => f.endsWith('-truoc-phien-hop.sqlite'))).toBe(true);
});

test('the user guide opens from the navigation, offline, in Vietnamese', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.url);
  await shell.go('guide');
  await expect(page.getByRole('heading', { name: 'Hướng dẫn sử dụng — Hội đồng OCOP' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sao lưu' })).toBeVisible();
});

test('a browser without the sign-in address gets the how-to-open page; the one-time address opens the app once', async ({
  browser,
  app,
}) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    const answer = await page.goto(app.url);
    expect(answer?.status()).toBe(401);
    await expect(page.getByRole('heading', { name: 'Hội đồng OCOP: cần mở bằng địa chỉ đăng nhập' })).toBeVisible();
    expect(await page.content()).not.toContain(app.token);
    await docScreenshot(page, 'browser-how-to-open', { fullPage: true });

    const login = await fetch(`${app.url}auth/login-link`, { method: 'POST', headers: { 'x-ocop-token': app.token } });
    const loginUrl = new URL(((await login.json()) as { value: { path: string } }).value.path, app.url).toString();
    await page.goto(loginUrl);
    await expect(page.getByRole('navigation', { name: MAIN_NAV })).toBeVisible();
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name.startsWith('ocop_session_'))).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    // The same address a second time, in a browser without the cookie: refused.
    const other = await browser.newContext();
    const second = await (await other.newPage()).goto(loginUrl);
    expect(second?.status()).toBe(401);
    await other.close();
  } finally {
    await context.close();
  }
});
