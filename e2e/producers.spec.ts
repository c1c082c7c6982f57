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
  await page.getByRole('textbox', { name: 'Mã tỉnh' }).fill('01');
  await expect(count).toHaveText('Chưa có chủ thể nào phù hợp.');
  await page.getByRole('textbox', { name: 'Mã tỉnh' }).fill('');
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
