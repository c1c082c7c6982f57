import { expect, test } from './fixtures';
import { Shell } from './pages/Shell';

// The shared DateField (renderer/src/components/DateField.tsx): always day/month/year on screen,
// whatever the OS locale, with the calendar in the UI language. The Vietnamese path is walked in
// councils.spec.ts (typing 18/06/2026 gives a session on 18 June); this covers English and clearing.

test('in English the calendar names English months, but dates are still typed and shown day first; an optional date can be cleared', async ({
  page,
  app,
}) => {
  await app.api('settings:set', { language: 'en' });
  const shell = new Shell(page);
  await shell.open(app.url, '/councils/new');

  const signedOn = page.getByLabel('Signed on', { exact: true });
  await expect(signedOn).toHaveAttribute('placeholder', 'day/month/year');
  await signedOn.click();
  const picker = page.locator('[data-dates-dropdown]');
  await expect(picker).toBeVisible();
  await signedOn.fill('06/12/2026');
  // 06/12 is 6 December here, never June 12.
  await expect(picker.getByText('December 2026', { exact: true })).toBeVisible();
  await expect(picker.locator('thead th').first()).toHaveText('Mo');
  await expect(picker.getByRole('button', { name: 'Next month' })).toBeVisible();
  await page.getByLabel('Decision number', { exact: true }).click();
  await expect(signedOn).toHaveValue('06/12/2026');

  // A pasted ISO date is accepted and shown day first.
  await signedOn.fill('2026-06-18');
  await page.getByLabel('Decision number', { exact: true }).click();
  await expect(signedOn).toHaveValue('18/06/2026');

  // Optional: the clear button empties it.
  await page.getByRole('button', { name: 'Clear date' }).first().click();
  await expect(signedOn).toHaveValue('');

  // A day that does not exist is refused by name and the field keeps its previous value.
  await signedOn.fill('31/04/2026');
  await page.getByLabel('Decision number', { exact: true }).click();
  await expect(page.getByText('“31/04/2026” is not a valid date. Type day/month/year, e.g. 18/06/2026.')).toBeVisible();
  await expect(signedOn).toHaveValue('');
});

test('a react-hook-form date (producer founded on) shows day first, and a typed date is saved as that day', async ({
  page,
  app,
}) => {
  const producer = await app.api<{ id: number }>('producers:create', {
    kind: 'cooperative',
    name: 'Hợp tác xã Sen Tháp Mười',
    foundedOn: '2001-06-18',
    communeCode: '00004',
    communeName: 'Phường Ba Đình',
    provinceCode: '01',
    provinceName: 'Thành phố Hà Nội',
  });
  const shell = new Shell(page);
  await shell.open(app.url, `/dossiers/producers/${producer.id}`);
  const foundedOn = page.getByLabel('Ngày thành lập', { exact: true });
  await expect(foundedOn).toHaveValue('18/06/2001');
  await foundedOn.fill('5/1/1999');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect
    .poll(async () => (await app.api<{ foundedOn: string | null }>('producers:get', { id: producer.id })).foundedOn)
    .toBe('1999-01-05');
  await expect(foundedOn).toHaveValue('05/01/1999');
});
