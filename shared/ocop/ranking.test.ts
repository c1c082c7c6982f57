import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainRankingVi, explainStarVi } from './explain-vi';
import type { LegalBasisId } from './legal-basis';
import { rankProduct, type RankProductInput, type SubmittedSheet } from './ranking';
import { RulesInputError } from './rules-error';
import type { FlatSetInput } from './set-input';
import { choicesForTotal, choicesWith, panelOf, rules, set7, sheet } from './testing/rules-fixtures';

const input = (sheets: SubmittedSheet[], over: Partial<RankProductInput> = {}): RankProductInput => ({
  set: set7,
  rules: rules(),
  legalBasis: '26/2026/QĐ-TTg',
  panel: panelOf(sheets.length),
  sheets,
  ...over,
});
const byTotals = (totals: number[], fixed: Record<string, number> = {}) =>
  totals.map((t, i) => sheet(i + 1, choicesForTotal(t, fixed)));

function codeOf(f: () => unknown): [string, string] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RulesInputError);
    return [(e as RulesInputError).code, (e as Error).message];
  }
  throw new Error('expected a RulesInputError');
}

describe('ranking one product', () => {
  it('the issue example: 72,4 points (4★ band) but 1.5 misses its 4★ mark → 3★', () => {
    const r = rankProduct(input(byTotals([72, 72, 73, 72, 73], { '1.5': 1 })));
    expect(r.status).toBe('complete');
    expect(r.mean).toEqual({ sumCenti: 36200, count: 5 });
    expect(r.meanDisplay).toBe('72,4');
    expect(r.bandStar).toBe(4);
    expect(r.cap).toBe(3);
    expect(r.finalStar).toBe(3);
    expect(r.cappingCriteria.map((c) => [c.code, c.requiredStars, c.requiredCenti])).toEqual([['1.5', 4, 200]]);
    expect(r.minimaShortfalls.map((c) => c.code)).toEqual(['1.5']);
    expect(explainStarVi(r)).toBe(
      'Đạt 72,4 điểm (hạng 4 sao) nhưng tiêu chí 1.5 chưa đạt mức yêu cầu tối thiểu của 4 sao → 3 sao',
    );
    expect(explainRankingVi(r)).toBe(
      'Đạt 72,4 điểm (hạng 4 sao) nhưng tiêu chí 1.5 chưa đạt mức yêu cầu tối thiểu của 4 sao → 3 sao. Đề nghị Chủ tịch UBND tỉnh công nhận sản phẩm OCOP 3 sao.',
    );
    expect(r.recognition).toEqual({ recognised: true, level: 'province' });
    expect(r.proposedToCentral).toBe(false);
  });

  it('member totals, part totals, part means, median and trimmed mean', () => {
    const r = rankProduct(input(byTotals([80, 70, 75])));
    expect(r.members.map((m) => m.totalCenti)).toEqual([8000, 7000, 7500]);
    for (const m of r.members) expect(Object.values(m.partCenti).reduce((a, b) => a + b, 0)).toBe(m.totalCenti);
    expect(r.partMeans.map((p) => p.part)).toEqual(['A', 'B', 'C']);
    expect(r.partMeans.reduce((a, p) => a + p.mean.sumCenti, 0)).toBe(r.mean!.sumCenti);
    expect(r.median).toEqual({ sumCenti: 7500, count: 1 });
    expect(r.trimmedMean).toEqual({ sumCenti: 7500, count: 1 });
    expect(r.spread).toMatchObject({ spreadCenti: 1000, withinLimit: true });
    expect(r.spreadResolved).toBe(true);
    expect(explainRankingVi(r)).toBe(
      'Đạt 75 điểm (hạng 4 sao) → 4 sao. Đề nghị Chủ tịch UBND tỉnh công nhận sản phẩm OCOP 4 sao.',
    );
  });

  it('≥ 90 with every minimum met is proposed to the central level; a provincial 5★ is recognised centrally', () => {
    const r = rankProduct(input(byTotals([90, 91, 92])));
    expect(r).toMatchObject({
      status: 'complete',
      bandStar: 5,
      cap: 5,
      finalStar: 5,
      proposedToCentral: true,
      recognition: { recognised: true, level: 'central' },
    });
    expect(explainRankingVi(r)).toBe(
      'Đạt 91 điểm (hạng 5 sao) → 5 sao. Đề nghị cấp trung ương đánh giá, công nhận sản phẩm OCOP 5 sao.',
    );
    // The central council itself proposes nobody upward.
    expect(rankProduct(input(byTotals([90, 91, 92]), { councilLevel: 'central' })).proposedToCentral).toBe(false);
  });

  it('≥ 90 but a 5★ minimum missed: 4★, not proposed to the central level', () => {
    // 4.1 at 3 points meets 4★ but not the 5★ mark (5 points).
    const r = rankProduct(input(byTotals([90, 90, 91], { '4.1': 3 })));
    expect(r).toMatchObject({ bandStar: 5, cap: 4, finalStar: 4, proposedToCentral: false });
    expect(explainStarVi(r)).toBe(
      'Đạt 90,33 điểm (hạng 5 sao) nhưng tiêu chí 4.1 chưa đạt mức yêu cầu tối thiểu của 5 sao → 4 sao',
    );
  });

  it('only shortfalls at or below the band star are "capping"', () => {
    // Band 3★ (60 points); 4.1 misses only its 5★ mark: irrelevant for a 3★ product.
    const sheets = [
      sheet(
        1,
        choicesWith({
          '4.1': 3,
          '4.3': 0,
          '1.2': 0,
          '1.3': 1,
          '1.4': 1,
          '3.3': 1,
          '4.2': 0,
          '6.2': 0,
          '11': 1,
          '8': 2,
          '5.3': 1,
          '9': 3,
          '1.1': 1,
          '1.6': 1,
        }),
      ),
    ];
    const r = rankProduct(input(sheets, { panel: panelOf(1) }));
    expect(r.bandStar).toBe(3);
    expect(r.minimaShortfalls.map((s) => s.code)).toEqual(['4.1']);
    expect(r.cappingCriteria).toEqual([]);
    expect(r.finalStar).toBe(3);
  });

  it('below 3★ is not recognised', () => {
    const r = rankProduct(input(byTotals([60, 60, 60], { '2.2': 1 })));
    expect(r).toMatchObject({ bandStar: 3, cap: 2, finalStar: 2, recognition: { recognised: false, level: null } });
    expect(explainRankingVi(r)).toBe(
      'Đạt 60 điểm (hạng 3 sao) nhưng tiêu chí 2.2 chưa đạt mức yêu cầu tối thiểu của 3 sao → 2 sao. Sản phẩm dưới 3 sao không được công nhận, không cấp giấy chứng nhận.',
    );
  });

  it('groups several capping criteria in the explanation', () => {
    const r = rankProduct(input(byTotals([75, 75, 75], { '1.5': 1, '6.1': 1, '2.2': 1 })));
    expect(r.finalStar).toBe(2);
    expect(explainStarVi(r)).toBe(
      'Đạt 75 điểm (hạng 4 sao) nhưng tiêu chí 2.2 chưa đạt mức yêu cầu tối thiểu của 3 sao; các tiêu chí 1.5 và 6.1 chưa đạt mức yêu cầu tối thiểu của 4 sao → 2 sao',
    );
  });

  it("follows the council's minima rule", () => {
    const sheets = [sheet(1, choicesForTotal(80)), sheet(2, choicesForTotal(80)), sheet(3, choicesForTotal(78, { '1.5': 1 }))];
    expect(rankProduct(input(sheets)).finalStar).toBe(4); // mean of 1.5 = (3+3+1)/3 ≥ 2
    const every = rankProduct(input(sheets, { rules: rules({ minima: 'every_member' }) }));
    expect(every.finalStar).toBe(3);
    expect(every.cappingCriteria[0]).toMatchObject({ code: '1.5', requiredStars: 4, failingMemberIds: [3] });
  });
});

