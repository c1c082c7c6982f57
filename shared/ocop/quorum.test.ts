import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quorumMessageVi } from './explain-vi';
import { DEFAULT_QUORUM_RULE, evaluateQuorum, type PanelMember } from './quorum';
import { RulesInputError } from './rules-error';
import { panelOf } from './testing/rules-fixtures';

const absent = (...ids: number[]) => Object.fromEntries(ids.map((id) => [id, { present: false }]));

describe('quorum per product', () => {
  it('defaults to 3/4 with the chair', () => {
    expect(DEFAULT_QUORUM_RULE).toEqual({ numerator: 3, denominator: 4, chairRequired: true });
  });

  it('exactly 3/4 passes: 6 of 8', () => {
    const r = evaluateQuorum(panelOf(8, absent(7, 8)));
    expect(r).toMatchObject({
      met: true,
      councilSize: 8,
      participating: 6,
      needed: 6,
      missing: [],
      absentIds: [7, 8],
      scorerIds: [1, 2, 3, 4, 5, 6],
    });
    expect(evaluateQuorum(panelOf(8, absent(6, 7, 8)))).toMatchObject({
      met: false,
      participating: 5,
      needed: 6,
      missing: ['members'],
    });
  });

  it('rounds the needed count up: 9 members need 7 (6,75)', () => {
    expect(evaluateQuorum(panelOf(9, absent(8, 9))).met).toBe(true);
    const r = evaluateQuorum(panelOf(9, absent(7, 8, 9)));
    expect(r).toMatchObject({ met: false, participating: 6, needed: 7 });
    expect(quorumMessageVi(r)).toBe('Chưa đủ số thành viên dự họp: 6/9, cần tối thiểu 7 (3/4) và có Chủ tịch Hội đồng.');
  });

  it('fails when the chair is absent and required, even with enough members', () => {
    const r = evaluateQuorum(panelOf(9, absent(1)));
    expect(r).toMatchObject({ met: false, participating: 8, chairPresent: false, missing: ['chair'] });
    expect(quorumMessageVi(r)).toBe(
      'Chưa đủ số thành viên dự họp: 8/9, cần tối thiểu 7 (3/4) và có Chủ tịch Hội đồng. Chủ tịch Hội đồng vắng mặt.',
    );
    expect(evaluateQuorum(panelOf(9, absent(1)), { ...DEFAULT_QUORUM_RULE, chairRequired: false }).met).toBe(true);
  });

  it('a recusal can drop a product below quorum while the meeting itself has one', () => {
    const meeting = evaluateQuorum(panelOf(9, absent(8, 9)));
    expect(meeting.met).toBe(true);
    const product = evaluateQuorum(panelOf(9, { ...absent(8, 9), 5: { recused: true } }));
    expect(product).toMatchObject({ met: false, participating: 6, needed: 7, recusedIds: [5], scorerIds: [1, 2, 3, 4, 6, 7] });
    expect(quorumMessageVi(product)).toBe(
      'Chưa đủ số thành viên dự họp: 6/9 (không tính 1 thành viên không tham gia đánh giá do xung đột lợi ích), cần tối thiểu 7 (3/4) và có Chủ tịch Hội đồng.',
    );
  });

  it('a recused chair counts as missing when the chair is required', () => {
    const r = evaluateQuorum(panelOf(9, { 1: { recused: true } }));
    expect(r).toMatchObject({ met: false, chairPresent: true, chairRecused: true, missing: ['chair'] });
    expect(quorumMessageVi(r)).toContain('Chủ tịch Hội đồng không tham gia đánh giá sản phẩm này do xung đột lợi ích.');
  });

  it('a delegated presiding member replaces the chair', () => {
    const panel: PanelMember[] = panelOf(9, absent(1)).map((m) => (m.id === 2 ? { ...m, role: 'vice_chair' } : m));
    expect(evaluateQuorum(panel, DEFAULT_QUORUM_RULE, { chairId: 2 })).toMatchObject({ met: true, chairId: 2 });
  });

  it('a plain secretary neither counts nor scores; an Ủy viên kiêm Thư ký does', () => {
    const panel: PanelMember[] = [
      ...panelOf(4),
      { id: 5, role: 'secretary', present: false },
      { id: 6, role: 'member_secretary', present: true },
    ];
    const r = evaluateQuorum(panel);
    expect(r).toMatchObject({ councilSize: 5, participating: 5, met: true, scorerIds: [1, 2, 3, 4, 6], absentIds: [] });
  });

  it('nobody scoring is never a quorum; no chair at all is reported', () => {
    expect(evaluateQuorum([], { numerator: 0, denominator: 1, chairRequired: false })).toMatchObject({
      met: false,
      needed: 1,
      missing: ['members'],
    });
    const r = evaluateQuorum(panelOf(3).map((m) => ({ ...m, role: 'member' as const })));
    expect(r).toMatchObject({ met: false, chairId: null, missing: ['chair'] });
    expect(quorumMessageVi(r)).toContain('Hội đồng chưa có Chủ tịch.');
    expect(quorumMessageVi(evaluateQuorum(panelOf(4)))).toBe(
      'Đủ số thành viên dự họp: 4/4, cần tối thiểu 3 (3/4) và có Chủ tịch Hội đồng.',
    );
  });

  it('rejects bad rules and panels with codes that name the field', () => {
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as RulesInputError).code, (e as Error).message];
      }
      return null;
    };
    expect(fail(() => evaluateQuorum(panelOf(3), { numerator: 5, denominator: 4, chairRequired: true }))).toEqual([
      'INVALID_RULE',
      'Quorum numerator must be a whole number from 0 to 4, got 5',
    ]);
    expect(fail(() => evaluateQuorum(panelOf(3), { numerator: 0.75, denominator: 1, chairRequired: true }))?.[0]).toBe(
      'INVALID_RULE',
    );
    expect(fail(() => evaluateQuorum(panelOf(3), { numerator: 1, denominator: 0, chairRequired: true }))).toEqual([
      'INVALID_RULE',
      'Quorum denominator must be a whole number ≥ 1, got 0',
    ]);
    expect(fail(() => evaluateQuorum([...panelOf(3), { id: 2, role: 'member', present: true }]))).toEqual([
      'DUPLICATE_MEMBER',
      'Member 2 is listed twice in the panel',
    ]);
    expect(fail(() => evaluateQuorum([...panelOf(3), { id: 4, role: 'chair', present: true }]))?.[0]).toBe('DUPLICATE_MEMBER');
    expect(fail(() => evaluateQuorum(panelOf(3), DEFAULT_QUORUM_RULE, { chairId: 42 }))).toEqual([
      'INVALID_RULE',
      'Presiding member 42 is not a counted member of the panel',
    ]);
  });

  it('met ⇔ participating·d ≥ n·size (and the chair), exactly (property)', () => {
    const arb = fc.tuple(
      fc.array(fc.record({ present: fc.boolean(), recused: fc.boolean() }), { minLength: 1, maxLength: 15 }),
      fc.integer({ min: 1, max: 10 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
      fc.boolean(),
    );
    fc.assert(
      fc.property(arb, ([flags, [n, d], chairRequired]) => {
        const panel: PanelMember[] = flags.map((f, i) => ({ id: i + 1, role: i === 0 ? 'chair' : 'member', ...f }));
        const r = evaluateQuorum(panel, { numerator: n, denominator: d, chairRequired });
        const p = flags.filter((f) => f.present && !f.recused).length;
        const chairOk = flags[0]!.present && !flags[0]!.recused;
        expect(r.participating).toBe(p);
        expect(r.met).toBe(p >= 1 && p * d >= n * flags.length && (!chairRequired || chairOk));
        // Shuffling the panel changes nothing.
        expect(evaluateQuorum([...panel].reverse(), { numerator: n, denominator: d, chairRequired })).toEqual(r);
      }),
    );
  });
});
