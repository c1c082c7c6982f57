import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { rankProduct } from '../../../shared/ocop/ranking';
import { evaluateStoredSheet, sheetIsPlain } from './compute-results';
import { computeSession } from './results-service';
import { choicesForTotal } from './test/choices';
import { memoryCore } from '../test/fixtures';
import { seedSession, type SeedSpec } from './test/fixtures';

let core: Core;
afterEach(() => core?.close());

async function setOf(c: Core, setKey = 'qd26-2026/07'): Promise<CriteriaSet> {
  const row = c.ctx.sqlite.prepare('SELECT content_json FROM criteria_set_version WHERE set_key = ?').get(setKey) as {
    content_json: string;
  };
  return CriteriaSet.parse(JSON.parse(row.content_json));
}

/** Seeds a session where `plan[product][member]` is each member's choices (undefined = no sheet). */
async function seedPlan(plan: (Record<string, number> | undefined)[][], extra: Partial<SeedSpec> = {}) {
  core = await memoryCore();
  const seeded = seedSession(core.ctx.sqlite, {
    products: plan.length,
    members: plan[0]!.length,
    choose: ({ product, member, code }) => plan[product]![member]![code] ?? null,
    skipSheet: (p, m) => plan[p]![m] === undefined,
    ...extra,
  });
  return seeded;
}

