import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SessionDocumentSignatures } from '../shared/api/channels/signatures';
import { appendPageEdit } from '../electron/core/signing/test/edit';
import { NOW, pdfsig } from '../electron/core/signing/test/signing-fixture';
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
  const signers = { secretary: await pki.signerNamed(names.secretary), chair: await pki.signerNamed(names.chair) };
  const files = {
    secretary: await pki.p12(signers.secretary, 'mật khẩu 123'),
    chair: await pki.p12(signers.chair, 'mật khẩu 123'),
  };

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

  // Kiểm tra văn bản lists the download's signatures beside the content check, agreeing with pdfsig.
  await app.api('signatures:trustImport', { certificateBase64: Buffer.from(pki.root.der).toString('base64') });
  await page.getByTestId('nav-documents').click();
  await page.getByRole('tab', { name: 'Kiểm tra văn bản' }).click();
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-outcome', 'issued', { timeout: 60_000 });
  const report = page.getByTestId('signatures-report');
  await expect(report).toHaveAttribute('data-verdict', 'valid', { timeout: 60_000 });
  const summary = page.getByRole('table', { name: 'Kết luận' });
  await expect(summary.getByRole('row', { name: /Nội dung văn bản/u })).toContainText('KHỚP với dữ liệu đã chốt');
  await expect(summary.getByRole('row', { name: /Chữ ký số/u })).toContainText('2 chữ ký, tất cả nguyên vẹn và tin cậy');
  // pdfsig, run in Vietnam time, gives each signature's time; the screen shows the same instant in ISO 8601 +07:00.
  const sigVn = spawnSync('pdfsig', ['-nocert', file], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' },
  }).stdout;
  const times = [...sigVn.matchAll(/Signing Time: (\w{3}) (\d{2}) (\d{4}) (\d{2}:\d{2}:\d{2})/gu)].map(
    ([, mon, day, year, hms]) =>
      `${year}-${String('JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(mon!) / 3 + 1).padStart(2, '0')}-${day}T${hms}+07:00`,
  );
  expect(times).toHaveLength(2);
  for (const [i, role, whole] of [
    [1, 'secretary', false],
    [2, 'chair', true],
  ] as const) {
    const card = report.getByTestId(`signature-${i}`);
    const row = (name: string) => card.getByRole('row', { name: new RegExp(`^${name}`, 'u') });
    await expect(card.getByRole('heading')).toContainText(`Chữ ký ${i}: ${names[role]}`);
    await expect(row('Tổ chức cấp chứng thư')).toContainText(signers[role].cert.issuer.split(',')[0]!.replace(/^CN=/u, ''));
    await expect(row('Số hiệu chứng thư')).toContainText(signers[role].cert.serialNumber.replace(/^0+/u, '').toUpperCase());
    await expect(row('Thời gian ký')).toContainText(times[i - 1]!);
    await expect(row('Phần tệp được ký')).toContainText('Nguyên vẹn');
    await expect(row('Phạm vi')).toContainText(
      whole ? 'Bao trùm toàn bộ tệp' : 'Chỉ bao trùm tệp lúc ký. Thêm vào sau đó: chữ ký số khác.',
    );
    await expect(row('Độ tin cậy')).toContainText('Tin cậy: chứng thư dẫn về');
    await expect(row('Thu hồi chứng thư')).toContainText('Chưa kiểm tra');
  }
  await page.screenshot({ path: test.info().outputPath('signatures-verify.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
  ).toEqual([]);
  await docScreenshot(page, 'signatures-verify', { fullPage: true });

  // Text drawn on page 1 after both signed (an incremental update, as an editing tool appends it).
  const edited = path.join(app.dataDir, 'bien-ban-da-sua.pdf');
  fs.writeFileSync(edited, await appendPageEdit(fs.readFileSync(file)));
  const sigEdited = pdfsig(fs.readFileSync(edited));
  expect(sigEdited.map((s) => s.valid)).toEqual([true, true]);
  expect(sigEdited.map((s) => s.total)).toEqual([false, false]);
  await page.locator('input[type="file"]').setInputFiles(edited);
  await expect(report).toHaveAttribute('data-verdict', 'broken', { timeout: 60_000 });
  await expect(summary.getByRole('row', { name: /Nội dung văn bản/u })).toContainText('KHÔNG KHỚP');
  await expect(summary.getByRole('row', { name: /Chữ ký số/u })).toContainText(
    'CÓ CHỮ KÝ BỊ HỎNG hoặc nội dung bị sửa sau khi ký',
  );
  await expect(report.getByTestId('signature-2').getByRole('row', { name: /^Phạm vi/u })).toContainText(
    'NỘI DUNG TRANG bị thay đổi',
  );
  await page.screenshot({ path: test.info().outputPath('signatures-verify-edited.png'), fullPage: true });
});
