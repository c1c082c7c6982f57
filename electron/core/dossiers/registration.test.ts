import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { makeProducer, makeProduct, makeRegistration, makeRound } from './test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

const locked = (c: Core, id: number) =>
  (c.ctx.sqlite.prepare('SELECT locked FROM criteria_set_version WHERE id = ?').get(id) as { locked: number }).locked;

describe('registrations', () => {
  it('numbers the form …/PĐK-(T)-(X)-(year) per commune and year, pins the newest set version, records "received"', async () => {
    core = await memoryCore();
    const { round, producer, product, reg } = await makeRegistration(core);
    expect(reg.registrationNo).toBe('1/PĐK-01-00004-2026');
    expect(reg.status).toBe('received');
    expect(reg.criteriaSet).toMatchObject({ setKey: 'qd26-2026/09', decision: '26/2026/QĐ-TTg', version: 1 });
    expect(reg.statusHistory).toMatchObject([{ fromStatus: null, toStatus: 'received' }]);
    expect(reg.selfAssessment).toMatchObject({ answered: 0, points: 0 });
    expect(reg.selfAssessment.criteria).toBeGreaterThan(25);
    const p2 = await makeProduct(core, producer.id, { name: 'Nước mắm nhĩ' });
    const r2 = await call(core, 'registrations:create', { productId: p2.id, roundId: round.id, kind: 'first' });
    expect(r2.registrationNo).toBe('2/PĐK-01-00004-2026');
    const round2027 = await makeRound(core, { year: 2027 });
    expect(
      (await call(core, 'registrations:create', { productId: product.id, roundId: round2027.id, kind: 'first' })).registrationNo,
    ).toBe('1/PĐK-01-00004-2027');
    // Same product twice in one round.
    expect(
      await callError(core, 'registrations:create', { productId: product.id, roundId: round.id, kind: 'first' }),
    ).toMatchObject({ code: 'CONFLICT', details: { field: 'roundId' } });
  });

  it('checks what each kind needs: stars and certificate for upgrade and re-evaluation', async () => {
    core = await memoryCore();
    const round = await makeRound(core);
    const producer = await makeProducer(core);
    const product = await makeProduct(core, producer.id);
    const base = { productId: product.id, roundId: round.id };
    expect((await callError(core, 'registrations:create', { ...base, kind: 'first', currentStars: 3 })).message).toMatch(
      /^currentStars: a first registration/,
    );
    expect((await callError(core, 'registrations:create', { ...base, kind: 'upgrade' })).message).toMatch(
      /^currentStars: the current star rank/,
    );
    expect((await callError(core, 'registrations:create', { ...base, kind: 'upgrade', currentStars: 5 })).message).toMatch(
      /^currentStars: a 5★ product cannot be upgraded/,
    );
    expect((await callError(core, 'registrations:create', { ...base, kind: 'reevaluation', currentStars: 4 })).message).toMatch(
      /^certificateExpiresOn: /,
    );
    expect(
      (await callError(core, 'registrations:create', { ...base, kind: 'first', receivedCommuneOn: '2026-02-30' })).message,
    ).toMatch(/receivedCommuneOn: "2026-02-30" is not a date/);
    expect(
      (
        await callError(core, 'registrations:create', {
          ...base,
          kind: 'first',
          receivedCommuneOn: '2026-03-05',
          receivedProvinceOn: '2026-03-01',
        })
      ).message,
    ).toMatch(/^receivedProvinceOn: /);
    // Expiry derived from the issue date (36 months).
    const r = await call(core, 'registrations:create', {
      ...base,
      kind: 'reevaluation',
      currentStars: 4,
      certificateNo: '12/GCN-UBND',
      certificateIssuedOn: '2023-09-15',
      receivedCommuneOn: '2026-04-01',
    });
    expect(r.certificateExpiresOn).toBe('2026-09-15');
    expect(r.reevaluation).toMatchObject({
      timing: 'in_window',
      opensOn: '2026-03-19',
      closesOn: '2026-05-18',
      measuredOn: '2026-04-01',
    });
  });

  it('warns (without refusing) when a re-evaluation is outside the 180–120-day window', async () => {
    core = await memoryCore();
    const { reg } = await makeRegistration(core, {
      kind: 'reevaluation',
      currentStars: 3,
      certificateExpiresOn: '2026-06-28',
      receivedCommuneOn: '2026-03-02',
    });
    // 2 March → 28 June is 118 days: two days after the window closed.
    expect(reg.reevaluation).toMatchObject({ timing: 'late', daysBeforeExpiry: 118, closesOn: '2026-02-28' });
    const early = await call(core, 'registrations:update', {
      id: reg.id,
      kind: 'reevaluation',
      currentStars: 3,
      certificateExpiresOn: '2027-06-30',
      receivedCommuneOn: '2026-03-02',
    });
    expect(early.reevaluation?.timing).toBe('too_early');
  });

  it('moves through the status flow with who/when, and refuses jumps the flow does not allow', async () => {
    core = await memoryCore();
    const { reg } = await makeRegistration(core);
    expect(reg.nextStatuses).toEqual(['commune_report', 'advisory_review', 'on_agenda']);
    expect(await callError(core, 'registrations:setStatus', { id: reg.id, status: 'evaluated' })).toMatchObject({
      code: 'FORBIDDEN_STATE',
      details: { field: 'status' },
    });
    const a = await call(core, 'registrations:setStatus', { id: reg.id, status: 'advisory_review', note: 'Tổ tư vấn nhận' });
    expect(a.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'received',
      toStatus: 'advisory_review',
      actor: 'local',
      note: 'Tổ tư vấn nhận',
    });
    await call(core, 'registrations:setStatus', { id: reg.id, status: 'on_agenda' });
    const back = await call(core, 'registrations:setStatus', { id: reg.id, status: 'advisory_review' });
    expect(back.status).toBe('advisory_review');
    await call(core, 'registrations:setStatus', { id: reg.id, status: 'on_agenda' });
    const ev = await call(core, 'registrations:setStatus', { id: reg.id, status: 'evaluated' });
    expect(ev).toMatchObject({ frozen: true, nextStatuses: ['result'] });
    expect(await callError(core, 'registrations:setStatus', { id: reg.id, status: 'on_agenda' })).toMatchObject({
      code: 'FORBIDDEN_STATE',
    });
    expect((await call(core, 'registrations:setStatus', { id: reg.id, status: 'result' })).statusHistory).toHaveLength(7);
  });

  it('saves the self-assessment from the pinned set (points from the set, not the caller) and locks the set version', async () => {
    core = await memoryCore();
    const { reg } = await makeRegistration(core);
    expect(locked(core, reg.criteriaSet.id)).toBe(0);
    const sa = await call(core, 'registrations:selfAssessment', { registrationId: reg.id });
    const c11 = (sa.content as { parts: { groups: { criteria: { code: string; levels: { points: number }[] }[] }[] }[] })
      .parts[0]!.groups[0]!.criteria[0]!;
    const saved = await call(core, 'registrations:saveSelfAssessment', {
      registrationId: reg.id,
      answers: [{ criterionCode: c11.code, levelIndex: c11.levels.length - 1, evidenceNote: 'Hợp đồng thu mua cá' }],
    });
    expect(saved).toMatchObject([
      {
        criterionCode: c11.code,
        levelIndex: c11.levels.length - 1,
        points: c11.levels.at(-1)!.points,
        evidenceNote: 'Hợp đồng thu mua cá',
      },
    ]);
    expect(locked(core, reg.criteriaSet.id)).toBe(1);
    expect(
      (
        await callError(core, 'registrations:saveSelfAssessment', {
          registrationId: reg.id,
          answers: [{ criterionCode: c11.code, levelIndex: 99 }],
        })
      ).message,
    ).toMatch(/^answers\.0\.levelIndex: criterion 1\.1 has \d levels/);
    expect(
      (
        await callError(core, 'registrations:saveSelfAssessment', {
          registrationId: reg.id,
          answers: [{ criterionCode: '42.1', levelIndex: 0 }],
        })
      ).message,
    ).toMatch(/^answers\.0\.criterionCode: criterion 42\.1 is not in/);
    // The pinned set cannot be swapped under an existing self-assessment.
    const other = core.ctx.sqlite.prepare("SELECT id FROM criteria_set_version WHERE set_key = 'qd26-2026/07'").get() as {
      id: number;
    };
    expect(
      await callError(core, 'registrations:update', { id: reg.id, kind: 'first', criteriaSetVersionId: other.id }),
    ).toMatchObject({ code: 'IMMUTABLE' });
    // Clearing an answer.
    expect(
      await call(core, 'registrations:saveSelfAssessment', {
        registrationId: reg.id,
        answers: [{ criterionCode: c11.code, levelIndex: null }],
      }),
    ).toEqual([]);
    expect((await call(core, 'registrations:get', { id: reg.id })).selfAssessment.answered).toBe(0);
  });

  it('saves the commune report (Mẫu 03) and moves a received dossier to the commune-report stage', async () => {
    core = await memoryCore();
    const { reg } = await makeRegistration(core);
    const rep = await call(core, 'registrations:saveCommuneReport', {
      registrationId: reg.id,
      reportNo: '15/BC-UBND',
      reportDate: '2026-03-20',
      localMaterials: 'Cá cơm đánh bắt tại vùng biển địa phương',
      localLabour: '12 lao động địa phương',
      ideaOrigin: 'Nghề truyền thống của gia đình',
      localIdentity: 'Làng nghề nước mắm trăm năm',
      recommendation: 'propose',
      proposal: 'Đề nghị UBND tỉnh đánh giá, phân hạng',
      signerName: 'Trần Văn Nam',
      signerPosition: 'Chủ tịch',
    });
    expect(rep).toMatchObject({ recommendation: 'propose', reportNo: '15/BC-UBND' });
    const d = await call(core, 'registrations:get', { id: reg.id });
    expect(d.status).toBe('commune_report');
    expect(d.communeReport?.localLabour).toBe('12 lao động địa phương');
  });

  it('freezes the dossier once evaluated: service checks and database triggers', async () => {
    core = await memoryCore();
    const { reg } = await makeRegistration(core);
    const att = await call(core, 'attachments:add', {
      registrationId: reg.id,
      fileName: 'phieu.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64'),
    });
    await call(core, 'registrations:saveSelfAssessment', {
      registrationId: reg.id,
      answers: [{ criterionCode: '1.1', levelIndex: 0 }],
    });
    for (const s of ['on_agenda', 'evaluated'] as const) await call(core, 'registrations:setStatus', { id: reg.id, status: s });
    expect(
      await callError(core, 'registrations:saveSelfAssessment', {
        registrationId: reg.id,
        answers: [{ criterionCode: '1.1', levelIndex: 1 }],
      }),
    ).toMatchObject({ code: 'IMMUTABLE' });
    expect(await callError(core, 'registrations:saveCommuneReport', { registrationId: reg.id })).toMatchObject({
      code: 'IMMUTABLE',
    });
    expect(await callError(core, 'attachments:remove', { id: att.id })).toMatchObject({ code: 'IMMUTABLE' });
    expect(
      await callError(core, 'attachments:add', {
        registrationId: reg.id,
        fileName: 'b.pdf',
        contentBase64: Buffer.from('%PDF-1.4 b').toString('base64'),
      }),
    ).toMatchObject({ code: 'IMMUTABLE' });
    expect(await callError(core, 'registrations:update', { id: reg.id, kind: 'first', note: 'sửa' })).toMatchObject({
      code: 'IMMUTABLE',
    });
    expect(await callError(core, 'registrations:delete', { id: reg.id })).toMatchObject({ code: 'IMMUTABLE' });
    // The database refuses the same changes from any other caller.
    const db = core.ctx.sqlite;
    expect(() => db.prepare('UPDATE self_assessment_answer SET level_index = 1 WHERE registration_id = ?').run(reg.id)).toThrow(
      /IMMUTABLE/,
    );
    expect(() => db.prepare('DELETE FROM self_assessment_answer WHERE registration_id = ?').run(reg.id)).toThrow(/IMMUTABLE/);
    expect(() => db.prepare("INSERT INTO self_assessment_answer VALUES (?, '1.2', 0, 0, '', 'x', 'x')").run(reg.id)).toThrow(
      /IMMUTABLE/,
    );
    expect(() => db.prepare('DELETE FROM attachment WHERE id = ?').run(att.id)).toThrow(/IMMUTABLE/);
    expect(() =>
      db.prepare("INSERT INTO commune_report (registration_id, updated_at, updated_by) VALUES (?, 'x', 'x')").run(reg.id),
    ).toThrow(/IMMUTABLE/);
    expect(() => db.prepare("UPDATE registration SET registration_no = '9/PĐK-01-00004-2026' WHERE id = ?").run(reg.id)).toThrow(
      /IMMUTABLE/,
    );
    expect(() => db.prepare("UPDATE registration SET status = 'received' WHERE id = ?").run(reg.id)).toThrow(/FORBIDDEN_STATE/);
    expect(() => db.prepare('DELETE FROM registration WHERE id = ?').run(reg.id)).toThrow(/IMMUTABLE/);
    expect(() => db.prepare("UPDATE registration_status_event SET note = 'x'").run()).toThrow(/IMMUTABLE/);
    // Renaming the product still refreshes the search columns of the frozen registration.
    const d = await call(core, 'registrations:get', { id: reg.id });
    await call(core, 'products:update', {
      id: d.product.id,
      data: { producerId: d.producer.id, name: 'Nước mắm Phú Quốc', setKey: 'qd26-2026/09' },
    });
    expect((await call(core, 'registrations:list', { search: 'phu quoc' })).total).toBe(1);
  });

  it('deletes an open registration with its evidence and frees the stored file', async () => {
    core = await memoryCore();
    const { reg } = await makeRegistration(core);
    const att = await call(core, 'attachments:add', {
      registrationId: reg.id,
      fileName: 'a.pdf',
      contentBase64: Buffer.from('%PDF-1.4 unique').toString('base64'),
    });
    await call(core, 'registrations:delete', { id: reg.id });
    expect(await callError(core, 'registrations:get', { id: reg.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await callError(core, 'attachments:content', { id: att.id })).toMatchObject({ code: 'NOT_FOUND' });
    const tail = await call(core, 'audit:tail', { limit: 1 });
    expect(tail[0]).toMatchObject({ action: 'registrations.delete' });
    expect(await call(core, 'audit:verify', {})).toMatchObject({ ok: true });
  });
});
