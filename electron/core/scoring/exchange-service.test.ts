import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreSheetsDocument } from '../../../shared/api/channels/scoring-exchange';
import { call, callError } from '../test/call';
import { MINI_TOP, scoringFixture, type ScoringFixture } from './test/fixtures';

let f: ScoringFixture;
let exported: ScoreSheetsDocument;
afterEach(() => f?.core.close());

async function scoreAndSubmit(fx: ScoringFixture, memberId: number, levels: Record<string, number>, registrationId = fx.regs.a) {
  const { sheet } = await call(fx.core, 'scoring:open', { sessionId: fx.sessionId, registrationId, memberId });
  for (const [criterionCode, levelIndex] of Object.entries(levels))
    await call(fx.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode, levelIndex });
  return call(fx.core, 'scoring:submit', { sheetId: sheet.id });
}

beforeAll(async () => {
  const src = await scoringFixture();
  await scoreAndSubmit(src, src.members.m1, MINI_TOP);
  const { sheet } = await call(src.core, 'scoring:open', {
    sessionId: src.sessionId,
    registrationId: src.regs.a,
    memberId: src.members.m2,
  });
  for (const [criterionCode, levelIndex] of Object.entries({ ...MINI_TOP, '7': 1 }))
    await call(src.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode, levelIndex });
  await call(src.core, 'scoring:setNote', { sheetId: sheet.id, criterionCode: '7', note: 'Chưa nổi bật' });
  await call(src.core, 'scoring:setDeclaration', { sheetId: sheet.id, ruleId: 'conditional:5.2:1', holds: true });
  await call(src.core, 'scoring:setOpinion', { sheetId: sheet.id, opinion: 'Cần cải tiến bao bì' });
  await call(src.core, 'scoring:submit', { sheetId: sheet.id });
  exported = await call(src.core, 'scoring:export', { sessionId: src.sessionId });
  src.core.close();
});

const clone = (): ScoreSheetsDocument => structuredClone(exported);
const errorsOf = async (doc: unknown) => {
  const e = await callError(f.core, 'scoring:import', { document: doc });
  expect(e.code).toBe('IMPORT_INVALID');
  return (e.details as { errors: { row?: number; column?: string; code: string; message: string }[] }).errors;
};

describe('export', () => {
  it('writes the documented format with every answer, note, declaration and total', () => {
    expect(exported).toMatchObject({
      format: 'ocop-score-sheets',
      formatVersion: 2,
      session: { number: 1, date: '2026-06-10', councilName: 'Hội đồng OCOP tỉnh Đồng Tháp' },
    });
    expect(exported.sheets).toHaveLength(2);
    const s2 = exported.sheets[1]!;
    expect(s2).toMatchObject({
      registrationNo: '1/PĐK-29905',
      productCode: '82-29905-1-2026',
      member: { fullName: 'Phạm Thị Dung' },
      status: 'submitted',
      totalPoints: 21,
      opinion: 'Cần cải tiến bao bì',
    });
    expect(s2.criteriaSet.setKey).toBe('test/mini');
    expect(s2.answers.find((a) => a.criterionCode === '7')).toEqual({
      criterionCode: '7',
      levelIndex: 1,
      points: 1,
      note: 'Chưa nổi bật',
    });
    expect(s2.declarations).toEqual([{ ruleId: 'conditional:5.2:1', holds: true, reason: null }]);
  });
});

