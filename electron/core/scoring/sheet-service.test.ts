import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit-repo';
import { call, callError } from '../test/call';
import { MINI_TOP, scoringFixture, type ScoringFixture } from './test/fixtures';

let f: ScoringFixture;
afterEach(() => f?.core.close());

const open = (memberId = f.members.m1, registrationId = f.regs.a) =>
  call(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId, memberId });
const answerAll = async (sheetId: number, levels: Record<string, number> = MINI_TOP) => {
  for (const [criterionCode, levelIndex] of Object.entries(levels))
    await call(f.core, 'scoring:setAnswer', { sheetId, criterionCode, levelIndex });
};

describe('opening a sheet', () => {
  it('creates one draft per member and product, pinned to the registration set, and locks that set', async () => {
    f = await scoringFixture();
    const v = await open();
    expect(v.sheet).toMatchObject({
      status: 'draft',
      source: 'member',
      rescoringRound: 0,
      memberName: 'Lê Văn Cường',
      criteriaSetVersionId: f.miniVersionId,
      totalPoints: 0,
    });
    expect(v.missing).toHaveLength(8);
    expect(v.canUndo).toBe(false);
    const again = await open();
    expect(again.sheet.id).toBe(v.sheet.id);
    const locked = await f.db
      .selectFrom('criteria_set_version')
      .select('locked')
      .where('id', '=', f.miniVersionId)
      .executeTakeFirstOrThrow();
    expect(locked.locked).toBe(1);
    // The registration cannot swap its set under the sheet, and a sheet cannot use another set.
    await expect(
      sql`UPDATE registration SET criteria_set_version_id = ${f.realVersionId} WHERE id = ${f.regs.a}`.execute(f.db),
    ).rejects.toThrow(/IMMUTABLE/);
    await expect(
      sql`INSERT INTO score_sheet (session_id, registration_id, member_id, criteria_set_version_id, source, created_at, updated_at)
          VALUES (${f.sessionId}, ${f.regs.a}, ${f.members.m2}, ${f.realVersionId}, 'member', 'x', 'x')`.execute(f.db),
    ).rejects.toThrow(/CONFLICT/);
  });

  it('refuses the secretary, a recused member, an absent member and a product off the agenda', async () => {
    f = await scoringFixture();
    expect(
      (
        await callError(f.core, 'scoring:open', {
          sessionId: f.sessionId,
          registrationId: f.regs.a,
          memberId: f.members.secretary,
        })
      ).code,
    ).toBe('FORBIDDEN_STATE');
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
    const recused = await callError(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m2,
    });
    expect(recused.code).toBe('FORBIDDEN_STATE');
    expect(recused.message).toContain('conflict of interest');
    await sql`UPDATE session_attendance SET present = 0 WHERE member_id = ${f.members.vice}`.execute(f.db);
    expect(
      (await callError(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.vice }))
        .message,
    ).toContain('absent');
    expect(
      (await callError(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId: 999, memberId: f.members.m1 })).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses to start a sheet while the session is in preparation', async () => {
    f = await scoringFixture({ notOpened: true });
    const e = await callError(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m1,
    });
    expect(e.code).toBe('FORBIDDEN_STATE');
    expect(e.message).toContain('preparation');
  });

  it('checks the PIN of a member who has one', async () => {
    f = await scoringFixture();
    await call(f.core, 'scoring:setPin', { memberId: f.members.m1, pin: '4821' });
    expect(
      (await callError(f.core, 'scoring:open', { sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.m1 }))
        .code,
    ).toBe('WRONG_PIN');
    expect(
      (await callError(f.core, 'scoring:identify', { sessionId: f.sessionId, memberId: f.members.m1, pin: '1111' })).code,
    ).toBe('WRONG_PIN');
    expect((await call(f.core, 'scoring:identify', { sessionId: f.sessionId, memberId: f.members.m1, pin: '4821' })).hasPin).toBe(
      true,
    );
    expect(
      (
        await call(f.core, 'scoring:open', {
          sessionId: f.sessionId,
          registrationId: f.regs.a,
          memberId: f.members.m1,
          pin: '4821',
        })
      ).sheet.status,
    ).toBe('draft');
    expect((await callError(f.core, 'scoring:setPin', { memberId: f.members.m1, pin: '12' })).code).toBe('VALIDATION');
    const pinRow = await f.db
      .selectFrom('council_member')
      .select('pin_hash')
      .where('id', '=', f.members.m1)
      .executeTakeFirstOrThrow();
    expect(pinRow.pin_hash).toMatch(/^scrypt\$/);
    expect(pinRow.pin_hash).not.toContain('4821');
  });
});

