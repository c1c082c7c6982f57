import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DocumentSettings, DocumentSettingsView } from '../../../../shared/api/channels/document-settings';
import { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { invoke } from '../../api';
import type { Core } from '../../context';
import { choicesForTotal } from '../../results/test/choices';
import { seedSession, type Seeded } from '../../results/test/fixtures';
import { memoryCore } from '../../test/fixtures';
import { pdfRaw, tmpDir, writePdf } from '../test/pdf-tools';

let core: Core;
const dir = tmpDir();
afterEach(() => core?.close());
afterAll(() => {
  if (!process.env.KEEP_PDF) fs.rmSync(dir, { recursive: true, force: true });
});

type Env<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const ok = <T>(env: Env<T>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};
const flat = (s: string): string => s.replace(/\s+/gu, ' ');

/**
 * Three products scored by three members and a Thư ký, in a council with its own symbol and
 * place: product 1 spread over the limit (95 vs 79), the others within it.
 */
async function scored(spread = true, status: 'closed' | 'in_progress' = 'closed'): Promise<Seeded> {
  core = await memoryCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const totals = [
    [80, spread ? 95 : 81, 79],
    [60, 61, 59],
    [85, 86, 86],
  ];
  const plans = totals.map((ts) => ts.map((t) => choicesForTotal(set, t, { keepMarks: true })));
  const s = seedSession(core.ctx.sqlite, {
    products: 3,
    members: 3,
    withSecretary: true,
    choose: ({ product, member, code }) => plans[product]![member]![code]!,
    status,
  });
  const db = core.ctx.sqlite;
  db.prepare(
    `UPDATE council SET doc_symbol = 'HĐ', place_name = 'Đồng Tháp', issuer_parent = 'UBND TỈNH ĐỒNG THÁP', issuer_name_lines_json = '["HỘI ĐỒNG ĐÁNH GIÁ,","PHÂN HẠNG SẢN PHẨM OCOP"]' WHERE id = ?`,
  ).run(s.councilId);
  db.prepare(
    `UPDATE producer SET address = 'Ấp Tân An', commune_name = 'Xã Tân Khánh Trung', province_name = 'Tỉnh Đồng Tháp', phone = '0277 3861 234'
     WHERE id = (SELECT p.producer_id FROM registration r JOIN product p ON p.id = r.product_id WHERE r.id = ?)`,
  ).run(s.registrationIds[0]);
  // A submitted sheet is frozen: unlock it, write the member's opinion, submit it again.
  for (const set of [
    `status = 'draft', submitted_at = NULL, submitted_by = NULL`,
    `opinion = 'Bao bì cần ghi rõ hạn sử dụng.'`,
    `status = 'submitted', submitted_at = '2026-06-10T03:00:00.000Z', submitted_by = 'seed'`,
  ]) {
    db.prepare(`UPDATE score_sheet SET ${set} WHERE session_id = ? AND registration_id = ? AND member_id = ?`).run(
      s.sessionId,
      s.registrationIds[2],
      s.memberIds[1],
    );
  }
  return s;
}

const settingsOf = async (
  sessionId: number,
  kind: 'minutes' | 'summary' | 'decision' | 'certificate',
): Promise<DocumentSettingsView> => ok(await invoke(core.ctx, 'documents:settings', { sessionId, kind }));
const render = async (
  sessionId: number,
  kind: 'minutes' | 'summary' | 'decision' | 'sheet',
  extra: Record<string, number> = {},
): Promise<string> => {
  const doc = ok(await invoke(core.ctx, 'documents:render', { sessionId, kind, ...extra }));
  return flat(pdfRaw(writePdf(dir, `${kind}-${sessionId}-${Date.now()}`, Buffer.from(doc.pdfBase64, 'base64'))));
};
const auditActions = (): string[] =>
  (core.ctx.sqlite.prepare(`SELECT action FROM audit_log ORDER BY seq`).all() as { action: string }[]).map((r) => r.action);

describe('document settings: defaults, save, audit', { timeout: 120_000 }, () => {
  it('fills the defaults from the council and the session, with the minutes content from the scoring data', async () => {
    const s = await scored();
    const v = await settingsOf(s.sessionId, 'minutes');
    expect(v).toMatchObject({
      stored: false,
      locked: false,
      numberText: '…/BB-HĐ',
      series: { pattern: '{n}/BB-HĐ', year: 2026, nextNumber: 1 },
    });
    expect(v.settings).toMatchObject({
      parentLines: ['UBND TỈNH ĐỒNG THÁP'],
      bodyLines: ['HỘI ĐỒNG ĐÁNH GIÁ,', 'PHÂN HẠNG SẢN PHẨM OCOP'],
      number: null,
      symbol: 'BB-HĐ',
      place: 'Đồng Tháp',
      date: '2026-06-10',
      recipients: ['Thành viên Hội đồng', 'Lưu: VT, Hồ sơ'],
      signer: { title: 'CHỦ TỌA', name: 'Nguyễn Văn An' },
    });
    // Product 1's totals spread 16 points: the minutes discuss it; the written opinion is prefilled.
    expect(v.discussionProducts.map((d) => d.registrationId)).toEqual([s.registrationIds[0]]);
    expect(v.settings.minutes).toMatchObject({
      endTime: null,
      vote: null,
      conclusions: [],
      opinions: ['Trần Thị Bình (sản phẩm Sản phẩm số 3): Bao bì cần ghi rõ hạn sử dụng.'],
    });
    const d = await settingsOf(s.sessionId, 'decision');
    expect(d.settings).toMatchObject({
      bodyLines: ['ỦY BAN NHÂN DÂN', 'TỈNH ĐỒNG THÁP'],
      symbol: 'QĐ-UBND',
      date: null,
      minutes: null,
    });
    expect((await settingsOf(s.sessionId, 'summary')).series).toBeNull();
  });

  it('saves the settings (NFC), audits before and after, and prints them in the minutes and the summary', async () => {
    const s = await scored();
    const base = (await settingsOf(s.sessionId, 'minutes')).settings;
    const edited: DocumentSettings = {
      ...base,
      parentLines: ['SỞ NÔNG NGHIỆP', 'VÀ MÔI TRƯỜNG'],
      bodyLines: ['HỘI ĐỒNG OCOP TỈNH'],
      number: 7,
      place: 'Cao Lãnh',
      date: '2026-06-11',
      showPlaceDate: true,
      recipients: ['UBND tỉnh (b/c)', 'Thành viên Hội đồng', 'Lưu: VT'],
      signer: { authority: '', title: 'CHỦ TỊCH HỘI ĐỒNG', officeLine: 'PHÓ CHỦ TỊCH UBND TỈNH', name: 'Nguyễn Văn An' },
      minutes: {
        endTime: '11:30',
        discussions: [{ registrationId: s.registrationIds[0]!, text: 'Các thành viên thống nhất chấm lại tiêu chí 1.5.' }],
        opinions: ['Ông Lê Văn Cường đề nghị chủ thể bổ sung hồ sơ truy xuất nguồn gốc.'],
        conclusions: ['Giao Thư ký hoàn thiện hồ sơ trình Ủy ban nhân dân tỉnh trước ngày 20/6/2026.'],
        vote: { for: 3, against: 0, abstain: 0 },
      },
    };
    // Decomposed Vietnamese (NFD) is stored composed.
    const saved = ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'minutes',
        settings: { ...edited, place: 'Cao Lãnh'.normalize('NFD') },
      }),
    );
    expect(saved).toMatchObject({ stored: true, numberText: '07/BB-HĐ', settings: { place: 'Cao Lãnh' } });
    expect((await settingsOf(s.sessionId, 'minutes')).settings).toEqual(edited);
    const audit = core.ctx.sqlite
      .prepare(`SELECT action, entity, entity_id, before_json, after_json FROM audit_log WHERE action = 'documents.saveSettings'`)
      .get() as Record<string, string | null>;
    expect(audit).toMatchObject({ entity: 'session', entity_id: String(s.sessionId), before_json: null });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ kind: 'minutes', settings: { number: 7, place: 'Cao Lãnh' } });

    const text = await render(s.sessionId, 'minutes');
    for (const expected of [
      'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG HỘI ĐỒNG OCOP TỈNH',
      'Số: 07/BB-HĐ',
      'Cao Lãnh, ngày 11 tháng 6 năm 2026',
      '- UBND tỉnh (b/c);',
      '- Lưu: VT.',
      'CHỦ TỊCH HỘI ĐỒNG',
      'PHÓ CHỦ TỊCH UBND TỈNH',
      'chênh lệch 16 điểm. Hội đồng đã thảo luận. Các thành viên thống nhất chấm lại tiêu chí 1.5.',
      'Ý kiến của các thành viên Hội đồng:',
      'Ông Lê Văn Cường đề nghị chủ thể bổ sung hồ sơ truy xuất nguồn gốc.',
      'Giao Thư ký hoàn thiện hồ sơ trình Ủy ban nhân dân tỉnh trước ngày 20/6/2026.',
      'Kết quả biểu quyết: 03 thành viên tán thành, 0 không tán thành, 0 không biểu quyết.',
      'Cuộc họp kết thúc vào 11 giờ 30',
    ])
      expect(text).toContain(expected);
    // The summary is annexed to these minutes: it cites their number and date.
    expect(await render(s.sessionId, 'summary')).toContain('Kèm theo Biên bản số 07/BB-HĐ ngày 11 tháng 6 năm 2026');

    // Back to the defaults: the row goes, the audit keeps what it was.
    const reset = ok(await invoke(core.ctx, 'documents:resetSettings', { sessionId: s.sessionId, kind: 'minutes' }));
    expect(reset).toMatchObject({ stored: false, settings: { place: 'Đồng Tháp', number: null } });
    const undo = core.ctx.sqlite
      .prepare(`SELECT before_json, after_json FROM audit_log WHERE action = 'documents.resetSettings'`)
      .get() as { before_json: string; after_json: string | null };
    expect(JSON.parse(undo.before_json)).toMatchObject({ kind: 'minutes', settings: { place: 'Cao Lãnh' } });
    expect(undo.after_json).toBeNull();
    expect(await render(s.sessionId, 'minutes')).not.toContain('Cao Lãnh');
  });

  it('refuses settings that do not fit the form, naming the field', async () => {
    const s = await scored();
    const base = (await settingsOf(s.sessionId, 'summary')).settings;
    const bad = await invoke(core.ctx, 'documents:saveSettings', {
      sessionId: s.sessionId,
      kind: 'summary',
      settings: { ...base, symbol: 'bb-hđ' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('symbol') } });
    const numbered = await invoke(core.ctx, 'documents:saveSettings', {
      sessionId: s.sessionId,
      kind: 'summary',
      settings: { ...base, number: 3 },
    });
    expect(numbered).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'number: a summary has no number of its own; leave it empty' },
    });
    const twoLines = await invoke(core.ctx, 'documents:saveSettings', {
      sessionId: s.sessionId,
      kind: 'summary',
      settings: { ...base, place: 'Đồng\nTháp' },
    });
    expect(twoLines).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('place') } });
    // A header line the left column cannot hold would be wrapped: refused, saying to split it.
    const decision = (await settingsOf(s.sessionId, 'decision')).settings;
    const long = await invoke(core.ctx, 'documents:saveSettings', {
      sessionId: s.sessionId,
      kind: 'decision',
      settings: { ...decision, parentLines: ['SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG'] },
    });
    expect(long).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(
          /^parentLines\[0\]: "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" is too long for one line of the header \(\d+ mm, at most \d+ mm\); split it into two lines$/u,
        ),
      },
    });
    const fits = await invoke(core.ctx, 'documents:saveSettings', {
      sessionId: s.sessionId,
      kind: 'decision',
      settings: { ...decision, parentLines: ['SỞ NÔNG NGHIỆP', 'VÀ MÔI TRƯỜNG'] },
    });
    expect(fits.ok).toBe(true);
    expect(auditActions().filter((a) => a === 'documents.saveSettings')).toHaveLength(1);
  });

  it('stays editable after finalization until a document printing it is issued (core and database); reopening unlocks it', async () => {
    const s = await scored(false);
    ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
    // Finalized: numbers, dates and signers are still to be issued — editable, numbers can be taken.
    const before = await settingsOf(s.sessionId, 'minutes');
    expect(before).toMatchObject({ locked: false, lockedBy: [], finalized: true });
    const numbered = ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'minutes' }));
    expect(numbered.numberText).toBe('01/BB-HĐ');
    ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'minutes',
        settings: { ...numbered.settings, place: 'Sa Đéc' },
      }),
    );
    // Issuing the summary (which cites the minutes' number and date) locks the minutes' details too.
    ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'summary' }));
    const locked = await settingsOf(s.sessionId, 'minutes');
    expect(locked).toMatchObject({ locked: true, lockedBy: ['summary'] });
    expect((await settingsOf(s.sessionId, 'decision')).locked).toBe(false);
    const refused = await invoke(core.ctx, 'documents:saveSettings', {
      sessionId: s.sessionId,
      kind: 'minutes',
      settings: { ...locked.settings, place: 'Hồng Ngự' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('issued') } });
    expect(await invoke(core.ctx, 'documents:resetSettings', { sessionId: s.sessionId, kind: 'minutes' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE' },
    });
    // The database refuses it too, whoever writes.
    expect(() =>
      core.ctx.sqlite
        .prepare(`UPDATE document_settings SET settings_json = '{}' WHERE session_id = ? AND kind = 'minutes'`)
        .run(s.sessionId),
    ).toThrow(/FORBIDDEN_STATE: a document printing these details was issued/u);
    expect(() =>
      core.ctx.sqlite.prepare(`DELETE FROM document_settings WHERE session_id = ? AND kind = 'minutes'`).run(s.sessionId),
    ).toThrow(/FORBIDDEN_STATE/u);
    // The decision's details are not printed on the summary: still editable.
    const decision = (await settingsOf(s.sessionId, 'decision')).settings;
    ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'decision',
        settings: { ...decision, place: 'Cao Lãnh' },
      }),
    );
    expect((await settingsOf(s.sessionId, 'minutes')).settings.place).toBe('Sa Đéc');

    ok(
      await invoke(core.ctx, 'results:reopen', {
        sessionId: s.sessionId,
        chairMemberId: s.chairId,
        reason: 'Sửa địa danh trên biên bản',
      }),
    );
    const again = ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'minutes',
        settings: { ...locked.settings, place: 'Hồng Ngự' },
      }),
    );
    expect(again).toMatchObject({ locked: false, finalized: false, settings: { place: 'Hồng Ngự' } });
  });
});

