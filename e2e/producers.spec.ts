import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { Dossiers, filledTemplate } from './pages/Dossiers';

// Whole user journeys on shared 2-core machines: more time than the default minute.
test.describe.configure({ timeout: 180_000 });

test('producers list: filter by kind, search without accents, open a producer, add one', async ({ page, app }) => {
  const template = await app.api<{ contentBase64: string }>('dossiers:template');
  await app.api('dossiers:import', {
    contentBase64: (await filledTemplate(template.contentBase64, 50)).toString('base64'),
    fileName: 'dot-2.xlsx',
  });
  await app.api('producers:create', {
    kind: 'cooperative',
    name: 'Hợp tác xã Nước mắm Đại Phát',
    taxCode: '0101234567',
    representativeName: 'Nguyễn Thị Hoa',
    communeCode: '00004',
    communeName: 'Phường Ba Đình',
    provinceCode: '01',
    provinceName: 'Thành phố Hà Nội',
  });
  const d = new Dossiers(page);
  await d.open(app.url);
  await page.getByRole('navigation', { name: 'Các màn hình hồ sơ' }).getByRole('link', { name: 'Chủ thể' }).click();
  await expect(page.getByRole('heading', { name: 'Chủ thể OCOP' })).toBeVisible();
  const count = page.getByTestId('producer-count');
  await expect(count).toHaveText('Tìm thấy 51 chủ thể');
  await expect(page.getByRole('row').filter({ hasText: 'Công ty Đặc sản Đồng Tháp 1' }).first()).toBeVisible();
  await docScreenshot(page, 'dossiers-producers');

  const kind = page.getByRole('combobox', { name: 'Loại hình' });
  await kind.click();
  await page.getByRole('option', { name: 'Doanh nghiệp nhỏ và vừa' }).click();
  await expect(count).toHaveText('Tìm thấy 25 chủ thể');
  // The province is chosen by name without accents (not a typed code).
  await page.getByTestId('producers-province').fill('ha noi');
  await page.getByRole('option', { name: 'Thành phố Hà Nội — 01' }).click();
  await expect(count).toHaveText('Chưa có chủ thể nào phù hợp.');
  // Choosing the selected province again clears it, as with the kind.
  await page.getByTestId('producers-province').click();
  await page.getByRole('option', { name: 'Thành phố Hà Nội — 01' }).click();
  await expect(page.getByTestId('producers-province')).toHaveValue('');
  // Choosing the selected kind again clears the filter.
  await kind.click();
  await page.getByRole('option', { name: 'Doanh nghiệp nhỏ và vừa' }).click();
  await expect(count).toHaveText('Tìm thấy 51 chủ thể');

  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('nuoc mam dai phat');
  await expect(count).toHaveText('Tìm thấy 1 chủ thể');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('nguyen thi hoa');
  await expect(count).toHaveText('Tìm thấy 1 chủ thể');
  await page.getByRole('row').filter({ hasText: 'Hợp tác xã Nước mắm Đại Phát' }).click();
  await expect(page.getByRole('heading', { name: 'Chủ thể: Hợp tác xã Nước mắm Đại Phát' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Mã số thuế' })).toHaveValue('0101234567');

  await page.getByRole('link', { name: 'Quay lại danh sách chủ thể' }).click();
  await page.getByRole('link', { name: 'Thêm chủ thể' }).click();
  await expect(page.getByRole('heading', { name: 'Thêm chủ thể OCOP' })).toBeVisible();
});

test('commune list: import the statistics office export in Settings, then find a commune without accents in the producer form', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/settings`);
  const panel = page.getByTestId('commune-list-panel');
  await expect(panel).toContainText('Chưa nhập danh mục xã, phường.');
  await expect(panel).toContainText('danhmuchanhchinh.nso.gov.vn');
  const header = 'Mã;Tên;Cấp;Mã TP;Tỉnh / Thành Phố\n';
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Chọn tệp danh mục…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'loi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}18073;Phường Thành Sen;Phường;42;Tỉnh Hà Tĩnh\n18A;Xã Lỗi;Xã;42;Tỉnh Hà Tĩnh\n`),
  });
  await expect(page.getByTestId('commune-list-errors')).toContainText(
    'Trang tính CSV, dòng 3, cột “Mã”: mã xã “18A” không phải là mã số',
  );
  const again = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Chọn tệp danh mục…' }).click();
  await (
    await again
  ).setFiles({
    name: 'danh-sach-xa.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `${header}18073;Phường Thành Sen;Phường;42;Tỉnh Hà Tĩnh\n18100;Xã Tân Thạnh;Xã;42;Tỉnh Hà Tĩnh\n16000;Phường Tân Thành;Phường;40;Tỉnh Nghệ An\n`,
    ),
  });
  await expect(page.getByTestId('commune-list-installed')).toContainText(
    '3 xã, phường của 2 tỉnh, thành phố — tệp danh-sach-xa.csv',
  );
  await expect(page.getByTestId('commune-list-errors')).toHaveCount(0);
  await docScreenshot(page, 'settings-commune-list');

  await page.goto(`${app.url}#/dossiers/producers/new`);
  await page.getByTestId('producer-province').fill('ha tinh');
  await page.getByRole('option', { name: 'Tỉnh Hà Tĩnh — 42' }).click();
  await page.getByTestId('commune-search').fill('tan thanh');
  // Within Hà Tĩnh only: Phường Tân Thành is in Nghệ An.
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.getByRole('option', { name: 'Xã Tân Thạnh — 18100' }).click();
  await expect(page.getByRole('textbox', { name: 'Mã xã' })).toHaveValue('18100');
  await expect(page.getByRole('textbox', { name: 'Tên xã, phường' })).toHaveValue('Xã Tân Thạnh');
  await docScreenshot(page, 'dossiers-producer-commune');
  await page.getByRole('textbox', { name: 'Tên chủ thể' }).fill('Hợp tác xã Cam Thạnh');
  await page.getByRole('textbox', { name: 'Mã số thuế' }).fill('3001234567');
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Trần Văn Bình');
  await page.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(page.getByRole('heading', { name: 'Chủ thể: Hợp tác xã Cam Thạnh' })).toBeVisible();
  const saved = await app.api<{ rows: { communeCode: string; provinceCode: string; provinceName: string }[] }>('producers:list', {
    search: 'cam thanh',
  });
  expect(saved.rows[0]).toMatchObject({ communeCode: '18100', provinceCode: '42', provinceName: 'Tỉnh Hà Tĩnh' });

  // The producer list filters by a commune picked by name, accent-free, and the filter can be cleared.
  await page.getByRole('link', { name: 'Quay lại danh sách chủ thể' }).click();
  const count = page.getByTestId('producer-count');
  await expect(count).toHaveText('Tìm thấy 1 chủ thể');
  await page.getByTestId('producers-commune-search').fill('thanh sen');
  await page.getByRole('option', { name: 'Phường Thành Sen — 18073' }).click();
  await expect(page.getByTestId('producers-commune')).toHaveText('Phường Thành Sen — 18073');
  await expect(count).toHaveText('Chưa có chủ thể nào phù hợp.');
  await page.getByRole('button', { name: 'Bỏ lọc theo Phường Thành Sen' }).click();
  await page.getByTestId('producers-commune-search').fill('tan thanh');
  await page.getByRole('option', { name: 'Xã Tân Thạnh — 18100' }).click();
  await expect(count).toHaveText('Tìm thấy 1 chủ thể');
  await docScreenshot(page, 'dossiers-producers-commune-filter');
});
