import { docScreenshot } from './doc-screenshot';
import { expect, test, type ServedApp } from './fixtures';
import { arrangeRound } from './pages/arrange';
import { SessionPrep } from './pages/SessionPrep';
import { Shell } from './pages/Shell';

const MEMBERS = [
  ['Nguyễn Văn An', 'Phó Chủ tịch UBND tỉnh', 'Chủ tịch Hội đồng'],
  ['Trần Thị Bình', 'Giám đốc Sở Nông nghiệp và Môi trường', 'Phó Chủ tịch Hội đồng'],
  ['Lê Văn Cường', 'Phó Giám đốc Sở Công Thương', 'Phó Chủ tịch Hội đồng'],
  ['Phạm Thị Dung', 'Phó Giám đốc Sở Y tế', 'Ủy viên'],
  ['Hoàng Văn Em', 'Phó Giám đốc Sở Khoa học và Công nghệ', 'Ủy viên'],
  ['Vũ Thị Giang', 'Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch', 'Ủy viên'],
  ['Đặng Văn Hùng', 'Phó Chủ tịch Liên minh Hợp tác xã', 'Ủy viên'],
  ['Bùi Thị Hương', 'Hiệu trưởng Trường Cao đẳng', 'Ủy viên'],
  ['Đỗ Văn Khoa', 'Chánh Văn phòng Điều phối', 'Ủy viên kiêm Thư ký'],
] as const;

/** A round with three first-time registrations, entered through the dossiers channels. */
async function roundWithProducts(app: ServedApp): Promise<{ roundId: number; registrationIds: number[] }> {
  const { roundId, registrations } = await arrangeRound(app, ['Mứt sen sấy dẻo', 'Trà tim sen', 'Hạt sen sấy giòn']);
  return { roundId, registrationIds: registrations.map((r) => r.id) };
}

