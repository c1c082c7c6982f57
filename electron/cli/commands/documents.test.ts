import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../../core/api';
import { buildCertificate } from '../../core/documents/builders/certificate';
import { documentT } from '../../core/documents/doc-t';
import { renderPdf } from '../../core/documents/render';
import { certificateData, INTEGRITY } from '../../core/documents/test/fixtures';
import { choicesForTotal } from '../../core/results/test/choices';
import { seedSession } from '../../core/results/test/seed-session';
import { fileCore, tempDir } from '../../core/test/core-fixture';
import { run } from '../test/run-cli';

describe('CLI verify', { timeout: 120_000 }, () => {
  it("verifies a PDF against its session's finalized digest, and says why one does not match", async () => {
    const dir = tempDir();
    const core = await fileCore(dir);
    const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
      content_json: string;
    };
    const set = CriteriaSet.parse(JSON.parse(row.content_json));
    const plan = [80, 82, 78].map((t) => choicesForTotal(set, t, { keepMarks: true }));
    const s = seedSession(core.ctx.sqlite, {
      products: 1,
      members: 3,
      choose: ({ member, code }) => plan[member]![code]!,
      status: 'closed',
    });
    const f = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    if (!f.ok) throw new Error(f.error.message);
    const digest = f.value.finalization!.resultsDigest;
    core.close();

    const t = documentT('vi');
    const good = path.join(dir, 'giay-chung-nhan.pdf');
    fs.writeFileSync(
      good,
      await renderPdf(buildCertificate(certificateData({ ...INTEGRITY, sessionRef: String(s.sessionId), digest }), t)),
    );
    const ok = await run(['verify', good, '--json', '--data-dir', dir]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      ok: true,
      reason: null,
      sessionId: s.sessionId,
      currentDigest: digest,
      printedDigest: digest.slice(0, 20).toUpperCase(),
      pageCount: 1,
    });

    const stale = path.join(dir, 'stale.pdf');
    fs.writeFileSync(
      stale,
      await renderPdf(
        buildCertificate(certificateData({ ...INTEGRITY, sessionRef: String(s.sessionId), digest: 'd'.repeat(64) }), t),
      ),
    );
    const bad = await run(['verify', stale, '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('NOT VERIFIED');
    expect(bad.out).toContain('results changed after this PDF was printed');

    const plain = path.join(dir, 'plain.pdf');
    fs.writeFileSync(plain, await renderPdf(buildCertificate(certificateData(null), t)));
    const none = await run(['verify', plain, '--json', '--data-dir', dir]);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.out)).toMatchObject({ ok: false, reason: 'no-digest' });

    const notPdf = path.join(dir, 'note.pdf');
    fs.writeFileSync(notPdf, 'not a pdf at all');
    const np = await run(['verify', notPdf, '--data-dir', dir]);
    expect(np.code).not.toBe(0);
    expect(np.err).toContain('not a PDF');

    // Reopened: the paper no longer matches a finalization in force.
    const core2 = await fileCore(dir);
    const chair = s.memberIds[0]!;
    const re = await invoke(core2.ctx, 'results:reopen', {
      sessionId: s.sessionId,
      chairMemberId: chair,
      reason: 'Bổ sung hồ sơ của chủ thể',
    });
    core2.close();
    expect(re.ok, re.ok ? '' : re.error.message).toBe(true);
    const after = await run(['verify', good, '--json', '--data-dir', dir]);
    expect(JSON.parse(after.out)).toMatchObject({
      ok: false,
      reason: 'not-finalized',
      printedDigest: digest.slice(0, 20).toUpperCase(),
    });

    const missing = await run(['verify', path.join(dir, 'nope.pdf'), '--data-dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('give the path of a PDF');
  });
});

describe('CLI pdf', { timeout: 120_000 }, () => {
  it('prints the minutes of a session to a file, and says what is missing', async () => {
    const dir = tempDir();
    const core = await fileCore(dir);
    const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
      content_json: string;
    };
    const set = CriteriaSet.parse(JSON.parse(row.content_json));
    const plan = [80, 82, 78].map((t) => choicesForTotal(set, t, { keepMarks: true }));
    const s = seedSession(core.ctx.sqlite, {
      products: 1,
      members: 3,
      withSecretary: true,
      choose: ({ member, code }) => plan[member]![code]!,
    });
    core.close();

    const out = path.join(dir, 'bb.pdf');
    const ok = await run(['pdf', 'minutes', '--session', String(s.sessionId), '--out', out, '--json', '--data-dir', dir]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      file: out,
      fileName: `bien-ban-phien-${s.sessionId}.pdf`,
      pages: expect.any(Number),
      font: { family: 'Tinos', fallbackReason: null },
    });
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The text line names the font embedded (the documentFont setting, Tinos by default).
    const text = await run(['pdf', 'minutes', '--session', String(s.sessionId), '--out', out, '--data-dir', dir]);
    expect(text.out.trim()).toMatch(/bb\.pdf: \d+ page\(s\), font Tinos$/u);

    const noKind = await run(['pdf', 'poster', '--session', '1', '--data-dir', dir]);
    expect(noKind.code).toBe(2);
    expect(noKind.err).toContain('one of minutes, summary, sheet, blank-sheet, decision, certificate, sheets');
    const noMember = await run([
      'pdf',
      'sheet',
      '--session',
      String(s.sessionId),
      '--registration',
      String(s.registrationIds[0]),
      '--data-dir',
      dir,
    ]);
    expect(noMember.code).not.toBe(0);
    expect(noMember.err).toContain('memberId: required to print a scoring sheet');
  });
});
