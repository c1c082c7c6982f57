/**
 * The register of issued documents and `verify` on a real database and real files: issuing,
 * byte-identical re-issue, verify by hash, by content (altered copies made by editing the PDF's
 * text with pdf-lib are refused, naming page, expected and found text), superseded versions, no
 * code, a wrong code, and a 150-dpi scan of a printed page read through its QR code.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueOutput, VerifyReport } from '../../../../shared/api/channels/document-register';
import type { DocumentSettings } from '../../../../shared/api/channels/document-settings';
import { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { invoke } from '../../api';
import type { Core } from '../../context';
import { choicesForTotal } from '../../results/test/choices';
import { seedSession, type Seeded } from '../../results/test/fixtures';
import { openCore } from '../../context';
import { fixedClock, tempDir } from '../../test/fixtures';
import { buildMinutes } from '../builders/minutes';
import { documentT } from '../doc-t';
import { renderPdf } from '../render';
import { minutesData } from '../test/fixtures';
import { alterPdfWords, swapPage } from '../test/pdf-alter';
import { pdfPages } from '../test/pdf-tools';
import { issuedPath } from './issued-store';

type Env<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const ok = <T>(env: Env<T>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};

let dir: string;
let core: Core;
let s: Seeded;
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const verify = async (bytes: Uint8Array): Promise<VerifyReport> =>
  ok(await invoke(core.ctx, 'documents:verify', { fileBase64: b64(bytes) }));
const render = async (kind: 'minutes' | 'summary' | 'decision' | 'certificate', registrationId?: number) =>
  Buffer.from(
    ok(
      await invoke(core.ctx, 'documents:render', {
        sessionId: s.sessionId,
        kind,
        ...(registrationId ? { registrationId } : {}),
      }),
    ).pdfBase64,
    'base64',
  );
const settingsOf = async (kind: 'minutes' | 'decision'): Promise<DocumentSettings> =>
  ok(await invoke(core.ctx, 'documents:settings', { sessionId: s.sessionId, kind })).settings;

/** Four members score three products: means 78,25 (4★), 60,5 (3★), 85,5 (4★). */
beforeAll(async () => {
  dir = tempDir();
  // Meeting on 10 June; the provincial decision comes on 2 July: "today" is after both.
  core = await openCore({ dataDir: dir, host: 'cli', now: fixedClock('2026-07-03T01:00:00.000Z') });
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const totals = [
    [80, 78, 77, 78],
    [60, 62, 61, 59],
    [85, 86, 84, 87],
  ];
  const plans = totals.map((ts) => ts.map((t) => choicesForTotal(set, t, { keepMarks: true })));
  s = seedSession(core.ctx.sqlite, {
    products: 3,
    members: 4,
    withSecretary: true,
    choose: ({ product, member, code }) => plans[product]![member]![code]!,
    status: 'closed',
  });
  core.ctx.sqlite
    .prepare(
      `UPDATE council SET doc_symbol = 'HĐ', place_name = 'Đồng Tháp', issuer_parent = 'UBND TỈNH ĐỒNG THÁP',
       issuer_name_lines_json = '["HỘI ĐỒNG ĐÁNH GIÁ,","PHÂN HẠNG SẢN PHẨM OCOP"]', decision_no = '112/QĐ-UBND', decision_date = '2025-12-10' WHERE id = ?`,
    )
    .run(s.councilId);
  // A number for the minutes before finalizing: the audit log is not empty at finalization.
  ok(await invoke(core.ctx, 'documents:allocateNumber', { sessionId: s.sessionId, kind: 'minutes' }));
  ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
}, 120_000);
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the register of issued documents and verify', { timeout: 180_000 }, () => {
  let issued: IssueOutput;
  let minutesPdf: Buffer;

  it('verifies an unissued print by its text (b), and issues it: file kept by hash, audited, byte-identical again', async () => {
    const preview = await render('minutes');
    const before = await verify(preview);
    expect(before).toMatchObject({
      ok: true,
      outcome: 'matches',
      issued: null,
      anchor: { sessionId: s.sessionId, version: 1, docRef: 'BB' },
      differences: [],
    });
    expect(before.anchor!.auditSeq).toBeGreaterThan(0);
    expect(before.comparedPages).toBe(pdfPages(writeTmp('preview.pdf', preview)).length);

    issued = ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'minutes' }));
    minutesPdf = Buffer.from(issued.pdfBase64!, 'base64');
    expect(issued.reissued).toBe(false);
    expect(issued.entry).toMatchObject({
      sessionId: s.sessionId,
      version: 1,
      current: true,
      kind: 'minutes',
      docRef: 'BB',
      number: '01/BB-HĐ',
      date: '2026-06-10',
      variant: 'original',
      derivedFrom: null,
      pages: before.pageCount,
    });
    // The same version prints the same bytes: the preview is the issued file.
    expect(minutesPdf.equals(preview)).toBe(true);
    expect(fs.readFileSync(issuedPath(core.ctx.paths.issuedDir, issued.entry.sha256)).equals(minutesPdf)).toBe(true);
    const audit = core.ctx.sqlite
      .prepare(`SELECT action, after_json FROM audit_log WHERE action LIKE 'documents.%issue'`)
      .all() as {
      action: string;
      after_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ issueId: issued.entry.id, sha256: issued.entry.sha256 });

    const again = ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'minutes' }));
    expect(again).toMatchObject({ reissued: true, entry: { id: issued.entry.id, sha256: issued.entry.sha256 } });
    expect(Buffer.from(again.pdfBase64!, 'base64').equals(minutesPdf)).toBe(true);
    // The file the register keeps can be read back whole.
    const file = ok(await invoke(core.ctx, 'documents:registerFile', { id: issued.entry.id }));
    expect(Buffer.from(file.chunkBase64, 'base64').equals(minutesPdf)).toBe(true);
  });

  it('identifies the genuine file by its hash (a): issued on …, number …', async () => {
    const v = await verify(minutesPdf);
    expect(v).toMatchObject({ ok: true, outcome: 'issued', issued: { id: issued.entry.id, number: '01/BB-HĐ' } });
    expect(v.message).toContain('number 01/BB-HĐ');
  });

  it('refuses an altered mean, naming the page, the expected and the found text', async () => {
    const altered = await alterPdfWords(minutesPdf, [{ find: '78,25', replace: '87,25' }]);
    const v = await verify(altered);
    expect(v).toMatchObject({ ok: false, outcome: 'differs' });
    expect(v.differences.length).toBeGreaterThanOrEqual(1);
    const d = v.differences[0]!;
    expect(d.page).toBeGreaterThanOrEqual(1);
    expect(d.expected.join(' ')).toContain('78,25');
    expect(d.found.join(' ')).toContain('87,25');
    expect(d.found.join(' ')).not.toContain('78,25');
  });

  it('refuses a page swapped in from another session’s document', async () => {
    const other = await renderPdf(buildMinutes(minutesData(10), documentT('vi')));
    const swapped = await swapPage(minutesPdf, 2, other, 2);
    const v = await verify(swapped);
    expect(v).toMatchObject({ ok: false, outcome: 'differs' });
    expect(v.differences.map((d) => d.page)).toContain(2);
    // The other document's text shows on that page's side of the difference.
    expect(v.differences.find((d) => d.page === 2)!.found.join(' ')).toContain('10 sản phẩm của 09 chủ thể');
  });

  it('refuses a changed code with a message that does not blame a reopening', async () => {
    // pdfmake writes the anchor as one word up to its "/" and the document reference as another.
    const text = pdfPages(writeTmp('m.pdf', minutesPdf))[0]!;
    const line = /OCOP:[^/\s]+\//u.exec(text)![0];
    // One hex digit of the results digest changed (OCOP:<session>:<version>:<digest>:…).
    const parts = line.split(':');
    parts[3] = (parts[3]![0] === 'A' ? 'B' : 'A') + parts[3]!.slice(1);
    const changed = parts.join(':');
    expect(changed).not.toBe(line);
    const v = await verify(await alterPdfWords(minutesPdf, [{ find: line, replace: changed, all: true }]));
    expect(v).toMatchObject({ ok: false, outcome: 'code-mismatch' });
    expect(v.message).not.toMatch(/reopen/iu);
    expect(v.message).toContain('not the digest of finalization 1');
  });

  it('reads a 150-dpi scan of a printed page through its QR code: the code of the finalization in force', async () => {
    const v = await verify(scan(minutesPdf, 1));
    expect(v).toMatchObject({ ok: true, outcome: 'current-code', source: 'png', anchor: { sessionId: s.sessionId, version: 1 } });
  });

  it('after a reopening: the issued copies and the codes are superseded (c); nothing can be issued until finalized again', async () => {
    ok(
      await invoke(core.ctx, 'results:reopen', {
        sessionId: s.sessionId,
        chairMemberId: s.chairId,
        reason: 'Nhập sai phiếu giấy',
      }),
    );
    const v = await verify(minutesPdf);
    expect(v).toMatchObject({
      ok: false,
      outcome: 'superseded',
      issued: { id: issued.entry.id, current: false },
      finalization: { version: 1, reopenReason: 'Nhập sai phiếu giấy', currentVersion: null },
    });
    expect(v.finalization!.reopenedAt).toBeTruthy();
    expect(v.message).toContain('reopened');
    // Not in the register, same code: superseded as well; so is a scan.
    const edited = await alterPdfWords(minutesPdf, [{ find: '78,25', replace: '87,25' }]);
    expect(await verify(edited)).toMatchObject({ outcome: 'superseded' });
    expect(await verify(scan(minutesPdf, 1))).toMatchObject({ ok: false, outcome: 'superseded', source: 'png' });
    expect(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'minutes' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('not finalized') },
    });
    // Only the minutes were issued before the reopening.
    expect(ok(await invoke(core.ctx, 'documents:register', { current: false })).total).toBe(1);
    // Before the new finalization, everything prints as a draft without a code: (d).
    const draft = await render('minutes');
    expect(pdfPages(writeTmp('draft.pdf', draft))[0]).toContain('DỰ THẢO');
    expect(await verify(draft)).toMatchObject({ ok: false, outcome: 'no-anchor', anchor: null });
    expect((await verify(await renderPdf(buildMinutes(minutesData(3, null), documentT('vi'))))).message).toContain(
      'not a document of this council',
    );
    // The second finalization is version 2; the details unlock and a new issue records it.
    ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
    const v2 = ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'minutes' }));
    expect(v2.entry).toMatchObject({ version: 2, current: true });
    expect(v2.entry.sha256).not.toBe(issued.entry.sha256);
    expect(await verify(minutesPdf)).toMatchObject({ outcome: 'superseded', finalization: { version: 1, currentVersion: 2 } });
  });

  it('records the provincial decision; then the decision and certificates print it, with validity from its date', async () => {
    // Before it is recorded: drafts, no validity dates, and they cannot be issued.
    const draftPdf = await render('certificate', s.registrationIds[0]);
    const draft = pdfPages(writeTmp('gcn-draft.pdf', draftPdf)).join('\n');
    // A draft print verifies by its text, and again (the re-render's text is remembered by its input).
    expect(await verify(draftPdf)).toMatchObject({ ok: true, outcome: 'matches' });
    expect(await verify(draftPdf)).toMatchObject({ ok: true, outcome: 'matches' });
    expect(draft).toContain('DỰ THẢO');
    expect(draft).toContain('Giấy chứng nhận có giá trị 36 tháng kể từ ngày ban hành Quyết định công nhận.');
    expect(draft).not.toMatch(/đến hết ngày/u);
    expect(
      await invoke(core.ctx, 'documents:issue', {
        sessionId: s.sessionId,
        kind: 'certificate',
        registrationId: s.registrationIds[0]!,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('not recorded') },
    });
    // A recorded decision needs its number, date and signer.
    const d = await settingsOf('decision');
    expect(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'decision',
        settings: { ...d, decisionRecorded: true },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('missing number, date, signer.name') },
    });
    ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'decision',
        settings: {
          ...d,
          number: 125,
          symbol: 'QĐ-UBND',
          date: '2026-07-02',
          signer: { ...d.signer, name: 'Nguyễn Văn Phong' },
          decisionRecorded: true,
        },
      }),
    );
    // One record of the decision: the registry's (issue 17). Recording it here recognised the
    // session's proposals there, with the same number, date and signer.
    const entries = ok(await invoke(core.ctx, 'registry:list', { origins: ['session'] })).rows;
    const recognised = entries.filter((e) => e.sessionId === s.sessionId && e.state === 'recognised');
    expect(recognised.length).toBeGreaterThan(0);
    for (const e of recognised) expect(e).toMatchObject({ decisionNo: '125/QĐ-UBND', decisionDate: '2026-07-02' });
    expect(ok(await invoke(core.ctx, 'registry:get', { id: recognised[0]!.id }))).toMatchObject({
      decisionSigner: 'Nguyễn Văn Phong',
    });
    // Un-recording is refused: a recorded decision is corrected, not withdrawn.
    expect(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'decision',
        settings: { ...(await settingsOf('decision')), decisionRecorded: false },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('registry') } });
    // A correction made in the registry is what the documents print.
    ok(
      await invoke(core.ctx, 'registry:updateDecision', {
        id: recognised[0]!.id,
        decisionNo: '126/QĐ-UBND',
        decisionDate: '2026-07-02',
        signer: 'Nguyễn Văn Phong',
      }),
    );
    for (const e of recognised.slice(1))
      ok(
        await invoke(core.ctx, 'registry:updateDecision', {
          id: e.id,
          decisionNo: '126/QĐ-UBND',
          decisionDate: '2026-07-02',
          signer: 'Nguyễn Văn Phong',
        }),
      );
    expect(await settingsOf('decision')).toMatchObject({
      decisionRecorded: true,
      number: 126,
      symbol: 'QĐ-UBND',
      date: '2026-07-02',
    });
    const fixed = await settingsOf('decision');
    ok(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'decision',
        settings: { ...fixed, number: 125 },
      }),
    );
    // What was remembered does not outlive the data: the draft now differs from what the database gives.
    const stale = await verify(draftPdf);
    expect(stale).toMatchObject({ ok: false, outcome: 'differs' });
    expect(stale.differences[0]!.found.join(' ')).toContain('DỰ THẢO');
    const cert = pdfPages(writeTmp('gcn.pdf', await render('certificate', s.registrationIds[0])))
      .join('\n')
      .replace(/\s+/gu, ' ');
    expect(cert).not.toContain('DỰ THẢO');
    expect(cert).toContain(
      'Theo Quyết định số 125/QĐ-UBND ngày 02 tháng 7 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp.',
    );
    expect(cert).toContain('kể từ ngày 02 tháng 7 năm 2026 đến hết ngày 02 tháng 7 năm 2029');
    expect(cert).toContain('Đồng Tháp, ngày 02 tháng 7 năm 2026');
    expect(cert).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(cert).toContain('Nguyễn Văn Phong');
    const decision = pdfPages(writeTmp('qd.pdf', await render('decision')))
      .join('\n')
      .replace(/\s+/gu, ' ');
    expect(decision).toContain('Số: 125/QĐ-UBND');
    expect(decision).not.toContain('DỰ THẢO');
    expect(decision).toContain('Căn cứ Biên bản số 01/BB-HĐ ngày 10 tháng 6 năm 2026 của');
    expect(decision).toContain(
      'Căn cứ Quyết định số 112/QĐ-UBND ngày 10 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp về việc thành lập',
    );
  });

  it('refuses a certificate whose star was changed, and a decision whose validity was changed', async () => {
    const gcn = ok(
      await invoke(core.ctx, 'documents:issue', {
        sessionId: s.sessionId,
        kind: 'certificate',
        registrationId: s.registrationIds[0]!,
      }),
    );
    const pdf = Buffer.from(gcn.pdfBase64!, 'base64');
    expect(await verify(pdf)).toMatchObject({ ok: true, outcome: 'issued' });
    const star = await verify(await alterPdfWords(pdf, [{ find: '4', replace: '5', before: 'sao' }]));
    expect(star).toMatchObject({ ok: false, outcome: 'differs' });
    expect(star.differences[0]!.expected.join(' ')).toContain('4 sao');
    expect(star.differences[0]!.found.join(' ')).toContain('5 sao');
    // Issuing a certificate locks the decision's details it takes its validity from.
    expect(
      await invoke(core.ctx, 'documents:saveSettings', {
        sessionId: s.sessionId,
        kind: 'decision',
        settings: await settingsOf('decision'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_STATE' },
    });

    const qd = Buffer.from(
      ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'decision' })).pdfBase64!,
      'base64',
    );
    const months = await verify(await alterPdfWords(qd, [{ find: '36', replace: '60', before: 'tháng' }]));
    expect(months).toMatchObject({ ok: false, outcome: 'differs' });
    expect(months.differences[0]!.expected.join(' ')).toMatch(/36 tháng/u);
    expect(months.differences[0]!.found.join(' ')).toMatch(/60 tháng/u);
    // A row removed from the annex (the product's name, producer and score gone).
    const pages = pdfPages(writeTmp('qd-issued.pdf', qd));
    const annexPage = pages.findIndex((p) => p.includes('Phụ lục')) + 1;
    const removed = await verify(await alterPdfWords(qd, [{ page: annexPage, find: '78,25', replace: null, wholeLine: true }]));
    expect(removed).toMatchObject({ ok: false, outcome: 'differs' });
    expect(removed.differences.find((d) => d.page === annexPage)!.expected.join(' ')).toContain('78,25');
  });

  it('lists the register with filters', async () => {
    const all = ok(await invoke(core.ctx, 'documents:register', { sessionId: s.sessionId }));
    expect(all.total).toBe(4);
    expect(all.entries.map((e) => [e.kind, e.version])).toEqual([
      ['decision', 2],
      ['certificate', 2],
      ['minutes', 2],
      ['minutes', 1],
    ]);
    expect(ok(await invoke(core.ctx, 'documents:register', { kind: 'certificate' })).entries).toHaveLength(1);
    expect(ok(await invoke(core.ctx, 'documents:register', { q: 'giay chung nhan' })).total).toBe(1);
    expect(ok(await invoke(core.ctx, 'documents:register', { q: '01/BB' })).entries[0]!.kind).toBe('minutes');
    expect(ok(await invoke(core.ctx, 'documents:register', { current: false })).total).toBe(1);
  });

  it('once the provincial decision is recorded, the session cannot be reopened (the registry holds the one record)', async () => {
    expect(
      await invoke(core.ctx, 'results:reopen', { sessionId: s.sessionId, chairMemberId: s.chairId, reason: 'Thử mở lại' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('125/QĐ-UBND') } });
  });

  it('a registry correction after issue is recorded; issued documents keep printing what they printed; a corrected version is an explicit new entry', async () => {
    const recognised = ok(await invoke(core.ctx, 'registry:list', { origins: ['session'] })).rows.filter(
      (e) => e.sessionId === s.sessionId && e.state === 'recognised',
    );
    const inForce = ok(await invoke(core.ctx, 'documents:register', { sessionId: s.sessionId, current: true })).entries;
    const qd = inForce.find((e) => e.kind === 'decision')!;
    const gcn = inForce.find((e) => e.kind === 'certificate')!;
    const qdBytes = fs.readFileSync(issuedPath(core.ctx.paths.issuedDir, qd.sha256));
    const gcnBytes = fs.readFileSync(issuedPath(core.ctx.paths.issuedDir, gcn.sha256));
    const fix = { decisionNo: '127/QĐ-UBND', decisionDate: '2026-07-02', signer: 'Nguyễn Văn Phong' };
    // The entry tells the correction dialog what was issued with the old value.
    const detail = ok(await invoke(core.ctx, 'registry:get', { id: recognised[0]!.id }));
    expect(detail.issuedDocuments.map((d) => d.id).sort()).toEqual([qd.id, gcn.id].sort());
    // Without a reason the correction is refused, naming the field and the documents issued.
    const refused = await invoke(core.ctx, 'registry:updateDecision', { id: recognised[0]!.id, ...fix });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('reason') } });
    expect(!refused.ok && refused.error.message).toContain('125/QĐ-UBND');
    const reason = 'Vào sổ nhầm số quyết định: quyết định đã ký là số 127/QĐ-UBND';
    for (const e of recognised) ok(await invoke(core.ctx, 'registry:updateDecision', { id: e.id, ...fix, reason }));

    // Recorded: who, when, what, why, and the documents it leaves behind.
    const c = ok(await invoke(core.ctx, 'documents:corrections', { sessionId: s.sessionId }));
    expect(c.corrections).toHaveLength(recognised.length);
    expect(c.corrections[0]).toMatchObject({
      entryId: recognised[0]!.id,
      reason,
      changes: [{ field: 'decisionNo', from: '125/QĐ-UBND', to: '127/QĐ-UBND' }],
      correctedAt: expect.stringMatching(/^2026-07-03T01:/u),
    });
    expect(c.corrections[0]!.correctedBy.trim()).not.toBe('');
    expect(c.corrections[0]!.issued.map((d) => d.id).sort()).toEqual([qd.id, gcn.id].sort());
    expect(c.pending.map((p) => p.docRef).sort()).toEqual([gcn.docRef, 'QD'].sort());
    expect(ok(await invoke(core.ctx, 'registry:get', { id: recognised[0]!.id })).corrections[0]).toMatchObject({ reason });
    expect(() => core.ctx.sqlite.prepare(`UPDATE registry_correction SET reason = 'x'`).run()).toThrow(/IMMUTABLE/u);
    expect(() => core.ctx.sqlite.prepare(`DELETE FROM registry_correction`).run()).toThrow(/IMMUTABLE/u);

    // Re-rendering an issued version gives the issued bytes; the registry's reprint serves the issued file.
    const qdAgain = await render('decision');
    expect(qdAgain.equals(qdBytes)).toBe(true);
    expect((await render('certificate', s.registrationIds[0])).equals(gcnBytes)).toBe(true);
    const qdText = pdfPages(writeTmp('qd-after-correction.pdf', qdAgain)).join('\n');
    expect(qdText).toContain('125/QĐ-UBND');
    expect(qdText).not.toContain('127/QĐ-UBND');
    const entryOfGcn = recognised.find((e) => e.registrationId === s.registrationIds[0])!;
    const reprint = ok(await invoke(core.ctx, 'registry:certificate', { id: entryOfGcn.id }));
    expect(Buffer.from(reprint.contentBase64, 'base64').equals(gcnBytes)).toBe(true);
    // Issuing it again (no correction asked) answers the issued entry, byte for byte.
    expect(ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'decision' }))).toMatchObject({
      reissued: true,
      entry: { id: qd.id, sha256: qd.sha256 },
    });
    // A certificate never issued prints the registry's decision now.
    const fresh = pdfPages(writeTmp('gcn-fresh.pdf', await render('certificate', s.registrationIds[2]))).join('\n');
    expect(fresh).toContain('127/QĐ-UBND');

    // The corrected version: explicit, a new entry that replaces the issued one, the correction noted.
    const v = ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'decision', corrected: true }));
    expect(v).toMatchObject({
      reissued: false,
      entry: { correctionOf: qd.id, current: true, version: qd.version, number: '127/QĐ-UBND' },
    });
    const corrected = Buffer.from(v.pdfBase64!, 'base64');
    expect(pdfPages(writeTmp('qd-corrected.pdf', corrected)).join('\n')).toContain('Số: 127/QĐ-UBND');
    expect((await render('decision')).equals(corrected)).toBe(true);
    const old = ok(await invoke(core.ctx, 'documents:register', { sessionId: s.sessionId })).entries.find((e) => e.id === qd.id)!;
    expect(old).toMatchObject({ current: false, replacedBy: v.entry.id });
    const audit = core.ctx.sqlite.prepare(`SELECT after_json FROM audit_log WHERE action = 'documents.issueCorrected'`).all() as {
      after_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({
      correctionOf: qd.id,
      corrections: Array.from({ length: recognised.length }, () => expect.objectContaining({ reason })),
    });
    // Verify: the old file is superseded by the correction (by hash, and a re-saved copy by its text).
    const byHash = await verify(qdBytes);
    expect(byHash).toMatchObject({ ok: false, outcome: 'superseded', issued: { id: qd.id, replacedBy: v.entry.id } });
    expect(byHash.message).toContain('corrected version');
    expect(byHash.message).toContain(reason);
    const resaved = await PDFDocument.load(qdBytes).then((d) => d.save({ useObjectStreams: false }));
    expect(await verify(resaved)).toMatchObject({ ok: false, outcome: 'superseded', issued: { id: qd.id } });
    expect(await verify(corrected)).toMatchObject({ ok: true, outcome: 'issued', issued: { id: v.entry.id } });
    // Only the certificate is left to correct; correcting the decision again is refused.
    expect(ok(await invoke(core.ctx, 'documents:corrections', { sessionId: s.sessionId })).pending.map((p) => p.docRef)).toEqual([
      gcn.docRef,
    ]);
    expect(
      await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, kind: 'decision', corrected: true }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_STATE', message: expect.stringContaining('Nothing to correct') } });
  });

  it('refuses what is not a PDF, PNG or JPEG', async () => {
    expect(await invoke(core.ctx, 'documents:verify', { fileBase64: b64(Buffer.from('not a document')) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('not a PDF, PNG or JPEG') },
    });
  });
});

function writeTmp(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Page `page` at 150 dpi, as a scanner gives it. */
function scan(pdf: Uint8Array, page: number): Buffer {
  const file = writeTmp(`scan-src-${page}.pdf`, pdf);
  const prefix = path.join(dir, `scan-${page}`);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return fs.readFileSync(`${prefix}.png`);
}