describe('status', () => {
  it('waits for the sheets of every present, non-recused member', () => {
    const r = rankProduct(input(byTotals([80, 80]), { panel: panelOf(3) }));
    expect(r).toMatchObject({
      status: 'waiting_for_sheets',
      provisional: true,
      missingSheetMemberIds: [3],
      finalStar: 4,
      recognition: { recognised: false },
    });
    expect(explainRankingVi(r)).toBe(
      'Đang chờ phiếu đánh giá: đã nộp 2/3 phiếu, còn thiếu phiếu của thành viên 3. Kết quả tạm tính: Đạt 80 điểm (hạng 4 sao) → 4 sao.',
    );
    expect(explainRankingVi(r, { memberName: (id) => ['', 'ông A', 'bà B', 'ông C'][id]! })).toContain(
      'còn thiếu phiếu của ông C.',
    );
    const none = rankProduct(input([], { panel: panelOf(3) }));
    expect(none).toMatchObject({
      status: 'waiting_for_sheets',
      mean: null,
      meanDisplay: null,
      bandStar: null,
      finalStar: null,
      spread: null,
    });
    expect(explainRankingVi(none)).toBe(
      'Đang chờ phiếu đánh giá: đã nộp 0/3 phiếu, còn thiếu phiếu của thành viên 1, thành viên 2 và thành viên 3.',
    );
  });

  it('quorum not met comes first', () => {
    const panel = panelOf(9, { 7: { present: false }, 8: { present: false }, 9: { present: false } });
    const r = rankProduct(input(byTotals([80, 80, 80, 80, 80]), { panel }));
    expect(r.status).toBe('quorum_not_met');
    expect(explainRankingVi(r)).toBe(
      'Chưa đủ số thành viên dự họp: 6/9, cần tối thiểu 7 (3/4) và có Chủ tịch Hội đồng. Kết quả tạm tính: Đạt 80 điểm (hạng 4 sao) → 4 sao.',
    );
  });

  it('a recusal drops the product below quorum', () => {
    // 6 of 8 present is exactly 3/4; member 2's recusal leaves 5 for this product.
    const absent = { 7: { present: false }, 8: { present: false } };
    const sheets = [1, 3, 4, 5, 6].map((id) => sheet(id, choicesForTotal(80)));
    expect(rankProduct(input([...sheets, sheet(2, choicesForTotal(80))], { panel: panelOf(8, absent) })).status).toBe('complete');
    const r = rankProduct(input(sheets, { panel: panelOf(8, { ...absent, 2: { recused: true } }) }));
    expect(r.status).toBe('quorum_not_met');
    expect(r.expectedMemberIds).toEqual([1, 3, 4, 5, 6]);
  });

  it('a disqualified dossier gets no star', () => {
    const sheets = byTotals([80, 80, 80]);
    sheets[1] = { ...sheets[1]!, disqualified: true, disqualificationReason: ' Giả mạo hồ sơ ' };
    const r = rankProduct(input(sheets));
    expect(r).toMatchObject({
      status: 'disqualified',
      finalStar: null,
      bandStar: 4,
      disqualification: { memberIds: [2], reasons: ['Giả mạo hồ sơ'] },
    });
    expect(r.members[1]).toMatchObject({ disqualified: true, disqualificationReason: ' Giả mạo hồ sơ ' });
    expect(explainRankingVi(r)).toBe('Hồ sơ bị loại: Giả mạo hồ sơ (theo phiếu của thành viên 2).');
  });

  it('a spread above the limit is unresolved until re-scored; exactly the limit is fine', () => {
    const over = rankProduct(input(byTotals([70, 81, 75])));
    expect(over).toMatchObject({ status: 'spread_unresolved', spreadResolved: false, finalStar: 4 });
    expect(explainRankingVi(over)).toBe(
      'Chênh lệch điểm giữa các thành viên là 11 điểm, vượt mức cho phép (tối đa 10 điểm): Hội đồng thảo luận và chấm lại. Kết quả tạm tính: Đạt 75,33 điểm (hạng 4 sao) → 4 sao.',
    );
    expect(rankProduct(input(byTotals([70, 80, 75]))).status).toBe('complete');
    const strict = rankProduct(input(byTotals([70, 80, 75]), { rules: rules({ spread: { limit: 10, limitAllowed: false } }) }));
    expect(strict.status).toBe('spread_unresolved');
    expect(explainRankingVi(strict)).toContain('(phải dưới 10 điểm)');
  });
});

