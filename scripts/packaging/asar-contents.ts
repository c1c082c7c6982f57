/**
 * What electron-builder would put into app.asar, computed without packaging (packaging needs
 * the Electron binary, which cannot be downloaded on the build machines): the production
 * dependency tree as npm resolves it (`npm ls --omit=dev --all`, the same list electron-builder's
 * collector asks npm for), each package's own files (its nested node_modules counted as packages
 * of their own), and the built app (out/main, out/preload, out/renderer).
 * Sizes are before electron-builder's own filters (it drops readmes, tests, .d.ts and the like),
 * so they are an upper bound. `npm run -s package:contents` prints the report.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PackageSize {
  name: string;
  dir: string;
  bytes: number;
}

/** Name of the package in `dir` (…/node_modules/@scope/name or …/node_modules/name). */
const packageName = (dir: string): string => {
  const parts = dir.split(path.sep);
  const i = parts.lastIndexOf('node_modules');
  const first = parts[i + 1] ?? '';
  return first.startsWith('@') ? `${first}/${parts[i + 2]}` : first;
};

/**
 * Bytes of the files under `dir`, not counting nested node_modules folders; files matching one
 * of `exclude` (globs relative to `base`, as electron-builder's `!…` file patterns) are left out.
 */
export function ownBytes(dir: string, exclude: readonly string[] = [], base = dir): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      // Nested packages are listed (and counted) on their own.
      if (e.name === 'node_modules' && e.isDirectory()) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const rel = path.relative(base, p).split(path.sep).join('/');
        if (!exclude.some((g) => path.matchesGlob(rel, g))) total += fs.statSync(p).size;
      }
    }
  };
  walk(dir);
  return total;
}

/** The node_modules exclusions of electron-builder.yml's `files` (`!**\/node_modules/…` lines). */
export function builderExclusions(root: string): string[] {
  const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  return [...yml.matchAll(/^\s*-\s*'!(\*\*\/node_modules\/[^']+)'/gm)].map((m) => m[1]!);
}

/** The production packages of the project at `root`, each with its own size, largest first. */
export function productionPackages(root: string, exclude: readonly string[] = []): PackageSize[] {
  // npm ls exits 1 on "extraneous" or unmet optional peers while still printing the whole tree.
  const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (r.error) throw r.error;
  const out = r.stdout;
  if (!out.trim()) throw new Error(`npm ls printed no tree in ${root} (exit code ${r.status})`);
  const dirs = [...new Set(out.split('\n').filter((l) => l.trim() !== ''))].filter((d) => path.resolve(d) !== path.resolve(root));
  return dirs
    .filter((d) => fs.existsSync(d))
    .map((dir) => ({ name: packageName(dir), dir, bytes: ownBytes(dir, exclude, root) }))
    .sort((a, b) => b.bytes - a.bytes);
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function main() {
  const root = path.resolve(process.argv[2] ?? '.');
  const all = productionPackages(root);
  const total = all.reduce((s, p) => s + p.bytes, 0);
  const exclude = builderExclusions(root);
  const kept = productionPackages(root, exclude).filter((p) => p.bytes > 0);
  const keptTotal = kept.reduce((s, p) => s + p.bytes, 0);
  console.log(`${all.length} production packages, ${mib(total)}`);
  console.log(`after electron-builder.yml's exclusions (${exclude.length} patterns): ${kept.length} packages, ${mib(keptTotal)}`);
  for (const p of kept.slice(0, 15)) console.log(`  ${mib(p.bytes).padStart(10)}  ${p.name}`);
  const outDir = path.join(root, process.env.OCOP_OUT_DIR ?? 'out');
  for (const part of ['main', 'preload', 'renderer']) {
    const d = path.join(outDir, part);
    if (fs.existsSync(d)) console.log(`out/${part}: ${mib(ownBytes(d))}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
