import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreSheetsDocument } from '../../../shared/api/channels/scoring-exchange';
import type { ImportRowError } from '../../../shared/api/fields';
import { call, callError } from '../test/call';
import { MINI_TOP, scoringFixture, type ScoringFixture } from './test/fixtures';

/**
 * Re-scoring rounds in the exchange file (format version 2): a session where the chair opened a
 * round for product A and one member revised, exported, imported into a second computer holding
 * the same session; version 1 files still import; malformed rounds are refused by place.
 */

let f: ScoringFixture;
let exported: ScoreSheetsDocument;
afterEach(() => f?.core.close());

async function scoreAndSubmit(fx: ScoringFixture, memberId: number, levels: Record<string, number>, revisionReason?: string) {
  const { sheet } = await call(fx.core, 'scoring:open', { sessionId: fx.sessionId, registrationId: fx.regs.a, memberId });
  for (const [criterionCode, levelIndex] of Object.entries(levels))
    await call(fx.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode, levelIndex });
  return call(fx.core, 'scoring:submit', { sheetId: sheet.id, ...(revisionReason ? { revisionReason } : {}) });
}

const REASON = 'Chênh lệch 11 điểm, thảo luận lại';
const REVISION = 'Sau thảo luận, tính độc đáo đạt mức khá';

beforeAll(async () => {
  const src = await scoringFixture();
  await scoreAndSubmit(src, src.members.m1, MINI_TOP);
  await scoreAndSubmit(src, src.members.m2, { ...MINI_TOP, '7': 0, '5.1': 0 });
  await call(src.core, 'scoring:openRescoring', {
    sessionId: src.sessionId,
    registrationId: src.regs.a,
    chairMemberId: src.members.chair,
    reason: REASON,
  });
  await scoreAndSubmit(src, src.members.m2, { ...MINI_TOP, '5.1': 2 }, REVISION);
  exported = await call(src.core, 'scoring:export', { sessionId: src.sessionId });
  src.core.close();
});

const clone = (): ScoreSheetsDocument => structuredClone(exported);
const errorsOf = async (doc: unknown): Promise<ImportRowError[]> => {
  const e = await callError(f.core, 'scoring:import', { document: doc });
  expect(e.code).toBe('IMPORT_INVALID');
  return (e.details as { errors: ImportRowError[] }).errors;
};
const count = async (table: 'score_sheet' | 'score_rescoring_round') =>
  (await f.db.selectFrom(table).select('id').execute()).length;

