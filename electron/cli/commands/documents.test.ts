import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../../core/api';
import { buildCertificate } from '../../core/documents/builders/certificate';
import { documentT } from '../../core/documents/doc-t';
import { renderPdf } from '../../core/documents/render';
import { certificateData } from '../../core/documents/test/fixtures';
import { alterPdfWords } from '../../core/documents/test/pdf-alter';
import { choicesForTotal } from '../../core/results/test/choices';
import { seedSession } from '../../core/results/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI verify and the register', { timeout: 180_000 }, () => {
  it('issues with pdf --issue, lists the register, and verifies by hash, by content and by a scan; says why not', async () => {
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
      status: 'closed',
    });
    const f = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    if (!f.ok) throw new Error(f.error.message);
    core.close();

    const sid = String(s.sessionId);
    const issuedFile = path.join(dir, 'bien-ban.pdf');
    const issued = await run(['pdf', 'minutes', '--session', sid, '--issue', '--out', issuedFile, '--data-dir', dir]);
    expect(issued.err).toBe('');
    expect(issued.code).toBe(0);
    expect(issued.out).toMatch(/issued: register no\. 1/u);
    expect(issued.out).toMatch(/SHA-256 [0-9a-f]{64}/u);
    const list = await run(['documents', 'register', '--session', sid, '--json', '--data-dir', dir]);
    expect(JSON.parse(list.out)).toMatchObject({ total: 1, entries: [{ id: 1, kind: 'minutes', version: 1, current: true }] });

    const byHash = await run(['verify', issuedFile, '--data-dir', dir]);
    expect(byHash.code).toBe(0);
    expect(byHash.out).toContain('VERIFIED — This exact file is');
    expect(byHash.out).toContain('Only a digital signature proves who signed it');

    const altered = path.join(dir, 'sua.pdf');
    fs.writeFileSync(altered, await alterPdfWords(fs.readFileSync(issuedFile), [{ find: '80', replace: '90', all: true }]));
    const bad = await run(['verify', altered, '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('NOT VERIFIED — The text differs');
    expect(bad.out).toMatch(/expected: .*80/u);
    expect(bad.out).toMatch(/found: {4}.*90/u);

    const t = documentT('vi');
    const plain = path.join(dir, 'plain.pdf');
    fs.writeFileSync(plain, await renderPdf(buildCertificate(certificateData(null), t)));
    const none = await run(['verify', plain, '--json', '--data-dir', dir]);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.out)).toMatchObject({ ok: false, outcome: 'no-anchor' });

    const png = path.join(dir, 'scan');
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', issuedFile, png]);
    const scan = await run(['verify', `${png}.png`, '--json', '--data-dir', dir]);
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.out)).toMatchObject({ ok: true, outcome: 'current-code', source: 'png' });

    const notPdf = path.join(dir, 'note.pdf');
    fs.writeFileSync(notPdf, 'not a pdf at all');
    const np = await run(['verify', notPdf, '--data-dir', dir]);
    expect(np.code).not.toBe(0);
    expect(np.err).toContain('not a PDF, PNG or JPEG');

    // Reopened: the paper is of a superseded finalization.
    const core2 = await fileCore(dir);
    const re = await invoke(core2.ctx, 'results:reopen', {
      sessionId: s.sessionId,
      chairMemberId: s.memberIds[0]!,
      reason: 'Bổ sung hồ sơ của chủ thể',
    });
    core2.close();
    expect(re.ok, re.ok ? '' : re.error.message).toBe(true);
    const after = await run(['verify', issuedFile, '--json', '--data-dir', dir]);
    expect(after.code).toBe(1);
    expect(JSON.parse(after.out)).toMatchObject({
      ok: false,
      outcome: 'superseded',
      finalization: { version: 1, reopenReason: 'Bổ sung hồ sơ của chủ thể', currentVersion: null },
    });
    const refused = await run(['pdf', 'minutes', '--session', sid, '--issue', '--data-dir', dir]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('not finalized');

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
    expect(text.out.trim()).toMatch(/bb\.pdf: \d+ pages?, font Tinos$/u);

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