describe('what the member reads beside the criteria', () => {
  it('gives the pinned set, the dossier summary, the self-assessment, the commune report and the evidence list', async () => {
    f = await scoringFixture();
    await f.db
      .insertInto('self_assessment_answer')
      .values({
        registration_id: f.regs.a,
        criterion_code: '1.1',
        level_index: 2,
        points: 3,
        evidence_note: 'Hợp đồng thu mua sen',
        updated_at: 'x',
        updated_by: 'x',
      })
      .execute();
    await f.db
      .insertInto('commune_report')
      .values({
        registration_id: f.regs.a,
        report_no: '12/BC-UBND',
        report_date: '2026-05-02',
        local_materials: 'Sen của xã',
        local_labour: '20 lao động',
        idea_origin: '',
        local_identity: '',
        recommendation: 'propose',
        proposal: '',
        signer_name: '',
        signer_position: '',
        updated_at: 'x',
        updated_by: 'x',
      })
      .execute();
    const { sheet } = await open();
    const c = await call(f.core, 'scoring:context', { sheetId: sheet.id });
    expect(c.criteriaSet.setKey).toBe('test/mini');
    expect(c.dossier).toMatchObject({
      productName: 'Mứt sen Sa Đéc',
      productCode: '82-29905-1-2026',
      producerName: 'HTX Nông sản Sa Đéc',
      registrationNo: '1/PĐK-29905',
    });
    expect(c.selfAssessment).toEqual([{ criterionCode: '1.1', levelIndex: 2, points: 3, evidenceNote: 'Hợp đồng thu mua sen' }]);
    expect(c.communeReport).toMatchObject({ reportNo: '12/BC-UBND', localMaterials: 'Sen của xã', recommendation: 'propose' });
    expect(c.attachments).toEqual([]);
  });
});