describe('boundary table (one member; with and without a minima cap)', () => {
  const T = [0, 29.99, 30, 49.99, 50, 69.99, 70, 89.99, 90, 100];
  const noMarks: FlatSetInput = { criteria: [{ code: 'T', part: 'A', levels: T.map((points) => ({ points })) }] };
  // M at 0 points misses its 4★ mark (0,01 point), so the cap is 3★ and the total is unchanged.
  const withMark: FlatSetInput = {
    criteria: [...noMarks.criteria, { code: 'M', part: 'C', levels: [{ points: 0 }, { points: 0.01, minForStars: 4 }] }],
  };
  const rank = (set: FlatSetInput, points: number, basis: LegalBasisId = '26/2026/QĐ-TTg') =>
    rankProduct({
      set,
      rules: rules(),
      legalBasis: basis,
      panel: panelOf(1),
      sheets: [sheet(1, { T: T.indexOf(points), ...(set === withMark ? { M: 0 } : {}) })],
    });

  it.each([
    [0, 1, 1],
    [29.99, 1, 1],
    [30, 2, 2],
    [49.99, 2, 2],
    [50, 3, 3],
    [69.99, 3, 3],
    [70, 4, 3],
    [89.99, 4, 3],
    [90, 5, 3],
    [100, 5, 3],
  ] as const)('%s points: band %i★, with the 4★ minimum missed %i★', (points, band, capped) => {
    const free = rank(noMarks, points);
    expect([free.bandStar, free.cap, free.finalStar]).toEqual([band, 5, band]);
    const cap = rank(withMark, points);
    expect([cap.bandStar, cap.cap, cap.finalStar]).toEqual([band, 3, capped]);
    expect(cap.proposedToCentral).toBe(false);
    expect(free.proposedToCentral).toBe(band === 5);
  });

  it('displays 89,99 as 89,99 and never as 90 with 0 or 1 decimals', () => {
    const at = (decimals: number) =>
      rankProduct({
        set: noMarks,
        rules: rules({ displayDecimals: decimals }),
        legalBasis: '26/2026/QĐ-TTg',
        panel: panelOf(1),
        sheets: [sheet(1, { T: 7 })],
      });
    expect(at(2).meanDisplay).toBe('89,99');
    expect(at(1).meanDisplay).toBe('89,9');
    expect(at(0).meanDisplay).toBe('89');
    expect(at(0).bandStar).toBe(4);
  });

  it('1048: a mean of 89,5 stays 4★; 148 before 1489 has the district recognise 3★', () => {
    const half: FlatSetInput = { criteria: [{ code: 'T', part: 'A', levels: [{ points: 89.5 }, { points: 69.5 }] }] };
    const r = (level: number, basis: LegalBasisId, onDate?: string) =>
      rankProduct({
        set: half,
        rules: rules(),
        legalBasis: basis,
        panel: panelOf(1),
        sheets: [sheet(1, { T: level })],
        ...(onDate ? { onDate } : {}),
      });
    expect(r(0, '1048/QĐ-TTg').finalStar).toBe(4);
    expect(r(1, '1048/QĐ-TTg').finalStar).toBe(3);
    expect(r(1, '148/QĐ-TTg', '2024-05-01').recognition).toEqual({ recognised: true, level: 'district' });
    expect(explainRankingVi(r(1, '148/QĐ-TTg', '2024-05-01'))).toBe(
      'Đạt 69,5 điểm (hạng 3 sao) → 3 sao. Đề nghị UBND cấp huyện công nhận sản phẩm OCOP 3 sao.',
    );
    expect(r(1, '148/QĐ-TTg', '2025-07-06').recognition.level).toBe('province');
  });
});

