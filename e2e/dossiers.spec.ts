import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { Dossiers, filledTemplate, samplePdf } from './pages/Dossiers';
import { inkedPixels } from './pages/PdfViewer';

// Whole user journeys on shared 2-core machines: more time than the default minute.
test.describe.configure({ timeout: 180_000 });

test('register a producer and a product through the UI, attach a PDF and see it in the viewer', async ({ page, app }) => {
  const d = new Dossiers(page);
  await d.open(app.url);
  await page.getByRole('link', { name: 'Thêm chủ thể' }).click();
  await expect(page.getByRole('heading', { name: 'Thêm chủ thể OCOP' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Tên chủ thể' }).fill('Hợp tác xã Nước mắm Đại Phát');
  await page.getByRole('textbox', { name: 'Mã số thuế' }).fill('0101234567');
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Nguyễn Thị Hoa');
  // No commune list yet: the form says where to get one, and the code is typed by hand.
  await expect(page.getByTestId('commune-no-list')).toContainText('danhmuchanhchinh.nso.gov.vn');
  await page.getByRole('textbox', { name: 'Mã xã' }).fill('00004');
  await page.getByRole('textbox', { name: 'Tên xã, phường' }).fill('Phường Ba Đình');
  await page.getByTestId('producer-province').fill('ha noi');
  await page.getByRole('option', { name: 'Thành phố Hà Nội — 01' }).click();
  // A wrong phone is refused on the field, in Vietnamese, before anything is sent.
  await page.getByRole('textbox', { name: 'Điện thoại' }).fill('0438 123 456');
  await page.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(page.getByText('Nhập một số điện thoại Việt Nam')).toBeVisible();
  await page.getByRole('textbox', { name: 'Điện thoại' }).fill('0912 345 678');
  await page.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(page.getByRole('heading', { name: 'Chủ thể: Hợp tác xã Nước mắm Đại Phát' })).toBeVisible();

  await page.getByRole('link', { name: 'Thêm sản phẩm' }).click();
  await expect(page.getByText('01-00004-1-', { exact: false })).toBeVisible();
  await page.getByRole('textbox', { name: 'Tên sản phẩm' }).fill('Nước mắm cá cơm 40 độ đạm');
  await d.choose(/Phân nhóm sản phẩm/, 'nước mắm', /Tương, nước mắm/);
  await page.getByRole('textbox', { name: 'Quy cách' }).fill('Chai 500 ml');
  await page.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(page.getByRole('heading', { name: 'Sản phẩm: Nước mắm cá cơm 40 độ đạm' })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng ký vào đợt' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('button', { name: 'Tạo đợt mới' }).click();
  await expect(modal.getByRole('combobox', { name: 'Đợt đánh giá' })).toHaveValue(/Đợt 1\/\d{4}/);
  await modal.getByRole('button', { name: 'Đăng ký vào đợt' }).click();
  await expect(page.getByRole('heading', { name: 'Nước mắm cá cơm 40 độ đạm' })).toBeVisible();
  await expect(page.getByText(/^1\/PĐK-01-00004-\d{4}$/)).toBeVisible();
  await expect(page.getByText('Đã tiếp nhận').first()).toBeVisible();

  await page.getByRole('tab', { name: /Tự đánh giá/ }).click();
  await page
    .getByRole('radiogroup', { name: /^1\.1\. Nguồn nguyên liệu/ })
    .getByRole('radio')
    .last()
    .check();
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByRole('tab', { name: /Tự đánh giá \(Mẫu 02\) \(1\/\d+\)/ })).toBeVisible();
  await docScreenshot(page, 'dossiers-self-assessment');

  await page.getByRole('tab', { name: /Minh chứng/ }).click();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'giay-chung-nhan-attp.pdf', mimeType: 'application/pdf', buffer: samplePdf('Giay chung nhan ATTP') });
  const uploaded = page.waitForResponse(
    (r) => r.url().endsWith('/api/attachments%3Aadd') || r.url().endsWith('/api/attachments:add'),
  );
  await page.getByRole('button', { name: 'Tải lên' }).click();
  expect(await (await uploaded).json()).toMatchObject({
    ok: true,
    value: { originalName: 'giay-chung-nhan-attp.pdf', mime: 'application/pdf' },
  });
  await expect(page.getByRole('cell', { name: 'giay-chung-nhan-attp.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByTestId('pdf-page')).toHaveText('Trang 1/1');
  // The page was really drawn: the canvas has dark (text) pixels.
  await expect.poll(() => inkedPixels(page)).toBeGreaterThan(200);
  await docScreenshot(page, 'dossiers-pdf-viewer');
});

test('import the XLSX template with 50 rows, then search without accents', async ({ page, app }) => {
  const template = await app.api<{ contentBase64: string }>('dossiers:template');
  const file = await filledTemplate(template.contentBase64, 50);
  const d = new Dossiers(page);
  await d.open(app.url, '/dossiers/import');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'ho-so-dot-2.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByText('Tệp hợp lệ. Bấm “Nhập” để ghi.')).toBeVisible();
  // The import runs as a job: record every progress line the page shows while it runs.
  await page.evaluate(() => {
    const w = window as unknown as { progressSeen: string[] };
    w.progressSeen = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="import-progress"]');
      const text = p?.querySelector('[aria-live]')?.textContent;
      if (text && !w.progressSeen.includes(text)) w.progressSeen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(page.getByText('Đã nhập xong.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Đăng ký: thêm 50, cập nhật 0, bỏ qua 0')).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((s) => /^Bước [123]\/3: /u.test(s))).toBe(true);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);

  // The same file again: every row is a duplicate and is skipped.
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(page.getByText('Đăng ký: thêm 0, cập nhật 0, bỏ qua 50')).toBeVisible();

  await page.getByRole('navigation', { name: 'Các màn hình hồ sơ' }).getByRole('link', { name: 'Hồ sơ đăng ký' }).click();
  await expect(page.getByTestId('registration-count')).toHaveText('Tìm thấy 50 hồ sơ');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('nuoc mam ca com');
  await expect(page.getByTestId('registration-count')).toHaveText('Tìm thấy 10 hồ sơ');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dien bien');
  await expect(page.getByTestId('registration-count')).toHaveText('Tìm thấy 10 hồ sơ');
  const gao4 = page.getByRole('row').filter({ hasText: 'Gạo thơm Điện Biên số 4' }).filter({ hasText: '82-29500-4-' });
  await expect(gao4).toBeVisible();
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
  await expect(page.getByTestId('registration-count')).toHaveText('Tìm thấy 50 hồ sơ');
  await docScreenshot(page, 'dossiers-list');

  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dien bien');
  await gao4.click();
  await expect(page.getByRole('heading', { name: 'Gạo thơm Điện Biên số 4' })).toBeVisible();
});

test('an import with errors lists sheet, row, column and what to fix, and writes nothing', async ({ page, app }) => {
  const template = await app.api<{ contentBase64: string }>('dossiers:template');
  const good = await filledTemplate(template.contentBase64, 3);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(good as unknown as ArrayBuffer);
  wb.getWorksheet('Chủ thể')!.getCell('D3').value = '12345';
  const bad = Buffer.from(await wb.xlsx.writeBuffer());
  const d = new Dossiers(page);
  await d.open(app.url, '/dossiers/import');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'loi.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bad,
  });
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(page.getByText('Tệp có 1 lỗi; chưa có dữ liệu nào được ghi.', { exact: false })).toBeVisible();
  const row = page.getByTestId('import-errors').getByRole('row').nth(1);
  await expect(row).toContainText('Chủ thể');
  await expect(row).toContainText('3');
  await expect(row).toContainText('Mã số thuế');
  await expect(row).toContainText('Mã số thuế “12345” phải có 10 chữ số');
  await docScreenshot(page, 'dossiers-import-errors');
  const list = await app.api<{ total: number }>('registrations:list', {});
  expect(list.total).toBe(0);
});
