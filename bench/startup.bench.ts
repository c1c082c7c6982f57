/**
 * The first screen and each area's first open, in Debian's Chromium through the HTTP bridge (the
 * browser host: the Electron binary cannot run here). Every iteration uses a new browser context,
 * so nothing is cached between iterations, as when the app starts.
 *
 * Which build is measured: OCOP_BENCH_RENDERER (a built renderer folder), else
 * OCOP_OUT_DIR/renderer, else out/renderer — run `npm run build` first. OCOP_BENCH_LABEL adds a
 * label to the case names, so another build (e.g. the unsplit one) can be recorded beside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { resources } from '../shared/i18n/resources';
import { invoke } from '../electron/core/api';
import type { Core } from '../electron/core/context';
import { memoryCore } from '../electron/core/test/fixtures';
import { startBridge, type Bridge } from '../electron/server/http-bridge';
import { defineCases } from './harness';

const RENDERER_DIR = path.resolve(process.env.OCOP_BENCH_RENDERER ?? path.join(process.env.OCOP_OUT_DIR ?? 'out', 'renderer'));
const LABEL = process.env.OCOP_BENCH_LABEL ? ` — ${process.env.OCOP_BENCH_LABEL}` : '';
/** The targets: main navigation usable in under a second, initial JS under 400 kB gzipped. */
const FIRST_SCREEN_MS = 1000;
const INITIAL_JS_GZIP_KB = 400;

const NAV = resources.vi.nav.mainNavigation;
/** The areas of the main navigation, read from the route list so a new area is measured too. */
const AREAS = [...fs.readFileSync(path.resolve('renderer/src/app/routes.tsx'), 'utf8').matchAll(/navKey: '(\w+)'/g)].map(
  (m) => m[1]!,
);

interface Shared {
  core: Core;
  bridge: Bridge;
  browser: Browser;
}

async function start(): Promise<Shared> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No renderer build in ${RENDERER_DIR}: run npm run build (or set OCOP_BENCH_RENDERER)`);
  }
  const core = await memoryCore();
  // A realistic database: the training dataset (dossiers, councils, a scored session).
  const demo = await invoke(core.ctx, 'demo:create', { seed: 1 });
  if (!demo.ok) throw new Error(demo.error.message);
  // A named operator, as on every start after the first (the first start asks for the name).
  const named = await invoke(core.ctx, 'settings:set', { operatorName: 'Thư ký' });
  if (!named.ok) throw new Error(named.error.message);
  const bridge = await startBridge({ ctx: core.ctx, rendererDir: RENDERER_DIR, log: () => {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { core, bridge, browser };
}

async function stop(s: Shared): Promise<void> {
  await s.browser.close();
  await s.bridge.close();
  s.core.close();
}

interface Fresh {
  context: BrowserContext;
  page: Page;
  /** Script responses of this page: URL → raw bytes. */
  scripts: Map<string, Buffer>;
}

async function freshPage(s: Shared): Promise<Fresh> {
  const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await context.newPage();
  // Signed in as a person is (the one-time address → session cookie), outside the timed part.
  await page.request.get(s.bridge.newLoginUrl());
  const scripts = new Map<string, Buffer>();
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    r.body().then(
      (b) => scripts.set(r.url(), b),
      () => {},
    );
  });
  return { context, page, scripts };
}

const navLink = (page: Page, key: string) => page.getByRole('navigation', { name: NAV }).getByTestId(`nav-${key}`);

/** The area's own content: a page heading, or the guide's tabs. Old headings are marked first. */
const AREA_READY = 'main h2:not([data-bench-old]), main [role="tabpanel"]:not([data-bench-old])';

const loadAverage = () => `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
const kB = (bytes: number) => (bytes / 1000).toFixed(0);
const sizes = (scripts: Map<string, Buffer>) => {
  let raw = 0;
  let gzip = 0;
  for (const b of scripts.values()) {
    raw += b.length;
    gzip += zlib.gzipSync(b).length;
  }
  return { files: scripts.size, raw, gzip };
};

