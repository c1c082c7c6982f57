import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderExclusions, productionPackages } from '../../scripts/packaging/asar-contents';
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
    // The PDF batch worker and the SQLite binary are loaded from disk, outside the archive.
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/better-sqlite3/**', 'out/main/documents-batch-worker.cjs']),
    );
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources' }]);
    expect(config.npmRebuild).toBe(false);
  });

  it('builds Windows NSIS + portable, and a Linux AppImage with a .deb beside it', () => {
    const { win, linux } = config as { win: { target: { target: string }[] }; linux: { target: { target: string }[] } };
    expect(win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect((config.linux as { executableName: string }).executableName).toBe('ocop-council');
  });

  it("flips the fuses in an afterPack hook electron-builder's own loader can load, and not a second time", async () => {
    expect(config.afterPack).toBe('./scripts/packaging/after-pack.mjs');
    expect(config.electronFuses ?? null).toBeNull();
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js');
    const hook = await resolveFunction(undefined, config.afterPack, 'afterPack', root);
    expect(typeof hook).toBe('function');
  });

  it('uses the committed icons and the Vietnamese installer strings', () => {
    const c = config as { win: { icon: string }; linux: { icon: string }; nsis: Record<string, unknown> };
    expect(c.win.icon).toBe('build/icon.ico');
    expect(c.nsis).toMatchObject({
      include: 'build/installer.nsh',
      installerIcon: 'build/icon.ico',
      installerLanguages: ['vi_VN', 'en_US'],
    });
    expect(c.linux.icon).toBe('build/icons');
    for (const f of [c.win.icon, c.nsis.include as string, path.join(c.linux.icon, '256x256.png')])
      expect(fs.existsSync(path.join(root, f)), f).toBe(true);
  });

  it('signs only with what the environment gives (no certificate or password in the file)', () => {
    const text = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const win = config.win as Record<string, unknown>;
    expect(win.forceCodeSigning).toBe(false);
    expect(win.signtoolOptions).toEqual({ signingHashAlgorithms: ['sha256'] });
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'certificateSha1']) {
      expect(text, key).not.toMatch(new RegExp(`^\\s*${key}:`, 'm'));
    }
    expect(text).toMatch(/WIN_CSC_LINK/);
  });

  it('is never run by npm install (no install hooks)', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[hook], hook).toBeUndefined();
    expect(scripts.package).toMatch(/electron-builder --config electron-builder\.yml/);
  });
});

/** Bare specifiers (`pkg` or `pkg/deep/path`) imported at run time by the files under `dir`, tests excluded. */
function importedSpecifiers(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'test') walk(p);
      } else if (/\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name)) {
        const src = fs.readFileSync(p, 'utf8');
        // import x from 'p', import { a,\n b } from 'p', import 'p', export … from 'p' (not `import type`).
        for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[\w*\s{},$]+?\sfrom\s+)?['"]([^'"]+)['"]/gm))
          add(m[1]!);
        // import('p'), require('p'), createRequire(…)('p'); not a type position `import('p').Type`.
        for (const m of src.matchAll(/(?:\bimport|\brequire|\bcreateRequire\([^)]*\))\(\s*['"]([^'"]+)['"]\s*\)(?!\.[A-Z])/g))
          add(m[1]!);
      }
    }
  };
  const add = (spec: string) => {
    if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!)) return;
    found.add(spec);
  };
  walk(dir);
  return found;
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const importedPackages = (dir: string) => new Set([...importedSpecifiers(dir)].map(packageOf));

describe('what goes into app.asar', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  // The main process runs electron/ (main, preload, core) and shared/; the renderer is bundled.
  const runtime = new Set([...importedPackages(path.join(root, 'electron')), ...importedPackages(path.join(root, 'shared'))]);
  runtime.delete('electron');

  it('every package the main process imports is a dependency (else the installed app cannot start)', () => {
    const missing = [...runtime].filter((p) => !(p in pkg.dependencies)).sort();
    expect(missing, 'move these from devDependencies to dependencies').toEqual([]);
  });

  it('every dependency is imported by the main process: renderer-only libraries are devDependencies', () => {
    const unused = Object.keys(pkg.dependencies)
      .filter((p) => !runtime.has(p))
      .sort();
    expect(unused, 'move these to devDependencies: the renderer build bundles them').toEqual([]);
  });

  it("no file the main process imports from a package is cut by electron-builder.yml's exclusions", () => {
    const exclusions = builderExclusions(root);
    expect(exclusions.length).toBeGreaterThan(3);
    const deep = [...importedSpecifiers(path.join(root, 'electron')), ...importedSpecifiers(path.join(root, 'shared'))];
    for (const spec of deep.filter((s) => s !== packageOf(s))) {
      const file = path
        .relative(root, require.resolve(spec, { paths: [root] }))
        .split(path.sep)
        .join('/');
      for (const g of exclusions) expect(path.matchesGlob(file, g), `${spec} → ${file} excluded by ${g}`).toBe(false);
    }
    // and the exclusions do cut what they are meant to
    expect(
      path.matchesGlob(
        'node_modules/pdfjs-dist/build/pdf.mjs',
        exclusions.find((g) => g.includes('pdfjs-dist/{build'))!,
      ),
    ).toBe(true);
  });

  it('the production tree npm resolves (what electron-builder packs) holds no renderer library', () => {
    const names = new Set(productionPackages(root).map((p) => p.name));
    // echarts is not here: the core draws the statistics report's charts with it (SVG, issue 17).
    for (const lib of ['react', 'react-dom', '@mantine/core', '@tabler/icons-react', 'react-markdown'])
      expect(names.has(lib), lib).toBe(false);
    for (const lib of ['better-sqlite3', 'kysely', 'pdfmake', 'zod']) expect(names.has(lib), lib).toBe(true);
  }, 60_000);
});
