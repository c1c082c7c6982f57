/**
 * Signing issued documents in the app, on a real database and real files, checked with real
 * parts: certificates from a test PKI (openssl .p12 files), a SoftHSM2 token through the app's
 * PKCS #11 code, poppler's pdfsig and pdftotext, qpdf --check, and the register's verify.
 * Minutes (secretary → chair → organisation's seal), summary table (secretary → chair →
 * organisation's info line top-right on page 1), a member's own scoring sheet, hand-signed scans.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentSignatures, KeySource, SigningRole } from '../../../shared/api/channels/signatures';
import type { IssueInput, RegisterEntry, VerifyReport } from '../../../shared/api/channels/document-register';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../api';
import type { Core } from '../context';
import { extractPdfText, pageLines, type Rect } from '../documents/integrity/pdf-text';
import { issuedPath } from '../documents/register/issued-store';
import { choicesForTotal } from '../results/test/choices';
import { seedSession, type Seeded } from '../results/test/fixtures';
import { fileCore } from '../test/fixtures';
import { sealPng, signaturePng } from './test/images';
import { pageTexts, pdfsig, qpdfCheck, testPki, tmp } from './test/signing-fixture';
import { makeSoftHsmToken, type TestToken } from './test/softhsm';
import type { TestPki } from './test/test-pki';

// Real openssl, SoftHSM2, poppler and PDF work: generous on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000 });

type Env<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const ok = <T>(env: Env<T>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};
const code = (env: Env<unknown>) => (env.ok ? 'ok' : env.error.code);
const message = (env: Env<unknown>) => (env.ok ? '' : env.error.message);

const ORGANISATION = 'Văn phòng Điều phối nông thôn mới tỉnh Đồng Tháp';

let pki: TestPki;
let core: Core;
let s: Seeded;
let token: TestToken;

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const issue = async (input: Omit<IssueInput, 'sessionId'>): Promise<RegisterEntry> =>
  ok(await invoke(core.ctx, 'documents:issue', { sessionId: s.sessionId, ...input })).entry;
const state = async (issueId: number) => ok(await invoke(core.ctx, 'signatures:document', { issueId }));
const sign = (issueId: number, role: SigningRole, source: KeySource) =>
  invoke(core.ctx, 'signatures:sign', { issueId, role, source });
const fileOf = (sha: string) => new Uint8Array(fs.readFileSync(issuedPath(core.ctx.paths.issuedDir, sha)));
const verify = async (bytes: Uint8Array): Promise<VerifyReport> =>
  ok(await invoke(core.ctx, 'documents:verify', { fileBase64: b64(bytes) }));
const p12Of = async (name: string, o?: string): Promise<KeySource> => ({
  kind: 'p12',
  p12Base64: fs.readFileSync(pki.p12(await pki.signerNamed(name, o), 'x')).toString('base64'),
  password: 'x',
});
const nameOf = (d: DocumentSignatures, role: SigningRole) => d.flow!.find((f) => f.role === role)!.name;
const lines = async (b: Uint8Array) => (await extractPdfText(b)).map(pageLines);
const images = (b: Uint8Array) =>
  Buffer.from(b)
    .toString('latin1')
    .match(/\/Subtype \/Image/gu)?.length ?? 0;
/** The token source for the certificate named `cn` on the test token. */
async function tokenSource(cn: string): Promise<KeySource> {
  const slots = ok(await invoke(core.ctx, 'signatures:tokens', { modulePath: token.module }));
  const slot = slots.find((x) => x.token?.label === token.label)!;
  const cert = slot.certificates.find((c) => c.commonName === cn)!;
  return { kind: 'pkcs11', modulePath: token.module, slotId: slot.slotId, certificateFingerprint: cert.fingerprint };
}

beforeAll(async () => {
  pki = await testPki();
  core = await fileCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const plan = [80, 82, 78].map((t) => choicesForTotal(set, t, { keepMarks: true }));
  s = seedSession(core.ctx.sqlite, {
    products: 2,
    members: 3,
    withSecretary: true,
    choose: ({ member, code: c }) => plan[member]![c]!,
    status: 'closed',
  });
  ok(await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true }));
  const nameOfMember = (id: number) =>
    core.ctx.sqlite.prepare('SELECT full_name FROM council_member WHERE id = ?').pluck().get(id) as string;
  // One USB token holding three keys: member 2's, the chair's and the organisation's.
  const m2 = await pki.signerNamed(nameOfMember(s.memberIds[1]!));
  const ch = await pki.signerNamed(nameOfMember(s.chairId));
  const org = await pki.signerNamed(ORGANISATION, 'Ủy ban nhân dân tỉnh Đồng Tháp');
  token = makeSoftHsmToken(tmp('ocop-hsm-doc-'), m2, [pki.ca], 'Token Hội đồng', [ch, org]);
  core.ctx.askPin = async () => token.pin;
}, 180_000);

