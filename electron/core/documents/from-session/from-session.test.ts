import { afterAll, afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { invoke } from '../../api';
import type { Core } from '../../context';
import { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { choicesForTotal } from '../../results/test/choices';
import { seedSession, type Seeded } from '../../results/test/fixtures';
import { memoryCore } from '../../test/fixtures';
import { renderDocument } from '../render-document';
import { pdfRaw, tmpDir, writePdf } from '../test/pdf-tools';
import { certificateFromSession, decisionFromSession } from './decision-data';
import { minutesFromSession, summaryFromSession } from './minutes-data';
import { loadDocumentFacts } from './document-facts';

let core: Core;
const dir = tmpDir();
afterEach(() => core?.close());
afterAll(() => {
  if (!process.env.KEEP_PDF) fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T>(env: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};

/** Three products scored by three members (+ a Thư ký): 4★ (80), 3★ (60), 4★ (85,5 mean not whole). */
async function scored(
  status: 'closed' | 'in_progress' = 'closed',
  chairOffice?: { position: string; office: string },
): Promise<Seeded> {
  core = await memoryCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const totals = [
    [80, 81, 79],
    [60, 61, 59],
    [85, 86, 86],
  ];
  const plans = totals.map((ts) => ts.map((t) => choicesForTotal(set, t, { keepMarks: true })));
  return seedSession(core.ctx.sqlite, {
    products: 3,
    members: 3,
    withSecretary: true,
    choose: ({ product, member, code }) => plans[product]![member]![code]!,
    status,
    ...(chairOffice ? { chairOffice } : {}),
  });
}

/** "85,33" — how the documents print a mean (Vietnamese decimal comma). */
const vn = (n: number): string => String(n).replace('.', ',');
/** Table cells wrap: compare text with every run of white space as one space. */
const flat = (s: string): string => s.replace(/\s+/gu, ' ');

describe('documents from a session', { timeout: 120_000 }, () => {
  it('prints minutes and summary whose names, member totals and means equal results:session', async () => {
    const s = await scored('in_progress');
    const results = ok(await invoke(core.ctx, 'results:session', { sessionId: s.sessionId }));
    const facts = await loadDocumentFacts(core.ctx, s.sessionId);
    expect(facts.integrity).toBeUndefined();
    for (const [kind, data] of [
      ['minutes', minutesFromSession(facts)],
      ['summary', summaryFromSession(facts)],
    ] as const) {
      const r = await renderDocument({ kind, data }, facts.t);
      const text = flat(pdfRaw(writePdf(dir, `${kind}-${s.sessionId}`, r.pdf)));
      if (kind === 'minutes') expect(text).toContain('BIÊN BẢN');
      for (const p of results.products) {
        expect(text).toContain(p.productName);
        expect(text).toContain(p.mean!.display);
        // The minutes give means; each member's total is in the summary's row of the product.
        // (row: name, code, set, producer with the seeded address, TV1 … TVn, sum, mean)
        if (kind === 'summary')
          expect(text).toContain(
            `${p.productCode} ${p.criteriaSet.name} ${p.producerName} Xã Một, Tỉnh Một ${p.memberTotals.map((m) => vn(m.totalPoints)).join(' ')}`,
          );
      }
    }
    const summary = summaryFromSession(facts);
    expect(summary.members.map((m) => m.id)).toEqual(s.memberIds);
    expect(summary.rows.map((r) => r.totalsCenti)).toEqual(
      results.products.map((p) => p.memberTotals.map((m) => Math.round(m.totalPoints * 100))),
    );
    expect(summary.rows.map((r) => r.star)).toEqual(results.products.map((p) => p.finalStar));
  });

  it('prints the finalization digest on every page once the session is finalized', async () => {
    const s = await scored('closed');
    const fin = ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
    const facts = await loadDocumentFacts(core.ctx, s.sessionId);
    const head = core.ctx.sqlite.prepare('SELECT seq FROM audit_log WHERE hash = ?').get(fin.finalization!.auditHead) as
      { seq: number } | undefined;
    expect(facts.integrity).toEqual({
      sessionRef: String(s.sessionId),
      digest: fin.finalization!.resultsDigest,
      version: 1,
      auditSeq: head?.seq ?? 0,
      auditHash: fin.finalization!.auditHead,
    });
    const r = ok(await invoke(core.ctx, 'documents:render', { sessionId: s.sessionId, kind: 'minutes' }));
    const check = ok(await invoke(core.ctx, 'documents:verify', { fileBase64: r.pdfBase64 }));
    expect(check).toMatchObject({ ok: true, outcome: 'matches', anchor: { sessionId: s.sessionId, version: 1, docRef: 'BB' } });
  });

  it('drafts the decision with the recognised products only, and certificates only for them', async () => {
    const s = await scored('closed');
    const results = ok(await invoke(core.ctx, 'results:session', { sessionId: s.sessionId }));
    const facts = await loadDocumentFacts(core.ctx, s.sessionId);
    const decision = decisionFromSession(facts);
    const recognised = results.products.filter((p) => p.recognised);
    expect(decision.products.map((d) => d.product.registrationId)).toEqual(recognised.map((p) => p.registrationId));
    const text = flat(
      pdfRaw(writePdf(dir, 'decision', (await renderDocument({ kind: 'decision', data: decision }, facts.t)).pdf)),
    );
    for (const p of recognised) expect(text).toContain(p.productName);
    const cert = await renderDocument(
      { kind: 'certificate', data: certificateFromSession(facts, recognised[0]!.registrationId) },
      facts.t,
    );
    expect(flat(pdfRaw(writePdf(dir, 'cert', cert.pdf)))).toContain(recognised[0]!.productName);
    expect(() => certificateFromSession(facts, 999_999)).toThrow(
      /registrationId: product registration 999999 is not on the agenda/u,
    );
  });

  it('refuses a session without a secretary, saying where to choose one', async () => {
    core = await memoryCore();
    const s = seedSession(core.ctx.sqlite, { products: 1, members: 3, choose: () => 0 });
    const facts = await loadDocumentFacts(core.ctx, s.sessionId);
    expect(() => minutesFromSession(facts)).toThrow(/Session \d+ has no secretary; choose the secretary on the Sessions screen/u);
  });
});

describe('documents:render', { timeout: 120_000 }, () => {
  it('names the chair by position and agency once, even when both fields repeat the agency (issue 16 item 11)', async () => {
    const s = await scored('in_progress', { position: 'Phó Chủ tịch UBND tỉnh', office: 'UBND tỉnh Hà Tĩnh' });
    const facts = await loadDocumentFacts(core.ctx, s.sessionId);
    const r = await renderDocument({ kind: 'minutes', data: minutesFromSession(facts) }, facts.t);
    const text = flat(pdfRaw(writePdf(dir, `minutes-office-${s.sessionId}`, r.pdf)));
    expect(text).toContain('Phó Chủ tịch UBND tỉnh Hà Tĩnh');
    expect(text).not.toContain('UBND tỉnh UBND tỉnh');
  });

  it("prints a member's sheet of a product with the member's total, and names a missing field", async () => {
    const s = await scored('in_progress');
    const results = ok(await invoke(core.ctx, 'results:session', { sessionId: s.sessionId }));
    const reg = s.registrationIds[2]!;
    const member = s.memberIds[1]!;
    const doc = ok(
      await invoke(core.ctx, 'documents:render', {
        sessionId: s.sessionId,
        kind: 'sheet',
        registrationId: reg,
        memberId: member,
      }),
    );
    expect(doc.fileName).toBe(`phieu-danh-gia-phien-${s.sessionId}-dk-${reg}-tv-${member}.pdf`);
    const text = flat(pdfRaw(writePdf(dir, 'sheet', Buffer.from(doc.pdfBase64, 'base64'))));
    const product = results.products.find((p) => p.registrationId === reg)!;
    expect(text).toContain(product.productName);
    expect(text).toContain(`TỔNG CỘNG 100 ${vn(product.memberTotals.find((m) => m.memberId === member)!.totalPoints)}`);
    const minutes = ok(await invoke(core.ctx, 'documents:render', { sessionId: s.sessionId, kind: 'minutes' }));
    expect(minutes).toMatchObject({ fileName: `bien-ban-phien-${s.sessionId}.pdf`, pages: expect.any(Number) });
    expect(await invoke(core.ctx, 'documents:render', { sessionId: s.sessionId, kind: 'certificate' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('registrationId: required to print a certificate') },
    });
    expect(await invoke(core.ctx, 'documents:render', { sessionId: 9999, kind: 'minutes' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
