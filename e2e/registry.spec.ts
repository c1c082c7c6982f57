import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { buildWorkbook } from '../electron/core/registry/import/template';
import { generateHistory, historySheetRows } from '../electron/core/registry/test/history';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';

// A whole journey on a shared 2-core machine: more time than the default minute.
test.describe.configure({ timeout: 300_000 });

/** Screens always go to the test's output; to docs/screenshots only on request (npm run screenshots). */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  await docScreenshot(page, name);
}

test('import a history of earlier lists, open the statistics, drill down from a percentage to its products, export', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // Decisions up to the end of 2025: in the past for the server's real clock.
  const rows = generateHistory({ lineages: 140, lastYear: 2025, seed: 11 });
  const file = test.info().outputPath('lich-su-ocop.xlsx');
  fs.writeFileSync(file, await buildWorkbook(historySheetRows(rows)));

  // ── Import: check, confirm the ambiguous sector of 1048, import.
  await page.goto(`${app.url}#/registry/import`);
  await expect(page.getByRole('heading', { name: 'Sổ sản phẩm OCOP' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByText('Tệp hợp lệ.', { exact: false })).toBeVisible({ timeout: 60_000 });
  const review = page.getByTestId('sector-review');
  await expect(review.getByRole('row', { name: /Lưu niệm - nội thất - trang trí/ })).toContainText('Cần chọn');
  await expect(page.getByRole('button', { name: 'Nhập vào sổ' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Chọn ngành cho “Lưu niệm - nội thất - trang trí”' }).click();
  await page.getByRole('option', { name: 'IV. Hàng thủ công mỹ nghệ' }).click();
  await page.getByRole('combobox', { name: 'Chọn nhóm cho “Lưu niệm - nội thất - trang trí”' }).click();
  await page.getByRole('option', { name: 'Thủ công mỹ nghệ gia dụng, trang trí' }).click();
  await shot(page, 'registry-import');
  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(page.getByText('Đã nhập xong.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-summary')).toContainText(`${rows.length} dòng: thêm mới ${rows.length}`);

  // ── The registry list and one product's history.
  await page
    .getByRole('navigation', { name: 'Các màn hình sổ sản phẩm' })
    .getByRole('link', { name: 'Danh sách sản phẩm' })
    .click();
  await expect(page.getByTestId('registry-count')).toHaveText(`${rows.length} mục`);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('so 3');
  await shot(page, 'registry-list');
  const chained = rows.find((r) => r.truth.follows !== null && r.truth.star >= 3)!;
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(chained.truth.productName);
  await page.getByRole('row').filter({ hasText: chained.truth.productName }).first().click();
  await expect(page.getByRole('heading', { name: chained.truth.productName })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lịch sử của sản phẩm' })).toBeVisible();
  await shot(page, 'registry-entry');

  // ── The current commune is chosen by name without accents from the commune list, not typed as a code.
  await app.api('places:importCommunes', {
    fileName: 'xa.csv',
    contentBase64: Buffer.from('Mã;Tên;Cấp;Mã TP;Tỉnh / Thành Phố\n18100;Xã Tân Thạnh;Xã;42;Tỉnh Hà Tĩnh\n').toString('base64'),
  });
  await page.getByRole('button', { name: 'Bổ sung thông tin' }).click();
  const edit = page.getByRole('dialog', { name: 'Bổ sung thông tin' });
  await edit.getByTestId('registry-commune-search').fill('tan thanh');
  await page.getByRole('option', { name: 'Xã Tân Thạnh — 18100' }).click();
  await expect(edit.getByRole('textbox', { name: 'Mã xã hiện nay (5 chữ số)' })).toHaveValue('18100');
  await expect(edit.getByRole('textbox', { name: 'Tên xã, phường hiện nay' })).toHaveValue('Xã Tân Thạnh');
  await shot(page, 'registry-edit-commune');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toHaveCount(0);
  const entryId = Number(page.url().match(/registry\/(\d+)/u)![1]);
  expect(await app.api('registry:get', { id: entryId })).toMatchObject({ communeCode: '18100', communeName: 'Xã Tân Thạnh' });

  // ── The re-evaluation calendar on the last day of 2025.
  await page.goto(`${app.url}#/registry/due`);
  await page.getByRole('textbox', { name: 'Tính đến ngày' }).fill('31/12/2025');
  await page.getByRole('textbox', { name: 'Tính đến ngày' }).blur();
  await expect(page.getByTestId('due-count')).toContainText('sản phẩm');
  await shot(page, 'registry-due');

  // ── Statistics 2019–2025; drill down from the share of 4-star products.
  await page.getByRole('link', { name: 'Thống kê, báo cáo' }).click();
  await expect(page.getByRole('heading', { name: 'Thống kê sản phẩm OCOP' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Từ năm' }).click();
  await page.getByRole('option', { name: '2019' }).click();
  await page.getByRole('combobox', { name: 'Đến năm' }).click();
  await page.getByRole('option', { name: '2025' }).click();
  await expect(
    page.getByRole('heading', { name: 'Kết quả đánh giá, phân hạng sản phẩm OCOP giai đoạn 2019–2025' }),
  ).toBeVisible();
  const byStar = page.getByTestId('stats-byStar');
  const four = byStar.getByRole('row', { name: /^4 sao/ });
  const countText = (await four.getByRole('cell').nth(1).innerText()).trim();
  const expected = rows.filter((r) => r.truth.year >= 2019 && r.truth.year <= 2025 && r.truth.star === 4).length;
  expect(Number(countText.replace(/\./g, ''))).toBe(expected);
  await shot(page, 'stats-report');
  await four.getByRole('button', { name: /Xem các mục đứng sau số .*: 4 sao, Tỷ lệ \(%\)/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('drill-value')).toHaveText(`Con số: ${expected} (lượt sản phẩm)`);
  await expect(dialog.getByTestId('drill-rows').getByRole('row')).toHaveCount(Math.min(expected, 100) + 1);
  for (const star of await dialog.getByTestId('drill-rows').getByRole('cell', { name: /★$/ }).allInnerTexts())
    expect(star).toBe('4★');
  await shot(page, 'stats-drill');
  // The drill dialog has its own "Đóng" button besides the header's close button (also named "Đóng").
  await dialog.getByRole('button', { name: 'Đóng' }).last().click();

  // ── Export: the PDF report and the XLSX.
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'In báo cáo (PDF)' }).click(),
  ]);
  const pdfPath = test.info().outputPath(pdf.suggestedFilename());
  await pdf.saveAs(pdfPath);
  expect(pdf.suggestedFilename()).toBe('bao-cao-ocop-2019-2025.pdf');
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
  const xlsxPath = test.info().outputPath(xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  expect(fs.readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');
});
