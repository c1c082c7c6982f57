import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { bandEdgesCenti, type LegalBasisId } from '../../../shared/ocop/legal-basis';
import { rankWithSensitivity } from '../../../shared/ocop/sensitivity';
import { CompleteSheet } from './answer-reader';
import { toSubmittedSheet } from './compute-results';
import { computeSession } from './results-service';
import { exactMean } from './results-view';
import type { CountingSheet } from './session-data';
import { seedSession, type SeedSpec } from './test/fixtures';
import { seededRng } from '../demo/random';

/**
 * results:session reads complete sheets as packed integers and hands the ranking compiled levels
 * (answer-reader.ts, SubmittedSheet.levels). This checks, on generated sessions, that the fast
 * path ranks exactly as the straightforward one: every sheet's answers read by criterion code
 * into a plain `choices` object, compiled by the ranking itself.
 */

let core: Core;
afterEach(() => core?.close());

function generated(seed: number, extra: Partial<SeedSpec> = {}): SeedSpec {
  const rand = seededRng(seed).next; // mulberry32: every run builds the same data
  const quality = Array.from({ length: 40 }, () => 0.15 + 0.85 * rand());
  return {
    setKey: 'qd26-2026/13',
    products: 40,
    members: 7,
    // Some criteria left unanswered (those sheets take the keyed path), the rest near a quality level.
    choose: ({ product, member, levels }) => {
      if (product % 9 === 4 && member === 2 && rand() < 0.2) return null;
      const f = Math.min(1, Math.max(0, quality[product]! + (rand() - 0.5) * 0.3));
      return Math.round(f * (levels.length - 1));
    },
    skipSheet: (p, m) => p % 11 === 3 && m === 5,
    recusals: [
      [7, 1],
      [20, 6],
    ],
    absent: [4],
    ...extra,
  };
}

/** The same sheet as the straightforward path sees it: answers read by code into a plain object. */
function keyedSheet(c: Core, s: CountingSheet): CountingSheet {
  const rows = c.ctx.sqlite
    .prepare('SELECT criterion_code, level_index FROM score_answer WHERE sheet_id = ? AND level_index IS NOT NULL')
    .raw(true)
    .all(s.sheetId) as [string, number][];
  return {
    sheetId: s.sheetId,
    registrationId: s.registrationId,
    memberId: s.memberId,
    rescoringRound: s.rescoringRound,
    source: s.source,
    criteriaSetVersionId: s.criteriaSetVersionId,
    choices: Object.fromEntries(rows),
    answeredCount: rows.length,
    declarations: s.declarations,
  };
}

async function expectSameAsStraightforward(spec: SeedSpec) {
  core = await memoryCore();
  const seeded = seedSession(core.ctx.sqlite, spec);
  const fast = await computeSession({ db: core.ctx.db, sqlite: core.ctx.sqlite }, seeded.sessionId, 1);
  const complete = fast.data.sheets.filter((s) => s instanceof CompleteSheet).length;
  // Both paths must really be exercised: most sheets complete, a few with unanswered criteria.
  expect(complete).toBeGreaterThan(200);
  expect(fast.data.sheets.length - complete).toBeGreaterThan(0);

  let sensitiveChanges = 0;
  for (const p of fast.products) {
    const sheets = p.sheets.map((s) => toSubmittedSheet(p.version, keyedSheet(core, s)).submitted);
    for (const s of sheets) expect(s.levels).toBeUndefined();
    const slow = rankWithSensitivity({ ...p.input, sheets }, { marginPoints: 1 });
    expect(p.ranking).toEqual(slow.ranking);
    expect(p.sensitivity).toEqual(slow.sensitivity);
    sensitiveChanges += slow.sensitivity.changes.length;
    // The lazily built choices of a complete sheet are the stored answers.
    for (const s of p.sheets) if (s instanceof CompleteSheet) expect(s.choices).toEqual(keyedSheet(core, s).choices);
  }
  // A session where nothing is sensitive would compare little of the sensitivity kernel.
  expect(sensitiveChanges).toBeGreaterThan(0);
  const r = await invoke(core.ctx, 'results:session', { sessionId: seeded.sessionId, marginPoints: 1 });
  if (!r.ok) throw new Error(r.error.message);
  // The view reuses the ranking's display strings: they must read as a fresh formatting would.
  for (const p of r.value.products) {
    const edges = bandEdgesCenti(p.legalBasis as LegalBasisId);
    if (p.mean) expect(p.mean).toEqual(exactMean({ sumCenti: p.mean.sumCenti, count: p.mean.count }, 2, edges));
    for (const pm of p.partMeans) expect(pm.mean).toEqual(exactMean({ sumCenti: pm.mean.sumCenti, count: pm.mean.count }, 2));
  }
}

describe('results fast path (compiled levels of complete sheets)', () => {
  it('ranks a generated session exactly as the keyed choices do (minima rule: mean)', async () => {
    await expectSameAsStraightforward(generated(7));
  });

  it('ranks a generated session exactly as the keyed choices do (minima rule: every member)', async () => {
    await expectSameAsStraightforward(generated(2026, { rules: { minimaRule: 'every_member' } }));
  });
});
