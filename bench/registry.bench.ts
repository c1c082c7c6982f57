import { invoke } from '../electron/core/api';
import { openCore, type Core } from '../electron/core/context';
import { buildWorkbook } from '../electron/core/registry/import/template';
import { generateHistory, historySheetRows, HISTORY_SECTOR_CHOICES } from '../electron/core/registry/test/history';
import { cellQuery, countQueries } from '../electron/core/stats/measures';
import { resolvePeriod, tableSpecs } from '../electron/core/stats/report-service';
import { fixedClock, tempDir } from '../electron/core/test/fixtures';
import os from 'node:os';
import { sql } from 'kysely';
import { defineCases } from './harness';

/**
 * Issue 17: the registry and the province's statistics at the size of a province after ten years
 * (10 years × 2,000 recognitions = 20,000 rows of history, imported through the XLSX template).
 * - import of 20,000 history rows: < 20 s (parse, check every row, classify sectors, link chains, write);
 * - statistics for the 10 years, every table of the report screen: < 200 ms;
 * - drill-down from the largest number (all recognised products) to its first page: < 200 ms.
 * Beside each, the same SQL run raw through better-sqlite3 (no Kysely, no contract validation).
 */

const ROWS = 20_000;
const NOW = '2029-01-10T08:00:00.000Z';
const PERIOD = { yearFrom: 2019, yearTo: 2028 };

function history() {
  const rows = generateHistory({ lineages: 12_000, firstYear: 2019, lastYear: 2028, seed: 2029 });
  if (rows.length < ROWS) throw new Error(`the generator gave ${rows.length} rows; raise the lineages`);
  // Cut at a lineage boundary-free point: a lineage's rows are contiguous, so the kept rows stay consistent.
  return rows.slice(0, ROWS);
}

const coreAt = (dataDir = tempDir()) => openCore({ dataDir, host: 'cli', now: fixedClock(NOW) });

interface ImportState {
  file: string;
  core: Core | null;
  cpuMs: number[];
}

/** CPU time of a run: on the shared 2-core machine wall time mostly measures the neighbours. */
async function cpuTimed<T>(into: number[], f: () => Promise<T>): Promise<T> {
  const c0 = process.cpuUsage();
  try {
    return await f();
  } finally {
    const c = process.cpuUsage(c0);
    into.push((c.user + c.system) / 1000);
  }
}

interface StatsState {
  core: Core;
  cpuMs: number[];
  raw: { ms: number; cpuMs: number };
  queries: number;
  recognised: number;
}

const loadAverage = () => `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores at the end`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The report's count statements, compiled once and run raw (median of `n` runs of all of them). */
async function rawReportMs(core: Core, n: number): Promise<{ ms: number; cpuMs: number; statements: number }> {
  const p = resolvePeriod(core.ctx, { ...PERIOD, lang: 'vi' });
  const compiled = (await tableSpecs(core.ctx.db, p)).flatMap((t) =>
    countQueries(t).flatMap((q) => (q.query ? [q.query.compile(core.ctx.db)] : [])),
  );
  const statements = compiled.map((c) => ({ st: core.ctx.sqlite.prepare(c.sql), params: c.parameters as unknown[] }));
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await cpuTimed(cpu, async () => {
      for (const s of statements) s.st.all(...s.params);
    });
    times.push(performance.now() - t0);
  }
  return { ms: median(times), cpuMs: median(cpu), statements: statements.length };
}

async function rawDrillMs(core: Core, n: number): Promise<{ ms: number; cpuMs: number }> {
  const p = resolvePeriod(core.ctx, { ...PERIOD, lang: 'vi' });
  const spec = (await tableSpecs(core.ctx.db, p)).find((t) => t.id === 'overview')!;
  const q = cellQuery(spec, 'ranked', 'value')!;
  const count = sql`SELECT COUNT(*) AS n FROM registry_entry e WHERE ${q.where}`.compile(core.ctx.db);
  const page =
    sql`SELECT e.* FROM registry_entry e WHERE ${q.where} ORDER BY e.commune_key, e.search_folded, e.id LIMIT 100`.compile(
      core.ctx.db,
    );
  const a = core.ctx.sqlite.prepare(count.sql);
  const b = core.ctx.sqlite.prepare(page.sql);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await cpuTimed(cpu, async () => {
      a.all(...(count.parameters as unknown[]));
      b.all(...(page.parameters as unknown[]));
    });
    times.push(performance.now() - t0);
  }
  return { ms: median(times), cpuMs: median(cpu) };
}

