import { expect, test } from './fixtures';
import { Shell } from './pages/Shell';

/** What a new secretary meets before any data exists (issue 16). */
test.describe('from an empty database', () => {
  test.use({ operatorName: '' });

  test('the first start asks for the operator name, cannot be skipped empty, and the name is what the log records', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    const dialog = page.getByRole('dialog', { name: 'Chào mừng đến với Hội đồng OCOP' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Bắt đầu' }).click();
    await expect(dialog.getByText('Nhập họ và tên để tiếp tục.')).toBeVisible();
    await dialog.getByLabel('Họ và tên của bạn').fill('Nguyễn Thị Lan');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect(await app.api('settings:get', {})).toMatchObject({ operatorName: 'Nguyễn Thị Lan' });

    // The next change is recorded under that name, not "local".
    await new Shell(page).go('settings');
    await page.getByTestId('text-size-switch').getByText('Lớn', { exact: true }).click();
    await expect
      .poll(async () => ((await app.api('audit:tail', { limit: 1 })) as { actor: string }[])[0]?.actor)
      .toBe('Nguyễn Thị Lan');
  });
});

test('confirmations come one at a time, away from the page buttons, and leave by themselves', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.url, '/settings');
  const sizes = page.getByTestId('text-size-switch');
  await sizes.getByText('Lớn', { exact: true }).click();
  await expect(page.getByText('Đã lưu cài đặt')).toHaveCount(1);
  await sizes.getByText('Bình thường').click();
  await sizes.getByText('Rất lớn').click();
  // Three saves, one confirmation on screen.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(1);
  // Measured once the last size is applied (the page scales, the toast and the side column with it):
  // the toast stays inside the side column, away from the page's own buttons.
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  // Polled: the toast slides in (a transform), its resting place is what counts.
  await expect
    .poll(async () => {
      const box = await page.locator('.mantine-Notification-root').boundingBox();
      const column = await page.locator('.mantine-AppShell-navbar').boundingBox();
      return box && column ? column.x + column.width - (box.x + box.width) : null;
    })
    .toBeGreaterThanOrEqual(0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 8000 });
});