describe('bad input', () => {
  it('refuses sheets from absent or recused members, duplicates, and part totals that do not add up', () => {
    const panel = panelOf(4, { 4: { present: false }, 3: { recused: true } });
    expect(codeOf(() => rankProduct(input(byTotals([80, 80, 80, 80]), { panel })))).toEqual([
      'SHEET_FROM_NON_SCORER',
      'Member 3 submitted a sheet but is absent, recused or not a scoring member for this product',
    ]);
    const dup = [sheet(1, choicesForTotal(80)), sheet(1, choicesForTotal(81))];
    expect(codeOf(() => rankProduct(input(dup)))[0]).toBe('DUPLICATE_SHEET');
    const good = rankProduct(input(byTotals([80])));
    const parts = Object.fromEntries(Object.entries(good.members[0]!.partCenti).map(([k, v]) => [k, v / 100]));
    expect(rankProduct(input([sheet(1, choicesForTotal(80), { partTotals: parts })])).status).toBe('complete');
    expect(
      codeOf(() => rankProduct(input([sheet(1, choicesForTotal(80), { partTotals: { ...parts, A: parts.A! + 1 } })]))),
    ).toEqual([
      'PART_TOTAL_MISMATCH',
      `Sheet of member 1: part A total is recorded as ${parts.A! + 1} but the chosen levels add up to ${parts.A}`,
    ]);
    expect(codeOf(() => rankProduct(input([sheet(1, choicesForTotal(80), { partTotals: { D: 1 } })])))[1]).toBe(
      'Sheet of member 1: part "D" is not in the criteria set',
    );
    expect(codeOf(() => rankProduct(input(byTotals([80]), { rules: rules({ displayDecimals: 5 }) })))).toEqual([
      'INVALID_RULE',
      'displayDecimals must be a whole number from 0 to 4, got 5',
    ]);
    expect(codeOf(() => rankProduct(input(byTotals([80]), { rules: rules({ aggregation: 'median' as never }) })))[0]).toBe(
      'INVALID_RULE',
    );
  });

  it('refuses a set whose totals exceed 100', () => {
    const big: FlatSetInput = { criteria: [{ code: 'T', part: 'A', levels: [{ points: 101 }] }] };
    expect(() =>
      rankProduct({ set: big, rules: rules(), legalBasis: '26/2026/QĐ-TTg', panel: panelOf(1), sheets: [sheet(1, { T: 0 })] }),
    ).toThrow('outside 0–100');
  });
});

