import fs from 'node:fs';
import path from 'node:path';
import type { Page, PageScreenshotOptions } from '@playwright/test';

const dir = path.join('docs', 'screenshots');

/**
 * A picture of the screen for docs/screenshots/, written only on request: `npm run screenshots`
 * sets OCOP_SCREENSHOTS=1. `npm test` never writes a tracked file (scripts/clean-checkout.mjs checks it).
 */
export async function docScreenshot(page: Page, name: string, options: Omit<PageScreenshotOptions, 'path'> = {}): Promise<void> {
  if (process.env.OCOP_SCREENSHOTS !== '1') return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ ...options, path: path.join(dir, `${name}.png`) });
}
