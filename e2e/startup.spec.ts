import zlib from 'node:zlib';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { Shell } from './pages/Shell';

/** The budget for the code the first screen needs (gzip, as the startup bench measures). */
const INITIAL_JS_GZIP_BYTES = 400_000;

test('the first screen loads only its own code: no pdf.js, no Markdown guide, under 400 kB gzip', async ({ page, app }) => {
  const scripts = new Map<string, number>();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.set(r.url(), zlib.gzipSync(await r.body()).length);
  });
  const shell = new Shell(page);
  await shell.open(app.url);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const names = [...scripts.keys()].map((u) => new URL(u).pathname.split('/').pop()!);
  expect(names.some((n) => /^index-.*\.js$/.test(n))).toBe(true);
  for (const lazyOnly of [/^PdfViewer-/, /^GuidePage-/, /pdf\.worker/, /^ResultsArea-/, /^DocumentsArea-/])
    expect(
      names.filter((n) => lazyOnly.test(n)),
      String(lazyOnly),
    ).toEqual([]);
  const gzip = [...scripts.values()].reduce((a, b) => a + b, 0);
  expect(gzip).toBeLessThan(INITIAL_JS_GZIP_BYTES);

  // Opening the guide loads its chunk then, and it works.
  await shell.nav('guide').click();
  await expect(page.getByRole('tablist')).toBeVisible();
  await expect.poll(() => [...scripts.keys()].some((u) => /GuidePage-/.test(u))).toBe(true);
});

test('About shows the build date, and after the set months a gentle note that a newer version may exist', async ({
  page,
  app,
}) => {
  const shell = new Shell(page);
  await shell.open(app.url, '/about');
  const builtOn = page.getByTestId('about-built-on');
  await expect(builtOn).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  const date = await builtOn.innerText();
  await expect(page.getByTestId('old-build-notice')).toHaveCount(0);

  // Thirteen months later (the default reminder is after 12).
  await page.clock.setFixedTime(new Date(Date.now() + 396 * 86_400_000));
  await page.reload();
  const notice = page.getByTestId('old-build-notice');
  await expect(notice).toContainText('Có thể đã có phiên bản mới hơn');
  await expect(notice).toContainText(`đóng gói ngày ${date}, đã hơn 12 tháng`);
  await docScreenshot(page, 'about-old-build');

  // The reminder is a setting: "never" removes it.
  await notice.getByRole('link', { name: 'Đổi thời hạn nhắc trong Cài đặt' }).click();
  await page.getByRole('combobox', { name: 'Nhắc khi bản cài đặt đã cũ' }).click();
  await page.getByRole('option', { name: 'Không nhắc' }).click();
  await expect(page.getByText('Đã lưu cài đặt')).toBeVisible();
  await shell.nav('about').click();
  await expect(page.getByTestId('about-built-on')).toHaveText(date);
  await expect(page.getByTestId('old-build-notice')).toHaveCount(0);
  expect(await app.api<{ oldBuildNoticeMonths: number }>('settings:get')).toMatchObject({ oldBuildNoticeMonths: 0 });
});