async function importedCore(): Promise<Core> {
  const core = await coreAt();
  const file = (await buildWorkbook(historySheetRows(history()))).toString('base64');
  const r = await invoke(core.ctx, 'registry:import', { contentBase64: file, sectorChoices: HISTORY_SECTOR_CHOICES });
  if (!r.ok) throw new Error(r.error.message);
  return core;
}

export const cases = [
  ...defineCases<ImportState>({
    name: 'registry:import — 20,000 rows of earlier lists (10 years × 2,000) through the XLSX template',
    setup: async () => ({ file: (await buildWorkbook(historySheetRows(history()))).toString('base64'), core: null, cpuMs: [] }),
    before: async (s) => {
      s.core?.close();
      s.core = await coreAt();
    },
    run: async (s) => {
      const r = await cpuTimed(s.cpuMs, () =>
        invoke(s.core!.ctx, 'registry:import', { contentBase64: s.file, sectorChoices: HISTORY_SECTOR_CHOICES }),
      );
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.created !== ROWS) throw new Error(`expected ${ROWS} rows created, got ${r.value.created}`);
    },
    teardown: (s) => s.core?.close(),
    iterations: 3,
    warmup: 0,
    target: { medianMs: 20_000 },
    notes: (s) =>
      `CPU median ${(median(s.cpuMs) / 1000).toFixed(1)} s; ${ROWS.toLocaleString('en')} rows, workbook ${(Buffer.from(s.file, 'base64').byteLength / 1024 / 1024).toFixed(1)} MB; each iteration on a fresh file database; ${loadAverage()}`,
  }),
  ...defineCases<StatsState>({
    name: 'stats:report — every table of the report screen for 10 years × 2,000 recognitions',
    setup: async () => {
      const core = await importedCore();
      const raw = await rawReportMs(core, 15);
      const ranked = core.ctx.sqlite
        .prepare(`SELECT COUNT(*) n FROM registry_entry WHERE star >= 3 AND state IN ('recognised','superseded','revoked')`)
        .get() as { n: number };
      return { core, cpuMs: [], raw, queries: raw.statements, recognised: ranked.n };
    },
    run: async (s) => {
      const r = await cpuTimed(s.cpuMs, () => invoke(s.core.ctx, 'stats:report', PERIOD));
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.tables.length !== 13) throw new Error('expected 13 tables');
    },
    teardown: (s) => s.core.close(),
    iterations: 15,
    warmup: 2,
    target: { medianMs: 200 },
    notes: (s) =>
      `CPU median ${median(s.cpuMs).toFixed(1)} ms; raw SQL (the same ${s.queries} statements through better-sqlite3): median ${s.raw.ms.toFixed(1)} ms, CPU ${s.raw.cpuMs.toFixed(1)} ms; ${ROWS.toLocaleString('en')} entries, ${s.recognised.toLocaleString('en')} recognised; ${loadAverage()}`,
  }),
  ...defineCases<StatsState>({
    name: 'stats:drill — from the largest number (every recognised product of 10 years) to its first 100 entries',
    setup: async () => {
      const core = await importedCore();
      return { core, cpuMs: [], raw: await rawDrillMs(core, 15), queries: 2, recognised: 0 };
    },
    run: async (s) => {
      const r = await cpuTimed(s.cpuMs, () =>
        invoke(s.core.ctx, 'stats:drill', { period: PERIOD, table: 'overview', row: 'ranked', column: 'value' }),
      );
      if (!r.ok) throw new Error(r.error.message);
      s.recognised = r.value.total;
    },
    teardown: (s) => s.core.close(),
    iterations: 15,
    warmup: 2,
    target: { medianMs: 200 },
    notes: (s) =>
      `CPU median ${median(s.cpuMs).toFixed(1)} ms; raw SQL (count + first page): median ${s.raw.ms.toFixed(1)} ms, CPU ${s.raw.cpuMs.toFixed(1)} ms; ${s.recognised.toLocaleString('en')} entries behind the number; ${loadAverage()}`,
  }),
];
