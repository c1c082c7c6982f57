import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { hasVietnamese } from '../shared/i18n/language-check';
import { docScreenshot } from './doc-screenshot';
import { expect, test, type ServedApp } from './fixtures';
import { finalizedDemoSession } from './pages/finalized-demo';
import { expectRowsFit } from './pages/row-fit';
import { Shell } from './pages/Shell';

/**
 * What people typed (names of producers, products, members, councils, places) stays as typed in
 * English: read from the database so the check knows it without a hand-kept list.
 */
function userData(app: ServedApp): string[] {
  const db = new Database(path.join(app.dataDir, 'ocop.sqlite'), { readonly: true, fileMustExist: true });
  const q = (sql: string) =>
    (db.prepare(sql).raw().all() as unknown[][]).flat().filter((v): v is string => typeof v === 'string');
  try {
    const values = [
      ...q('SELECT name, representative_name, representative_position, commune_name, province_name FROM producer'),
      ...q('SELECT name FROM product'),
      ...q('SELECT snapshot_product_name, snapshot_producer_name FROM registration'),
      ...q('SELECT name, place_name, issuer_parent, decision_signer, decision_signer_title FROM council'),
      ...q('SELECT full_name, office, position FROM council_member'),
      ...q('SELECT title, place, note FROM session'),
      ...q("SELECT value FROM setting WHERE key = 'operatorName'").map((v) => String(JSON.parse(v))),
    ];
    // Longest first, so "Công ty X 1" is removed before "Công ty X".
    return [...new Set(values.map((v) => v.normalize('NFC').trim()).filter((v) => v.length > 1))].sort(
      (a, b) => b.length - a.length,
    );
  } finally {
    db.close();
  }
}

/**
 * Every visible text on the page and the labels people read (placeholders, aria-labels, titles),
 * leaving out what a `lang` attribute says is another language (the language switch's "Tiếng
 * Việt", the criteria sets' legal text) and the known user data.
 */
async function vietnameseOnScreen(page: Page, known: string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const foreign = (el: Element | null) => {
      const lang = el?.closest('[lang]')?.getAttribute('lang') ?? 'en';
      return !lang.startsWith('en') || !!el?.closest('[data-user-data]');
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest('script,style,noscript') || foreign(el) || !visible(el)) continue;
      out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[placeholder],[aria-label],[title]'))) {
      if (foreign(el) || !visible(el)) continue;
      for (const a of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    for (const el of Array.from(document.querySelectorAll('input[value]:not([type=hidden])'))) {
      const v = (el as HTMLInputElement).value;
      if (v && !foreign(el) && visible(el)) out.push(v);
    }
    return out;
  });
  const leaks = new Set<string>();
  for (const raw of texts) {
    let text = raw.normalize('NFC');
    for (const k of known) if (text.includes(k)) text = text.split(k).join(' ');
    if (hasVietnamese(text)) leaks.add(raw);
  }
  return [...leaks];
}

test('English screens show no Vietnamese outside what people typed, and numbers use a decimal point', async ({ page, app }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { sessionId, detail } = await finalizedDemoSession(app);
  const setId = detail.agenda[0]!.criteriaSetVersionId!;
  const shell = new Shell(page);
  // The dossier list's fixed-height rows hold every cell in both languages: nothing spills onto the
  // next row or column, nothing is cut without its full text in a title (issue 16: "Re-evaluation
  // 4★" over the next row, the status badge cut).
  await shell.open(app.url, '/dossiers');
  await expectRowsFit(page, 'Danh sách hồ sơ đăng ký', 'registration-scroll');
  await app.api('settings:set', { language: 'en' });
  const known = userData(app);
  await page.reload();
  await shell.open(app.url, '/dossiers');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectRowsFit(page, 'Registration dossiers', 'registration-scroll');

  const routes = [
    '/dossiers',
    '/dossiers/producers',
    '/councils',
    '/sessions',
    `/sessions/${sessionId}`,
    '/results',
    `/results/${sessionId}`,
    '/documents',
    '/registry',
    '/stats',
    '/criteria',
    `/criteria/${setId}`,
    '/backup',
    '/settings',
    '/about',
  ];
  const found: Record<string, string[]> = {};
  for (const route of routes) {
    await page.goto(`${app.url}#${route}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await docScreenshot(page, `en${route.replaceAll('/', '-')}`);
    if (process.env.OCOP_EN_SHOTS)
      await page.screenshot({ path: `${process.env.OCOP_EN_SHOTS}/en${route.replaceAll('/', '-')}.png` });
    // The criteria stay the decision's Vietnamese text (ADR 0020): marked lang="vi" and said so once.
    if (route.startsWith('/criteria/')) await expect(page.getByTestId('criteria-language-note')).toBeVisible();
    const leaks = await vietnameseOnScreen(page, known);
    if (leaks.length) found[route] = leaks;
  }
  expect(found).toEqual({});

  // Numbers follow the language: the results table writes means with a decimal point in English.
  await page.goto(`${app.url}#/results/${sessionId}`);
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: /Mean/ }) });
  await expect(table).toBeVisible();
  const cells = await table.locator('tbody td').allInnerTexts();
  const decimals = cells.join(' ').match(/\b\d+[.,]\d+\b/gu) ?? [];
  expect(decimals.length, 'the demo session has fractional means').toBeGreaterThan(0);
  expect(decimals.filter((d) => d.includes(','))).toEqual([]);
  // Nothing in the table is cut off at 1366 px: its right edge stays inside the page.
  const box = (await table.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
});
