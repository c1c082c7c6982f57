import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { memoryCore } from '../test/fixtures';
import { choicesForTotal } from './test/choices';
import { seedSession, type Seeded } from './test/fixtures';

/**
 * Once a session is finalized every write path of sessions and scoring refuses with
 * FORBIDDEN_STATE (a service check first, the 0004/0006 triggers behind it) — never an INTERNAL
 * error and never a silent change.
 */
let core: Core;
let s: Seeded;
let draftSheetId: number;
beforeAll(async () => {
  core = await memoryCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const c = choicesForTotal(set, 75, { keepMarks: true });
  s = seedSession(core.ctx.sqlite, { products: 2, members: 3, choose: ({ code }) => c[code]!, status: 'closed' });
  const f = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
  if (!f.ok) throw new Error(f.error.message);
  draftSheetId = s.sheetIds[0]![0]!;
});
afterAll(() => core?.close());

/** Every row of every table a session's writes touch (the session is small). */
function snapshot(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    'session',
    'session_agenda_item',
    'session_attendance',
    'session_conflict',
    'score_sheet',
    'score_answer',
    'score_answer_event',
    'score_declaration',
    'score_rescoring_round',
    'paper_entry',
    'session_finalization',
  ]) {
    out[t] = core.ctx.sqlite.prepare(`SELECT * FROM ${t}`).all();
  }
  return out;
}

const writes = (): [string, unknown][] => {
  const sessionId = s.sessionId;
  const registrationId = s.registrationIds[0]!;
  const memberId = s.memberIds[1]!;
  const sheetId = draftSheetId;
  return [
    ['sessions:update', { id: sessionId, note: 'Sửa sau khi chốt' }],
    ['sessions:setAgenda', { id: sessionId, registrationIds: [registrationId] }],
    ['sessions:setAttendance', { id: sessionId, memberId, present: false, absenceReason: 'Ốm' }],
    ['sessions:declareConflict', { id: sessionId, memberId, registrationId, reason: 'Họ hàng' }],
    ['sessions:transition', { id: sessionId, to: 'in_progress', reason: 'Chấm thêm' }],
    ['sessions:delete', { id: sessionId }],
    ['scoring:setAnswer', { sheetId, criterionCode: '1.1', levelIndex: 0 }],
    ['scoring:setNote', { sheetId, criterionCode: '1.1', note: 'ghi chú' }],
    ['scoring:setOpinion', { sheetId, opinion: 'ý kiến' }],
    ['scoring:unlock', { sheetId, reason: 'Sửa phiếu' }],
    ['scoring:openRescoring', { sessionId, registrationId, chairMemberId: s.chairId, reason: 'Chấm lại' }],
    [
      'scoring:paperSave',
      { sessionId, registrationId, memberId, entryNo: 1, enteredBy: 'Thư ký', writtenTotal: null, answers: [] },
    ],
  ];
};

describe('writes to a finalized session', () => {
  it('every sessions and scoring write refuses with FORBIDDEN_STATE (or IMMUTABLE) and a message', async () => {
    const before = snapshot();
    for (const [channel, input] of writes()) {
      const r = await invoke(core.ctx, channel, input, {}, () => {});
      expect([channel, r.ok ? 'ACCEPTED' : r.error.code]).toEqual([
        channel,
        expect.stringMatching(/^(FORBIDDEN_STATE|IMMUTABLE)$/),
      ]);
      if (!r.ok) expect(r.error.message.length).toBeGreaterThan(20);
    }
    expect(snapshot()).toEqual(before);
  });

  it('opening a member sheet is a read: it shows the submitted sheet and writes nothing', async () => {
    const before = snapshot();
    const r = await invoke(core.ctx, 'scoring:open', {
      sessionId: s.sessionId,
      registrationId: s.registrationIds[0]!,
      memberId: s.memberIds[1]!,
    });
    expect(r).toMatchObject({ ok: true, value: { sheet: { status: 'submitted' } } });
    expect(snapshot()).toEqual(before);
  });
});
