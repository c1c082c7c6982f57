/**
 * Screenshots for the user guide (docs/guide/meeting-room.md): the warning a member's browser
 * shows on the first visit to the meeting-room address, on a phone and on a laptop, in real
 * Chromium against an HTTPS listener with this installation's kind of certificate. Only on
 * request: `npx tsx scripts/room-cert-warning-screenshots.ts` (loopback 127.0.0.2 only).
 * Headless Chromium draws its own pages in English whatever the locale; a Vietnamese browser
 * shows the same page in Vietnamese.
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { lanCertificate } from '../electron/server/lan/certificate';

const OUT = path.join('docs', 'screenshots');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-cert-shots-'));
const cert = await lanCertificate(dataDir, ['127.0.0.2']);
const server = https.createServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) => res.end('ok'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
const { port } = server.address() as { port: number };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const devices = [
    ['phone', { width: 390, height: 844 }, true],
    ['laptop', { width: 1366, height: 768 }, false],
  ] as const;
  for (const [name, viewport, mobile] of devices) {
    const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
    const page = await context.newPage();
    // The navigation fails with ERR_CERT_AUTHORITY_INVALID: the warning page is what is left on screen.
    await page.goto(`https://127.0.0.2:${port}/`).catch(() => undefined);
    await page.locator('#details-button').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(OUT, `room-${name}-cert-warning.png`) });
    await page.locator('#details-button').click();
    await page.locator('#proceed-link').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(OUT, `room-${name}-cert-advanced.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
