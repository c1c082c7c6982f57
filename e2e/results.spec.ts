import AxeBuilder from '@axe-core/playwright';
import type { ProductResult, SessionResults } from '../shared/api/channels/results';
import type { SessionDetail } from '../shared/api/channels/sessions';
import type { CriteriaSet } from '../shared/ocop/criteria-set';
import { choicesForTotal } from '../electron/core/results/test/choices';
import { docScreenshot } from './doc-screenshot';
import { expect, test, type ServedApp } from './fixtures';

/** The nearest total to `target` that the set can give, with every star mark kept (no cap). */
function choicesNear(set: CriteriaSet, target: number): Record<string, number> {
  for (const d of [0, 1, -1, 2, -2, 3, -3]) {
    try {
      return choicesForTotal(set, target + d, { keepMarks: true });
    } catch {
      // not reachable on this set with the marks kept: try the next total
    }
  }
  throw new Error(`no total near ${target} on ${set.setKey}`);
}

/** Serious or critical accessibility problems (axe) inside `selector`, one line each. */
async function axeProblems(page: import('@playwright/test').Page, selector: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(selector).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

/** The secretary types a member's paper sheet of the current round in (one entry) and commits it. */
async function paperSheet(
  app: ServedApp,
  sessionId: number,
  registrationId: number,
  memberId: number,
  choices: Record<string, number>,
) {
  await app.api('scoring:paperSave', {
    sessionId,
    registrationId,
    memberId,
    entryNo: 1,
    enteredBy: 'Thư ký Hội đồng',
    writtenTotal: null,
    answers: Object.entries(choices).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
  });
  await app.api('scoring:paperCommit', { sessionId, registrationId, memberId, allowSingleEntry: true });
}

interface Arranged {
  sessionId: number;
  detail: SessionDetail;
  spreadRegistrationId: number;
  chairId: number;
  scorers: (registrationId: number) => number[];
  setOf: Map<number, CriteriaSet>;
}

/**
 * The training dataset's opened meeting (demo command): every present member has submitted a
 * sheet for every product, and on the first product one member is 16 points below the others.
 */
async function scoredDemoSession(app: ServedApp): Promise<Arranged> {
  const demo = await app.api<{ meetingSessionId: number }>('demo:create', { seed: 1 });
  const sessionId = demo.meetingSessionId;
  const detail = await app.api<SessionDetail>('sessions:get', { id: sessionId });
  const setOf = new Map<number, CriteriaSet>();
  for (const item of detail.agenda) {
    const v = item.criteriaSetVersionId!;
    if (!setOf.has(v)) setOf.set(v, (await app.api<{ content: CriteriaSet }>('criteria:get', { id: v })).content);
  }
  const scorers = (registrationId: number) =>
    detail.members
      .filter(
        (m) =>
          m.votes &&
          m.present === true &&
          !detail.agenda.find((a) => a.registrationId === registrationId)!.recusedMemberIds.includes(m.memberId),
      )
      .map((m) => m.memberId);
  const chairId = detail.session.chairMemberId ?? detail.members.find((m) => m.role === 'chair')!.memberId;
  return { sessionId, detail, spreadRegistrationId: detail.agenda[0]!.registrationId, chairId, scorers, setOf };
}

test('score the demo session, resolve the spread product by re-scoring, finalize, and see the session locked', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const a = await scoredDemoSession(app);
  const spreadItem = a.detail.agenda[0]!;

  await page.goto(app.url);
  await page.getByRole('link', { name: 'Kết quả' }).click();
  await page.getByRole('link', { name: /^Xem kết quả phiên 1 ngày/ }).click();
  const table = page.getByTestId('results-table');
  await expect(table).toBeVisible();
  const spreadRow = page.getByTestId(`result-row-${spreadItem.registrationId}`);
  await expect(spreadRow).toContainText('Chênh lệch quá mức');
  await expect(spreadRow).toContainText('tạm tính');
  await expect(page.getByTestId('finalize-blockers')).toContainText('Phiên họp chưa kết thúc');
  await expect(page.getByRole('button', { name: 'Chốt kết quả' })).toBeDisabled();
  await docScreenshot(page, 'results-session-open');
  expect(await axeProblems(page, 'main')).toEqual([]);

  // Sorting by the mean puts the highest mean first (numbers sort descending first).
  await page.getByRole('button', { name: 'Điểm TB' }).click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Điểm TB');
  const means = (await page.getByTestId('results-table').locator('tbody tr td:nth-child(6) p:first-child').allTextContents()).map(
    (x) => Number(x.replace(',', '.')),
  );
  expect(means).toEqual([...means].sort((x, y) => y - x));
  await docScreenshot(page, 'results-session-table', { fullPage: true });

  // The council discusses and re-scores the spread product: every scoring member submits again.
  await app.api('scoring:openRescoring', {
    sessionId: a.sessionId,
    registrationId: spreadItem.registrationId,
    chairMemberId: a.chairId,
    reason: 'Chênh lệch điểm giữa các thành viên vượt 10 điểm',
  });
  // Closing now would end the scoring with that product's new sheets missing: the dialog lists them
  // and asks for a conscious confirmation.
  await page.getByRole('main').getByRole('link', { name: 'Xem phiên họp' }).click();
  await page.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
  const closing = page.getByRole('dialog', { name: 'Kết thúc phiên họp' });
  await closing.getByLabel('Giờ kết thúc').fill('11:30');
  await expect(closing.getByTestId('close-missing-sheets')).toContainText('Còn 1 sản phẩm chưa đủ phiếu chấm');
  await expect(closing.getByRole('button', { name: 'Xác nhận' })).toBeDisabled();
  await closing.getByLabel(/^Vẫn kết thúc phiên họp/).check();
  await expect(closing.getByRole('button', { name: 'Xác nhận' })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath('close-missing-sheets.png') });
  await closing.getByRole('button', { name: 'Hủy' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Kết quả', exact: true }).click();

  const set = a.setOf.get(spreadItem.criteriaSetVersionId!)!;
  for (const [k, memberId] of a.scorers(spreadItem.registrationId).entries()) {
    await paperSheet(app, a.sessionId, spreadItem.registrationId, memberId, choicesNear(set, 74 + (k % 2)));
  }
  // Closed on the session page, then back to Kết quả by its link, never reloading: the results page
  // (read before the close) shows the ended session at once (issue 16 item 2: it said ĐANG HỌP).
  await page.getByRole('main').getByRole('link', { name: 'Xem phiên họp' }).click();
  await page.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
  const ending = page.getByRole('dialog', { name: 'Kết thúc phiên họp' });
  await ending.getByLabel('Giờ kết thúc').fill('11:30');
  await expect(ending.getByTestId('close-missing-sheets')).toHaveCount(0);
  await ending.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(ending).toBeHidden();
  await page.getByRole('main').getByRole('link', { name: 'Kết quả', exact: true }).click();
  await expect(spreadRow).toContainText('Đã có kết quả');
  await expect(page.getByTestId('finalize-blockers')).toHaveCount(0);

  // The product detail: members × parts, per-criterion distribution, the rule in Vietnamese.
  await spreadRow.getByRole('button', { name: /^Xem chi tiết/ }).click();
  const detail = page.getByTestId('product-detail');
  await expect(detail.getByTestId('star-explanation')).toContainText(/^Cách xếp hạngĐạt [\d,]+ điểm \(hạng \d sao\)/);
  await expect(detail.getByTestId('members-parts')).toContainText('Trung bình');
  await expect(detail.getByTestId('criteria-detail')).toContainText('Số thành viên chọn từng mức');
  await docScreenshot(page, 'results-product-detail');
  expect(await axeProblems(page, '[data-testid="product-detail"]')).toEqual([]);
  await detail.getByTestId('sensitivity').scrollIntoViewIfNeeded();
  await docScreenshot(page, 'results-product-sensitivity');
  await detail.getByTestId('criteria-detail').locator('tbody tr').nth(4).scrollIntoViewIfNeeded();
  await docScreenshot(page, 'results-product-criteria');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  // Finalize: the chair confirms the sensitive results first.
  await page.getByRole('button', { name: 'Chốt kết quả' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chốt kết quả phiên họp' });
  const confirm = dialog.getByRole('button', { name: 'Chốt kết quả' });
  const before = await app.api<SessionResults>('results:session', { sessionId: a.sessionId });
  if (before.summary.sensitive > 0) {
    await expect(confirm).toBeDisabled();
    // Each flagged product says why it needs a second look (issue 16 item 11).
    for (const p of before.products.filter((x) => x.sensitivity.nearEdge || x.sensitivity.changeCount > 0)) {
      const item = dialog.getByTestId(`finalize-sensitive-${p.registrationId}`);
      if (p.sensitivity.nearEdge)
        await expect(item).toContainText(
          `Điểm trung bình cách mốc ${String(p.sensitivity.nearEdge.edgePoints).replace('.', ',')} điểm chỉ`,
        );
      if (p.sensitivity.changeCount > 0)
        await expect(item).toContainText(`đổi hạng sao (${p.sensitivity.changeCount} trường hợp như vậy)`);
    }
    await docScreenshot(page, 'results-finalize-dialog');
    await dialog.getByLabel('Chủ tịch Hội đồng đã xem xét các sản phẩm cần xem kỹ và xác nhận kết quả').check();
  }
  await confirm.click();
  await expect(page.getByTestId('results-locked')).toContainText('Kết quả đã được chốt — chỉ xem, không sửa được');
  await expect(page.getByTestId('results-session-status')).toHaveText('Đã chốt kết quả');
  const after = await app.api<SessionResults>('results:session', { sessionId: a.sessionId });
  await expect(page.getByTestId('results-digest')).toHaveText(after.finalization!.resultsDigest);
  await expect(page.getByRole('button', { name: 'Mở lại kết quả' })).toBeVisible();
  await docScreenshot(page, 'results-finalized');
  // No serious accessibility problem on the locked results screen (labels, contrast, roles).
  expect(await axeProblems(page, 'main')).toEqual([]);

  // Locked everywhere: the core refuses scoring and session changes.
  await expect(
    app.api('scoring:openRescoring', {
      sessionId: a.sessionId,
      registrationId: spreadItem.registrationId,
      chairMemberId: a.chairId,
      reason: 'Thử sửa sau khi chốt',
    }),
  ).rejects.toThrow(/FORBIDDEN_STATE/);
  await expect(app.api('sessions:update', { id: a.sessionId, note: 'Sửa sau khi chốt' })).rejects.toThrow(
    /FORBIDDEN_STATE|IMMUTABLE/,
  );
  expect(after.products.every((p: ProductResult) => p.status === 'complete' || p.status === 'disqualified')).toBe(true);

  // Reopening needs the chair's reason, and the history keeps the first finalization.
  await page.getByRole('button', { name: 'Mở lại kết quả' }).click();
  const reopen = page.getByRole('dialog', { name: 'Mở lại kết quả đã chốt' });
  await expect(reopen.getByRole('button', { name: 'Mở lại' })).toBeDisabled();
  await reopen.getByLabel('Lý do mở lại').fill('Phát hiện nhập sai phiếu giấy của một thành viên');
  await reopen.getByRole('button', { name: 'Mở lại' }).click();
  await expect(page.getByTestId('results-locked')).toHaveCount(0);
  await expect(
    page.getByText(/Lần 1: chốt lúc .* — mở lại lúc .*: Phát hiện nhập sai phiếu giấy của một thành viên/),
  ).toBeVisible();

  // The results screen and the session page link to each other.
  await page.getByRole('main').getByRole('link', { name: 'Xem phiên họp' }).click();
  await expect(page).toHaveURL(new RegExp(`#/sessions/${a.sessionId}$`));
  await expect(page.getByTestId('session-status')).toHaveText('Đã kết thúc');
  await page.screenshot({ path: test.info().outputPath('session-results-link.png') });
  await page.getByRole('main').getByRole('link', { name: 'Kết quả', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/results/${a.sessionId}$`));
  await expect(page.getByTestId('results-table')).toBeVisible();
});