describe('import', () => {
  it('imports into another computer holding the same session, then recognises the same file as already present', async () => {
    f = await scoringFixture();
    const dry = await call(f.core, 'scoring:import', { document: exported, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(await f.db.selectFrom('score_sheet').select('id').execute()).toHaveLength(0);
    const r = await call(f.core, 'scoring:import', { document: exported });
    expect(r.sheets.map((s) => [s.memberName, s.totalPoints, typeof s.sheetId])).toEqual([
      ['Lê Văn Cường', 25, 'number'],
      ['Phạm Thị Dung', 21, 'number'],
    ]);
    const v = await call(f.core, 'scoring:get', { sheetId: r.sheets[1]!.sheetId! });
    expect(v.sheet).toMatchObject({ status: 'submitted', totalPoints: 21, opinion: 'Cần cải tiến bao bì', source: 'member' });
    expect(v.answers.find((a) => a.criterionCode === '7')?.note).toBe('Chưa nổi bật');
    const again = await call(f.core, 'scoring:import', { document: exported });
    expect(again.sheets.map((s) => s.sheetId)).toEqual(r.sheets.map((s) => s.sheetId));
    expect(await f.db.selectFrom('score_sheet').select('id').execute()).toHaveLength(2);
    expect((await f.db.selectFrom('audit_log').select('action').where('action', '=', 'scoring.import').execute()).length).toBe(2);
  });

  it('round-trips: exporting the imported sheets gives the same sheets', async () => {
    f = await scoringFixture();
    await call(f.core, 'scoring:import', { document: exported });
    const back = await call(f.core, 'scoring:export', { sessionId: f.sessionId });
    expect(back.sheets.map(({ submittedAt: _s, ...rest }) => rest)).toEqual(
      exported.sheets.map(({ submittedAt: _s, ...rest }) => rest),
    );
  });

  describe('refuses malformed files and writes nothing', () => {
    const cases: [string, (d: ScoreSheetsDocument) => unknown, string, string?][] = [
      ['not an object', () => 'hello', 'FORMAT'],
      ['another format', (d) => ({ ...d, format: 'ocop-criteria-set' }), 'FORMAT', 'format'],
      ['a newer format version', (d) => ({ ...d, formatVersion: 3 }), 'FORMAT', 'formatVersion'],
      ['an unknown field', (d) => ({ ...d, sheets: [{ ...d.sheets[0], extra: 1 }] }), 'FORMAT'],
      ['a negative level index', (d) => ((d.sheets[0]!.answers[0]!.levelIndex = -1), d), 'FORMAT', 'answers.0.levelIndex'],
      ['an unknown session', (d) => ((d.session.id = 77), d), 'SESSION_UNKNOWN'],
      ['a session of another date', (d) => ((d.session.date = '2026-06-11'), d), 'SESSION_MISMATCH'],
      ['a member not listed', (d) => ((d.sheets[0]!.member.id = 99), d), 'MEMBER_UNKNOWN', 'member.id'],
      [
        'a member under another name',
        (d) => ((d.sheets[0]!.member.fullName = 'Lê Văn Cương'), d),
        'MEMBER_NAME_MISMATCH',
        'member.fullName',
      ],
      [
        'a product not on the agenda',
        (d) => ((d.sheets[0]!.registrationNo = '99/PĐK-29905'), d),
        'PRODUCT_UNKNOWN',
        'registrationNo',
      ],
      [
        'a product code that does not match',
        (d) => ((d.sheets[0]!.productCode = '82-29905-9-2026'), d),
        'PRODUCT_CODE_MISMATCH',
        'productCode',
      ],
      [
        'another criteria set version',
        (d) => ((d.sheets[0]!.criteriaSet.contentHash = 'f'.repeat(64)), d),
        'SET_MISMATCH',
        'criteriaSet',
      ],
      [
        'an unknown criterion',
        (d) => ((d.sheets[0]!.answers[0]!.criterionCode = '9.9'), d),
        'CRITERION_UNKNOWN',
        'answers.0.criterionCode',
      ],
      [
        'a level the criterion lacks',
        (d) => ((d.sheets[0]!.answers[0]!.levelIndex = 7), d),
        'LEVEL_OUT_OF_RANGE',
        'answers.0.levelIndex',
      ],
      [
        'points that do not match the level',
        (d) => ((d.sheets[0]!.answers[0]!.points = 2), d),
        'POINTS_MISMATCH',
        'answers.0.points',
      ],
      [
        'a criterion answered twice',
        (d) => (d.sheets[0]!.answers.push({ ...d.sheets[0]!.answers[0]! }), d),
        'CRITERION_DUPLICATE',
      ],
      ['a wrong total', (d) => ((d.sheets[0]!.totalPoints = 24), d), 'TOTAL_MISMATCH', 'totalPoints'],
      [
        'an incomplete submitted sheet',
        (d) => (
          (d.sheets[0]!.answers = d.sheets[0]!.answers.filter((a) => a.criterionCode !== '1.1')),
          (d.sheets[0]!.totalPoints = 22),
          d
        ),
        'INCOMPLETE',
      ],
      ['a draft sheet', (d) => ((d.sheets[0]!.status = 'draft'), d), 'DRAFT_NOT_IMPORTED', 'status'],
      ['the same sheet twice', (d) => (d.sheets.push(structuredClone(d.sheets[0]!)), d), 'DUPLICATE_SHEET'],
      ['an unknown rule', (d) => ((d.sheets[1]!.declarations[0]!.ruleId = 'conditional:9:1'), d), 'RULE_UNKNOWN'],
      [
        'a disqualification without reason',
        (d) => (d.sheets[1]!.declarations.push({ ruleId: 'disqualify:set:1', holds: true, reason: null }), d),
        'REASON_REQUIRED',
      ],
      ['a re-scoring round not opened here', (d) => ((d.sheets[0]!.rescoringRound = 1), d), 'ROUND_NOT_OPEN', 'rescoringRound'],
      [
        'a paper sheet without who entered it',
        (d) => ((d.sheets[0]!.source = 'paper'), (d.sheets[0]!.enteredBy = null), d),
        'PAPER_WITHOUT_ENTERER',
      ],
      ['a superseded sheet with no later round', (d) => ((d.sheets[0]!.status = 'superseded'), d), 'SUPERSEDED_WITHOUT_LATER'],
    ];
    it.each(cases)('%s', async (_name, mutate, code, column) => {
      f = await scoringFixture();
      const errors = await errorsOf(mutate(clone()));
      const hit = errors.find((e) => e.code === code);
      expect(hit, JSON.stringify(errors)).toBeDefined();
      if (column) expect(hit!.column).toContain(column);
      expect(hit!.message.length).toBeGreaterThan(10);
      expect(await f.db.selectFrom('score_sheet').select('id').execute()).toHaveLength(0);
    });
  });

  it('reports a conflict with a different sheet already stored, and a recused member', async () => {
    f = await scoringFixture();
    await scoreAndSubmit(f, f.members.m1, { ...MINI_TOP, '1.1': 0 });
    await f.db
      .insertInto('session_conflict')
      .values({
        session_id: f.sessionId,
        member_id: f.members.m2,
        registration_id: f.regs.a,
        reason: 'Người thân',
        declared_at: 'x',
      })
      .execute();
    const errors = await errorsOf(clone());
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'CONFLICT_EXISTING'],
      [2, 'RECUSED'],
    ]);
    expect(await f.db.selectFrom('score_sheet').select('id').execute()).toHaveLength(1);
  });

  it('refuses while the session is not in progress', async () => {
    f = await scoringFixture();
    await sql`UPDATE session SET status = 'closed' WHERE id = ${f.sessionId}`.execute(f.db);
    expect((await errorsOf(clone()))[0]!.code).toBe('SESSION_NOT_OPEN');
  });
});
