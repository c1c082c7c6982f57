import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SessionDocumentSignatures } from '../shared/api/channels/signatures';
import { NOW } from '../electron/core/signing/test/signing-fixture';
import { makeTestPki } from '../electron/core/signing/test/test-pki';
import { signaturePng } from '../electron/core/signing/test/images';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { finalizedDemoSession } from './pages/finalized-demo';

test('the secretary then the chair sign the issued minutes with .p12 files; the download passes pdfsig', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const { sessionId, detail } = await finalizedDemoSession(app);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Văn bản' }).click();
  await page.getByRole('combobox', { name: 'Phiên họp' }).click();
  await page.getByRole('option', { name: new RegExp(detail.session.title) }).click();
  const panel = page.getByRole('region', { name: 'Chữ ký số của văn bản đã phát hành' });
  await expect(panel).toContainText('Chưa có văn bản nào được phát hành');
  // Signing starts from the register: issue the minutes first.
  await page.getByRole('group', { name: 'Biên bản họp' }).getByRole('button', { name: 'Phát hành' }).click();
  await page.getByRole('dialog', { name: 'Phát hành Biên bản họp' }).getByRole('button', { name: 'Phát hành' }).click();
  const row = panel.getByTestId('signature-row-minutes');
  await expect(row.getByTestId('signature-state')).toHaveText('Chưa ký', { timeout: 60_000 });
  const state = await app.api<SessionDocumentSignatures>('signatures:documents', { sessionId });
  const flow = state.documents.find((d) => d.kind === 'minutes')!.flow!;
  const names = { secretary: flow[0]!.name, chair: flow[1]!.name };
  expect(flow.map((s) => s.role)).toEqual(['secretary', 'chair']);
  await expect(row).toContainText(`Người ký tiếp theo: Thư ký — ${names.secretary}`);

  // The chair's signature image, set in the council's "Chữ ký số" tab, is drawn when the chair signs.
  const png = path.join(app.dataDir, 'chu-ky-chu-toa.png');
  fs.writeFileSync(png, signaturePng());
  await page.goto(`${app.url}#/councils/${detail.session.councilId}`);
  await page.getByRole('tab', { name: 'Chữ ký số' }).click();
  const slot = page.getByRole('group', { name: names.chair, exact: true });
  await slot.locator('input[type=file]').setInputFiles(png);
  await expect(slot.getByRole('img', { name: `Ảnh của ${names.chair}` })).toBeVisible({ timeout: 30_000 });
  await docScreenshot(page, 'signatures-images');
  await page.getByRole('link', { name: 'Văn bản' }).click();
  await page.getByRole('combobox', { name: 'Phiên họp' }).click();
  await page.getByRole('option', { name: new RegExp(detail.session.title) }).click();
  // The signers' certificates, issued by a test CA for the names the minutes print (the clock is the real one here).
  const pki = await makeTestPki(
    fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-pki-')),
    new Date(Math.max(Date.now(), NOW.getTime())),
  );
  const p12 = async (name: string) => pki.p12(await pki.signerNamed(name), 'mật khẩu 123');
  const files = { secretary: await p12(names.secretary), chair: await p12(names.chair) };

  for (const [role, roleText, after] of [
    ['secretary', 'Thư ký', 'Thư ký đã ký'],
    ['chair', 'Chủ tọa', 'Đủ chữ ký'],
  ] as const) {
    await row.getByRole('button', { name: `Ký (${roleText})` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`Ký Biên bản.* — ${roleText}`) });
    await dialog.locator('input[type=file]').setInputFiles(files[role]);
    await dialog.getByLabel('Mật khẩu của tệp').fill('mật khẩu 123');
    if (role === 'secretary') await page.screenshot({ path: test.info().outputPath('signatures-dialog.png') });
    await dialog.getByRole('button', { name: 'Ký văn bản' }).click();
    await expect(row.getByTestId('signature-state')).toHaveText(after, { timeout: 60_000 });
  }
  await expect(row).toContainText(`Thư ký: ${names.secretary}`);
  await expect(row).toContainText(`Chủ tọa: ${names.chair}`);
  await docScreenshot(page, 'signatures-complete');

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Tải bản đã ký' }).click();
  const file = path.join(app.dataDir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  const sig = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' }).stdout;
  expect(sig.match(/Signature is Valid\./gu)).toHaveLength(2);
  expect(sig).toContain(`Signer Certificate Common Name: ${names.secretary}`);
  expect(sig).toContain(`Signer Certificate Common Name: ${names.chair}`);
  // The chair's, the last one, covers the whole file; the secretary's covers what she signed.
  expect(sig.split('Signature #2')[1]).toContain('Total document signed');

  // The session itself says its minutes are fully signed.
  await page.goto(`${app.url}#/sessions/${sessionId}`);
  await expect(page.getByTestId('minutes-signature')).toHaveText('Biên bản: Đủ chữ ký');
});
