import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProductSheets, SessionSpread, SheetView } from '../shared/api/channels/scoring';
import type { ScoreSheetsDocument } from '../shared/api/channels/scoring-exchange';
import type { SessionDetail } from '../shared/api/channels/sessions';
import { allCriteria } from '../shared/ocop/criteria-set-walk';
import { docScreenshot } from './doc-screenshot';
import { expect, loginPage, startServe, test, type ServedApp } from './fixtures';
import { samplePdf } from './pages/Dossiers';
import { arrangeScoringSession } from './pages/Scoring';

/** Same-seed training datasets hold the same session, members and sheets on both computers. */
async function demoSession(app: Pick<ServedApp, 'api'>): Promise<SessionDetail> {
  const demo = await app.api<{ meetingSessionId: number }>('demo:create', { seed: 1 });
  return app.api<SessionDetail>('sessions:get', { id: demo.meetingSessionId });
}

const REASON = 'Chênh lệch điểm giữa các thành viên vượt 10 điểm';
const REVISION = 'Sau thảo luận, bao bì đạt mức khá';

test('export the demo sheets from the UI, then on a second computer refuse a damaged file, preview the good one and import it', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });

  // Computer A: the chair opens a re-scoring round for the spread product; one member revises.
  const a = await demoSession(app);
  const sessionId = a.session.id;
  const product = a.agenda[0]!;
  const chairId = a.session.chairMemberId ?? a.members.find((m) => m.role === 'chair')!.memberId;
  await app.api('scoring:openRescoring', {
    sessionId,
    registrationId: product.registrationId,
    chairMemberId: chairId,
    reason: REASON,
  });
  const sheets = await app.api<ProductSheets>('scoring:productSheets', { sessionId, registrationId: product.registrationId });
  const first = sheets.sheets.find((s) => s.source === 'member' && s.status === 'submitted')!;
  const before = await app.api<SheetView>('scoring:get', { sheetId: first.id });
  const revised = await app.api<SheetView>('scoring:open', {
    sessionId,
    registrationId: product.registrationId,
    memberId: first.memberId,
  });
  for (const d of before.declarations)
    await app.api('scoring:setDeclaration', { sheetId: revised.sheet.id, ruleId: d.ruleId, holds: d.holds, reason: d.reason });
  for (const x of before.answers)
    if (x.levelIndex !== null)
      await app.api('scoring:setAnswer', { sheetId: revised.sheet.id, criterionCode: x.criterionCode, levelIndex: x.levelIndex });
  await app.api('scoring:submit', { sheetId: revised.sheet.id, revisionReason: REVISION });

  // The secretary downloads the session's sheets from the Trao đổi phiếu tab.
  await page.goto(`${app.url}#/sessions/${sessionId}/scoring`);
  await page.getByRole('tab', { name: 'Trao đổi phiếu' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp phiếu chấm điểm' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^phieu-cham-diem-phien-1-\d{4}-\d{2}-\d{2}\.json$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-exchange-'));
  const good = path.join(dir, download.suggestedFilename());
  await download.saveAs(good);
  const doc = JSON.parse(fs.readFileSync(good, 'utf8')) as ScoreSheetsDocument;
  expect(doc.formatVersion).toBe(2);
  expect(doc.rounds).toEqual([expect.objectContaining({ roundNo: 1, reason: REASON })]);
  await expect(page.getByText(`Đã tải về ${doc.sheets.length} phiếu và 1 lần chấm lại`)).toBeVisible();

  // A damaged copy: the first sheet's total does not add up.
  const damaged = path.join(dir, 'hong.json');
  const bad = structuredClone(doc);
  bad.sheets[0]!.totalPoints = bad.sheets[0]!.totalPoints === 0 ? 1 : 0;
  fs.writeFileSync(damaged, JSON.stringify(bad));

  // Computer B: a second data folder with the same training session, before the re-scoring.
  const bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-b-'));
  const b = await startServe(bDir);
  try {
    const api: ServedApp['api'] = async (channel, input = {}) => {
      const res = await fetch(`${b.url}api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ocop-token': b.token },
        body: JSON.stringify(input),
      });
      const env = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!env.ok) throw new Error(`${channel} failed: ${env.error?.message}`);
      return env.value as never;
    };
    await api('settings:set', { operatorName: 'Thư ký máy B' });
    const bSession = await demoSession({ api });
    expect(bSession.session.id).toBe(sessionId);
    await loginPage(page, b.loginUrl);
    await page.goto(`${b.url}#/sessions/${sessionId}/scoring?tab=exchange`);
    const fileInput = page.getByTestId('exchange-file');
    await expect(fileInput).toBeVisible();

    // The damaged file: the problem is shown with its place and what to fix; nothing can be applied.
    await page.locator('input[type="file"]').setInputFiles(damaged);
    const errors = page.getByTestId('exchange-errors');
    await expect(errors).toContainText('Phiếu số 1');
    await expect(errors).toContainText('totalPoints');
    await expect(errors).toContainText('Các mức chấm cộng lại được');
    await expect(page.getByText(/^Tệp có \d+ lỗi nên chưa thể nhập/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nhập tất cả' })).toBeDisabled();
    await errors.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await docScreenshot(page, 'scoring-exchange-errors');

    // The good file: the preview lists the new round, the revised sheet and the one it replaces.
    await page.locator('input[type="file"]').setInputFiles(good);
    const preview = page.getByTestId('exchange-preview');
    await expect(preview.getByTestId('exchange-errors')).toHaveCount(0);
    await expect(preview.getByTestId('exchange-summary')).toContainText('Phiếu mới sẽ ghi: 1');
    await expect(preview.getByTestId('exchange-summary')).toContainText(
      `Phiếu đã có, giống hệt (bỏ qua): ${doc.sheets.length - 1}`,
    );
    await expect(preview.getByTestId('exchange-summary')).toContainText('Lần chấm lại mới: 1');
    await expect(preview.getByTestId('exchange-rounds')).toContainText(REASON);
    await expect(preview.getByTestId('exchange-sheets')).toContainText(REVISION);
    await expect(preview.getByText('Tệp hợp lệ. Bấm "Nhập tất cả" để ghi.')).toBeVisible();
    // The 63 identical sheets are folded away until asked for.
    await expect(preview.getByTestId('exchange-sheets').locator('tbody tr')).toHaveCount(1);
    await preview.getByRole('button', { name: `Hiện cả ${doc.sheets.length - 1} phiếu đã có trên máy này` }).click();
    await expect(preview.getByTestId('exchange-sheets').locator('tbody tr')).toHaveCount(doc.sheets.length);
    await preview.getByRole('button', { name: `Ẩn ${doc.sheets.length - 1} phiếu đã có trên máy này` }).click();
    await preview.getByRole('heading', { level: 3 }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -72));
    await docScreenshot(page, 'scoring-exchange');

    await page.getByRole('button', { name: 'Nhập tất cả' }).click();
    await expect(page.getByText('Đã nhập 1 phiếu và 1 lần chấm lại.').first()).toBeVisible();
    await expect(preview).toHaveCount(0);
    const spread = await api<SessionSpread>('scoring:spread', { sessionId });
    const p = spread.products.find((x) => x.registrationId === product.registrationId)!;
    expect(p.currentRound).toBe(1);
    expect(p.rounds.map((r) => r.reason)).toEqual([REASON]);
    expect(p.totals.find((t) => t.memberId === first.memberId)?.rescoringRound).toBe(1);
  } finally {
    b.child.kill('SIGTERM');
    await new Promise((r) => b.child.once('exit', r));
    fs.rmSync(bDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an evidence file beside the scoring sheet opens in the shared evidence viewer', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const s = await arrangeScoringSession(app);
  const code = allCriteria(s.set)[0]!.criterion.code;
  await app.api('attachments:add', {
    registrationId: s.registrationId,
    criterionCode: code,
    fileName: 'giay-chung-nhan-attp.pdf',
    contentBase64: samplePdf('Giay chung nhan ATTP').toString('base64'),
    note: '',
  });

  await page.goto(`${app.url}#/sessions/${s.sessionId}/scoring/member/${s.memberIds.m1}/product/${s.registrationId}`);
  await expect(page.getByTestId('context-criterion')).toContainText(code);
  await page.getByRole('button', { name: 'giay-chung-nhan-attp.pdf' }).first().click();
  const viewer = page.getByRole('dialog', { name: 'giay-chung-nhan-attp.pdf' });
  await expect(viewer.getByTestId('pdf-page')).toHaveText('Trang 1/1');
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
});