interface FirstScreen extends Shared {
  fresh?: Fresh;
  initial?: { files: number; raw: number; gzip: number };
}

const firstScreen = (name: string, until: 'nav' | 'content') =>
  defineCases<FirstScreen>({
    name,
    setup: start,
    teardown: async (s) => {
      await s.fresh?.context.close();
      await stop(s);
    },
    before: async (s) => {
      await s.fresh?.context.close();
      s.fresh = await freshPage(s);
    },
    run: async (s) => {
      const { page } = s.fresh!;
      await page.goto(s.bridge.url);
      await navLink(page, AREAS[0]!).waitFor({ state: 'visible' });
      if (until === 'content') await page.locator(AREA_READY).first().waitFor({ state: 'visible' });
    },
    between: async (s) => {
      if (until !== 'content') return;
      // Every script the first screen needed (the page is idle once its content shows).
      await s.fresh!.page.waitForLoadState('networkidle');
      s.initial = sizes(s.fresh!.scripts);
    },
    iterations: 15,
    warmup: 2,
    ...(until === 'nav' ? { target: { medianMs: FIRST_SCREEN_MS } } : {}),
    ...(until === 'content'
      ? {
          check: {
            describe: `initial JS < ${INITIAL_JS_GZIP_KB} kB gzip`,
            met: (s: FirstScreen) => s.initial !== undefined && s.initial.gzip < INITIAL_JS_GZIP_KB * 1000,
          },
        }
      : {}),
    notes: (s) =>
      [
        s.initial && `initial JS ${s.initial.files} file(s), ${kB(s.initial.raw)} kB, ${kB(s.initial.gzip)} kB gzip`,
        'training dataset',
        loadAverage(),
      ]
        .filter(Boolean)
        .join('; '),
  })[0]!;

interface AreaOpen extends FirstScreen {
  loaded?: { files: number; raw: number; gzip: number };
}

/** Opens the app on another light area, then times the click on `key` until its screen shows. */
const areaOpen = (key: string) =>
  defineCases<AreaOpen>({
    name: `first open of the "${key}" area (click in the main navigation → its screen)${LABEL}`,
    setup: start,
    teardown: async (s) => {
      await s.fresh?.context.close();
      await stop(s);
    },
    before: async (s) => {
      await s.fresh?.context.close();
      s.fresh = await freshPage(s);
      const from = key === 'about' ? 'settings' : 'about';
      await s.fresh.page.goto(`${s.bridge.url}#/${from}`);
      await s.fresh.page.locator(AREA_READY).first().waitFor({ state: 'visible' });
      await s.fresh.page.waitForLoadState('networkidle');
      await s.fresh.page.evaluate(() => document.querySelectorAll('main *').forEach((e) => e.setAttribute('data-bench-old', '')));
      s.fresh.scripts.clear();
    },
    run: async (s) => {
      const { page } = s.fresh!;
      await navLink(page, key).click();
      await page.locator(AREA_READY).first().waitFor({ state: 'visible' });
    },
    between: async (s) => {
      await s.fresh!.page.waitForLoadState('networkidle');
      s.loaded = sizes(s.fresh!.scripts);
    },
    iterations: 5,
    warmup: 1,
    notes: (s) =>
      [s.loaded && `JS loaded on opening: ${s.loaded.files} file(s), ${kB(s.loaded.gzip)} kB gzip`, loadAverage()]
        .filter(Boolean)
        .join('; '),
  })[0]!;

export const cases = [
  firstScreen(`first screen: navigation → main navigation usable (Chromium, HTTP bridge)${LABEL}`, 'nav'),
  firstScreen(`first screen: navigation → first area's content shown, initial JS measured${LABEL}`, 'content'),
  ...AREAS.map(areaOpen),
];
