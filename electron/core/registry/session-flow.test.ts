import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import type { Core } from '../context';
import { choicesForTotal } from '../results/test/choices';
import { seedSession, type Seeded } from '../results/test/fixtures';
import { tempDir } from '../test/fixtures';
import { call, callError } from '../test/call';
import { coreAt } from './test/fixtures';

let core: Core;
afterEach(() => core?.close());

/** Three products: 80 points (4★), 60 (3★), 40 (2★, not recognised). Session of 2026-06-10. */
function seed(c: Core): Seeded {
  const row = c.ctx.sqlite
    .prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07' ORDER BY version DESC LIMIT 1`)
    .get() as { content_json: string };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const totals = [
    [80, 81, 79],
    [60, 61, 59],
    [40, 41, 39],
  ];
  const plans = totals.map((ts) => ts.map((t) => choicesForTotal(set, t, { keepMarks: t >= 50 })));
  return seedSession(c.ctx.sqlite, {
    products: 3,
    members: 3,
    choose: ({ product, member, code }) => plans[product]![member]![code]!,
    status: 'closed',
  });
}

const finalize = (c: Core, s: Seeded) => call(c, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
const chair = (s: Seeded) => s.chairId;

describe('registry from finalized sessions', () => {
  it('proposes 3★+ at finalize, records the decision, then refuses to reopen', async () => {
    core = await coreAt('2026-07-01T08:00:00.000Z');
    const s = seed(core);
    await finalize(core, s);
    const list = await call(core, 'registry:list', { sort: 'product' });
    expect(list.rows.map((r) => [r.star, r.state, r.status, r.origin, r.authority])).toEqual(
      expect.arrayContaining([
        [4, 'proposed', 'proposed', 'session', 'province'],
        [3, 'proposed', 'proposed', 'session', 'province'],
        [2, 'not_recognised', 'not_recognised', 'session', null],
      ]),
    );
    expect(list.rows.every((r) => r.nganhNo === 'I' && r.setKey === 'qd26-2026/07' && r.year === 2026)).toBe(true);
    expect((await call(core, 'registry:facets', {})).pendingSessions).toBe(0);

    // A decision cannot predate the session nor lie in the future.
    const early = await callError(core, 'registry:recordDecision', {
      sessionId: s.sessionId,
      decisionNo: '125/QĐ-UBND',
      decisionDate: '2026-06-09',
    });
    expect(early).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('before the evaluation') });
    const late = await callError(core, 'registry:recordDecision', {
      sessionId: s.sessionId,
      decisionNo: '125/QĐ-UBND',
      decisionDate: '2026-07-02',
    });
    expect(late.message).toContain('after today');

    const decided = await call(core, 'registry:recordDecision', {
      sessionId: s.sessionId,
      decisionNo: '125/QĐ-UBND',
      decisionDate: '2026-06-20',
      signer: 'Nguyễn Văn Tỉnh',
    });
    expect(decided.recognised).toHaveLength(2);
    for (const e of decided.recognised) {
      expect(e).toMatchObject({ state: 'recognised', status: 'valid', validFrom: '2026-06-20', validTo: '2029-06-20' });
      expect(e).toMatchObject({ windowOpensOn: '2028-12-22', windowClosesOn: '2029-02-20' });
    }
    const audit = await call(core, 'audit:tail', { limit: 1 });
    expect(audit[0]).toMatchObject({
      action: 'registry.decide',
      after: { decisionNo: '125/QĐ-UBND', decisionDate: '2026-06-20' },
    });

    const reopen = await callError(core, 'results:reopen', {
      sessionId: s.sessionId,
      chairMemberId: chair(s),
      reason: 'Sai sót',
    });
    expect(reopen).toMatchObject({ code: 'FORBIDDEN_STATE', message: expect.stringContaining('125/QĐ-UBND') });

    // The certificate reprints from the registry with the decision's dates.
    const four = decided.recognised.find((e) => e.star === 4)!;
    const pdf = await call(core, 'registry:certificate', { id: four.id });
    const dir = tempDir();
    const file = path.join(dir, pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY CHỨNG NHẬN');
    expect(text).toContain('4 sao');
    expect(text).toContain('125/QĐ-UBND');
    expect(text).toContain('kể từ ngày 20 tháng 6 năm 2026 đến hết ngày 20 tháng 6 năm 2029');
    expect(text).toContain('Nguyễn Văn Tỉnh');
    const notRec = list.rows.find((r) => r.star === 2)!;
    expect((await callError(core, 'registry:certificate', { id: notRec.id })).code).toBe('FORBIDDEN_STATE');
  });

  it('a reopen withdraws the proposals and a new finalization proposes again on the same entries', async () => {
    core = await coreAt('2026-07-01T08:00:00.000Z');
    const s = seed(core);
    await finalize(core, s);
    const before = (await call(core, 'registry:list', {})).rows.map((r) => r.id).sort();
    await call(core, 'results:reopen', { sessionId: s.sessionId, chairMemberId: chair(s), reason: 'Nhập nhầm phiếu' });
    const withdrawn = await call(core, 'registry:list', { includeWithdrawn: true });
    expect(withdrawn.rows.every((r) => r.state === 'withdrawn')).toBe(true);
    expect((await call(core, 'registry:list', {})).total).toBe(0);
    await finalize(core, s);
    const again = await call(core, 'registry:list', {});
    expect(again.rows.map((r) => r.id).sort()).toEqual(before);
    expect(again.rows.filter((r) => r.state === 'proposed')).toHaveLength(2);
  });

  it('a finalization made before the registry existed is picked up by registry:sync', async () => {
    core = await coreAt('2026-07-01T08:00:00.000Z');
    const s = seed(core);
    await finalize(core, s);
    core.ctx.sqlite.prepare('DELETE FROM registry_entry').run();
    expect((await call(core, 'registry:facets', {})).pendingSessions).toBe(1);
    expect(await call(core, 'registry:sync', {})).toEqual({ proposed: 2, notRecognised: 1, withdrawn: 0 });
    expect((await call(core, 'registry:facets', {})).pendingSessions).toBe(0);
    expect(await call(core, 'registry:sync', {})).toEqual({ proposed: 0, notRecognised: 0, withdrawn: 0 });
  });

  it('revokes, withdraws, and refuses what the states do not allow', async () => {
    core = await coreAt('2026-07-01T08:00:00.000Z');
    const s = seed(core);
    await finalize(core, s);
    const rows = (await call(core, 'registry:list', { sort: 'product' })).rows;
    const [a, b] = rows.filter((r) => r.state === 'proposed');
    await call(core, 'registry:recordDecision', { ids: [a!.id], decisionNo: '7/QĐ-UBND', decisionDate: '2026-06-25' });
    const w = await call(core, 'registry:withdraw', { id: b!.id, note: 'UBND tỉnh không công nhận' });
    expect(w).toMatchObject({ state: 'withdrawn', note: 'UBND tỉnh không công nhận' });
    expect(
      (
        await callError(core, 'registry:revoke', {
          id: b!.id,
          revokedOn: '2026-06-30',
          ground: 'violation',
          decisionNo: '9/QĐ-UBND',
        })
      ).code,
    ).toBe('FORBIDDEN_STATE');
    expect(
      (
        await callError(core, 'registry:revoke', {
          id: a!.id,
          revokedOn: '2026-06-24',
          ground: 'violation',
          decisionNo: '9/QĐ-UBND',
        })
      ).message,
    ).toContain('before the certificate took effect');
    const r = await call(core, 'registry:revoke', {
      id: a!.id,
      revokedOn: '2026-06-30',
      ground: 'mark_misuse',
      decisionNo: '9/QĐ-UBND',
    });
    expect(r).toMatchObject({ state: 'revoked', status: 'revoked', endedOn: '2026-06-30', revokeGround: 'mark_misuse' });
    expect((await call(core, 'registry:get', { id: a!.id, on: '2026-06-29' })).status).toBe('valid');
    expect(
      (await callError(core, 'registry:recordDecision', { ids: [a!.id], decisionNo: '1/QĐ-UBND', decisionDate: '2026-06-25' }))
        .code,
    ).toBe('FORBIDDEN_STATE');
  });

  it('refuses a decision number that is not "number/symbol", naming the field, and records nothing', async () => {
    core = await coreAt('2026-07-01T08:00:00.000Z');
    const s = seed(core);
    await finalize(core, s);
    for (const decisionNo of ['1', 'QĐ 125', '125/qđ-ubnd', '125/', '0/QĐ-UBND', 'Quyết định số 125/QĐ-UBND']) {
      const e = await callError(core, 'registry:recordDecision', {
        sessionId: s.sessionId,
        decisionNo,
        decisionDate: '2026-06-25',
      });
      expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'decisionNo' } });
    }
    const before = await call(core, 'registry:list', { sort: 'product' });
    expect(before.rows.filter((r) => r.state === 'proposed')).toHaveLength(2);
    const ok = await call(core, 'registry:recordDecision', {
      sessionId: s.sessionId,
      decisionNo: '12/2026/QĐ-UBND',
      decisionDate: '2026-06-25',
    });
    expect(ok.recognised.map((x) => x.decisionNo)).toEqual(['12/2026/QĐ-UBND', '12/2026/QĐ-UBND']);
  });
});