describe('properties on random sheets of set 7', () => {
  const level = (c: (typeof set7.criteria)[number]) => fc.integer({ min: 0, max: c.levels.length - 1 });
  const sheetArb = fc
    .tuple(...set7.criteria.map(level))
    .map((lv) => Object.fromEntries(set7.criteria.map((c, i) => [c.code, lv[i]!])));
  const arb = fc.tuple(
    fc.array(sheetArb, { minLength: 1, maxLength: 9 }),
    fc.constantFrom('mean' as const, 'every_member' as const),
    fc.constantFrom<LegalBasisId>('26/2026/QĐ-TTg', '148/QĐ-TTg', '1048/QĐ-TTg'),
  );

  it('the final star never exceeds the band or the cap, and equals their minimum', () => {
    fc.assert(
      fc.property(arb, ([choices, minima, basis]) => {
        const r = rankProduct(
          input(
            choices.map((c, i) => sheet(i + 1, c)),
            { rules: rules({ minima }), legalBasis: basis },
          ),
        );
        expect(r.finalStar).not.toBeNull();
        expect(r.finalStar!).toBeLessThanOrEqual(r.bandStar!);
        expect(r.finalStar!).toBeLessThanOrEqual(r.cap!);
        expect(r.finalStar).toBe(Math.min(r.bandStar!, r.cap!));
        expect(r.cappingCriteria.every((s) => s.requiredStars <= r.bandStar!)).toBe(true);
        if (r.finalStar! < r.bandStar!) expect(r.cappingCriteria.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('re-ordering members (sheets and panel) changes nothing', () => {
    fc.assert(
      fc.property(arb, fc.infiniteStream(fc.nat()), ([choices, minima, basis], seeds) => {
        const ids = choices.map((_, i) => i * 7 + 3); // non-contiguous ids
        const sheets = choices.map((c, i) => sheet(ids[i]!, c));
        const panel = ids.map((id, i) => ({ id, role: i === 0 ? ('chair' as const) : ('member' as const), present: true }));
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x) => [seeds.next().value as number, x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        const a = rankProduct(input(sheets, { panel, rules: rules({ minima }), legalBasis: basis }));
        const b = rankProduct(input(shuffle(sheets), { panel: shuffle(panel), rules: rules({ minima }), legalBasis: basis }));
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
