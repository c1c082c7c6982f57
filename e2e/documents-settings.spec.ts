import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { SessionDetail } from '../shared/api/channels/sessions';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';

test('edits the number and place of the minutes, saves them with the session, prints them and allocates a number', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const demo = await app.api<{ meetingSessionId: number }>('demo:create', { seed: 7 });
  const meeting = await app.api<SessionDetail>('sessions:get', { id: demo.meetingSessionId });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Văn bản' }).click();
  await page.getByRole('combobox', { name: 'Phiên họp' }).click();
  await page.getByRole('option', { name: new RegExp(meeting.session.title) }).click();

  const panel = page.getByRole('region', { name: 'Thông tin in trên văn bản' });
  await expect(panel.getByText('Đang dùng thông tin mặc định')).toBeVisible();
  await panel.getByRole('textbox', { name: 'Số', exact: true }).fill('12');
  await panel.getByRole('textbox', { name: 'Địa danh' }).fill('Cao Lãnh');
  await panel.getByRole('textbox', { name: 'Nơi nhận' }).fill('UBND tỉnh (b/c)\nThành viên Hội đồng\nLưu: VT, Hồ sơ');
  await panel.getByRole('checkbox', { name: 'Có biểu quyết' }).check();
  await panel.getByRole('textbox', { name: 'Số thành viên đồng ý' }).fill('7');
  await panel.getByRole('textbox', { name: 'Số thành viên không đồng ý' }).fill('0');
  await expect(panel.getByText('Có thay đổi chưa lưu')).toBeVisible();
  // A header line too long for one printed line is refused beside its field.
  const parent = panel.getByRole('textbox', { name: 'Cơ quan chủ quản', exact: true });
  const parentBefore = await parent.inputValue();
  await parent.fill('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH PHÙ SA');
  await panel.getByRole('button', { name: 'Lưu' }).click();
  await expect(panel.getByText('Có dòng quá dài, không in được trên một dòng')).toBeVisible();
  await parent.fill(parentBefore);
  await panel.getByRole('button', { name: 'Lưu' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã lưu');
  await expect(panel.getByTestId('document-number-text')).toHaveText(/^Số in trên văn bản: 12\//u);
  // The panel from its title down, as the secretary sees it after saving.
  await page.evaluate(() => document.getElementById('document-settings-title')?.scrollIntoView({ block: 'start' }));
  await docScreenshot(page, 'documents-settings');

  // The print button uses what was saved.
  await page.getByRole('button', { name: 'Biên bản họp' }).click();
  await expect(page.getByText(`Xem trước: bien-ban-phien-${demo.meetingSessionId}.pdf`)).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải xuống' }).click();
  const file = path.join(app.dataDir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/gu, ' ');
  expect(text).toMatch(/Số: 12\/BB/u);
  expect(text).toContain('Cao Lãnh, ngày');
  expect(text).toContain('- UBND tỉnh (b/c);');
  expect(text).toContain('Kết quả biểu quyết: 07 thành viên tán thành, 0 không tán thành, 0 không biểu quyết.');

  // The council's register: a pattern with the year, continuing from a paper register at 5.
  await panel.getByRole('button', { name: 'Sổ văn bản…' }).click();
  const dialog = page.getByRole('dialog', { name: /Sổ văn bản của Hội đồng năm 2026/u });
  await dialog.getByRole('textbox', { name: 'Mẫu số' }).fill('{n}/{year}/BB-HĐ');
  await dialog.getByRole('textbox', { name: 'Số tiếp theo' }).fill('5');
  await expect(dialog.getByText('Số in trên văn bản: 05/2026/BB-HĐ')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('series-dialog.png') });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Số tiếp theo trong sổ: 5 (mẫu {n}/{year}/BB-HĐ, năm 2026)')).toBeVisible();

  // A number from the register: clear the hand-typed one, then "Cấp số".
  await panel.getByRole('textbox', { name: 'Số', exact: true }).fill('');
  await panel.getByRole('button', { name: 'Cấp số' }).click();
  await expect(panel.getByTestId('document-number-text')).toHaveText('Số in trên văn bản: 05/2026/BB-HĐ');
  await expect(panel.getByRole('textbox', { name: 'Số', exact: true })).toHaveValue('5');
  await expect(panel.getByText(/Số tiếp theo trong sổ: 6/u)).toBeVisible();
  expect(fs.existsSync(file)).toBe(true);

  // Back to the defaults of the session and council; the allocated number stays spent.
  await panel.getByRole('button', { name: 'Khôi phục mặc định' }).click();
  await expect(panel.getByText('Đang dùng thông tin mặc định')).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Địa danh' })).not.toHaveValue('Cao Lãnh');
  await expect(panel.getByText(/Số tiếp theo trong sổ: 6/u)).toBeVisible();

  // The summary is the minutes' annex: only its signer is edited.
  await panel.locator('label', { hasText: 'Bảng tổng hợp' }).click();
  await expect(panel.getByRole('radio', { name: 'Bảng tổng hợp' })).toBeChecked();
  await expect(panel.getByText('Bảng tổng hợp là phụ lục của biên bản')).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Nơi nhận' })).toHaveCount(0);
  // Its two signers (THƯ KÝ on the left, CHỦ TỌA on the right), as on the minutes.
  await expect(panel.getByRole('textbox', { name: 'Chức danh' })).toHaveCount(2);
  await expect(panel.getByRole('textbox', { name: 'Chức danh' }).first()).toHaveValue('THƯ KÝ');
  await expect(panel.getByRole('textbox', { name: 'Chức danh' }).last()).toHaveValue('CHỦ TỌA');
});
