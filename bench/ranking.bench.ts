/**
 * Issue 7: the pure ranking rules alone (shared/ocop), without the database: 300 products ×
 * 9 members on a real 26/2026 set (set 13, 34 criteria, ≈ 92 000 answers), ranked with star
 * minima, spread and quorum, then the sensitivity search (every member × criterion × one level
 * up/down). Target for ranking + sensitivity of the whole session: under 100 ms.
 * The end-to-end number through SQLite is in results.bench.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CriteriaSet } from '../shared/ocop/criteria-set';
import { DEFAULT_COUNCIL_RULES, type CouncilRules } from '../shared/ocop/council-rules';
import type { PanelMember } from '../shared/ocop/quorum';
import { rankProduct, type RankProductInput } from '../shared/ocop/ranking';
import { rankWithSensitivity } from '../shared/ocop/sensitivity';
import { flattenSet } from '../shared/ocop/set-input';
import { defineCases } from './harness';
import { seededRng } from '../electron/core/demo/random';

const PRODUCTS = 300;
const MEMBERS = 9;

interface State {
  inputs: RankProductInput[];
  answers: number;
  criteria: number;
  complete: number;
  sensitive: number;
  changes: number;
  /** CPU time of the runs (user + system), to read beside wall times on a shared machine. */
  cpuMs: number[];
}

function setup(minima: CouncilRules['minima']): State {
  const file = path.join(import.meta.dirname, '..', 'resources', 'criteria', 'sets', 'qd26-2026-13.json');
  const set = CriteriaSet.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const criteria = flattenSet(set);
  const rand = seededRng(2026).next; // mulberry32: every run builds the same data
  const rules: CouncilRules = { ...DEFAULT_COUNCIL_RULES, minima };
  const panel: PanelMember[] = Array.from({ length: MEMBERS }, (_, i) => ({
    id: i + 1,
    role: i === 0 ? 'chair' : 'member',
    present: true,
  }));
  const inputs: RankProductInput[] = [];
  for (let p = 0; p < PRODUCTS; p++) {
    // A product quality spread over all bands; members judge around it, so means fall near band
    // edges about as often as in real sessions.
    const quality = 0.15 + 0.85 * rand();
    const sheets = panel.map((m) => ({
      memberId: m.id,
      choices: Object.fromEntries(
        criteria.map((c) => {
          const f = Math.min(1, Math.max(0, quality + (rand() - 0.5) * 0.3));
          return [c.code, Math.round(f * (c.levels.length - 1))];
        }),
      ),
    }));
    inputs.push({ set, rules, legalBasis: '26/2026/QĐ-TTg', panel, sheets });
  }
  return {
    inputs,
    answers: PRODUCTS * MEMBERS * criteria.length,
    criteria: criteria.length,
    complete: 0,
    sensitive: 0,
    changes: 0,
    cpuMs: [],
  };
}

/** Runs `f` and records its CPU time: on a loaded 2-core machine wall time is mostly waiting. */
function timedCpu(s: State, f: () => void): void {
  const u0 = process.cpuUsage();
  f();
  const u = process.cpuUsage(u0);
  s.cpuMs.push((u.user + u.system) / 1000);
}

const cpuMedian = (s: State) => {
  const sorted = [...s.cpuMs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]?.toFixed(1) ?? '?';
};

const notes = (s: State) =>
  `CPU median ${cpuMedian(s)} ms; ${PRODUCTS} products × ${MEMBERS} members × ${s.criteria} criteria = ${s.answers.toLocaleString('en')} answers; ` +
  `${s.complete} complete (others: spread above 10), ${s.sensitive} with a star-changing single change, ${s.changes.toLocaleString('en')} such changes`;

function rankAndAnalyse(s: State): void {
  timedCpu(s, () => {
    let complete = 0;
    let sensitive = 0;
    let changes = 0;
    for (const input of s.inputs) {
      const r = rankWithSensitivity(input, { marginPoints: 1 });
      if (r.ranking.status === 'complete') complete++;
      if (r.sensitivity.changes.length > 0) sensitive++;
      changes += r.sensitivity.changes.length;
    }
    Object.assign(s, { complete, sensitive, changes });
  });
}

export const cases = defineCases<State>(
  {
    name: 'rules:rank — 300 products × 9 members, minima (mean rule), spread, quorum',
    setup: () => setup('mean'),
    iterations: 50,
    warmup: 5,
    run: (s) =>
      timedCpu(s, () => {
        let complete = 0;
        for (const input of s.inputs) if (rankProduct(input).status === 'complete') complete++;
        s.complete = complete;
      }),
    notes,
  },
  {
    name: 'rules:rank+sensitivity — 300 products × 9 members, minima (mean rule)',
    setup: () => setup('mean'),
    iterations: 50,
    warmup: 5,
    target: { medianMs: 100 },
    run: rankAndAnalyse,
    notes,
  },
  {
    name: "rules:rank+sensitivity — same session, minima rule 'every_member'",
    setup: () => setup('every_member'),
    iterations: 50,
    warmup: 5,
    target: { medianMs: 100 },
    run: rankAndAnalyse,
    notes,
  },
);
