import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SessionResults } from '../shared/api/channels/results';
import type { CriteriaSet } from '../shared/ocop/criteria-set';
import { allCriteria } from '../shared/ocop/criteria-set-walk';
import { choicesForTotal } from '../electron/core/results/test/choices';
import { axeProblems } from './axe';
import { docScreenshot } from './doc-screenshot';
import { expect, test } from './fixtures';
import { Dossiers } from './pages/Dossiers';
import { ScoringSheet } from './pages/Scoring';
import { SessionPrep } from './pages/SessionPrep';
import { Shell } from './pages/Shell';

/**
 * Issue 16: the path a new provincial secretary takes, from an empty database to the finalized,
 * numbered and printed minutes, only through the screens (never a reload, never a toast closed by
 * hand, the sheets typed at machine speed), with axe on every screen on the way and every answer
 * checked in the SQLite file afterwards. The smallest council the default rules allow a real
 * meeting with: the chair and one Ủy viên kiêm Thư ký (3/4 of 2 is 2, so both attend); one product.
 * Its pictures are the user guide's first chapter (docs/guide/getting-started.md).
 */
test.use({ operatorName: '' });

const COUNCIL = 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh';
const CHAIR = 'Nguyễn Văn An';
const SECRETARY = 'Lê Thị Bình';
const PRODUCT = 'Mứt gừng Kỳ Anh';
const PRODUCER = 'Hợp tác xã Gừng Kỳ Anh';