describe('minutes content from the scoring data', { timeout: 120_000 }, () => {
  it("prefills the discussion with the chair's reason for re-scoring and prints the spread recorded when the round opened", async () => {
    const s = await scored(true, 'in_progress');
    ok(
      await invoke(core.ctx, 'scoring:openRescoring', {
        sessionId: s.sessionId,
        registrationId: s.registrationIds[0]!,
        chairMemberId: s.chairId,
        reason: 'Chênh lệch 16 điểm ở tiêu chí 1.5.',
      }),
    );
    const v = await settingsOf(s.sessionId, 'minutes');
    expect(v.settings.minutes!.discussions).toEqual([
      { registrationId: s.registrationIds[0], text: 'Lý do chấm lại: Chênh lệch 16 điểm ở tiêu chí 1.5.' },
    ]);
    const text = await render(s.sessionId, 'minutes');
    expect(text).toContain(
      'Sản phẩm số 1 (HTX Nông sản 1): chênh lệch 16 điểm. Hội đồng đã thảo luận. Lý do chấm lại: Chênh lệch 16 điểm ở tiêu chí 1.5.',
    );
    // The secretary's text replaces the default; the figures stay those of the data.
    ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'minutes',
        settings: {
          ...v.settings,
          minutes: {
            ...v.settings.minutes!,
            discussions: [{ registrationId: s.registrationIds[0]!, text: 'Hội đồng thống nhất cho chấm lại.' }],
          },
        },
      }),
    );
    expect(await render(s.sessionId, 'minutes')).toContain(
      'chênh lệch 16 điểm. Hội đồng đã thảo luận. Hội đồng thống nhất cho chấm lại.',
    );
  });
});

