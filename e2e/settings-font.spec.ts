import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { Shell } from './pages/Shell';

// This machine has no Times New Roman (only Debian's free fonts), so choosing it shows the fallback.
test('choosing Times New Roman on a computer without it says documents use Tinos, and the choice is kept', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = new Shell(page);
  await shell.open(app.url, '/settings');
  // Mantine's radio group carries no name of its own; the field's visible heading says what it is.
  await expect(page.getByText('Phông chữ văn bản', { exact: true })).toBeVisible();
  const choice = page.getByRole('radiogroup');
  const status = page.getByTestId('document-font-status');
  await expect(choice.getByRole('radio', { name: 'Tinos (đi kèm ứng dụng)' })).toBeChecked();
  await expect(status).toHaveText('Văn bản dùng phông Tinos đi kèm ứng dụng.');
  await expect(choice.getByText('Máy này chưa cài Times New Roman.')).toBeVisible();

  await choice.getByRole('radio', { name: 'Times New Roman (của máy, theo Nghị định 30)' }).click();
  await expect(choice.getByRole('radio', { name: 'Times New Roman (của máy, theo Nghị định 30)' })).toBeChecked();
  await expect(status).toContainText(
    'Không tìm thấy Times New Roman trên máy này; văn bản dùng phông Tinos (cùng kích thước chữ).',
  );
  await expect(status).toContainText('Đã tìm bốn tệp phông');
  expect(await app.api('settings:get', {})).toMatchObject({ documentFont: 'times-new-roman' });
  expect(await app.api('documents:fontStatus', {})).toMatchObject({
    choice: 'times-new-roman',
    family: 'Tinos',
    timesNewRomanFound: false,
  });
  await status.scrollIntoViewIfNeeded();
  await docScreenshot(page, 'settings-document-font');

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Times New Roman (của máy, theo Nghị định 30)' })).toBeChecked();
  await expect(status).toContainText('Không tìm thấy Times New Roman trên máy này');

  // Back to Tinos: no warning any more.
  await page.getByRole('radio', { name: 'Tinos (đi kèm ứng dụng)' }).click();
  await expect(status).toHaveText('Văn bản dùng phông Tinos đi kèm ứng dụng.');
});
