import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { SessionDetail } from '../shared/api/channels/sessions';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { inkedPixels } from './pages/PdfViewer';

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  }).normalize('NFC');

test("prints a member's sheet into the pdf.js preview, then all sheets of the demo meeting with progress, cancel and download", async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const demo = await app.api<{ meetingSessionId: number }>('demo:create', { seed: 7 });
  const meeting = await app.api<SessionDetail>('sessions:get', { id: demo.meetingSessionId });
  const product = meeting.agenda[0]!;
  const member = [...meeting.members].sort((a, b) => a.order - b.order)[0]!;

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Văn bản' }).click();
  await page.getByRole('combobox', { name: 'Phiên họp' }).click();
  await page.getByRole('option', { name: new RegExp(meeting.session.title) }).click();

  // One member's sheet for one product, shown by pdf.js page by page.
  await page.getByRole('tab', { name: 'Phiếu đánh giá' }).click();
  await page.getByRole('combobox', { name: 'Sản phẩm' }).click();
  await page.getByRole('option', { name: new RegExp(product.productName) }).click();
  await page.getByRole('combobox', { name: 'Thành viên Hội đồng' }).click();
  await page.getByRole('option', { name: member.fullName, exact: true }).click();
  await page.getByRole('button', { name: 'In phiếu đã chấm' }).click();
  await expect(
    page.getByText(
      `Xem trước: phieu-danh-gia-phien-${demo.meetingSessionId}-dk-${product.registrationId}-tv-${member.memberId}.pdf`,
    ),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pdf-page')).toHaveText(/^Trang 1\/\d+$/u);
  await expect.poll(() => inkedPixels(page)).toBeGreaterThan(200);
  await page.getByRole('region', { name: 'Bản xem trước PDF' }).press('PageDown');
  await expect(page.getByTestId('pdf-page')).toHaveText(/^Trang 2\/\d+$/u);

  // All sheets: start, see the progress bar, cancel; start again and let it finish.
  await page.getByRole('tab', { name: 'In tất cả phiếu' }).click();
  await page.getByRole('button', { name: 'In tất cả phiếu' }).click();
  await expect(page.getByRole('progressbar', { name: 'Tiến độ in phiếu' })).toBeAttached(); // zero width at 0 %
  // The single sheet's preview leaves as the batch starts: it stood there during the batch and its
  // download gave that sheet instead of the batch (issue 16 item 11).
  await expect(page.getByText(/^Xem trước: /u)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Tải xuống' })).toHaveCount(0);
  await expect(page.getByTestId('batch-progress')).toHaveText(/^Đã in \d+\/\d+ phiếu \(\d+%\)$/u);
  await page.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByText('Đã hủy việc in. Có thể bắt đầu lại.')).toBeVisible();

  await page.getByRole('button', { name: 'In tất cả phiếu' }).click();
  await expect(page.getByRole('progressbar', { name: 'Tiến độ in phiếu' })).toBeAttached(); // zero width at 0 %
  // While the worker draws, the screen still answers: switch tabs and back.
  await page.getByRole('tab', { name: 'Phiếu đánh giá' }).click();
  await expect(page.getByRole('button', { name: 'In phiếu trắng' })).toBeVisible();
  await page.getByRole('tab', { name: 'In tất cả phiếu' }).click();
  const done = page.getByTestId('batch-progress');
  await expect(done).toHaveText(/^Đã in xong \d+ phiếu, \d+ trang\.$/u, { timeout: 240_000 });
  const total = Number((await done.textContent())!.match(/xong (\d+) phiếu/u)![1]);
  const fileName = `tat-ca-phieu-danh-gia-phien-${demo.meetingSessionId}.pdf`;
  await expect(page.getByText(new RegExp(`Xem trước: ${fileName}`))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pdf-page')).toHaveText(/^Trang 1\/\d+$/u);
  await expect.poll(() => inkedPixels(page)).toBeGreaterThan(200);
  // Progress line at the top, then as much of the drawn first page as fits.
  await done.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(700, 400);
  await page.mouse.wheel(0, -130);
  await page.waitForTimeout(300);
  await docScreenshot(page, 'documents-batch');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải xuống' }).click();
  expect((await download).suggestedFilename()).toBe(fileName);
  const file = path.join(app.dataDir, fileName);
  await (await download).saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(file);
  expect(text.split('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP').length - 1).toBe(total);
  expect(text).toContain(`Người đánh giá: ${member.fullName}`);
  expect(text.replace(/\s+/gu, ' ')).toContain(product.productName);
});