describe('document numbers from the council series', { timeout: 120_000 }, () => {
  it('allocates the next number into the settings, audits it, never reuses one, and keeps series per kind and year', async () => {
    const s = await scored();
    const a = ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'minutes' }));
    expect(a).toMatchObject({
      stored: true,
      numberText: '01/BB-HĐ',
      settings: { number: 1, symbol: 'BB-HĐ' },
      series: { nextNumber: 2 },
    });
    // A numbered document keeps its number.
    expect(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'minutes' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already has number 01/BB-HĐ') },
    });
    // Clearing the number and taking a new one gives 2: number 1 is never handed out again.
    ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'minutes',
        settings: { ...a.settings, number: null },
      }),
    );
    expect(ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'minutes' })).numberText).toBe(
      '02/BB-HĐ',
    );
    // The decision has its own series; the minutes' numbers do not move it.
    expect(ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'decision' })).numberText).toBe(
      '01/QĐ-UBND',
    );
    // Another year starts again at 1.
    const decision = await settingsOf(s.sessionId, 'decision');
    ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'decision',
        settings: { ...decision.settings, number: null, date: '2027-01-05' },
      }),
    );
    expect(ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'decision' })).numberText).toBe(
      '01/QĐ-UBND',
    );

    const ledger = core.ctx.sqlite.prepare(`SELECT kind, year, number, text FROM document_number ORDER BY id`).all();
    expect(ledger).toEqual([
      { kind: 'minutes', year: 2026, number: 1, text: '01/BB-HĐ' },
      { kind: 'minutes', year: 2026, number: 2, text: '02/BB-HĐ' },
      { kind: 'decision', year: 2026, number: 1, text: '01/QĐ-UBND' },
      { kind: 'decision', year: 2027, number: 1, text: '01/QĐ-UBND' },
    ]);
    expect(auditActions().filter((x) => x === 'documents.allocateNumber')).toHaveLength(4);
    expect(() => core.ctx.sqlite.prepare(`DELETE FROM document_number`).run()).toThrow(/IMMUTABLE/u);
    expect(() => core.ctx.sqlite.prepare(`UPDATE document_number_counter SET next_no = 1`).run()).toThrow(
      /IMMUTABLE: a document-number series only moves forward/u,
    );
    expect(() =>
      core.ctx.sqlite
        .prepare(
          `INSERT INTO document_number (council_id, kind, year, number, text, session_id, allocated_at, allocated_by) VALUES (?, 'minutes', 2026, 1, 'x', ?, 'now', 'me')`,
        )
        .run(s.councilId, s.sessionId),
    ).toThrow(/UNIQUE/u);
    expect(await render(s.sessionId, 'minutes')).toContain('Số: 02/BB-HĐ');
  });

  it('hands out distinct numbers to calls made at the same time', async () => {
    const s = await scored();
    // Five sessions of the same council, numbered concurrently.
    const sessions = [s.sessionId];
    for (let i = 2; i <= 5; i++) {
      const id = Number(
        core.ctx.sqlite
          .prepare(
            `INSERT INTO session (council_id, round_id, kind, number, title, date, rules_id, chair_member_id, secretary_member_id, created_at, updated_at) SELECT council_id, round_id, kind, ?, title, date, rules_id, chair_member_id, secretary_member_id, created_at, updated_at FROM session WHERE id = ?`,
          )
          .run(i, s.sessionId).lastInsertRowid,
      );
      core.ctx.sqlite
        .prepare(
          `INSERT INTO session_attendance (session_id, member_id, position, present, updated_at) SELECT ?, member_id, position, present, updated_at FROM session_attendance WHERE session_id = ?`,
        )
        .run(id, s.sessionId);
      sessions.push(id);
    }
    const views = await Promise.all(
      sessions.map(async (sessionId) => ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId, kind: 'minutes' }))),
    );
    expect(views.map((v) => v.settings.number).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(ok(await invoke(core.ctx, 'documents:numberSeries', { councilId: s.councilId, year: 2026 }))[0]).toMatchObject({
      kind: 'minutes',
      nextNumber: 6,
    });
  });

  it('uses the pattern the council sets, moves a series forward but never back', async () => {
    const s = await scored();
    const set = ok(
      await invoke(core.ctx, 'documents:setNumberSeries', {
        councilId: s.councilId,
        kind: 'minutes',
        pattern: '{n}/{year}/BB-HĐĐG',
        year: 2026,
        nextNumber: 5,
      }),
    );
    expect(set).toMatchObject({ pattern: '{n}/{year}/BB-HĐĐG', custom: true, nextNumber: 5 });
    expect((await settingsOf(s.sessionId, 'minutes')).numberText).toBe('…/2026/BB-HĐĐG');
    expect(ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'minutes' })).numberText).toBe(
      '05/2026/BB-HĐĐG',
    );
    expect(await render(s.sessionId, 'minutes')).toContain('Số: 05/2026/BB-HĐĐG');
    expect(
      await invoke(core.ctx, 'documents:setNumberSeries', {
        councilId: s.councilId,
        kind: 'minutes',
        pattern: '{n}/BB-HĐ',
        year: 2026,
        nextNumber: 3,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('the next number must be 6 or more') },
    });
    expect(
      await invoke(core.ctx, 'documents:setNumberSeries', { councilId: s.councilId, kind: 'minutes', pattern: 'BB-HĐ/{n}' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('must start with "{n}/"') },
    });
    expect(auditActions()).toContain('documents.setNumberSeries');
  });
});

describe('producer address and phone on the scoring sheet', { timeout: 120_000 }, () => {
  it("prints the producer's phone and address from the dossier", async () => {
    const s = await scored();
    const text = await render(s.sessionId, 'sheet', { registrationId: s.registrationIds[0]!, memberId: s.memberIds[0]! });
    expect(text).toContain('Số điện thoại: 0277 3861 234');
    expect(text).toContain('Địa chỉ: Ấp Tân An, Xã Tân Khánh Trung, Tỉnh Đồng Tháp');
  });
});