describe('signing the minutes from the register', () => {
  let minutes: RegisterEntry;

  it('starts only from an issued original: unknown entries and signed copies are refused', async () => {
    expect(code(await sign(999, 'secretary', await p12Of('X')))).toBe('NOT_FOUND');
    const listed = ok(await invoke(core.ctx, 'signatures:documents', { sessionId: s.sessionId }));
    expect(listed).toEqual({ sessionId: s.sessionId, finalized: true, documents: [] });
    minutes = await issue({ kind: 'minutes' });
    const d = await state(minutes.id);
    expect(d).toMatchObject({ state: 'unsigned', next: { role: 'secretary' }, steps: [], scanAllowed: true });
    expect(d.flow!.map((f) => f.role)).toEqual(['secretary', 'chair']);
    expect(d.latest).toEqual({ issueId: minutes.id, sha256: minutes.sha256, fileName: minutes.fileName });
  });

  it('secretary then chair: each signed copy enters the register derived from the original; verify names who signed', async () => {
    const d0 = await state(minutes.id);
    const secretary = nameOf(d0, 'secretary');
    const chair = nameOf(d0, 'chair');
    // Order is the flow's; the certificate must be the printed person's.
    const early = await sign(minutes.id, 'chair', await p12Of(chair));
    expect(code(early)).toBe('FORBIDDEN_STATE');
    expect(message(early)).toContain('the secretary signs next');
    const other = await sign(minutes.id, 'secretary', await p12Of('Người Khác'));
    expect(code(other)).toBe('CERTIFICATE_REFUSED');
    expect(message(other)).toContain(secretary);

    const d1 = ok(await sign(minutes.id, 'secretary', await p12Of(secretary)));
    expect(d1).toMatchObject({ state: 'partial', next: { role: 'chair', name: chair } });
    const copy1 = ok(await invoke(core.ctx, 'documents:register', { sessionId: s.sessionId })).entries.find(
      (e) => e.id === d1.latest.issueId,
    )!;
    expect(copy1).toMatchObject({
      variant: 'signed',
      derivedFrom: minutes.id,
      kind: 'minutes',
      pages: minutes.pages,
      signing: { role: 'secretary', signerName: secretary },
    });
    expect(copy1.fileName).toBe(minutes.fileName.replace(/\.pdf$/u, '-da-ky-thu-ky.pdf'));
    // Signing a signed copy is refused: the original is named, the next signature goes on its latest copy.
    expect(code(await sign(copy1.id, 'chair', await p12Of(chair)))).toBe('VALIDATION');

    // The chair's signature image is drawn (no seal: the organisation does not sign here).
    const chairId = core.ctx.sqlite.prepare('SELECT id FROM council_member WHERE full_name = ?').pluck().get(chair) as number;
    ok(
      await invoke(core.ctx, 'signatures:setImage', {
        ownerKind: 'member',
        ownerId: chairId,
        imageKind: 'signature',
        pngBase64: b64(signaturePng()),
      }),
    );
    const d2 = ok(await sign(minutes.id, 'chair', await p12Of(chair)));
    expect(d2).toMatchObject({ state: 'complete', next: null, scanAllowed: false });
    expect(d2.steps.map((x) => [x.role, x.signerName, x.keySource])).toEqual([
      ['secretary', secretary, 'p12'],
      ['chair', chair, 'p12'],
    ]);
    const bytes = fileOf(d2.latest.sha256);
    // Signature image and its transparency mask, nothing else.
    expect(images(bytes) - images(fileOf(d1.latest.sha256))).toBe(2);
    expect(pdfsig(bytes).map((x) => [x.fieldName, x.valid, x.total])).toEqual([
      ['secretary', true, false],
      ['chair', true, true],
    ]);
    expect(qpdfCheck(bytes).ok).toBe(true);
    expect(await lines(bytes)).toEqual(await lines(fileOf(minutes.sha256)));

    // verify finds each signed copy by its exact hash and says who signed it.
    const v = await verify(bytes);
    expect(v).toMatchObject({
      ok: true,
      outcome: 'issued',
      issued: { id: d2.latest.issueId, variant: 'signed', derivedFrom: minutes.id },
    });
    expect(v.signedBy.map((x) => [x.role, x.signerName])).toEqual([
      ['secretary', secretary],
      ['chair', chair],
    ]);
    expect(v.message).toContain(`signed by ${secretary} (secretary)`);
    expect(v.message).toContain(`signed by ${chair} (chair)`);
    expect((await verify(fileOf(d1.latest.sha256))).signedBy.map((x) => x.role)).toEqual(['secretary']);
    expect(code(await sign(minutes.id, 'chair', await p12Of(chair)))).toBe('FORBIDDEN_STATE');
  });

  it('the organisation signs last where the office uses its seal certificate: the seal over the chair’s signature', async () => {
    const councilId = s.councilId;
    ok(await invoke(core.ctx, 'signatures:setOrganisation', { councilId, name: ORGANISATION }));
    expect(ok(await invoke(core.ctx, 'signatures:organisation', { councilId }))).toEqual({ councilId, name: ORGANISATION });
    const d = await state(minutes.id);
    expect(d).toMatchObject({ state: 'partial', next: { role: 'organisation', name: ORGANISATION, placement: 'seal' } });
    // The seal is the organisation's signature on the page: it must be set first.
    const noSeal = await sign(minutes.id, 'organisation', await tokenSource(ORGANISATION));
    expect(code(noSeal)).toBe('FORBIDDEN_STATE');
    expect(message(noSeal)).toContain('seal image');
    ok(
      await invoke(core.ctx, 'signatures:setImage', {
        ownerKind: 'council',
        ownerId: councilId,
        imageKind: 'seal',
        pngBase64: b64(sealPng()),
      }),
    );
    // A person's certificate is not the organisation's.
    expect(code(await sign(minutes.id, 'organisation', await p12Of(nameOf(d, 'chair'))))).toBe('CERTIFICATE_REFUSED');
    const done = ok(await sign(minutes.id, 'organisation', await tokenSource(ORGANISATION)));
    expect(done).toMatchObject({ state: 'complete', next: null });
    expect(done.steps.at(-1)).toMatchObject({ role: 'organisation', signerName: ORGANISATION, keySource: 'pkcs11' });
    const bytes = fileOf(done.latest.sha256);
    expect(pdfsig(bytes).map((x) => [x.fieldName, x.valid, x.total])).toEqual([
      ['secretary', true, false],
      ['chair', true, false],
      ['organisation', true, true],
    ]);
    expect(qpdfCheck(bytes).ok).toBe(true);
    expect(await lines(bytes)).toEqual(await lines(fileOf(minutes.sha256)));
    // The seal widget overlaps the left part of the chair's widget and does not reach past its right third.
    const page = (await extractPdfText(bytes)).at(-1)!;
    expect(page.signatureRects).toHaveLength(3);
    // Widgets in the order they were added: secretary (left), chair (right), then the seal inside the chair's.
    const [secretaryWidget, chairWidget, seal] = page.signatureRects as [Rect, Rect, Rect];
    expect(secretaryWidget.x2).toBeLessThan(chairWidget.x1);
    expect(seal.x1).toBeGreaterThanOrEqual(chairWidget.x1 - 0.5);
    expect(seal.x2).toBeLessThan((chairWidget.x1 + chairWidget.x2) / 2);
    expect(seal.y1).toBeGreaterThanOrEqual(chairWidget.y1 - 0.5);
    expect(seal.y2).toBeLessThanOrEqual(chairWidget.y2 + 0.5);
    // The seal at its real size (36 mm: the minutes leave 40 mm to sign in), over no printed text —
    // neither the title above nor the name below (pdf.js text boxes) — and not over the chair's info
    // lines, which sit right of the seal (outlines in the chair's widget: the seal's right edge is
    // left of the widget's centre, where the lines start past the image's first third).
    expect(seal.x2 - seal.x1).toBeCloseTo(36 * (72 / 25.4), 0);
    expect(seal.y2 - seal.y1).toBeCloseTo(36 * (72 / 25.4), 0);
    const over = page.items.filter(
      (it) => it.x < seal.x2 && it.x + it.width > seal.x1 && it.y - it.size * 0.25 < seal.y2 && it.y + it.size * 0.9 > seal.y1,
    );
    expect(over.map((it) => it.str)).toEqual([]);
    expect((await verify(bytes)).signedBy.map((x) => x.role)).toEqual(['secretary', 'chair', 'organisation']);
  });

  it('a copy edited behind the app’s back is refused when the next step reads it', async () => {
    const d = await state(minutes.id);
    ok(await invoke(core.ctx, 'signatures:setOrganisation', { councilId: s.councilId, name: null }));
    expect((await state(minutes.id)).state).toBe('complete');
    const file = issuedPath(core.ctx.paths.issuedDir, d.latest.sha256);
    const saved = fs.readFileSync(file);
    fs.appendFileSync(file, '\n% tampered\n');
    const r = await invoke(core.ctx, 'documents:registerFile', { id: d.latest.issueId });
    expect(code(r)).toBe('IO');
    fs.writeFileSync(file, saved);
  });
});

