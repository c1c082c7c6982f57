import fs from 'node:fs';
import path from 'node:path';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { CriteriaPage } from './pages/CriteriaPage';
import { Shell } from './pages/Shell';

test('opens set 7 from the list and finds criterion 1.5 with its star marks', async ({ page, app }) => {
  const shell = new Shell(page);
  const criteria = new CriteriaPage(page);
  await shell.open(app.url);
  await shell.go('criteria');
  await expect(page.getByRole('heading', { name: 'Bộ tiêu chí', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ngành I. SẢN PHẨM THỰC PHẨM' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Căn cứ pháp lý' })).toContainText('Phần A 40 · Phần B 25 · Phần C 35 điểm');
  await docScreenshot(page, 'criteria-list');
  await criteria.setLink(7).click();

  await expect(page.getByRole('heading', { name: 'Chế biến từ rau, củ, quả, hạt', level: 2 })).toBeVisible();
  const c15 = criteria.criterion('1.5');
  // The form is large; on a loaded build machine it may take a while to render.
  await expect(c15).toContainText('Liên kết chuỗi trong sản xuất', { timeout: 30_000 });
  // Levels 0, 1, 2 (**** 4 sao), 3 (***** 5 sao).
  await expect(criteria.level('1.5', 1)).not.toContainText('sao');
  await expect(criteria.level('1.5', 3)).toContainText('Có hợp đồng liên kết trên 75% sản lượng tiêu thụ');
  await expect(criteria.level('1.5', 3).getByText('4 sao')).toBeVisible();
  await expect(criteria.level('1.5', 3)).toContainText('****');
  await expect(criteria.level('1.5', 4).getByText('5 sao')).toBeVisible();
  await expect(criteria.level('1.5', 4)).toContainText('*****');
  await expect(c15.getByText('sao')).toHaveCount(2);

  // The rules and the anomalies of this set are shown on the form.
  await expect(criteria.criterion('1.1')).toContainText('Loại hồ sơ nếu');
  await expect(criteria.criterion('3.1').getByTestId('review-badge')).toHaveText('Cần đối chiếu văn bản gốc');
  await expect(page.getByTestId('form-total')).toHaveText('100 điểm');
  await page.evaluate(() => window.scrollTo(0, 0));
  await docScreenshot(page, 'criteria-set-top');

  await page.setViewportSize({ width: 1366, height: 768 });
  await c15.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await docScreenshot(page, 'criteria-form');
});

test('searches criterion text without accents and jumps to the criterion', async ({ page, app }) => {
  const shell = new Shell(page);
  const criteria = new CriteriaPage(page);
  await shell.open(app.url, '/criteria');
  await criteria.search().fill('lien ket chuoi');
  const results = page.getByTestId('criteria-search-results');
  await expect(results).toContainText('Bộ 7');
  await results
    .getByRole('row')
    .filter({ hasText: 'Bộ 7' })
    .getByRole('link', { name: '1.5. Liên kết chuỗi trong sản xuất' })
    .click();
  await expect(criteria.criterion('1.5')).toBeInViewport({ timeout: 30_000 });
  await docScreenshot(page, 'criteria-search-jump');
});

test('imports a changed set from JSON as a new version, and lists the errors of a bad file', async ({ page, app }) => {
  const shell = new Shell(page);
  const exported = await app.api<{ content: string }>('criteria:export', { id: 7, format: 'json' });
  const set = JSON.parse(exported.content);
  set.setKey = 'tinh-ab/che-bien-rau';
  set.name = 'Chế biến từ rau, củ, quả, hạt (bộ của tỉnh)';
  const good = path.join(app.dataDir, 'bo-tinh.json');
  fs.writeFileSync(good, JSON.stringify(set));
  set.parts[0].groups[0].criteria[2].max = 4;
  const bad = path.join(app.dataDir, 'bo-sai.json');
  fs.writeFileSync(bad, JSON.stringify(set));

  await shell.open(app.url, '/criteria');
  await page.getByRole('button', { name: 'Nhập bộ tiêu chí (JSON, Excel)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập bộ tiêu chí' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Chọn tệp…' }).click();
  await (await chooser).setFiles(bad);
  const errors = dialog.getByTestId('criteria-import-errors');
  await expect(errors).toContainText('Tiêu chí 1.3 ghi tối đa 4 điểm, nhưng phương án cao nhất được 3 điểm');

  const chooser2 = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Chọn tệp…' }).click();
  await (await chooser2).setFiles(good);
  await expect(dialog.getByRole('status')).toContainText('Đã nhập bộ tiêu chí mới');
  await dialog.getByRole('button', { name: 'Mở bộ vừa nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Chế biến từ rau, củ, quả, hạt (bộ của tỉnh)', level: 2 })).toBeVisible();
});
