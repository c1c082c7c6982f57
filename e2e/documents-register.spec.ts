import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { SessionResults } from '../shared/api/channels/results';
import { alterPdfWords } from '../electron/core/documents/test/pdf-alter';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { finalizedDemoSession } from './pages/finalized-demo';

/** Serious or critical accessibility problems (axe) in the page's main area. */
async function axeProblems(page: import('@playwright/test').Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('main').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('issues the finalized minutes, finds them in the register, verifies the file and refuses an altered copy', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const { sessionId, detail } = await finalizedDemoSession(app);
  const results = await app.api<SessionResults>('results:session', { sessionId });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Văn bản' }).click();
  await page.getByRole('combobox', { name: 'Phiên họp' }).click();
  await page.getByRole('option', { name: new RegExp(detail.session.title) }).click();
  const minutes = page.getByRole('group', { name: 'Biên bản họp' });
  await minutes.getByRole('button', { name: 'Phát hành' }).click();
  const dialog = page.getByRole('dialog', { name: 'Phát hành Biên bản họp' });
  await expect(dialog).toContainText('không sửa được nữa');
  await dialog.getByRole('button', { name: 'Phát hành' }).click();
  await expect(page.getByText('Đã phát hành: số thứ tự 1 trong sổ văn bản.')).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải xuống' }).click();
  const issued = path.join(app.dataDir, 'issued.pdf');
  await (await download).saveAs(issued);
  // The minutes' details are locked now; the panel says by what.
  await expect(page.getByRole('region', { name: 'Thông tin in trên văn bản' })).toContainText(
    'Đã phát hành văn bản in các thông tin này',
  );

  await page.getByRole('tab', { name: 'Sổ văn bản' }).click();
  const table = page.getByTestId('register-table');
  await expect(table).toContainText('Biên bản');
  await expect(table).toContainText('Còn hiệu lực');
  await expect(table).toContainText(`Phiên ${sessionId}, lần chốt 1`);
  await docScreenshot(page, 'documents-register');
  expect(await axeProblems(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Kiểm tra văn bản' }).click();
  await page.locator('input[type="file"]').setInputFiles(issued);
  const report = page.getByTestId('verify-report');
  await expect(report).toHaveAttribute('data-outcome', 'issued', { timeout: 60_000 });
  await expect(report).toContainText('KHỚP');
  await expect(report).toContainText('Đúng là tệp đã phát hành');

  // A copy whose first product's mean was changed (its digits swapped), saved again as a valid PDF.
  const mean = results.products.map((p) => p.mean?.display).find((m): m is string => !!m && m[0] !== m[1] && /^\d\d/u.test(m))!;
  const forged = mean[1]! + mean[0]! + mean.slice(2);
  const altered = path.join(app.dataDir, 'altered.pdf');
  fs.writeFileSync(altered, await alterPdfWords(fs.readFileSync(issued), [{ find: mean, replace: forged }]));
  await page.locator('input[type="file"]').setInputFiles(altered);
  await expect(report).toHaveAttribute('data-outcome', 'differs', { timeout: 60_000 });
  await expect(report).toContainText('KHÔNG KHỚP');
  await expect(report).toContainText('Theo dữ liệu:');
  await expect(report).toContainText(mean);
  await expect(report).toContainText(forged);
  await docScreenshot(page, 'documents-verify', { fullPage: true });
  expect(await axeProblems(page)).toEqual([]);
});
