import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { invoke } from '../api';
import type { Core } from '../context';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { choicesForTotal } from '../results/test/choices';
import { seedSession } from '../results/test/fixtures';
import { fileCore } from '../test/fixtures';
import { extractPdfText, pageLines } from '../documents/integrity/pdf-text';
import { sealPng, signaturePng } from './test/images';
import { pdfsig, qpdfCheck, testPki } from './test/signing-fixture';
import type { TestPki } from './test/test-pki';

// Real openssl, SoftHSM2, poppler and PDF work: generous on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

let pki: TestPki;
let core: Core;
let sessionId: number;

const ok = <T>(env: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};

beforeAll(async () => {
  pki = await testPki();
  core = await fileCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const plan = [80, 82, 78].map((t) => choicesForTotal(set, t, { keepMarks: true }));
  sessionId = seedSession(core.ctx.sqlite, {
    products: 2,
    members: 3,
    withSecretary: true,
    choose: ({ member, code }) => plan[member]![code]!,
    status: 'closed',
  }).sessionId;
  ok(await invoke(core.ctx, 'results:finalize', { sessionId, acknowledgeSensitive: true }));
}, 120_000);

const p12Of = async (name: string, password = 'x') => ({
  kind: 'p12' as const,
  p12Base64: fs.readFileSync(pki.p12(await pki.signerNamed(name), password)).toString('base64'),
  password,
});

