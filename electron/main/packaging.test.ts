import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_NAME } from '../core/app/paths';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

/** electron-builder's own loader and schema check (what `npm run package` runs first), without building. */
async function loadBuilderConfig(): Promise<Record<string, unknown>> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util/out/DebugLogger.js');
  const config = await getConfig(root, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  let config: Record<string, unknown>;
  // Loading electron-builder takes a few seconds on the build machines: once for the file.
  beforeAll(async () => {
    config = await loadBuilderConfig();
  }, 60_000);

  it("passes electron-builder's schema and keeps the names the data folder depends on", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      productName: string;
      main: string;
      scripts: Record<string, string>;
    };
    // Electron names the user-data folder after productName; the CLI computes the same folder.
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(pkg.main).toBe('out/main/index.js');
    // electron-builder normalises `files` to [{ filter }].
    expect(config.files).toEqual([
      { filter: expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']) },
    ]);
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources' }]);
    expect(config.npmRebuild).toBe(false);
  });

  it('builds Windows NSIS + portable and a Linux AppImage', () => {
    const { win, linux } = config as { win: { target: { target: string }[] }; linux: { target: { target: string }[] } };
    expect(win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(linux.target.map((t) => t.target)).toEqual(['AppImage']);
  });

  it('is never run by npm install (no install hooks)', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[hook], hook).toBeUndefined();
    expect(scripts.package).toMatch(/electron-builder --config electron-builder\.yml/);
  });
});