describe('re-scoring rounds in the exchange file', () => {
  it('exports the round (who, when, why) and each sheet with its round and revision reason', () => {
    expect(exported.formatVersion).toBe(2);
    expect(exported.rounds).toEqual([
      {
        registrationNo: '1/PĐK-29905',
        productCode: '82-29905-1-2026',
        productName: expect.any(String),
        roundNo: 1,
        reason: REASON,
        spreadPoints: expect.any(Number),
        openedAt: expect.any(String),
        openedBy: { id: expect.any(Number), fullName: 'Nguyễn Văn An' },
      },
    ]);
    const m2 = exported.sheets
      .filter((s) => s.member.fullName === 'Phạm Thị Dung')
      .map((s) => [s.rescoringRound, s.status, s.revisionReason]);
    expect(m2).toEqual([
      [0, 'superseded', null],
      [1, 'submitted', REVISION],
    ]);
  });

  it('round-trips into a second computer: rounds and sheets come back the same, and a second import changes nothing', async () => {
    f = await scoringFixture();
    const r = await call(f.core, 'scoring:import', { document: exported });
    expect(r.rounds).toEqual([{ registrationNo: '1/PĐK-29905', roundNo: 1, created: true }]);
    const spread = await call(f.core, 'scoring:spread', { sessionId: f.sessionId });
    const a = spread.products.find((p) => p.registrationId === f.regs.a)!;
    expect(a.currentRound).toBe(1);
    expect(a.rounds.map((x) => [x.roundNo, x.reason, x.openedByName, x.openedAt])).toEqual([
      [1, REASON, 'Nguyễn Văn An', exported.rounds[0]!.openedAt],
    ]);
    const back = await call(f.core, 'scoring:export', { sessionId: f.sessionId });
    const strip = (d: ScoreSheetsDocument) => ({
      rounds: d.rounds,
      sheets: d.sheets.map(({ submittedAt: _s, ...rest }) => rest),
    });
    expect(strip(back)).toEqual(strip(exported));

    const again = await call(f.core, 'scoring:importPreview', { document: exported });
    expect(again.canApply).toBe(true);
    expect(again.rounds.map((x) => x.action)).toEqual(['same']);
    expect(again.sheets.map((x) => x.action)).toEqual(['same', 'same', 'same']);
    const second = await call(f.core, 'scoring:import', { document: exported });
    expect(second.rounds[0]!.created).toBe(false);
    expect(await count('score_rescoring_round')).toBe(1);
    expect(await count('score_sheet')).toBe(3);
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'scoring.import')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.after_json!).rounds[0]).toMatchObject({
      roundNo: 1,
      reason: REASON,
      openedBy: 'Nguyễn Văn An',
      action: 'new',
    });
  });

  it('still imports a version 1 file (no rounds) and refuses a version 1 file that carries rounds', async () => {
    f = await scoringFixture();
    // A real version 1 file has neither rounds nor the audit-head anchor (both came later).
    const { auditHead: _a, ...base } = clone();
    const { rounds: _r, ...rest } = base;
    const v1 = {
      ...rest,
      formatVersion: 1,
      sheets: rest.sheets.filter((s) => s.rescoringRound === 0).map((s) => ({ ...s, status: 'submitted' as const })),
    };
    const r = await call(f.core, 'scoring:import', { document: v1 });
    expect(r.sheets).toHaveLength(2);
    expect(r.rounds).toEqual([]);
    expect(await count('score_rescoring_round')).toBe(0);

    f.core.close();
    f = await scoringFixture();
    const withRounds = await errorsOf({ ...base, formatVersion: 1 });
    expect(withRounds[0]).toMatchObject({ code: 'FORMAT', column: 'rounds' });
    const v1Round = await errorsOf({ ...rest, formatVersion: 1 });
    expect(v1Round.find((e) => e.code === 'ROUND_NOT_OPEN')).toMatchObject({ sheet: 'sheets', row: 3, column: 'rescoringRound' });
    expect(await count('score_sheet')).toBe(0);
  });

  describe('refuses malformed rounds, naming the place, and writes nothing', () => {
    const cases: [string, (d: ScoreSheetsDocument) => unknown, string, string][] = [
      ['a round without a reason', (d) => ((d.rounds[0]!.reason = '  '), d), 'FORMAT', 'reason'],
      ['round number 0', (d) => ((d.rounds[0]!.roundNo = 0), d), 'FORMAT', 'roundNo'],
      [
        'a round for a product not on the agenda',
        (d) => ((d.rounds[0]!.registrationNo = '99/PĐK-29905'), d),
        'PRODUCT_UNKNOWN',
        'registrationNo',
      ],
      [
        'a round whose product code differs',
        (d) => ((d.rounds[0]!.productCode = '82-29905-9-2026'), d),
        'PRODUCT_CODE_MISMATCH',
        'productCode',
      ],
      ['a round opened by someone not listed', (d) => ((d.rounds[0]!.openedBy.id = 99), d), 'MEMBER_UNKNOWN', 'openedBy.id'],
      [
        'a round opened by a member who is not the chair',
        (d) => ((d.rounds[0]!.openedBy = { ...d.sheets.find((s) => s.member.fullName === 'Phạm Thị Dung')!.member }), d),
        'ROUND_OPENER_NOT_CHAIR',
        'openedBy.id',
      ],
      ['the same round twice', (d) => (d.rounds.push(structuredClone(d.rounds[0]!)), d), 'ROUND_DUPLICATE', 'roundNo'],
      ['round 2 without round 1', (d) => ((d.rounds[0]!.roundNo = 2), d), 'ROUND_GAP', 'roundNo'],
    ];
    it.each(cases)('%s', async (_name, mutate, code, column) => {
      f = await scoringFixture();
      const errors = await errorsOf(mutate(clone()));
      const hit = errors.find((e) => e.code === code);
      expect(hit, JSON.stringify(errors)).toBeDefined();
      expect(hit).toMatchObject({ sheet: 'rounds', row: expect.any(Number) });
      expect(hit!.column).toContain(column);
      expect(hit!.message.length).toBeGreaterThan(10);
      expect(await count('score_sheet')).toBe(0);
      expect(await count('score_rescoring_round')).toBe(0);
    });

    it('a round opened differently on this computer is a conflict', async () => {
      f = await scoringFixture();
      await scoreAndSubmit(f, f.members.m1, MINI_TOP);
      await call(f.core, 'scoring:openRescoring', {
        sessionId: f.sessionId,
        registrationId: f.regs.a,
        chairMemberId: f.members.chair,
        reason: 'Lý do khác',
      });
      const errors = await errorsOf(clone());
      expect(errors.find((e) => e.code === 'ROUND_CONFLICT')).toMatchObject({
        sheet: 'rounds',
        row: 1,
        params: { hereReason: 'Lý do khác', round: 1 },
      });
      expect(await count('score_rescoring_round')).toBe(1);
      expect(await count('score_sheet')).toBe(1);
    });
  });
});

