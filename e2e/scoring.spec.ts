import { allCriteria } from '../shared/ocop/criteria-set-walk';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { arrangeScoringSession, ScoringSheet } from './pages/Scoring';

test('a member scores a whole product with the keyboard only, reloads mid-way and finds every answer, then submits', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const s = await arrangeScoringSession(app);
  const criteria = allCriteria(s.set).map((p) => p.criterion);
  // A level for every criterion, spread over the levels: number key = level number on paper.
  const choice = (i: number) => (i * 7) % criteria[i]!.levels.length;
  const expectedTotal = criteria.reduce((sum, c, i) => sum + c.levels[choice(i)]!.points, 0);
  const sheet = new ScoringSheet(page);

  // The member picks their name on the session's scoring screen, with the keyboard.
  await page.goto(`${app.url}#/sessions/${s.sessionId}/scoring`);
  const member = page.getByTestId(`member-${s.memberIds.m1}`);
  await expect(member).toBeVisible();
  await docScreenshot(page, 'scoring-members');
  await member.focus();
  await page.keyboard.press('Enter');
  const product = page.getByTestId(`product-${s.registrationId}`);
  await expect(product).toContainText('Chưa chấm');
  await docScreenshot(page, 'scoring-products');
  await product.focus();
  await page.keyboard.press('Enter');

  // The first criterion takes the focus; a number chooses and moves on to the next criterion.
  await expect(sheet.row(criteria[0]!.code)).toBeFocused();
  const half = 16;
  for (let i = 0; i < half; i++) {
    await page.keyboard.press(String(choice(i) + 1));
    await expect(sheet.level(criteria[i]!.code, choice(i) + 1)).toHaveAttribute('aria-checked', 'true');
    await expect(sheet.row(criteria[i + 1]!.code)).toBeFocused();
  }
  await sheet.waitSaved();
  await expect(sheet.saveState()).toContainText('Đã lưu lúc');
  const halfTotal = criteria.slice(0, half).reduce((sum, c, i) => sum + c.levels[choice(i)]!.points, 0);
  await expect(sheet.total()).toHaveText(`${halfTotal}/100`);
  await expect(page.getByTestId('sheet-progress')).toHaveText(`${half}/32 tiêu chí`);
  await docScreenshot(page, 'scoring-sheet');

  // A mistaken level, then Ctrl+Z puts the previous one back.
  await sheet.row(criteria[3]!.code).focus();
  const wrong = choice(3) === 0 ? 2 : 1;
  await page.keyboard.press(String(wrong));
  await expect(sheet.level(criteria[3]!.code, wrong)).toHaveAttribute('aria-checked', 'true');
  await sheet.waitSaved();
  await page.keyboard.press('Control+z');
  await expect(sheet.level(criteria[3]!.code, choice(3) + 1)).toHaveAttribute('aria-checked', 'true');
  await sheet.waitSaved();

  // Reload mid-way: every answer shown as saved is still there, and the focus goes to the first unscored criterion.
  await page.reload();
  await expect(sheet.row(criteria[half]!.code)).toBeFocused();
  for (let i = 0; i < half; i++)
    await expect(sheet.level(criteria[i]!.code, choice(i) + 1)).toHaveAttribute('aria-checked', 'true');
  await expect(sheet.total()).toHaveText(`${halfTotal}/100`);

  // Finish with the keyboard: ↑/↓ move without choosing; the last Tab leaves the list for the opinion.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(sheet.row(criteria[half]!.code)).toBeFocused();
  for (let i = half; i < criteria.length; i++) {
    await page.keyboard.press(String(choice(i) + 1));
    await expect(sheet.level(criteria[i]!.code, choice(i) + 1)).toHaveAttribute('aria-checked', 'true');
  }
  await expect(sheet.total()).toHaveText(`${expectedTotal}/100`);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Ý kiến của người đánh giá')).toBeFocused();
  await page.keyboard.type('Sản phẩm có bản sắc địa phương rõ nét.');
  await sheet.waitSaved();
  await docScreenshot(page, 'scoring-sheet-complete');

  // Submit: Tab to the button, Enter, Enter on the confirmation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Nộp phiếu' }).last()).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Nộp phiếu đánh giá' });
  await expect(dialog).toContainText(`Tổng điểm ${expectedTotal}/100`);
  await docScreenshot(page, 'scoring-submit');
  await expect(dialog.getByTestId('submit-confirm')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(product).toContainText('Đã nộp');
  await expect(product).toContainText(`${expectedTotal} điểm`);
  const view = await app.api<{ sheet: { status: string; totalPoints: number; opinion: string } }>('scoring:open', {
    sessionId: s.sessionId,
    registrationId: s.registrationId,
    memberId: s.memberIds.m1,
  });
  expect(view.sheet).toMatchObject({
    status: 'submitted',
    totalPoints: expectedTotal,
    opinion: 'Sản phẩm có bản sắc địa phương rõ nét.',
  });

  // The submitted sheet opens read-only.
  await product.click();
  await expect(page.getByTestId('sheet-locked')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nộp phiếu' })).toHaveCount(0);
});

test('the secretary enters a paper sheet twice with one mismatch and resolves it', async ({ page, app }) => {
  test.setTimeout(240_000);
  const s = await arrangeScoringSession(app);
  const criteria = allCriteria(s.set).map((p) => p.criterion);
  const choice = (i: number) => (i * 5 + 1) % criteria[i]!.levels.length;
  const total = criteria.reduce((sum, c, i) => sum + c.levels[choice(i)]!.points, 0);
  const wrongAt = 9;
  const wrongLevel = choice(wrongAt) === 0 ? 1 : 0;

  await page.goto(`${app.url}#/sessions/${s.sessionId}/scoring?tab=paper`);
  await page.getByRole('combobox', { name: 'Thành viên' }).click();
  await page.getByRole('option', { name: 'Trần Thị Bình' }).click();
  await page.getByRole('combobox', { name: 'Sản phẩm' }).click();
  await page.getByRole('option', { name: '1. Mứt sen sấy dẻo' }).click();
  await page.getByRole('button', { name: 'Mở bảng nhập' }).click();
  // The page names the product being typed (it used to show only the criteria set).
  await expect(page.getByTestId('paper-product')).toHaveText('Sản phẩm: Mứt sen sấy dẻo');

  const typeEntry = async (enteredBy: string, level: (i: number) => number) => {
    await page.getByTestId('paper-entered-by').fill(enteredBy);
    await page.getByLabel(`Mức của tiêu chí ${criteria[0]!.code}`).focus();
    // One digit per row; the grid moves to the next row by itself, then to the written total.
    for (let i = 0; i < criteria.length; i++) await page.keyboard.type(String(level(i) + 1));
    await expect(page.getByTestId('paper-written-total')).toBeFocused();
    await page.keyboard.type(String(total));
  };

  // Entry 1: exactly the paper; the total matches.
  await typeEntry('Võ Thị Em', choice);
  await expect(page.getByTestId('paper-computed-total')).toHaveText(String(total));
  await expect(page.getByTestId('paper-total-check')).toHaveText('Khớp với tổng trên phiếu');
  await page.getByTestId('paper-written-total').scrollIntoViewIfNeeded();
  await docScreenshot(page, 'scoring-paper-entry');
  await page.getByTestId('paper-save').click();
  await expect(page.getByText('Đã lưu lần nhập 1')).toBeVisible();

  // Entry 2 by another person, with one typing mistake: its total no longer matches the paper.
  await expect(page.getByRole('radio', { name: /Lần nhập 2/ })).toBeChecked();
  await typeEntry('Lê Thu Hà', (i) => (i === wrongAt ? wrongLevel : choice(i)));
  await expect(page.getByTestId('paper-total-check')).toContainText('Không khớp');
  await page.getByTestId('paper-save').click();
  await expect(page.getByText('Đã lưu lần nhập 2')).toBeVisible();
  // The grid stays on entry 2 after saving it (it used to fall back to "Lưu lần nhập 1").
  await expect(page.getByRole('radio', { name: /Lần nhập 2/ })).toBeChecked();
  await expect(page.getByTestId('paper-save')).toHaveText('Lưu lần nhập 2');

  // The mismatch is shown criterion by criterion; confirming waits until it is resolved.
  const mismatches = page.getByTestId('paper-mismatches');
  await expect(page.getByText('1 tiêu chí khác nhau giữa hai lần nhập')).toBeVisible();
  await expect(mismatches.locator('tbody tr')).toHaveCount(1);
  await expect(mismatches.locator('tbody tr').first()).toContainText(criteria[wrongAt]!.code);
  await expect(page.getByTestId('paper-commit')).toBeDisabled();
  await page.getByTestId('paper-commit').scrollIntoViewIfNeeded();
  await docScreenshot(page, 'scoring-paper-mismatch');
  await mismatches.getByLabel(`Mức của tiêu chí ${criteria[wrongAt]!.code}`).fill(String(choice(wrongAt) + 1));
  await page.getByTestId('paper-commit').click();

  await expect(page.getByTestId('paper-committed')).toContainText(`${total} điểm`);
  await expect(page.getByTestId('paper-committed')).toContainText('Võ Thị Em / Lê Thu Hà');
  // A way onward: the next sheet still on paper, the pick list, the progress board.
  const onward = page.getByTestId('paper-onward');
  await expect(onward.getByRole('button', { name: 'Chọn phiếu khác' })).toBeVisible();
  await expect(onward.getByRole('button', { name: 'Xem tiến độ chấm' })).toBeVisible();
  await expect(page.getByTestId('paper-next')).toContainText('Mứt sen sấy dẻo');
  await docScreenshot(page, 'scoring-paper-committed');
  const nextMember = (await page.getByTestId('paper-next').textContent())!.split(': ')[1]!.split(' — ')[0]!;
  await page.getByTestId('paper-next').click();
  await expect(page.getByRole('heading', { name: `Nhập phiếu giấy — ${nextMember}` })).toBeVisible();
  await expect(page.getByTestId('paper-save')).toHaveText('Lưu lần nhập 1');
  const view = await app.api<{ sheet: { status: string; source: string; totalPoints: number; enteredBy: string } }>(
    'scoring:open',
    { sessionId: s.sessionId, registrationId: s.registrationId, memberId: s.memberIds.vice },
  );
  expect(view.sheet).toMatchObject({
    status: 'submitted',
    source: 'paper',
    totalPoints: total,
    enteredBy: 'Võ Thị Em / Lê Thu Hà',
  });

  // The progress board shows the paper sheet as submitted.
  await page.goto(`${app.url}#/sessions/${s.sessionId}/scoring?tab=progress`);
  await expect(page.getByTestId(`cell-${s.memberIds.vice}-${s.registrationId}`)).toHaveAttribute('data-state', 'submitted');
  await docScreenshot(page, 'scoring-progress');

  // A member who scores on screen has no paper sheet to type: the entry page says so (it read
  // "Đã ghi nhận phiếu giấy (…, người nhập: )").
  const onScreen = await app.api<{ sheet: { id: number } }>('scoring:open', {
    sessionId: s.sessionId,
    registrationId: s.registrationId,
    memberId: s.memberIds.m1,
  });
  await app.api('scoring:setAnswer', { sheetId: onScreen.sheet.id, criterionCode: criteria[0]!.code, levelIndex: 0 });
  await page.goto(`${app.url}#/sessions/${s.sessionId}/scoring/paper/${s.memberIds.m1}/${s.registrationId}`);
  await expect(page.getByTestId('paper-committed')).toHaveText(
    `Phiếu này do Lê Văn Cường chấm trên màn hình (Đang chấm, ${criteria[0]!.levels[0]!.points} điểm): không cần nhập phiếu giấy.`,
  );
});