async function results(sessionId: number, marginPoints = 1) {
  const r = await invoke(core.ctx, 'results:session', { sessionId, marginPoints });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('results:session', () => {
  it('ranks each product: totals by member, exact mean, spread, band, star-minima cap, final star, status and the reason in Vietnamese', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const t = (n: number, o: Parameters<typeof choicesForTotal>[2] = { keepMarks: true }) => choicesForTotal(set, n, o);
    const s = await seedPlan(
      [
        [t(80), t(82), t(78), t(81)], // 4★, no cap
        // 1.5 at level 1 (1 point) misses its 4★ mark (level 2): capped at 3★
        [
          t(80, { keepMarks: true, overrides: { '1.5': 1 } }),
          t(80, { keepMarks: true, overrides: { '1.5': 1 } }),
          t(80, { keepMarks: true, overrides: { '1.5': 1 } }),
          t(80, { keepMarks: true, overrides: { '1.5': 1 } }),
        ],
        [t(60), t(75), t(70), t(70)], // spread 15 > 10
        [t(80), t(80), t(80), undefined], // waiting for one sheet
        [t(95), t(95), t(95), t(95)], // 5★, proposed to the central council
      ],
      {
        declarations: () => [],
        kind: (p) => (p === 4 ? { kind: 'upgrade', currentStars: 4 } : { kind: 'first' }),
      },
    );
    const r = await results(s.sessionId);
    const [a, b, c, d, e] = r.products;

    expect(a).toMatchObject({
      productCode: s.productCodes[0],
      status: 'complete',
      provisional: false,
      bandStar: 4,
      cap: 5,
      finalStar: 4,
      recognised: true,
      recognitionLevel: 'province',
      proposedToCentral: false,
      cappingCriteria: [],
      previousStar: null,
      criteriaSet: { setKey: 'qd26-2026/07', version: 1 },
    });
    expect(a!.memberTotals.map((m) => [m.memberId, m.totalPoints])).toEqual([
      [s.memberIds[0], 80],
      [s.memberIds[1], 82],
      [s.memberIds[2], 78],
      [s.memberIds[3], 81],
    ]);
    // 321 / 4 = 80.25 exactly, kept as a fraction of centi-points.
    expect(a!.mean).toEqual({ sumCenti: 32100, count: 4, value: 80.25, display: '80,25' });
    expect(a!.spread).toMatchObject({
      points: 4,
      limitPoints: 10,
      withinLimit: true,
      lowestMemberIds: [s.memberIds[2]],
      highestMemberIds: [s.memberIds[1]],
    });
    expect(a!.partMeans.map((p) => p.part)).toEqual(['A', 'B', 'C']);
    expect(a!.partMeans.reduce((x, p) => x + p.mean.sumCenti, 0)).toBe(32100);
    expect(a!.reason).toBe('Đạt 80,25 điểm (hạng 4 sao) → 4 sao. Đề nghị Chủ tịch UBND tỉnh công nhận sản phẩm OCOP 4 sao.');

    expect(b).toMatchObject({ status: 'complete', bandStar: 4, cap: 3, finalStar: 3 });
    expect(b!.cappingCriteria).toEqual([
      expect.objectContaining({ code: '1.5', requiredStars: 4, requiredPoints: 2, failingMemberIds: s.memberIds }),
    ]);
    expect(b!.starExplanation).toBe(
      'Đạt 80 điểm (hạng 4 sao) nhưng tiêu chí 1.5 chưa đạt mức yêu cầu tối thiểu của 4 sao → 3 sao',
    );

    expect(c).toMatchObject({
      status: 'spread_unresolved',
      provisional: true,
      recognised: false,
      spread: { points: 15, withinLimit: false },
    });
    expect(c!.reason).toContain('Chênh lệch điểm giữa các thành viên là 15 điểm, vượt mức cho phép (tối đa 10 điểm)');

    expect(d).toMatchObject({ status: 'waiting_for_sheets', missingSheetMemberIds: [s.memberIds[3]], recognised: false });
    expect(d!.reason).toContain('Đang chờ phiếu đánh giá: đã nộp 3/4 phiếu, còn thiếu phiếu của Phạm Thị Dung');

    expect(e).toMatchObject({
      status: 'complete',
      bandStar: 5,
      finalStar: 5,
      proposedToCentral: true,
      previousStar: 4,
      registrationKind: 'upgrade',
    });

    expect(r.summary).toMatchObject({
      products: 5,
      byStatus: { complete: 3, spread_unresolved: 1, waiting_for_sheets: 1 },
      byFinalStar: { 3: 1, 4: 1, 5: 1 },
      recognised: 3,
      proposedToCentral: 1,
    });
    expect(r.locked).toBe(false);
    expect(r.finalizable).toBe(false);
    expect(r.finalizeBlockers.map((x) => x.code)).toEqual(['session_not_closed', 'products_unresolved']);
    expect(r.finalizeBlockers[1]!.registrationIds).toEqual([s.registrationIds[2], s.registrationIds[3]]);
  });

  it('classifies on the exact mean at a band edge: 70 is 4★, 69,67 is 3★ (never rounded up)', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const t = (n: number) => choicesForTotal(set, n, { keepMarks: true });
    const s = await seedPlan([
      [t(70), t(70), t(70)],
      [t(70), t(70), t(69)],
      [t(90), t(90), t(89)],
    ]);
    const r = await results(s.sessionId);
    expect(r.products.map((p) => [p.mean!.display, p.bandStar, p.finalStar])).toEqual([
      ['70', 4, 4],
      ['69,67', 3, 3],
      ['89,67', 4, 4],
    ]);
  });

  it('a disqualified dossier has no star; absent members break the quorum', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const full = choicesForTotal(set, 75, { keepMarks: true });
    const s = await seedPlan([[full, full, full, full]], {
      declarations: (_p, m) =>
        m === 1 ? [{ ruleId: 'disqualify:set:1', holds: true, reason: 'Sử dụng nguyên liệu không rõ nguồn gốc' }] : [],
    });
    const r = await results(s.sessionId);
    expect(r.products[0]).toMatchObject({ status: 'disqualified', finalStar: null, recognised: false });
    expect(r.products[0]!.memberTotals.find((m) => m.memberId === s.memberIds[1])).toMatchObject({ disqualified: true });
    expect(r.products[0]!.reason).toBe('Hồ sơ bị loại: Sử dụng nguyên liệu không rõ nguồn gốc (theo phiếu của Trần Thị Bình).');
    core.close();

    const q = await seedPlan([[full, full, full, full]], { absent: [2, 3] });
    const rq = await results(q.sessionId);
    expect(rq.products[0]).toMatchObject({
      status: 'quorum_not_met',
      quorum: { met: false, participating: 2, needed: 3, councilSize: 4 },
    });
    expect(rq.products[0]!.reason).toMatch(/^Chưa đủ số thành viên dự họp: 2\/4/);
  });

  it('a recused member is not expected to score and does not count for the quorum of that product', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const c = choicesForTotal(set, 72, { keepMarks: true });
    const s = await seedPlan([[c, c, c, c, c]], { recusals: [[0, 4]] });
    const r = await results(s.sessionId);
    expect(r.products[0]).toMatchObject({
      status: 'complete',
      finalStar: 4,
      recusedMemberIds: [s.memberIds[4]],
      quorum: { participating: 4, councilSize: 5, needed: 4 },
    });
    expect(r.products[0]!.expectedMemberIds).not.toContain(s.memberIds[4]);
  });

  it('skipped criteria (condition declared absent) count 0, exactly as on the sheet', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const c = choicesForTotal(set, 80, { keepMarks: true });
    const s = await seedPlan([[c, c, c]], {
      declarations: (_p, m) => (m === 0 ? [{ ruleId: 'conditional:5.2:1', holds: false, reason: null }] : []),
    });
    const points52 = set.parts[1]!.groups.flatMap((g) => g.criteria).find((x) => x.code === '5.2')!.levels[c['5.2']!]!.points;
    const r = await results(s.sessionId);
    expect(r.products[0]!.memberTotals.map((m) => m.totalPoints)).toEqual([80 - points52, 80, 80]);
    const stored = core.ctx.sqlite.prepare('SELECT total_points FROM score_sheet WHERE id = ?').get(s.sheetIds[0]![0]) as {
      total_points: number;
    };
    expect(stored.total_points).toBe(80 - points52);
  });

  it('reading stored sheets without the scoring rules (plain sheets) gives the same ranking as through them', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const s = await seedPlan([
      [choicesForTotal(set, 64), choicesForTotal(set, 71, { keepMarks: true }), choicesForTotal(set, 58)],
    ]);
    const { products } = await computeSession(core.ctx, s.sessionId, 1);
    const p = products[0]!;
    expect(p.sheets.every((sh) => sheetIsPlain(p.version, sh))).toBe(true);
    const viaRules = p.sheets.map((sh) => {
      const e = evaluateStoredSheet(p.version, sh);
      return { memberId: sh.memberId, choices: Object.fromEntries(e.criteria.map((x) => [x.code, x.levelIndex])) };
    });
    expect(rankProduct({ ...p.input, sheets: viaRules })).toEqual(p.ranking);
  });

  it('refuses an unknown session with NOT_FOUND', async () => {
    core = await memoryCore();
    const r = await invoke(core.ctx, 'results:session', { sessionId: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('results:sensitivity', () => {
  it('flags a mean on a band edge and lists the single changes that would lower the star', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const t = (n: number) => choicesForTotal(set, n, { keepMarks: true });
    const s = await seedPlan([
      [t(70), t(70), t(70)], // exactly on the 4★ edge: any one-point drop loses the star
      [t(80), t(80), t(80)],
    ]);
    const r = await invoke(core.ctx, 'results:sensitivity', { sessionId: s.sessionId, marginPoints: 0.5 });
    if (!r.ok) throw new Error(r.error.message);
    const edge = r.value.products.find((p) => p.registrationId === s.registrationIds[0])!;
    expect(edge.nearEdge).toMatchObject({ edgePoints: 70, side: 'above', distance: { sumCenti: 0 } });
    expect(edge.changes.length).toBeGreaterThan(0);
    for (const ch of edge.changes) {
      expect(ch.direction).toBe('down');
      // Below 70 (3★), or below a 3★ mark on the way (2★).
      expect(ch.newFinalStar).toBeLessThan(4);
      expect(ch.explanation).toMatch(/^Nếu .+ hạ tiêu chí [\d.]+ xuống một mức: [\d,]+ điểm → [23] sao\.$/);
    }
    expect(edge.changes.map((c) => c.memberName)).toContain('Nguyễn Văn An');
    expect(edge.changes.some((c) => c.newBandStar === 3 && c.newMean.display === '69,67')).toBe(true);
    // The session table carries the same flag as a count.
    const table = await results(s.sessionId, 0.5);
    expect(table.products[0]!.sensitivity.changeCount).toBe(edge.changes.length);
    expect(table.products[0]!.sensitivity.nearEdge).not.toBeNull();
  });

  it('margin 0 flags only means exactly on an edge; a wider margin flags 69,67 as below 70', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const t = (n: number) => choicesForTotal(set, n, { keepMarks: true });
    const s = await seedPlan([[t(70), t(70), t(69)]]);
    const narrow = await results(s.sessionId, 0);
    expect(narrow.products[0]!.sensitivity.nearEdge).toBeNull();
    const wide = await results(s.sessionId, 1);
    expect(wide.products[0]!.sensitivity.nearEdge).toMatchObject({
      edgePoints: 70,
      side: 'below',
      distance: { sumCenti: 100, count: 3, display: '0,33' },
    });
    const bad = await invoke(core.ctx, 'results:session', { sessionId: s.sessionId, marginPoints: 11 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('results:product', () => {
  it('shows members × parts, the distribution of levels per criterion, and the self-assessment beside the members', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const high = choicesForTotal(set, 90, { keepMarks: true });
    const low = { ...high, '1.5': 1 };
    const s = await seedPlan([[high, high, low]]);
    // The producer rated 1.5 at its top level (3 points) and 1.1 at the lowest (1 point).
    const ins = core.ctx.sqlite.prepare(
      `INSERT INTO self_assessment_answer (registration_id, criterion_code, level_index, points, updated_at, updated_by) VALUES (?, ?, ?, ?, '2026-06-01', 'test')`,
    );
    ins.run(s.registrationIds[0], '1.5', 3, 3);
    ins.run(s.registrationIds[0], '1.1', 0, 1);
    const r = await invoke(core.ctx, 'results:product', { sessionId: s.sessionId, registrationId: s.registrationIds[0]! });
    if (!r.ok) throw new Error(r.error.message);
    const d = r.value;
    expect(d.parts.map((p) => [p.code, p.max])).toEqual([
      ['A', 40],
      ['B', 25],
      ['C', 35],
    ]);
    expect(d.memberParts).toHaveLength(3);
    for (const m of d.memberParts) expect(m.parts.reduce((a, b) => a + b, 0)).toBe(m.total);
    const c15 = d.criteria.find((c) => c.code === '1.5')!;
    expect(c15.distribution).toEqual([0, 1, 0, 2]);
    expect(c15.memberLevels.map((m) => m.levelIndex)).toEqual([3, 3, 1]);
    expect(c15.meanPoints).toMatchObject({ sumCenti: 700, count: 3, display: '2,33' });
    expect(c15.selfAssessment).toEqual({ levelIndex: 3, points: 3 });
    expect(c15.selfVsMembers).toBe('over');
    expect(c15.required).toEqual({ 3: null, 4: 2, 5: 3 });
    expect(c15.allowsStars).toBe(4);
    expect(d.criteria.find((c) => c.code === '1.1')!.selfVsMembers).toBe('under');
    expect(d.criteria.find((c) => c.code === '1.2')!.selfAssessment).toBeNull();
    expect(d.selfAssessmentTotal).toBe(4);
    expect(d.members.map((m) => m.sheetState)).toEqual(['counted', 'counted', 'counted']);
  });

  it('refuses a registration that is not on the agenda', async () => {
    core = await memoryCore();
    const set = await setOf(core);
    core.close();
    const s = await seedPlan([[choicesForTotal(set, 60), choicesForTotal(set, 60), choicesForTotal(set, 60)]]);
    const r = await invoke(core.ctx, 'results:product', { sessionId: s.sessionId, registrationId: 4242 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
