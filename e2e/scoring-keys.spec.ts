import path from 'node:path';
import Database from 'better-sqlite3';
import { allCriteria } from '../shared/ocop/criteria-set-walk';
import { expect, test } from './fixtures';
import { arrangeScoringSession, ScoringSheet } from './pages/Scoring';

/**
 * Issue 16.1: keys typed at machine speed on a slow host. Every key that chooses a level must
 * end as a stored answer (checked in the SQLite file itself: the current answers and the
 * append-only events, none lost and none twice) or as a visible message.
 */
test('digits typed at machine speed against a slow host: every answer stored once, in order, none lost', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const s = await arrangeScoringSession(app);
  const criteria = allCriteria(s.set).map((p) => p.criterion);
  const first = (i: number) => (i * 3) % criteria[i]!.levels.length;
  const final = (i: number) => (i * 7 + 1) % criteria[i]!.levels.length;
  const sheet = new ScoringSheet(page);

  // A loaded host: every save answers 20–120 ms late, so keys run far ahead of the saves.
  let saves = 0;
  await page.route('**/api/scoring:setAnswer', async (route) => {
    saves++;
    await new Promise((r) => setTimeout(r, 20 + ((saves * 37) % 100)));
    await route.continue();
  });

  await page.goto(`${app.url}#/sessions/${s.sessionId}/scoring/member/${s.memberIds.m1}/product/${s.registrationId}`);
  // Digits work as soon as 1.1 shows highlighted: nothing is clicked or focused by the test.
  await expect(sheet.row(criteria[0]!.code)).toHaveAttribute('data-active', 'true');
  await page.keyboard.type(criteria.map((_, i) => String(first(i) + 1)).join(''));

  // A click on a level, then digits again at once: they act on the highlighted criterion and move on.
  const clicked = 5;
  await sheet.level(criteria[clicked]!.code, final(clicked) + 1).click();
  await page.keyboard.type(
    criteria
      .slice(clicked + 1)
      .map((_, j) => String(final(clicked + 1 + j) + 1))
      .join(''),
  );
  // Back to the top with the keyboard and the first five again, digit after digit.
  for (let i = 0; i < criteria.length; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home'); // not a sheet key: changes nothing
  await page.keyboard.type(
    criteria
      .slice(0, clicked)
      .map((_, i) => String(final(i) + 1))
      .join(''),
  );

  // A digit with no such level says so on the row and chooses nothing.
  const short = criteria.findIndex((c) => c.levels.length < 9);
  await sheet.row(criteria[short]!.code).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('9');
  await expect(page.getByTestId(`key-notice-${criteria[short]!.code}`)).toContainText(
    `chỉ có ${criteria[short]!.levels.length} mức`,
  );

  await expect(sheet.saveState()).toHaveAttribute('data-state', 'saved', { timeout: 60_000 });
  const expectedTotal = criteria.reduce((sum, c, i) => sum + c.levels[final(i)]!.points, 0);
  await expect(sheet.total()).toHaveText(`${expectedTotal}/100`);

  // The database: the final level of every criterion, and exactly one event per key that chose.
  const db = new Database(path.join(app.dataDir, 'ocop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const sheetId = (
      db
        .prepare('SELECT id FROM score_sheet WHERE session_id = ? AND registration_id = ? AND member_id = ?')
        .get(s.sessionId, s.registrationId, s.memberIds.m1) as { id: number }
    ).id;
    const stored = new Map(
      (
        db.prepare('SELECT criterion_code, level_index FROM score_answer WHERE sheet_id = ?').all(sheetId) as {
          criterion_code: string;
          level_index: number | null;
        }[]
      ).map((r) => [r.criterion_code, r.level_index]),
    );
    expect(Object.fromEntries(criteria.map((c) => [c.code, stored.get(c.code)]))).toEqual(
      Object.fromEntries(criteria.map((c, i) => [c.code, final(i)])),
    );
    // Keys that changed something: every first choice, then each later one that differs from it.
    const changes = criteria.length + criteria.filter((_, i) => final(i) !== first(i)).length;
    const events = db
      .prepare("SELECT target, level_index FROM score_answer_event WHERE sheet_id = ? AND kind = 'level' ORDER BY seq")
      .all(sheetId) as { target: string; level_index: number | null }[];
    expect(events).toHaveLength(changes);
    expect(events.filter((e) => e.target === criteria[clicked]!.code)).toHaveLength(final(clicked) === first(clicked) ? 1 : 2);
  } finally {
    db.close();
  }
});