test('a new secretary: empty database to the numbered, printed minutes, through the screens only', async ({ page, app }) => {
  test.setTimeout(240_000);
  const shell = new Shell(page);
  const d = new Dossiers(page);
  // Serious/critical axe problems, screen by screen: the walk goes on and every screen is reported.
  const axe = async (screen: string, selector?: string) => {
    expect.soft(await axeProblems(page, selector), screen).toEqual([]);
  };
  let loads = 0;
  page.on('load', () => loads++);

  // 1. First start: the welcome dialog asks who works on this machine.
  await page.goto(app.url);
  const welcome = page.getByRole('dialog', { name: 'Chào mừng đến với Hội đồng OCOP' });
  await expect(welcome).toBeVisible();
  await axe('welcome dialog');
  await docScreenshot(page, 'start-welcome');
  await welcome.getByLabel('Họ và tên của bạn').fill('Trần Thu Hà');
  await page.keyboard.press('Enter');
  await expect(welcome).toBeHidden();
  // A mark on the window: a reload (or any page load) would wipe it.
  await page.evaluate(() => ((window as unknown as { walkMark: string }).walkMark = 'first load'));

  // 2. The empty dossier list says where to start.
  await expect(page.getByTestId('start-here')).toBeVisible();
  await axe('dossiers, empty');
  await docScreenshot(page, 'start-empty-dossiers');

  // 3. A producer, its product and the registration in a new round, by hand.
  await page.getByRole('link', { name: 'Thêm chủ thể' }).first().click();
  await expect(page.getByRole('heading', { name: 'Thêm chủ thể OCOP' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Tên chủ thể' }).fill(PRODUCER);
  await page.getByRole('textbox', { name: 'Mã số thuế' }).fill('3001234567');
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Phạm Văn Gừng');
  await page.getByTestId('producer-province').fill('ha tinh');
  await page.getByRole('option', { name: 'Tỉnh Hà Tĩnh — 42' }).click();
  await page.getByRole('textbox', { name: 'Mã xã' }).fill('18100');
  await page.getByRole('textbox', { name: 'Tên xã, phường' }).fill('Xã Kỳ Anh');
  await page.getByRole('textbox', { name: 'Điện thoại' }).fill('0912 345 678');
  await axe('producer form');
  await docScreenshot(page, 'start-producer');
  await page.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(page.getByRole('heading', { name: `Chủ thể: ${PRODUCER}` })).toBeVisible();
  await axe('producer page');

  await page.getByRole('link', { name: 'Thêm sản phẩm' }).click();
  await page.getByRole('textbox', { name: 'Tên sản phẩm' }).fill(PRODUCT);
  await d.choose(/Phân nhóm sản phẩm/, 'mut', /Chế biến từ rau, củ, quả, hạt/);
  await page.getByRole('textbox', { name: 'Quy cách' }).fill('Hộp 300 g');
  await axe('product form');
  await docScreenshot(page, 'start-product');
  await page.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(page.getByRole('heading', { name: `Sản phẩm: ${PRODUCT}` })).toBeVisible();
  await axe('product page');

  await page.getByRole('button', { name: 'Đăng ký vào đợt' }).click();
  const register = page.getByRole('dialog');
  await register.getByRole('button', { name: 'Tạo đợt mới' }).click();
  await expect(register.getByRole('combobox', { name: 'Đợt đánh giá' })).toHaveValue(/Đợt 1\/\d{4}/);
  await axe('register dialog');
  await docScreenshot(page, 'start-register');
  await register.getByRole('button', { name: 'Đăng ký vào đợt' }).click();
  await expect(page.getByRole('heading', { name: PRODUCT })).toBeVisible();
  await expect(page.getByText('Đã tiếp nhận').first()).toBeVisible();
  await axe('registration page');

  // 4. The council: the chair and one Ủy viên kiêm Thư ký (the form starts with four rows).
  await shell.go('councils');
  await axe('councils, empty');
  await page.getByRole('link', { name: 'Thêm Hội đồng' }).first().click();
  await page.getByRole('textbox', { name: 'Tên Hội đồng', exact: true }).fill(COUNCIL);
  await page.getByLabel('Số quyết định', { exact: true }).fill('215/QĐ-UBND');
  await page.getByLabel('Ngày ký', { exact: true }).fill('12/01/2026');
  await page.getByLabel('Cơ quan chủ quản (dòng trên của tiêu đề)', { exact: true }).fill('UBND TỈNH HÀ TĨNH');
  await page.getByLabel('Địa danh ghi ngày tháng', { exact: true }).fill('Hà Tĩnh');
  await page.getByRole('button', { name: 'Xóa dòng 2' }).click();
  await page.getByRole('button', { name: 'Xóa dòng 2' }).click();
  await page.getByLabel('Họ và tên 1', { exact: true }).fill(CHAIR);
  await page.getByLabel('Chức vụ 1', { exact: true }).fill('Phó Chủ tịch UBND tỉnh');
  await page.getByLabel('Họ và tên 2', { exact: true }).fill(SECRETARY);
  await page.getByLabel('Chức vụ 2', { exact: true }).fill('Chánh Văn phòng Điều phối nông thôn mới');
  await expect(page.getByRole('combobox', { name: 'Vai trò trong Hội đồng 2', exact: true })).toHaveValue('Ủy viên kiêm Thư ký');
  await expect(page.getByTestId('rules-explanation')).toContainText('Với 2 thành viên, cần tối thiểu 2 người.');
  await axe('council form');
  // The members and the rules, below the fixed header (a full-page picture would cut the header into it).
  await page.getByRole('heading', { name: 'Thành viên', exact: true }).evaluate((h) => {
    h.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -70);
  });
  await docScreenshot(page, 'start-council-form');
  await page.getByRole('button', { name: 'Lưu Hội đồng' }).click();
  await expect(page.getByRole('heading', { name: COUNCIL })).toBeVisible();
  await expect(page.getByText('Thành viên hiện nay (2)')).toBeVisible();
  await axe('council page');

  // 5. The session: create, agenda, roll call, start.
  await shell.go('sessions');
  await axe('sessions, empty');
  await page.getByRole('button', { name: 'Tạo phiên họp' }).click();
  const create = page.getByRole('dialog');
  await create.getByRole('combobox', { name: 'Hội đồng' }).click();
  await page.getByRole('option', { name: COUNCIL }).click();
  await create.getByRole('combobox', { name: 'Đợt đánh giá' }).click();
  await page.getByRole('option', { name: /^Đợt 1 năm \d{4}$/ }).click();
  await create.getByLabel('Ngày họp').fill('18/06/2026');
  await create.getByLabel('Ngày họp').press('Escape');
  await create.getByLabel('Địa điểm').fill('Hội trường UBND tỉnh Hà Tĩnh');
  await axe('create session dialog');
  await docScreenshot(page, 'start-session-create');
  await create.getByRole('button', { name: 'Tạo phiên họp' }).click();

  const prep = new SessionPrep(page);
  await expect(page.getByTestId('session-status')).toHaveText('Đang chuẩn bị');
  await prep.tab(/Chương trình/).click();
  await page.getByLabel('Tìm sản phẩm, chủ thể, số phiếu', { exact: true }).fill('mut gung');
  await page.getByRole('button', { name: 'Thêm tất cả 1 kết quả' }).click();
  await expect(page.getByTestId('agenda').getByRole('row')).toHaveCount(2);
  await axe('session agenda');
  await prep.tab('Điểm danh').click();
  await prep.mark(CHAIR, 'Có mặt');
  await prep.mark(SECRETARY, 'Có mặt');
  await expect(prep.quorum()).toHaveAttribute('data-met', 'true');
  await expect(prep.quorum()).toContainText('Đủ điều kiện họp: 2/2 thành viên dự họp');
  await axe('session attendance');
  await docScreenshot(page, 'start-session-attendance');
  await page.getByRole('button', { name: 'Bắt đầu phiên họp' }).click();
  await axe('start session dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('Đang họp');

  // 6. Each member scores on this machine, keys at machine speed (no waits between keys).
  const sessionId = Number(/#\/sessions\/(\d+)/.exec(page.url())![1]);
  const detail = await app.api<{
    agenda: { registrationId: number; criteriaSetVersionId: number }[];
    members: { memberId: number; fullName: string }[];
  }>('sessions:get', { id: sessionId });
  const registrationId = detail.agenda[0]!.registrationId;
  const set = (await app.api<{ content: CriteriaSet }>('criteria:get', { id: detail.agenda[0]!.criteriaSetVersionId })).content;
  const criteria = allCriteria(set).map((p) => p.criterion);
  const memberId = (name: string) => detail.members.find((m) => m.fullName === name)!.memberId;
  // 78 and 83 points: a spread of 5 (under the 10 allowed), mean 80.5, far from the star edges.
  const sheets = [
    { name: CHAIR, choices: choicesForTotal(set, 78, { keepMarks: true }), total: 78 },
    { name: SECRETARY, choices: choicesForTotal(set, 83, { keepMarks: true }), total: 83 },
  ];

  await page.getByRole('main').getByRole('link', { name: 'Chấm điểm', exact: true }).click();
  const sheet = new ScoringSheet(page);
  for (const [k, s] of sheets.entries()) {
    const card = page.getByTestId(`member-${memberId(s.name)}`);
    await expect(card).toBeVisible();
    if (k === 0) {
      await axe('scoring: member pick');
      await docScreenshot(page, 'start-scoring-members');
    }
    await card.click();
    const product = page.getByTestId(`product-${registrationId}`);
    await expect(product).toContainText('Chưa chấm');
    if (k === 0) await axe('scoring: member products');
    await product.click();
    await expect(sheet.row(criteria[0]!.code)).toHaveAttribute('data-active', 'true');
    await page.keyboard.type(criteria.map((c) => String(s.choices[c.code]! + 1)).join(''));
    await expect(sheet.total()).toHaveText(`${s.total}/100`);
    await expect(sheet.saveState()).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
    if (k === 0) {
      await axe('scoring sheet');
      await docScreenshot(page, 'start-scoring-sheet');
    }
    await page.getByRole('button', { name: 'Nộp phiếu' }).last().click();
    const submit = page.getByRole('dialog', { name: 'Nộp phiếu đánh giá' });
    await expect(submit).toContainText(`Tổng điểm ${s.total}/100`);
    if (k === 0) await axe('submit dialog');
    await submit.getByTestId('submit-confirm').click();
    await expect(product).toContainText('Đã nộp');
    await page.getByRole('button', { name: 'Đổi thành viên' }).click();
  }

  // 7. End the session, then finalize the results.
  await page.getByRole('link', { name: 'Về phiên họp' }).click();
  await page.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
  const closing = page.getByRole('dialog', { name: 'Kết thúc phiên họp' });
  await expect(closing.getByLabel('Giờ kết thúc')).toHaveValue(/^\d\d:\d\d$/);
  await closing.getByLabel('Giờ kết thúc').fill('11:30');
  await axe('end session dialog');
  await closing.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('Đã kết thúc');

  await page.getByRole('main').getByRole('link', { name: 'Kết quả', exact: true }).click();
  await expect(page.getByTestId(`result-row-${registrationId}`)).toContainText('Đã có kết quả');
  await axe('session results');
  await docScreenshot(page, 'start-results');
  await page.getByRole('button', { name: 'Chốt kết quả' }).click();
  const finalize = page.getByRole('dialog', { name: 'Chốt kết quả phiên họp' });
  await expect(finalize).toBeVisible();
  await axe('finalize dialog');
  const review = finalize.getByLabel('Chủ tịch Hội đồng đã xem xét các sản phẩm cần xem kỹ và xác nhận kết quả');
  if (await review.count()) await review.check();
  await finalize.getByRole('button', { name: 'Chốt kết quả' }).click();
  await expect(page.getByTestId('results-session-status')).toHaveText('Đã chốt kết quả');
  await axe('finalized results');

  // 8. The minutes: the number in the print settings, print, download.
  await page.getByRole('main').getByRole('link', { name: 'Xem phiên họp' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Văn bản' }).click();
  const panel = page.getByRole('region', { name: 'Thông tin in trên văn bản' });
  await panel.getByRole('textbox', { name: 'Số', exact: true }).fill('27');
  await panel.getByRole('button', { name: 'Lưu' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã lưu');
  await expect(panel.getByTestId('document-number-text')).toHaveText(/^Số in trên văn bản: 27\/BB-/u);
  await axe('documents');
  await page.evaluate(() => document.getElementById('document-settings-title')?.scrollIntoView({ block: 'start' }));
  await docScreenshot(page, 'start-documents-number');
  await page.getByRole('button', { name: 'Biên bản họp' }).click();
  await expect(page.getByText(`Xem trước: bien-ban-phien-${sessionId}.pdf`)).toBeVisible({ timeout: 60_000 });
  await axe('minutes preview');
  await page.getByText(`Xem trước: bien-ban-phien-${sessionId}.pdf`).evaluate((e) => {
    e.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -70);
  });
  await docScreenshot(page, 'start-minutes-preview');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải xuống' }).click();
  const file = path.join(app.dataDir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/gu, ' ');
  expect(text).toMatch(/Số: 27\/BB-/u);
  expect(text).toContain(PRODUCT);
  expect(text).toContain(CHAIR);
  expect(text).not.toContain('DỰ THẢO');

  // Issued: the minutes go into the council's register of documents with their number.
  await page.getByRole('group', { name: 'Biên bản họp' }).getByRole('button', { name: 'Phát hành' }).click();
  const issue = page.getByRole('dialog', { name: 'Phát hành Biên bản họp' });
  await axe('issue dialog');
  await issue.getByRole('button', { name: 'Phát hành' }).click();
  await expect(issue).toBeHidden();
  await expect(page.getByText(/^Đã phát hành: số thứ tự \d+ trong sổ văn bản\.$/u)).toBeVisible();
  await axe('minutes issued');

  // Never a reload: one page load for the whole walk, and the mark set after it is still there.
  expect(loads).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { walkMark?: string }).walkMark)).toBe('first load');

  // 9. The database holds exactly what was typed.
  const results = await app.api<SessionResults>('results:session', { sessionId });
  await checkDatabase(app.dataDir, { sessionId, registrationId, criteria, sheets, memberId, results });
});

async function checkDatabase(
  dataDir: string,
  a: {
    sessionId: number;
    registrationId: number;
    criteria: { code: string }[];
    sheets: { name: string; choices: Record<string, number>; total: number }[];
    memberId: (name: string) => number;
    results: SessionResults;
  },
) {
  const db = new Database(path.join(dataDir, 'ocop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
    const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
    for (const s of a.sheets) {
      const sheet = one<{ id: number; status: string; total_points: number }>(
        'SELECT id, status, total_points FROM score_sheet WHERE session_id = ? AND registration_id = ? AND member_id = ?',
        a.sessionId,
        a.registrationId,
        a.memberId(s.name),
      );
      expect(sheet, s.name).toMatchObject({ status: 'submitted', total_points: s.total });
      const stored = Object.fromEntries(
        all<{ criterion_code: string; level_index: number }>(
          'SELECT criterion_code, level_index FROM score_answer WHERE sheet_id = ?',
          sheet.id,
        ).map((r) => [r.criterion_code, r.level_index]),
      );
      expect(stored, `${s.name}: every answer as typed`).toEqual(
        Object.fromEntries(a.criteria.map((c) => [c.code, s.choices[c.code]])),
      );
      // One stored change per key: no key lost, none applied twice.
      const events = one<{ n: number }>(
        "SELECT count(*) AS n FROM score_answer_event WHERE sheet_id = ? AND kind = 'level'",
        sheet.id,
      ).n;
      expect(events, `${s.name}: one event per key`).toBe(a.criteria.length);
    }
    // What was typed on the forms, as stored.
    expect(all('SELECT name, tax_code, commune_code, commune_name, province_code, representative_name FROM producer')).toEqual([
      {
        name: PRODUCER,
        tax_code: '3001234567',
        commune_code: '18100',
        commune_name: 'Xã Kỳ Anh',
        province_code: '42',
        representative_name: 'Phạm Văn Gừng',
      },
    ]);
    expect(all('SELECT name, set_key FROM product')).toEqual([{ name: PRODUCT, set_key: 'qd26-2026/07' }]);
    expect(all('SELECT name, decision_no, decision_date FROM council')).toEqual([
      { name: COUNCIL, decision_no: '215/QĐ-UBND', decision_date: '2026-01-12' },
    ]);
    expect(all('SELECT full_name, role FROM council_member ORDER BY id')).toEqual([
      { full_name: CHAIR, role: 'chair' },
      { full_name: SECRETARY, role: 'member_secretary' },
    ]);
    expect(all('SELECT present FROM session_attendance WHERE session_id = ?', a.sessionId)).toEqual([
      { present: 1 },
      { present: 1 },
    ]);
    expect(one('SELECT status, date, end_time FROM session WHERE id = ?', a.sessionId)).toEqual({
      status: 'finalized',
      date: '2026-06-18',
      end_time: '11:30',
    });
    // The outcome the finalize wrote on the registration is the result's star: mean 80.5 → 4★.
    const result = a.results.products.find((p) => p.registrationId === a.registrationId)!;
    expect(result.finalStar).toBe(4);
    expect(one('SELECT status, outcome_stars, outcome_recognised FROM registration WHERE id = ?', a.registrationId)).toEqual({
      status: 'result',
      outcome_stars: 4,
      outcome_recognised: 1,
    });
    const issued = all<{ doc_number: string | null }>(
      "SELECT doc_number FROM document_issue WHERE session_id = ? AND kind = 'minutes'",
      a.sessionId,
    );
    expect(issued).toHaveLength(1);
    expect(issued[0]!.doc_number).toMatch(/^27\/BB-/u);
    // Who did it: from the moment the name was given, every change is the secretary's, or, for a
    // scoring sheet, the member's own (never "local").
    const log = all<{ actor: string; action: string; entity: string }>(
      'SELECT actor, action, entity FROM audit_log ORDER BY seq',
    );
    const named = log.findIndex((e) => e.actor === 'Trần Thu Hà');
    expect(named).toBeGreaterThanOrEqual(0);
    const after = log.slice(named);
    expect(after.filter((e) => !['Trần Thu Hà', CHAIR, SECRETARY].includes(e.actor))).toEqual([]);
    expect(after.some((e) => e.actor === CHAIR) && after.some((e) => e.actor === SECRETARY)).toBe(true);
  } finally {
    db.close();
  }
}