describe('signing a finalized session’s minutes in the app', () => {
  it('secretary then chair: state chưa ký → thư ký đã ký → đủ chữ ký; pdfsig valid; page text unchanged', async () => {
    const s0 = ok(await invoke(core.ctx, 'signatures:sessionState', { sessionId }));
    expect(s0.minutes.state).toBe('unsigned');
    expect(s0.minutes.next?.role).toBe('secretary');
    const secretaryName = s0.minutes.next!.name;

    // The chair cannot sign first.
    const early = await invoke(core.ctx, 'signatures:signSession', {
      sessionId,
      kind: 'minutes',
      role: 'chair',
      source: await p12Of('Someone'),
    });
    expect(early.ok ? null : early.error.code).toBe('FORBIDDEN_STATE');
    // A certificate of another person is refused, naming both.
    const other = await invoke(core.ctx, 'signatures:signSession', {
      sessionId,
      kind: 'minutes',
      role: 'secretary',
      source: await p12Of('Người Khác'),
    });
    expect(other.ok ? null : other.error.code).toBe('CERTIFICATE_REFUSED');
    expect(other.ok ? '' : other.error.message).toContain(secretaryName);

    const s1 = ok(
      await invoke(core.ctx, 'signatures:signSession', {
        sessionId,
        kind: 'minutes',
        role: 'secretary',
        source: await p12Of(secretaryName),
      }),
    );
    expect(s1.minutes.state).toBe('secretary-signed');
    const chairName = s1.minutes.next!.name;
    // The chair's signature image and the council's seal are drawn with the chair's signature.
    const chairId = core.ctx.sqlite.prepare('SELECT id FROM council_member WHERE full_name = ?').pluck().get(chairName) as number;
    const councilId = core.ctx.sqlite.prepare('SELECT council_id FROM session WHERE id = ?').pluck().get(sessionId) as number;
    const png = (b: Uint8Array) => Buffer.from(b).toString('base64');
    ok(
      await invoke(core.ctx, 'signatures:setImage', {
        ownerKind: 'member',
        ownerId: chairId,
        imageKind: 'signature',
        pngBase64: png(signaturePng()),
      }),
    );
    ok(
      await invoke(core.ctx, 'signatures:setImage', {
        ownerKind: 'council',
        ownerId: councilId,
        imageKind: 'seal',
        pngBase64: png(sealPng()),
      }),
    );
    const s2 = ok(
      await invoke(core.ctx, 'signatures:signSession', {
        sessionId,
        kind: 'minutes',
        role: 'chair',
        source: await p12Of(chairName),
      }),
    );
    expect(s2.minutes).toMatchObject({ state: 'complete', next: null });
    expect(s2.minutes.steps.map((st) => [st.role, st.signerName, st.keySource])).toEqual([
      ['secretary', secretaryName, 'p12'],
      ['chair', chairName, 'p12'],
    ]);

    const file = ok(await invoke(core.ctx, 'signatures:sessionFile', { sessionId, kind: 'minutes' }));
    const bytes = new Uint8Array(Buffer.from(file.pdfBase64, 'base64'));
    const images = (b: Uint8Array) =>
      Buffer.from(b)
        .toString('latin1')
        .match(/\/Subtype \/Image/gu)?.length ?? 0;
    const afterSecretary = fs.readFileSync(path.join(core.ctx.paths.dataDir, 'signed', `${s1.minutes.latestSha256}.pdf`));
    // Signature and seal, each with its transparency mask.
    expect(images(bytes) - images(afterSecretary)).toBe(4);
    expect(file.sha256).toBe(s2.minutes.latestSha256);
    expect(pdfsig(bytes).map((x) => [x.fieldName, x.valid, x.total])).toEqual([
      ['secretary', true, false],
      ['chair', true, true],
    ]);
    expect(qpdfCheck(bytes).ok).toBe(true);
    // The text the content check compares is the unsigned minutes' text.
    const original = fs.readFileSync(
      path.join(
        core.ctx.paths.dataDir,
        'signed',
        `${core.ctx.sqlite.prepare('SELECT original_sha256 FROM session_signature LIMIT 1').pluck().get()}.pdf`,
      ),
    );
    const lines = async (b: Uint8Array) => (await extractPdfText(b)).map(pageLines);
    expect(await lines(bytes)).toEqual(await lines(new Uint8Array(original)));
    // Both widgets sit in the signing space above each printed name.
    const last = (await extractPdfText(bytes)).at(-1)!;
    expect(last.signatureRects).toHaveLength(2);

    const again = await invoke(core.ctx, 'signatures:signSession', {
      sessionId,
      kind: 'minutes',
      role: 'chair',
      source: await p12Of(chairName),
    });
    expect(again.ok ? null : again.error.code).toBe('FORBIDDEN_STATE');
    // The audit log names both signing steps.
    const actions = core.ctx.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'signatures.%'").pluck().all();
    expect(actions).toEqual(['signatures.signSession', 'signatures.setImage', 'signatures.setImage', 'signatures.signSession']);
  }, 120_000);

  it('a signed file edited behind the app’s back is refused when read', async () => {
    const state = ok(await invoke(core.ctx, 'signatures:sessionState', { sessionId }));
    const file = path.join(core.ctx.paths.dataDir, 'signed', `${state.minutes.latestSha256}.pdf`);
    const saved = fs.readFileSync(file);
    fs.appendFileSync(file, '\n% tampered\n');
    const r = await invoke(core.ctx, 'signatures:sessionFile', { sessionId, kind: 'minutes' });
    expect(r.ok ? null : r.error.code).toBe('IO');
    expect(r.ok ? '' : r.error.message).toContain('changed outside the app');
    fs.writeFileSync(file, saved);
  });

  it('a hand-signed scan can be attached to an unsigned session instead', async () => {
    const c2 = await fileCore();
    const row = c2.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
      content_json: string;
    };
    const plan = choicesForTotal(CriteriaSet.parse(JSON.parse(row.content_json)), 75, { keepMarks: true });
    const sid = seedSession(c2.ctx.sqlite, {
      products: 1,
      members: 3,
      withSecretary: true,
      choose: ({ code }) => plan[code]!,
      status: 'closed',
    }).sessionId;
    ok(await invoke(c2.ctx, 'results:finalize', { sessionId: sid, acknowledgeSensitive: true }));
    const notPdf = await invoke(c2.ctx, 'signatures:attachScan', {
      sessionId: sid,
      kind: 'minutes',
      pdfBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notPdf.ok ? null : notPdf.error.code).toBe('VALIDATION');
    const scan = Buffer.from('%PDF-1.4\n% a scan\n%%EOF\n');
    const s = ok(
      await invoke(c2.ctx, 'signatures:attachScan', { sessionId: sid, kind: 'minutes', pdfBase64: scan.toString('base64') }),
    );
    expect(s.minutes.state).toBe('scanned');
    expect(s.minutes.latestSha256).toMatch(/^[0-9a-f]{64}$/u);
    c2.close();
  });
});