describe('autosave', () => {
  it('saves each answer as an event and a current answer, with running totals', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    const r = await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '5.1', levelIndex: 4 });
    expect(r).toMatchObject({ totalPoints: 5, answeredCount: 1, applicableCount: 8, complete: false, canUndo: true });
    expect(r.parts.find((p) => p.code === 'B')).toEqual({ code: 'B', points: 5, max: 7 });
    expect(r.seq).toBeGreaterThan(0);
    const events = await f.db.selectFrom('score_answer_event').selectAll().where('sheet_id', '=', sheet.id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'level',
      target: '5.1',
      level_index: 4,
      points: 5,
      actor: 'Lê Văn Cường',
      before_json: '{"levelIndex":null,"points":null}',
    });
    const view = await call(f.core, 'scoring:get', { sheetId: sheet.id });
    expect(view.answers).toEqual([{ criterionCode: '5.1', levelIndex: 4, points: 5, note: '' }]);
    expect(view.sheet.totalPoints).toBe(5);
  });

  it('writes every answer to the audit chain, which stays valid', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 0 });
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 2 });
    const audit = await f.db.selectFrom('audit_log').selectAll().where('action', '=', 'scoring.answer').orderBy('seq').execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ target: '1.1', kind: 'level', value: { levelIndex: 0, points: 1 } });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ target: '1.1', value: { levelIndex: 2, points: 3 } });
    expect(audit[1]!.actor).toBe('Lê Văn Cường');
    expect((await verifyAudit(f.db)).ok).toBe(true);
  });

  it('saving the same level again writes nothing', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 1 });
    const r = await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 1 });
    expect(r.seq).toBeNull();
    expect(await f.db.selectFrom('score_answer_event').select('seq').where('sheet_id', '=', sheet.id).execute()).toHaveLength(1);
  });

  it('refuses a criterion the set lacks and a level out of range, naming them', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    const a = await callError(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '9.9', levelIndex: 0 });
    expect(a.code).toBe('VALIDATION');
    expect(a.message).toContain('"9.9"');
    const b = await callError(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 3 });
    expect(b.message).toContain('criterion 1.1 has 3 levels (0 to 2)');
    expect((await callError(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: -1 })).code).toBe(
      'VALIDATION',
    );
  });

  it('keeps notes and the opinion, NFC-normalised', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    await call(f.core, 'scoring:setNote', { sheetId: sheet.id, criterionCode: '7', note: 'Bao bì đẹp'.normalize('NFD') });
    await call(f.core, 'scoring:setOpinion', { sheetId: sheet.id, opinion: 'Đề nghị bổ sung hồ sơ' });
    const v = await call(f.core, 'scoring:get', { sheetId: sheet.id });
    expect(v.answers).toEqual([{ criterionCode: '7', levelIndex: null, points: null, note: 'Bao bì đẹp' }]);
    expect(v.sheet.opinion).toBe('Đề nghị bổ sung hồ sơ');
  });
});

describe('rules on the sheet', () => {
  it('a stop level takes the following criteria out and refuses answers on them', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    const r = await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '6.2', levelIndex: 0 });
    expect(r.stopped).toBe(true);
    expect(r.applicableCount).toBe(6);
    const e = await callError(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '7', levelIndex: 1 });
    expect(e.code).toBe('FORBIDDEN_STATE');
    expect(e.message).toContain('stop:6.2:1');
    // Clearing is always allowed.
    expect((await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '7', levelIndex: null })).seq).toBeNull();
  });

  it('a conditional declared absent is skipped; a disqualifying finding needs a reason and marks the sheet', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    const skip = await call(f.core, 'scoring:setDeclaration', { sheetId: sheet.id, ruleId: 'conditional:5.2:1', holds: false });
    expect(skip.applicableCount).toBe(7);
    const noReason = await callError(f.core, 'scoring:setDeclaration', {
      sheetId: sheet.id,
      ruleId: 'disqualify:1.1:1',
      holds: true,
      reason: '  ',
    });
    expect(noReason.code).toBe('VALIDATION');
    expect(noReason.message).toContain('reason');
    const dq = await call(f.core, 'scoring:setDeclaration', {
      sheetId: sheet.id,
      ruleId: 'disqualify:1.1:1',
      holds: true,
      reason: 'Nguyên liệu nhập khẩu toàn bộ',
    });
    expect(dq).toMatchObject({ disqualified: true, complete: true });
    const v = await call(f.core, 'scoring:get', { sheetId: sheet.id });
    expect(v.sheet).toMatchObject({ disqualified: true, disqualifyReason: 'Nguyên liệu nhập khẩu toàn bộ' });
    expect(
      (await callError(f.core, 'scoring:setDeclaration', { sheetId: sheet.id, ruleId: 'stop:6.2:1', holds: true })).code,
    ).toBe('VALIDATION');
    // Withdrawing the finding.
    expect(
      (await call(f.core, 'scoring:setDeclaration', { sheetId: sheet.id, ruleId: 'disqualify:1.1:1', holds: null })).disqualified,
    ).toBe(false);
  });
});