describe('import preview', () => {
  it('lists what would be written, skipped, updated and superseded, and writes nothing', async () => {
    f = await scoringFixture();
    // Here: Dung opened her round-0 sheet (an empty draft); Cường submitted the same sheet as in the file.
    await call(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.m2 });
    await call(f.core, 'scoring:import', {
      document: { ...clone(), rounds: [], sheets: clone().sheets.filter((s) => s.member.fullName === 'Lê Văn Cường') },
    });
    const before = await count('score_sheet');
    const p = await call(f.core, 'scoring:importPreview', { document: exported });
    expect(p).toMatchObject({ canApply: true, formatVersion: 2, errors: [], session: { id: f.sessionId } });
    expect(p.sheets.map((s) => [s.memberName, s.rescoringRound, s.action])).toEqual([
      ['Lê Văn Cường', 0, 'same'],
      ['Phạm Thị Dung', 0, 'update'],
      ['Phạm Thị Dung', 1, 'new'],
    ]);
    expect(p.rounds.map((r) => [r.roundNo, r.reason, r.openedByName, r.action])).toEqual([[1, REASON, 'Nguyễn Văn An', 'new']]);
    expect(await count('score_sheet')).toBe(before);
    expect(await count('score_rescoring_round')).toBe(0);

    const r = await call(f.core, 'scoring:import', { document: exported });
    const dung = await f.db
      .selectFrom('score_sheet')
      .select(['id', 'rescoring_round', 'status', 'revision_reason'])
      .where('member_id', '=', f.members.m2)
      .orderBy('rescoring_round')
      .execute();
    expect(dung.map((s) => [s.rescoring_round, s.status, s.revision_reason])).toEqual([
      [0, 'superseded', null],
      [1, 'submitted', REVISION],
    ]);
    // The empty draft became the imported sheet (no second sheet for round 0).
    expect(r.sheets[1]!.sheetId).toBe(dung[0]!.id);
  });

  it('shows the stored sheet a later round replaces', async () => {
    f = await scoringFixture();
    await call(f.core, 'scoring:import', {
      document: {
        ...clone(),
        rounds: [],
        sheets: clone()
          .sheets.filter((s) => s.rescoringRound === 0)
          .map((s) => ({ ...s, status: 'submitted' as const })),
      },
    });
    const p = await call(f.core, 'scoring:importPreview', { document: exported });
    expect(p.canApply).toBe(true);
    expect(p.sheets.map((s) => s.action)).toEqual(['same', 'same', 'new']);
    expect(p.superseded.map((s) => [s.memberName, s.rescoringRound])).toEqual([['Phạm Thị Dung', 0]]);
  });

  it('reports every problem with its place and marks the items it rejects', async () => {
    f = await scoringFixture();
    const d = clone();
    d.sheets[0]!.totalPoints = 3;
    d.rounds[0]!.openedBy.fullName = 'Nguyễn Văn Ân';
    const p = await call(f.core, 'scoring:importPreview', { document: d });
    expect(p.canApply).toBe(false);
    expect(p.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['rounds', 1, 'openedBy.fullName', 'MEMBER_NAME_MISMATCH'],
      ['sheets', 1, 'totalPoints', 'TOTAL_MISMATCH'],
      ['sheets', 3, 'rescoringRound', 'ROUND_NOT_OPEN'],
      // Dung's round-0 sheet says "superseded", but her round-1 sheet is refused with the round.
      ['sheets', 2, 'status', 'SUPERSEDED_WITHOUT_LATER'],
    ]);
    expect(p.errors[1]!.params).toEqual({ computed: 25, file: 3 });
    expect(p.rounds[0]!.action).toBe('rejected');
    expect(p.sheets.map((s) => s.action)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('answers a file that is not a score-sheet file with the reason and no items', async () => {
    f = await scoringFixture();
    const p = await call(f.core, 'scoring:importPreview', { document: { hello: 1 } });
    expect(p).toMatchObject({ canApply: false, formatVersion: null, session: null, sheets: [], rounds: [] });
    expect(p.errors[0]!.code).toBe('FORMAT');
    const other = await call(f.core, 'scoring:importPreview', {
      document: { ...clone(), session: { ...clone().session, id: 77 } },
    });
    expect(other.errors).toEqual([
      expect.objectContaining({ code: 'SESSION_UNKNOWN', column: 'session.id', params: { id: 77 } }),
    ]);
    expect(other.sheets).toEqual([]);
  });
});
