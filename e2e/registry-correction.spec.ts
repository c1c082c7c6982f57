/**
 * Issue 13: a correction made in the registry after the decision and a certificate were issued.
 * The correction dialog says the issued documents keep the old value and how to issue a corrected
 * version, asks why; the session's documents then offer "Phát hành bản đính chính".
 */
import type { Page } from '@playwright/test';
import type { RegistryEntry } from '../shared/api/channels/registry';
import type { SessionResults } from '../shared/api/channels/results';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { finalizedDemoSession } from './pages/finalized-demo';

/** Screens always go to the test's output; to docs/screenshots only on request (npm run screenshots). */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  await docScreenshot(page, name);
}

test('a registry correction after issue: the dialog says issued documents keep the old value; a corrected version is issued on purpose', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const { sessionId, detail } = await finalizedDemoSession(app);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await app.api('registry:recordDecision', {
    sessionId,
    decisionNo: '125/QĐ-UBND',
    decisionDate: today,
    signer: 'Nguyễn Văn Phong',
  });
  const results = await app.api<SessionResults>('results:session', { sessionId });
  const product = results.products.find((p) => p.recognised && p.status === 'complete')!;
  await app.api('documents:issue', { sessionId, kind: 'decision' });
  await app.api('documents:issue', { sessionId, kind: 'certificate', registrationId: product.registrationId });
  const entries = (await app.api<{ rows: RegistryEntry[] }>('registry:list', { origins: ['session'] })).rows;
  const entry = entries.find((e) => e.registrationId === product.registrationId)!;

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/registry/${entry.id}`);
  await page.getByRole('button', { name: 'Sửa quyết định' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sửa quyết định công nhận' });
  await expect(dialog).toContainText('Văn bản đã phát hành vẫn giữ nội dung cũ');
  await expect(dialog).toContainText('số 125/QĐ-UBND');
  await expect(dialog).toContainText('Phát hành bản đính chính');
  await dialog.getByRole('textbox', { name: 'Số, ký hiệu quyết định' }).fill('127/QĐ-UBND');
  const save = dialog.getByRole('button', { name: 'Lưu việc sửa' });
  await expect(save).toBeDisabled(); // no reason yet
  await dialog.getByRole('textbox', { name: 'Lý do sửa' }).fill('Vào sổ nhầm số quyết định');
  await shot(page, 'registry-correct-decision');
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Các lần sửa sau khi phát hành văn bản')).toBeVisible();
  await expect(page.getByText(/số quyết định 125\/QĐ-UBND → 127\/QĐ-UBND\. Lý do: Vào sổ nhầm số quyết định/u)).toBeVisible();

  // Correct the session's other entries the same way (one decision for the session), through the API.
  for (const e of entries.filter((x) => x.sessionId === sessionId && x.id !== entry.id && x.state === 'recognised'))
    await app.api('registry:updateDecision', {
      id: e.id,
      decisionNo: '127/QĐ-UBND',
      decisionDate: today,
      signer: 'Nguyễn Văn Phong',
      reason: 'Vào sổ nhầm số quyết định',
    });

  await page.goto(app.url);
  await page.getByRole('link', { name: 'Văn bản' }).click();
  await page.getByRole('combobox', { name: 'Phiên họp' }).click();
  await page.getByRole('option', { name: new RegExp(detail.session.title) }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Có sửa sau khi phát hành' });
  await expect(alert).toContainText('125/QĐ-UBND → 127/QĐ-UBND');
  await expect(alert.getByRole('button', { name: /Phát hành bản đính chính/u })).toHaveCount(2);
  await shot(page, 'documents-corrections');
  await alert.getByRole('button', { name: /Phát hành bản đính chính: Quyết định/u }).click();
  const confirm = page.getByRole('dialog', { name: /Phát hành bản đính chính/u });
  await confirm.getByRole('button', { name: 'Phát hành bản đính chính' }).click();
  await expect(page.getByText(/Đã phát hành bản đính chính: số thứ tự \d+, thay thế số \d+\./u)).toBeVisible({ timeout: 60_000 });
  await expect(alert.getByRole('button', { name: /Phát hành bản đính chính/u })).toHaveCount(1);
  // The register shows which version replaced which.
  await page.getByRole('tab', { name: 'Sổ văn bản' }).click();
  const table = page.getByTestId('register-table');
  await expect(table).toContainText(/Bản đính chính, thay số \d+/u);
  await expect(table).toContainText(/bởi bản đính chính số \d+/u);
  await shot(page, 'documents-register-correction');
});