describe('undo', () => {
  it('walks back changes in order, across kinds, and stops when there is nothing left', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 0 });
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 2 });
    await call(f.core, 'scoring:setNote', { sheetId: sheet.id, criterionCode: '1.1', note: 'ghi chú' });
    await call(f.core, 'scoring:setDeclaration', { sheetId: sheet.id, ruleId: 'conditional:5.2:1', holds: false });

    let u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u.undone).toEqual({ kind: 'declaration', target: 'conditional:5.2:1', restored: null });
    expect(u.applicableCount).toBe(8);
    u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u.undone).toMatchObject({ kind: 'note', target: '1.1' });
    u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u.undone).toEqual({ kind: 'level', target: '1.1', restored: { levelIndex: 0, points: 1 } });
    expect(u.totalPoints).toBe(1);
    // A new change after undos, then undo it: back to level 0, not to level 2.
    await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.2', levelIndex: 2 });
    u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u.undone?.target).toBe('1.2');
    expect(u.totalPoints).toBe(1);
    u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u).toMatchObject({ totalPoints: 0, canUndo: false });
    u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
    expect(u.undone).toBeNull();
    const v = await call(f.core, 'scoring:get', { sheetId: sheet.id });
    expect(v.answers).toEqual([]);
    expect(v.canUndo).toBe(false);
    // Every change and every undo is kept.
    expect(await f.db.selectFrom('score_answer_event').select('seq').where('sheet_id', '=', sheet.id).execute()).toHaveLength(
      5 + 5,
    );
    expect((await verifyAudit(f.db)).ok).toBe(true);
  });
});

describe('undo across two connections to one file (desktop app and a second window or the CLI)', () => {
  it('a change written by the other connection is the one undone next', async () => {
    const { fileCore, tempDir } = await import('../test/fixtures');
    const dir = tempDir();
    f = await scoringFixture({}, await fileCore(dir));
    const other = await fileCore(dir);
    try {
      const { sheet } = await open();
      await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 0 });
      await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.2', levelIndex: 1 });
      // This connection now has the sheet's undo stack cached; the other one writes behind its back.
      expect((await call(f.core, 'scoring:undo', { sheetId: sheet.id })).undone?.target).toBe('1.2');
      await call(other, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '7', levelIndex: 3 });
      const u = await call(f.core, 'scoring:undo', { sheetId: sheet.id });
      expect(u.undone?.target).toBe('7');
      expect((await call(f.core, 'scoring:undo', { sheetId: sheet.id })).undone?.target).toBe('1.1');
      expect((await call(other, 'scoring:undo', { sheetId: sheet.id })).undone).toBeNull();
    } finally {
      other.close();
    }
  });
});