describe('the summary table, a member’s sheet, scans', () => {
  it('summary: secretary (.p12), chair (token), organisation’s info line top-right on page 1 without an image', async () => {
    ok(await invoke(core.ctx, 'signatures:setOrganisation', { councilId: s.councilId, name: ORGANISATION }));
    const summary = await issue({ kind: 'summary' });
    const d0 = await state(summary.id);
    expect(d0.flow!.map((f) => [f.role, f.placement])).toEqual([
      ['secretary', 'signature-block'],
      ['chair', 'signature-block'],
      ['organisation', 'annex-corner'],
    ]);
    ok(await sign(summary.id, 'secretary', await p12Of(nameOf(d0, 'secretary'))));
    ok(await sign(summary.id, 'chair', await tokenSource(nameOf(d0, 'chair'))));
    const before = fileOf((await state(summary.id)).latest.sha256);
    const done = ok(await sign(summary.id, 'organisation', await tokenSource(ORGANISATION)));
    expect(done.state).toBe('complete');
    const bytes = fileOf(done.latest.sha256);
    expect(pdfsig(bytes).map((x) => [x.fieldName, x.valid, x.total])).toEqual([
      ['secretary', true, false],
      ['chair', true, false],
      ['organisation', true, true],
    ]);
    expect(qpdfCheck(bytes).ok).toBe(true);
    // No image is added by the organisation's step; the page text is the unsigned table's.
    expect(images(bytes)).toBe(images(before));
    expect(pageTexts(bytes)).toEqual(pageTexts(fileOf(summary.sha256)));
    // Its widget sits top-right on page 1, above every printed line and right of the page's middle.
    const [first] = await extractPdfText(bytes);
    // (Two products: the secretary's and the chair's widgets are on page 1 too; the organisation's is the last added.)
    const r = first!.signatureRects.at(-1)!;
    const top = Math.max(...first!.items.map((it) => it.y + it.size));
    expect(r.y1).toBeGreaterThan(top);
    expect(r.x1).toBeGreaterThan(first!.width / 2);
    const v = await verify(bytes);
    expect(v.issued).toMatchObject({ kind: 'summary', variant: 'signed', derivedFrom: summary.id });
    expect(v.signedBy.map((x) => x.role)).toEqual(['secretary', 'chair', 'organisation']);
    ok(await invoke(core.ctx, 'signatures:setOrganisation', { councilId: s.councilId, name: null }));
  });

  it('a member signs their own scoring sheet (token); nobody else does', async () => {
    const memberId = s.memberIds[1]!;
    const sheet = await issue({ kind: 'sheet', registrationId: s.registrationIds[0]!, memberId });
    const d0 = await state(sheet.id);
    const name = nameOf(d0, 'member');
    expect(d0.flow!.map((f) => f.role)).toEqual(['member']);
    expect(code(await sign(sheet.id, 'chair', await tokenSource(name)))).toBe('FORBIDDEN_STATE');
    expect(code(await sign(sheet.id, 'member', await p12Of('Người Khác')))).toBe('CERTIFICATE_REFUSED');
    ok(
      await invoke(core.ctx, 'signatures:setImage', {
        ownerKind: 'member',
        ownerId: memberId,
        imageKind: 'signature',
        pngBase64: b64(signaturePng()),
      }),
    );
    const done = ok(await sign(sheet.id, 'member', await tokenSource(name)));
    expect(done).toMatchObject({ state: 'complete', steps: [{ role: 'member', signerName: name, keySource: 'pkcs11' }] });
    const bytes = fileOf(done.latest.sha256);
    expect(pdfsig(bytes)).toEqual([{ fieldName: 'member', commonName: name, valid: true, total: true }]);
    expect(qpdfCheck(bytes).ok).toBe(true);
    expect(await lines(bytes)).toEqual(await lines(fileOf(sheet.sha256)));
    // The widget is in "Người đánh giá", on the last page, between the hint and the name.
    const last = (await extractPdfText(bytes)).at(-1)!;
    const nameItem = last.items.find((it) => it.str === name)!;
    expect(last.signatureRects).toHaveLength(1);
    expect(last.signatureRects[0]!.y1).toBeGreaterThanOrEqual(nameItem.y);
    expect((await verify(bytes)).signedBy).toEqual([expect.objectContaining({ role: 'member', signerName: name })]);
    const listed = ok(await invoke(core.ctx, 'signatures:documents', { sessionId: s.sessionId })).documents;
    expect(listed.map((x) => [x.kind, x.state])).toEqual([
      ['minutes', 'complete'],
      ['summary', 'complete'],
      ['sheet', 'complete'],
    ]);
  });

  it('a hand-signed scan enters the register derived from the original; not a PDF, or a file already there, is refused', async () => {
    const sheet = await issue({ kind: 'sheet', registrationId: s.registrationIds[1]!, memberId: s.memberIds[2]! });
    const notPdf = await invoke(core.ctx, 'signatures:attachScan', { issueId: sheet.id, pdfBase64: b64(Buffer.from('hello')) });
    expect(code(notPdf)).toBe('VALIDATION');
    const broken = await invoke(core.ctx, 'signatures:attachScan', {
      issueId: sheet.id,
      pdfBase64: b64(Buffer.from('%PDF-1.4\n% nothing\n')),
    });
    expect(message(broken)).toContain('not a readable PDF');
    const itself = await invoke(core.ctx, 'signatures:attachScan', { issueId: sheet.id, pdfBase64: b64(fileOf(sheet.sha256)) });
    expect(message(itself)).toContain(`already in the register as entry ${sheet.id}`);
    const scan = await PDFDocument.create();
    scan.addPage();
    scan.addPage();
    const scanBytes = await scan.save();
    const d = ok(await invoke(core.ctx, 'signatures:attachScan', { issueId: sheet.id, pdfBase64: b64(scanBytes) }));
    expect(d).toMatchObject({ state: 'scanned', next: null, scanAllowed: false, steps: [{ role: 'scan', keySource: null }] });
    const v = await verify(scanBytes);
    expect(v).toMatchObject({ outcome: 'issued', issued: { variant: 'signed', derivedFrom: sheet.id, pages: 2 } });
    expect(v.message).toContain('hand-signed scan');
    expect(code(await sign(sheet.id, 'member', await p12Of('X')))).toBe('FORBIDDEN_STATE');
  });

  it('the audit log names every step', () => {
    const actions = core.ctx.sqlite
      .prepare("SELECT action FROM audit_log WHERE action IN ('signatures.sign', 'signatures.attachScan') ORDER BY seq")
      .pluck()
      .all();
    expect(actions).toEqual([...Array<string>(7).fill('signatures.sign'), 'signatures.attachScan']);
  });

  it('after a reopen the documents of the old finalization are superseded and are not signed', async () => {
    const chairId = s.chairId;
    ok(
      await invoke(core.ctx, 'results:reopen', {
        sessionId: s.sessionId,
        reason: 'Sửa điểm sau khiếu nại',
        chairMemberId: chairId,
      }),
    );
    const d = await state((await issueOfKind('sheet')).id);
    expect(d.current).toBe(false);
    const r = await sign(d.issueId, 'member', await p12Of('X'));
    expect(code(r)).toBe('FORBIDDEN_STATE');
    expect(message(r)).toContain('superseded');
    expect(ok(await invoke(core.ctx, 'signatures:documents', { sessionId: s.sessionId })).finalized).toBe(false);
  });
});

async function issueOfKind(kind: string): Promise<RegisterEntry> {
  const page = ok(await invoke(core.ctx, 'documents:register', { sessionId: s.sessionId }));
  return page.entries.filter((e) => e.kind === kind && e.variant === 'original').at(-1)!;
}