test('create a council of 9 with its rules, open a session, mark attendance and a recusal, and watch the quorum change', async ({
  page,
  app,
}) => {
  // A long walk through two screens on a shared 2-core machine.
  test.setTimeout(180_000);
  const shell = new Shell(page);
  const { registrationIds } = await roundWithProducts(app);
  await shell.open(app.url);
  await shell.go('councils');
  await page.getByRole('link', { name: 'Thêm Hội đồng' }).click();

  // The council and its establishing decision.
  await page
    .getByRole('textbox', { name: 'Tên Hội đồng', exact: true })
    .fill('Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp');
  await page.getByLabel('Số quyết định', { exact: true }).fill('1234/QĐ-UBND');
  // Dates are typed day first whatever the operating system's locale; an impossible day is refused by name.
  const signedOn = page.getByLabel('Ngày ký', { exact: true });
  await expect(signedOn).toHaveAttribute('placeholder', 'ngày/tháng/năm');
  await signedOn.fill('31/02/2026');
  await page.getByLabel('Số quyết định', { exact: true }).click();
  await expect(
    page.getByText('“31/02/2026” không phải là ngày hợp lệ. Gõ theo dạng ngày/tháng/năm, ví dụ 18/06/2026.'),
  ).toBeVisible();
  await signedOn.fill('25/05/2026');
  await page.getByLabel('Số quyết định', { exact: true }).click();
  await expect(signedOn).toHaveValue('25/05/2026');
  await expect(page.getByText('không phải là ngày hợp lệ')).toHaveCount(0);
  await page.getByLabel('Cơ quan chủ quản (dòng trên của tiêu đề)', { exact: true }).fill('UBND TỈNH ĐỒNG THÁP');
  await page.getByLabel('Địa danh ghi ngày tháng', { exact: true }).fill('Đồng Tháp');

  // Nine members in the order of the decision (the form starts with four rows).
  for (let i = 4; i < MEMBERS.length; i++) await page.getByRole('button', { name: 'Thêm dòng' }).click();
  for (const [i, [name, position, role]] of MEMBERS.entries()) {
    const n = i + 1;
    await page.getByLabel(`Họ và tên ${n}`, { exact: true }).fill(name);
    await page.getByLabel(`Chức vụ ${n}`, { exact: true }).fill(position);
    await page.getByRole('combobox', { name: `Vai trò trong Hội đồng ${n}`, exact: true }).click();
    await page.getByRole('option', { name: role, exact: true }).click();
  }

  // Rules: the explanation follows the settings, with the number needed for nine members.
  const explanation = page.getByTestId('rules-explanation');
  await expect(explanation).toContainText('ít nhất 3/4 số thành viên Hội đồng tham dự, trong đó phải có Chủ tịch Hội đồng');
  await expect(explanation).toContainText('Với 9 thành viên, cần tối thiểu 7 người.');
  await page.getByLabel('Chênh lệch tổng điểm tối đa giữa các thành viên (điểm)', { exact: true }).fill('8');
  await expect(explanation).toContainText('không được chênh lệch quá 8 điểm');
  await page.getByRole('button', { name: 'Lưu Hội đồng' }).click();

  await expect(page.getByRole('heading', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp' })).toBeVisible();
  await expect(page.getByText('Thành viên hiện nay (9)')).toBeVisible();
  await expect(page.getByText(/1234\/QĐ-UBND.*25\/05\/2026/)).toBeVisible();
  await expect(page.getByTestId('council-members').getByRole('row')).toHaveCount(10);
  await page.getByRole('tab', { name: 'Quy chế' }).click();
  await expect(page.getByTestId('rules-explanation')).toContainText('không được chênh lệch quá 8 điểm');
  await docScreenshot(page, 'councils-rules');
  await page.getByRole('tab', { name: 'Thành viên' }).click();
  await docScreenshot(page, 'councils-council');

  // A session of the round.
  await shell.go('sessions');
  await page.getByRole('button', { name: 'Tạo phiên họp' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Hội đồng' }).click();
  await page.getByRole('option', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp' }).click();
  await dialog.getByRole('combobox', { name: 'Đợt đánh giá' }).click();
  await page.getByRole('option', { name: 'Đợt 1 năm 2026' }).click();
  // The picker speaks Vietnamese (month heading, weeks from Monday); typing 18/06/2026 means 18 June.
  const meetingDate = dialog.getByLabel('Ngày họp');
  await meetingDate.click();
  const picker = page.locator('[data-dates-dropdown]');
  await expect(picker).toBeVisible();
  await expect(picker.getByText(/^Tháng \d{1,2} năm \d{4}$/)).toBeVisible();
  await expect(picker.locator('thead th').first()).toHaveText('T2');
  await meetingDate.fill('18/06/2026');
  await expect(picker.getByText('Tháng 6 năm 2026', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${test.info().outputDir}/date-picker-vi.png` });
  // Esc closes the calendar only, not the dialog with what was typed.
  await meetingDate.press('Escape');
  await expect(picker).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(meetingDate).toHaveValue('18/06/2026');
  await dialog.getByLabel('Địa điểm').fill('Hội trường UBND tỉnh');
  // Times are 24-hour whatever the system's locale; "8h30" is read as 08:30 when typed.
  const start = dialog.getByLabel('Giờ bắt đầu');
  await expect(start).toHaveValue('08:00');
  await start.fill('8h30');
  await start.blur();
  await expect(start).toHaveValue('08:30');
  await dialog.getByRole('button', { name: 'Tạo phiên họp' }).click();

  const prep = new SessionPrep(page);
  await expect(page.getByTestId('session-status')).toHaveText('Đang chuẩn bị');
  await expect(page.getByText('18/06/2026, từ 08:30')).toBeVisible();
  await expect(prep.quorum()).toContainText('Chưa đủ số thành viên dự họp: 0/9, cần tối thiểu 7 (3/4) và có Chủ tịch Hội đồng');

  // Agenda: everything the search finds.
  await prep.tab(/Chương trình/).click();
  await page.getByLabel('Tìm sản phẩm, chủ thể, số phiếu', { exact: true }).fill('sen');
  await page.getByRole('button', { name: 'Thêm tất cả 3 kết quả' }).click();
  await expect(page.getByTestId('agenda').getByRole('row')).toHaveCount(4);

  // Roll call: seven present is exactly enough for nine members.
  await prep.tab('Điểm danh').click();
  for (const [name] of MEMBERS.slice(0, 6)) await prep.mark(name, 'Có mặt');
  await expect(prep.quorum()).toHaveAttribute('data-met', 'false');
  await expect(prep.quorum()).toContainText('6/9');
  await prep.mark(MEMBERS[8][0], 'Có mặt');
  await expect(prep.quorum()).toHaveAttribute('data-met', 'true');
  await expect(prep.quorum()).toContainText(
    'Đủ điều kiện họp: 7/9 thành viên dự họp, cần tối thiểu 7 (3/4) và có Chủ tịch Hội đồng',
  );
  await prep.mark(MEMBERS[6][0], 'Vắng');
  await page.getByLabel(`Lý do vắng của ${MEMBERS[6][0]}`, { exact: true }).fill('Đi công tác');
  await page.getByLabel(`Lý do vắng của ${MEMBERS[6][0]}`, { exact: true }).press('Enter');
  await prep.mark(MEMBERS[7][0], 'Vắng');

  // A recusal drops the first product below quorum; the others keep it.
  await prep.tab(/Xung đột lợi ích/).click();
  await page.getByRole('combobox', { name: 'Thành viên' }).click();
  await page.getByRole('option', { name: 'Phạm Thị Dung' }).click();
  await page.getByRole('combobox', { name: 'Sản phẩm' }).click();
  await page.getByRole('option', { name: '1. Hạt sen sấy giòn' }).click();
  await page.getByLabel('Lý do', { exact: true }).fill('Có người thân là thành viên hợp tác xã');
  await page.getByRole('button', { name: 'Ghi nhận xung đột lợi ích' }).click();
  await expect(page.getByTestId('conflicts')).toContainText('Phạm Thị Dung');

  await prep.tab(/Chương trình/).click();
  const first = await page.getByTestId('agenda').getByRole('row').nth(1).getAttribute('data-testid');
  const firstId = Number(first?.replace('agenda-row-', ''));
  expect(registrationIds).toContain(firstId);
  await expect(prep.productQuorum(firstId)).toHaveAttribute('data-met', 'false');
  await expect(prep.productQuorum(firstId)).toHaveText('Thiếu: 6/9, cần 7');
  for (const other of registrationIds.filter((id) => id !== firstId))
    await expect(prep.productQuorum(other)).toHaveText('Đủ: 7/9');
  await expect(prep.quorum()).toHaveAttribute('data-met', 'true');
  await docScreenshot(page, 'sessions-preparation');

  // The meeting can start: the session quorum is met and everyone is recorded.
  await page.getByRole('button', { name: 'Bắt đầu phiên họp' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('Đang họp');
});

test('an empty database offers the training dataset; its session opens ready to score with one recusal', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const shell = new Shell(page);
  await shell.open(app.url, '/councils');
  await page.getByRole('button', { name: 'Tạo dữ liệu tập huấn' }).click();
  await expect(page.getByTestId('council-list')).toContainText(
    'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Phù Sa (tập huấn)',
    { timeout: 120_000 },
  );
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await shell.go('sessions');
  await page.getByTestId('session-list').getByRole('link').last().click();
  await expect(page.getByTestId('session-status')).toHaveText('Đang họp');
  await expect(page.getByTestId('session-quorum')).toContainText('Đủ điều kiện họp: 8/9');
  await page.getByRole('tab', { name: 'Xung đột lợi ích (1)' }).click();
  await expect(page.getByTestId('conflicts').getByRole('row')).toHaveCount(2);
  await page.getByRole('tab', { name: /Chương trình/ }).click();
  await expect(page.getByTestId('agenda').getByRole('row')).toHaveCount(9);
  await docScreenshot(page, 'sessions-training-data');
});