describe('submit and lock', () => {
  it('refuses an incomplete sheet, naming the missing criteria', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    const { ['8']: _x, ...rest } = MINI_TOP;
    await answerAll(sheet.id, rest);
    const e = await callError(f.core, 'scoring:submit', { sheetId: sheet.id });
    expect(e.code).toBe('FORBIDDEN_STATE');
    expect(e.message).toContain('criteria 8');
    expect(e.details).toMatchObject({ missing: ['8'] });
  });

  it('locks the sheet: no answer, note, opinion or undo after submission; the database refuses too', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    await answerAll(sheet.id);
    const v = await call(f.core, 'scoring:submit', { sheetId: sheet.id });
    expect(v.sheet).toMatchObject({ status: 'submitted', totalPoints: 25, complete: true, submittedBy: 'Lê Văn Cường' });
    expect(v.canUndo).toBe(false);
    for (const [ch, input] of [
      ['scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 0 }],
      ['scoring:setNote', { sheetId: sheet.id, criterionCode: '1.1', note: 'x' }],
      ['scoring:setOpinion', { sheetId: sheet.id, opinion: 'x' }],
      ['scoring:undo', { sheetId: sheet.id }],
      ['scoring:submit', { sheetId: sheet.id }],
    ] as const) {
      expect((await callError(f.core, ch, input)).code).toBe('IMMUTABLE');
    }
    await expect(
      sql`INSERT INTO score_answer_event (sheet_id, kind, target, at, actor) VALUES (${sheet.id}, 'level', '1.1', 'x', 'x')`.execute(
        f.db,
      ),
    ).rejects.toThrow(/IMMUTABLE/);
    await expect(
      sql`UPDATE score_answer SET level_index = 0, points = 1 WHERE sheet_id = ${sheet.id} AND criterion_code = '1.1'`.execute(
        f.db,
      ),
    ).rejects.toThrow(/IMMUTABLE/);
    await expect(sql`UPDATE score_sheet SET total_points = 99 WHERE id = ${sheet.id}`.execute(f.db)).rejects.toThrow(/IMMUTABLE/);
    await expect(sql`DELETE FROM score_sheet WHERE id = ${sheet.id}`.execute(f.db)).rejects.toThrow(/IMMUTABLE/);
    await expect(sql`DELETE FROM score_answer_event WHERE sheet_id = ${sheet.id}`.execute(f.db)).rejects.toThrow(/IMMUTABLE/);
    const submits = await f.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'scoring.submit').execute();
    expect(JSON.parse(submits[0]!.after_json!)).toMatchObject({ totalPoints: 25, answers: MINI_TOP });
  });

  it('unlock needs a reason, returns the sheet to draft and is audited', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    await answerAll(sheet.id);
    await call(f.core, 'scoring:submit', { sheetId: sheet.id });
    expect((await callError(f.core, 'scoring:unlock', { sheetId: sheet.id, reason: ' ' })).code).toBe('VALIDATION');
    const v = await call(
      f.core,
      'scoring:unlock',
      { sheetId: sheet.id, reason: 'Thành viên chọn nhầm tiêu chí 7' },
      { actor: 'Thư ký Võ Thị Em' },
    );
    expect(v.sheet.status).toBe('draft');
    expect((await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '7', levelIndex: 2 })).totalPoints).toBe(
      23,
    );
    const log = await f.db
      .selectFrom('audit_log')
      .select(['actor', 'after_json'])
      .where('action', '=', 'scoring.unlock')
      .executeTakeFirstOrThrow();
    expect(log.actor).toBe('Thư ký Võ Thị Em');
    expect(JSON.parse(log.after_json!)).toEqual({ status: 'draft', reason: 'Thành viên chọn nhầm tiêu chí 7' });
    expect((await callError(f.core, 'scoring:unlock', { sheetId: sheet.id, reason: 'x' })).code).toBe('FORBIDDEN_STATE');
  });

  it('no answer changes once the session is closed (service and trigger)', async () => {
    f = await scoringFixture();
    const { sheet } = await open();
    await sql`UPDATE session SET status = 'closed' WHERE id = ${f.sessionId}`.execute(f.db);
    const e = await callError(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode: '1.1', levelIndex: 0 });
    expect(e.code).toBe('FORBIDDEN_STATE');
    await expect(
      sql`INSERT INTO score_answer_event (sheet_id, kind, target, at, actor) VALUES (${sheet.id}, 'level', '1.1', 'x', 'x')`.execute(
        f.db,
      ),
    ).rejects.toThrow(/FORBIDDEN_STATE/);
  });
});

describe('reload: nothing shown as saved is lost', () => {
  it('a file database reopened after every answer holds every answer', async () => {
    const { fileCore, tempDir } = await import('../test/fixtures');
    const dir = tempDir();
    f = await scoringFixture({}, await fileCore(dir));
    const { sheet } = await open();
    await answerAll(sheet.id, { '1.1': 2, '1.2': 1, '5.1': 3 });
    // Simulate a crash: close without the orderly checkpoint path, then reopen the file.
    f.core.ctx.sqlite.close();
    f.core = await fileCore(dir);
    const v = await call(f.core, 'scoring:get', { sheetId: sheet.id });
    expect(Object.fromEntries(v.answers.map((a) => [a.criterionCode, a.levelIndex]))).toEqual({ '1.1': 2, '1.2': 1, '5.1': 3 });
    expect(v.sheet.totalPoints).toBe(3 + 1 + 3);
  });
});
