/**
 * `npm run bench [-- <filter>]`: runs every bench/*.bench.ts case (or those whose file or name
 * contains <filter>) and writes docs/benchmarks.md + docs/benchmarks.json. With a filter the
 * existing results of other cases are kept, so areas can re-run their own cases alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from '../bench/harness';

interface Result {
  file: string;
  name: string;
  iterations: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
  target: BenchCase['target'] | null;
  /** A target that is not a time (see BenchCase.check), in words. */
  check?: string | null;
  met: boolean | null;
  notes: string | null;
  heapMb: number;
  ranAt: string;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function runCase(file: string, c: BenchCase): Promise<Result> {
  const state = c.setup ? await c.setup() : undefined;
  try {
    for (let i = 0; i < (c.warmup ?? 0); i++) {
      if (c.before) await c.before(state);
      await c.run(state);
    }
    const times: number[] = [];
    const n = c.iterations ?? 20;
    for (let i = 0; i < n; i++) {
      if (c.before) await c.before(state);
      const t0 = performance.now();
      await c.run(state);
      times.push(performance.now() - t0);
      if (c.between) await c.between(state);
    }
    // A load case (many clients at once) times each request itself: its samples are what counts.
    const samples = c.samples?.(state);
    if (samples && samples.length > 0) times.splice(0, times.length, ...samples);
    times.sort((a, b) => a - b);
    const medianMs = quantile(times, 0.5);
    const p99Ms = quantile(times, 0.99);
    const t = c.target;
    const timeMet = t ? (t.medianMs === undefined || medianMs < t.medianMs) && (t.p99Ms === undefined || p99Ms < t.p99Ms) : null;
    const checkMet = c.check ? c.check.met(state) : null;
    const met = timeMet === null ? checkMet : checkMet === null ? timeMet : timeMet && checkMet;
    return {
      file,
      name: c.name,
      iterations: samples && samples.length > 0 ? samples.length : n,
      medianMs,
      p95Ms: quantile(times, 0.95),
      p99Ms,
      minMs: times[0] ?? NaN,
      maxMs: times.at(-1) ?? NaN,
      target: t ?? null,
      check: c.check?.describe ?? null,
      met,
      notes: c.notes ? c.notes(state) : null,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
      ranAt: new Date().toISOString(),
    };
  } finally {
    await c.teardown?.(state);
  }
}

const targetText = (r: Result): string =>
  [
    r.target?.medianMs !== undefined ? `median < ${r.target.medianMs}` : '',
    r.target?.p99Ms !== undefined ? `p99 < ${r.target.p99Ms}` : '',
    r.check ?? '',
  ]
    .filter(Boolean)
    .join(', ') || '—';

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
    sqlite: null as string | null,
  };
}

async function main() {
  const filter = process.argv[2];
  const dir = path.resolve('bench');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const jsonFile = path.resolve('docs/benchmarks.json');
  const previous: Result[] = fs.existsSync(jsonFile) ? (JSON.parse(fs.readFileSync(jsonFile, 'utf8')).results as Result[]) : [];
  const results: Result[] = [];
  let failed = 0;
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { cases?: BenchCase[] };
    for (const c of mod.cases ?? []) {
      if (filter && !f.includes(filter) && !c.name.includes(filter)) continue;
      process.stdout.write(`${f} › ${c.name} … `);
      try {
        const r = await runCase(f, c);
        results.push(r);
        console.log(
          `median ${fmt(r.medianMs)} ms, p99 ${fmt(r.p99Ms)} ms${r.met === false ? '  ✗ TARGET MISSED' : r.met ? '  ✓' : ''}`,
        );
        if (r.met === false) failed++;
      } catch (e) {
        failed++;
        console.log(`FAILED: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
  }
  // Keep results of cases not run this time (filtered runs).
  const merged = [...previous.filter((p) => !results.some((r) => r.file === p.file && r.name === p.name)), ...results].sort(
    (a, b) => a.file.localeCompare(b.file),
  );
  const m = machine();
  const Database = (await import('better-sqlite3')).default;
  m.sqlite = (new Database(':memory:').prepare('select sqlite_version() v').get() as { v: string }).v;
  fs.writeFileSync(jsonFile, JSON.stringify({ machine: m, results: merged }, null, 2) + '\n');
  const rows = merged.map(
    (r) =>
      `| ${r.file.replace('.bench.ts', '')} | ${r.name} | ${r.iterations} | ${fmt(r.medianMs)} | ${fmt(r.p99Ms)} | ${targetText(r)} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} | ${r.notes ?? ''} |`,
  );
  const md = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts from the cases in `bench/`). Times are milliseconds per iteration.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GiB; ${m.platform}; Node ${m.node}; SQLite ${m.sqlite}.`,
    '',
    '| area | case | iterations | median ms | p99 ms | target | met | notes |',
    '|---|---|---:|---:|---:|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  fs.writeFileSync(path.resolve('docs/benchmarks.md'), md);
  console.log(`\nWrote docs/benchmarks.md and docs/benchmarks.json (${results.length} case(s) run).`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
