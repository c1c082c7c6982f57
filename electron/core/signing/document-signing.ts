/**
 * Signing the documents a council issued, in the app. Who signs which kind, in which order, is
 * data (shared/ocop/signing-flow.ts). Signing starts from a document in the register of issued
 * documents (issue 13), never from an unrecorded render: each step signs the file the previous
 * step produced (the original for the first) as an incremental update, so earlier signatures
 * stay valid, and the signed copy enters the register as a row of its own (variant 'signed',
 * derived from the original), its file kept with the register's files by SHA-256. So `verify`
 * finds any signed copy by its exact bytes and says who signed it. A scanned paper copy signed
 * by hand can be attached instead, the same way.
 */
import fs from 'node:fs';
import type { RegisterEntry } from '../../../shared/api/channels/document-register';
import type {
  DocumentSignatures,
  FlowStepView,
  KeySource,
  SessionDocumentSignatures,
  SigningRole,
} from '../../../shared/api/channels/signatures';
import { formatDocNumber } from '../../../shared/ocop/document-number';
import {
  scanAllowed,
  signingFlow,
  signingProgress,
  whyCannotSign,
  type FlowStep,
  type SignerRole,
} from '../../../shared/ocop/signing-flow';
import { foldForSearch } from '../../../shared/text/normalize';
import type { CoreContext } from '../context';
import { documentFontOptions } from '../documents/document-font';
import { resolveFont } from '../documents/fonts';
import { loadDocumentFacts, type DocumentFacts } from '../documents/from-session/document-facts';
import { readIssued, sha256Hex, storeIssued } from '../documents/register/issued-store';
import { insertIssue, issueByHash, issueById } from '../documents/register/register-repo';
import { minutesForPrint, summaryForPrint } from '../documents/settings/for-print';
import { CoreError } from '../errors';
import { getSession } from '../sessions/session-repo';
import { runWrite, type Call, type Write } from '../handlers';
import { openFinalization } from '../results/finalization-repo';
import { insertSignature, organisationOf, stepsOfOriginal, stepsOfOriginals, type StoredStep } from './document-signature-repo';
import { p12SigningKey } from './keys/p12-key';
import { withTokenKey } from './keys/pkcs11-token';
import type { SigningKey } from './keys/signing-key';
import { locateAnnexCorner, locateSignatureZone } from './locate-zone';
import { textWidthIn, type VisibleSignature } from './pdf/appearance';
import { isoWithOffset } from './pdf/pdf-syntax';
import { mapped, signWith } from './signing-service';
import fontkit from '@pdf-lib/fontkit';

const MM = 72 / 25.4;

/** Who a step expects: the title printed above the signing space and the name under it (or the organisation). */
interface Expected {
  title: string;
  name: string;
  /** The council member signing (for their signature image). */
  memberId: number | null;
}

/** What the documents of one session print about their signers, loaded once per session. */
class SessionSigners {
  private facts: Promise<DocumentFacts> | null = null;
  private minutes: Promise<{ secretary: Expected; chair: Expected }> | null = null;
  private summary: Promise<{ secretary: Expected; chair: Expected; annexNumber: string | null }> | null = null;
  private members: Promise<Map<number, string>> | null = null;

  constructor(
    private readonly ctx: CoreContext,
    readonly sessionId: number,
    readonly councilId: number,
    readonly organisation: string | null,
  ) {}

  loadFacts(): Promise<DocumentFacts> {
    return (this.facts ??= loadDocumentFacts(this.ctx, this.sessionId));
  }

  private memberNames() {
    return (this.members ??= this.ctx.db
      .selectFrom('council_member')
      .select(['id', 'full_name'])
      .where('council_id', '=', this.councilId)
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.id, r.full_name]))));
  }

  /** The council member a printed name is (the signature image is theirs). */
  private async memberNamed(name: string): Promise<number | null> {
    for (const [id, n] of await this.memberNames()) if (foldForSearch(n) === foldForSearch(name)) return id;
    return null;
  }

  private async pair(secretary: { title: string; name: string }, chair: { title: string; name: string }) {
    return {
      secretary: { title: secretary.title, name: secretary.name, memberId: await this.memberNamed(secretary.name) },
      chair: { title: chair.title, name: chair.name, memberId: await this.memberNamed(chair.name) },
    };
  }

  private minutesSigners() {
    return (this.minutes ??= this.loadFacts().then(async (f) => {
      const d = await minutesForPrint(this.ctx, f);
      return this.pair(d.secretarySigner, d.chairSigner);
    }));
  }

  private summarySigners() {
    return (this.summary ??= this.loadFacts().then(async (f) => {
      const d = await summaryForPrint(this.ctx, f);
      const n = d.minutesNumber;
      return {
        ...(await this.pair(d.secretary, d.chair)),
        annexNumber: n.number === null ? null : formatDocNumber(n.number, n.symbol),
      };
    }));
  }

  /** The number and symbol an annex's info line names (the minutes it is annexed to). */
  async annexNumber(): Promise<string | null> {
    return (await this.summarySigners()).annexNumber;
  }

  async expected(doc: RegisterEntry, role: SignerRole): Promise<Expected | null> {
    switch (role) {
      case 'organisation':
        return this.organisation === null ? null : { title: '', name: this.organisation, memberId: null };
      case 'member': {
        if (doc.memberId === null) return null;
        const f = await this.loadFacts();
        return {
          title: f.t('sheet.evaluator'),
          name: (await this.memberNames()).get(doc.memberId) ?? '',
          memberId: doc.memberId,
        };
      }
      case 'secretary':
      case 'chair': {
        if (doc.kind !== 'minutes' && doc.kind !== 'summary') return null;
        const s = doc.kind === 'minutes' ? await this.minutesSigners() : await this.summarySigners();
        return s[role];
      }
    }
  }
}

async function signersFor(ctx: CoreContext, sessionId: number): Promise<SessionSigners> {
  const s = await getSession(ctx.db, sessionId);
  return new SessionSigners(ctx, sessionId, s.councilId, await organisationOf(ctx.db, s.councilId));
}

/** The original an action names: it must be an issued original. */
async function originalOf(ctx: CoreContext, issueId: number): Promise<RegisterEntry> {
  const e = await issueById(ctx.db, issueId);
  if (!e)
    throw new CoreError(
      'NOT_FOUND',
      `issueId: entry ${issueId} is not in the register of issued documents; issue the document first`,
      {
        what: 'register entry',
        id: issueId,
      },
    );
  if (e.variant !== 'original')
    throw new CoreError(
      'VALIDATION',
      `issueId: entry ${issueId} is a signed copy of entry ${e.derivedFrom}; name the issued original (${e.derivedFrom}), the next signature goes on its latest copy`,
      { field: 'issueId', original: e.derivedFrom },
    );
  return e;
}

function stateOf(
  doc: RegisterEntry,
  steps: StoredStep[],
  signers: SessionSigners,
  names: Map<SignerRole, string>,
): DocumentSignatures {
  const flow = signingFlow(doc.kind, { organisationSigns: signers.organisation !== null });
  const recorded = steps.map((s) => s.role);
  const progress = flow ? signingProgress(flow, recorded) : null;
  const view = (s: FlowStep): FlowStepView => ({
    role: s.role,
    placement: s.placement,
    name: names.get(s.role) ?? '',
    done: progress?.done.includes(s) ?? false,
  });
  const last = steps.at(-1);
  return {
    issueId: doc.id,
    sessionId: doc.sessionId,
    kind: doc.kind,
    title: doc.title,
    number: doc.number,
    registrationId: doc.registrationId,
    memberId: doc.memberId,
    current: doc.current,
    flow: flow ? flow.map(view) : null,
    state: progress?.state ?? (last?.role === 'scan' ? 'scanned' : 'unsigned'),
    next: progress?.next && doc.current ? view(progress.next) : null,
    steps: steps.map(({ inputId: _i, fileName: _f, originalId: _o, ...s }) => s),
    latest: last
      ? { issueId: last.issueId, sha256: last.sha256, fileName: last.fileName }
      : { issueId: doc.id, sha256: doc.sha256, fileName: doc.fileName },
    scanAllowed: doc.current && flow !== null && scanAllowed(flow, recorded),
  };
}

async function namesOf(doc: RegisterEntry, signers: SessionSigners): Promise<Map<SignerRole, string>> {
  const flow = signingFlow(doc.kind, { organisationSigns: signers.organisation !== null }) ?? [];
  const out = new Map<SignerRole, string>();
  for (const s of flow) out.set(s.role, (await signers.expected(doc, s.role))?.name ?? '');
  return out;
}

export async function documentSignatures(ctx: CoreContext, input: { issueId: number }): Promise<DocumentSignatures> {
  const doc = await originalOf(ctx, input.issueId);
  const signers = await signersFor(ctx, doc.sessionId);
  return stateOf(doc, await stepsOfOriginal(ctx.db, doc.id), signers, await namesOf(doc, signers));
}

/** Every original issued from the session's finalization in force, with its signature state. */
export async function sessionDocumentSignatures(
  ctx: CoreContext,
  input: { sessionId: number },
): Promise<SessionDocumentSignatures> {
  const signers = await signersFor(ctx, input.sessionId);
  const fin = await openFinalization(ctx.db, input.sessionId);
  if (!fin) return { sessionId: input.sessionId, finalized: false, documents: [] };
  const ids = await ctx.db
    .selectFrom('document_issue')
    .select('id')
    .where('session_id', '=', input.sessionId)
    .where('finalization_id', '=', fin.id)
    .where('variant', '=', 'original')
    .orderBy('id')
    .execute();
  const docs = (await Promise.all(ids.map((r) => issueById(ctx.db, r.id)))).filter((d): d is RegisterEntry => d !== undefined);
  const steps = await stepsOfOriginals(
    ctx.db,
    docs.map((d) => d.id),
  );
  const out: DocumentSignatures[] = [];
  for (const d of docs) out.push(stateOf(d, steps.get(d.id) ?? [], signers, await namesOf(d, signers)));
  return { sessionId: input.sessionId, finalized: true, documents: out };
}

async function imageOf(
  ctx: CoreContext,
  ownerKind: 'member' | 'council',
  ownerId: number | null,
  imageKind: 'signature' | 'seal',
) {
  if (ownerId === null) return null;
  const row = await ctx.db
    .selectFrom('signature_image')
    .select(['png', 'width_mm', 'width_px', 'height_px'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .where('image_kind', '=', imageKind)
    .executeTakeFirst();
  return row ? { png: new Uint8Array(row.png), widthPt: row.width_mm * MM, w: row.width_px, h: row.height_px } : null;
}

const SUFFIX: Record<SignerRole | 'scan', string> = {
  secretary: 'da-ky-thu-ky',
  chair: 'da-ky-chu-toa',
  member: 'da-ky',
  organisation: 'da-ky-co-quan',
  scan: 'ban-quet',
};
const signedFileName = (original: string, role: SignerRole | 'scan') => `${original.replace(/\.pdf$/iu, '')}-${SUFFIX[role]}.pdf`;

const REASON: Record<SignerRole, string> = {
  secretary: 'Thư ký ký',
  chair: 'Chủ tọa ký',
  member: 'Người đánh giá ký',
  organisation: 'Cơ quan ký số',
};

/** Lines a personal signature shows under the image (signer, organisation, time). */
const personLines = (cn: string, org: string, at: Date) => [`Ký số bởi: ${cn}`, org, `Thời gian ký: ${isoWithOffset(at)}`];

/**
 * The chair's zone when a seal follows: about 90 mm wide (the minutes' chair column is 91 mm), so
 * a 36 mm seal fits left of the signature image's first third and the info lines right of it.
 */
const SEALED_ZONE = { halfWidth: 128 };

/**
 * Whether an organisation's seal goes over the chair's signature on this kind of document (the
 * minutes). Decided by the kind, not by whether an organisation is set today: the chair's
 * signature is drawn before the seal, and the organisation may be set between the two.
 */
const sealable = (doc: RegisterEntry): boolean =>
  (signingFlow(doc.kind, { organisationSigns: true }) ?? []).some((f) => f.placement === 'seal');

/** What the step draws, and where (null: an invisible signature, when the document gives no place). */
async function appearanceFor(
  ctx: CoreContext,
  base: Uint8Array,
  doc: RegisterEntry,
  step: FlowStep,
  who: Expected,
  signers: SessionSigners,
  key: SigningKey,
  at: Date,
): Promise<(VisibleSignature & { pageIndex: number }) | null> {
  const fontBytes = fs.readFileSync(resolveFont(await documentFontOptions(ctx)).files.normal);
  const councilName = (await signers.loadFacts()).council.name;
  switch (step.placement) {
    case 'signature-block': {
      // The chair of a document the organisation may seal: room left of the image for the seal.
      const sealSpot = step.role === 'chair' && sealable(doc);
      const zone = await locateSignatureZone(base, { title: who.title, name: who.name }, sealSpot ? SEALED_ZONE : {});
      if (!zone) return null;
      const img = await imageOf(ctx, 'member', who.memberId, 'signature');
      return {
        pageIndex: zone.pageIndex,
        zone: zone.zone,
        signatureImage: img ? { png: img.png, widthPt: img.widthPt } : null,
        sealImage: null,
        infoLines: personLines(key.certificate.commonName, key.certificate.organization ?? councilName, at),
        fontBytes,
        sealSpot,
      };
    }
    case 'seal': {
      // Over the chair's signature: the chair's zone, laid out as the chair's step laid it out.
      const chair = await signers.expected(doc, 'chair');
      const zone = chair && (await locateSignatureZone(base, { title: chair.title, name: chair.name }, SEALED_ZONE));
      const seal = await imageOf(ctx, 'council', signers.councilId, 'seal');
      if (!zone || !seal) return null;
      const chairImg = await imageOf(ctx, 'member', chair.memberId, 'signature');
      return {
        pageIndex: zone.pageIndex,
        zone: zone.zone,
        signatureImage: null,
        sealImage: { png: seal.png, widthPt: seal.widthPt },
        infoLines: [],
        fontBytes,
        sealOver: { signature: chairImg && { widthPt: chairImg.widthPt, w: chairImg.w, h: chairImg.h }, infoLineCount: 3 },
      };
    }
    case 'annex-corner': {
      // No image; number and symbol, and the time, in 10 pt regular black, top-right on page 1.
      const number = await signers.annexNumber();
      const lines = [...(number ? [number] : []), isoWithOffset(at)];
      const font = fontkit.create(fontBytes);
      const size = 10;
      const width = Math.max(...lines.map((l) => textWidthIn(font, l, size))) + 4;
      const zone = await locateAnnexCorner(base, { width, height: lines.length * size * 1.2 + 4 });
      if (!zone) return null;
      return {
        pageIndex: 0,
        zone: zone.zone,
        signatureImage: null,
        sealImage: null,
        infoLines: lines,
        fontBytes,
        fontSize: size,
        align: 'right',
      };
    }
  }
}

/** Signs with the key source, closing a .p12 key afterwards; a token only where the host asks the PIN. */
async function withKey<T>(ctx: CoreContext, src: KeySource, fn: (key: SigningKey) => Promise<T>): Promise<T> {
  if (src.kind === 'p12') {
    const key = await mapped(async () => p12SigningKey(new Uint8Array(Buffer.from(src.p12Base64, 'base64')), src.password));
    try {
      return await fn(key);
    } finally {
      key.close();
    }
  }
  if (!ctx.askPin)
    throw new CoreError(
      'FORBIDDEN_STATE',
      'USB tokens sign only in the desktop app or the command line, where the PIN is asked without passing through a web page; in the browser, sign with a .p12 file',
    );
  const askPin = ctx.askPin;
  return mapped(() => withTokenKey(src, askPin, fn));
}

/** The steps must still be those read before signing (another computer may have signed meanwhile). */
/**
 * A signed (or hand-signed, scanned) copy enters the register as a version of its original: the
 * same session, finalization, number, date and title, its own file, derived from the original.
 */
async function insertSignedCopy(
  trx: Write['trx'],
  doc: RegisterEntry,
  file: { fileName: string; sha256: string; bytes: number; pages: number; at: Date; actor: string },
): Promise<number> {
  return insertIssue(trx, {
    sessionId: doc.sessionId,
    finalizationId: (await openFinalization(trx, doc.sessionId))!.id,
    version: doc.version,
    kind: doc.kind,
    registrationId: doc.registrationId,
    memberId: doc.memberId,
    docRef: doc.docRef,
    number: doc.number,
    date: doc.date,
    title: doc.title,
    fileName: file.fileName,
    sha256: file.sha256,
    bytes: file.bytes,
    pages: file.pages,
    variant: 'signed',
    derivedFrom: doc.id,
    issuedAt: file.at.toISOString(),
    issuedBy: file.actor,
  });
}

async function sameSteps(trx: Write['trx'], originalId: number, before: StoredStep[]): Promise<void> {
  const now = await stepsOfOriginal(trx, originalId);
  if (now.length !== before.length)
    throw new CoreError(
      'CONFLICT',
      `Document ${originalId} was signed by someone else while this signature was being made (${now.at(-1)?.role} ${now.at(-1)?.signerName}); open it again and sign its latest copy`,
    );
}

/** Signs an issued document as `role` (a long task: the PIN prompt and the signing run outside any transaction). */
export async function signIssuedDocument(
  call: Call,
  input: { issueId: number; role: SigningRole; source: KeySource },
): Promise<DocumentSignatures> {
  const { ctx } = call;
  const doc = await originalOf(ctx, input.issueId);
  if (!doc.current)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Entry ${doc.id} was issued from finalization ${doc.version} of session ${doc.sessionId}, which was reopened: it is superseded and is not signed; issue the document again from the finalization in force`,
    );
  const signers = await signersFor(ctx, doc.sessionId);
  const flow = signingFlow(doc.kind, { organisationSigns: signers.organisation !== null });
  if (!flow)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `A ${doc.kind} is not signed in the app: ${doc.kind === 'sheets' ? 'sign each member’s sheet' : 'the province (Chủ tịch UBND tỉnh) signs decisions and certificates'}`,
    );
  const steps = await stepsOfOriginal(ctx.db, doc.id);
  const why = whyCannotSign(
    flow,
    steps.map((s) => s.role),
    input.role,
  );
  if (why) throw new CoreError('FORBIDDEN_STATE', `role: ${why}`, { role: input.role });
  const step = flow.find((s) => s.role === input.role)!;
  const who = await signers.expected(doc, input.role);
  if (!who || who.name.trim() === '')
    throw new CoreError(
      'FORBIDDEN_STATE',
      input.role === 'organisation'
        ? 'The office does not sign for an organisation on this council; set the organisation in the council’s signature settings'
        : `The document prints no name for the ${input.role}; the name is set in its print details before it is issued`,
    );
  if (step.placement === 'seal' && !(await imageOf(ctx, 'council', signers.councilId, 'seal')))
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The organisation's signature on the minutes is drawn as the council's seal, and council ${signers.councilId} has no seal image; add it in the council's signature settings first`,
    );
  // The file to sign: the latest signed copy, or the original (re-hashed when read).
  const inputEntry = steps.at(-1) ?? { issueId: doc.id, sha256: doc.sha256 };
  const base = new Uint8Array(readIssued(ctx.paths.issuedDir, inputEntry.sha256));

  const signed = await withKey(ctx, input.source, async (key) => {
    // The certificate must name the person (or the organisation) the document prints (diacritics and case aside).
    if (foldForSearch(key.certificate.commonName) !== foldForSearch(who.name))
      throw new CoreError(
        'CERTIFICATE_REFUSED',
        input.role === 'organisation'
          ? `The certificate is ${key.certificate.commonName}'s, but the council's documents are signed for ${who.name}; use the seal certificate of ${who.name} (or correct the organisation's name in the council's signature settings)`
          : `The certificate is ${key.certificate.commonName}'s, but the document prints ${who.name}${who.title ? ` as ${who.title}` : ''}; sign with ${who.name}'s certificate (or correct the name in the print settings before issuing)`,
        { problems: ['other-signer'], certificateName: key.certificate.commonName, printedName: who.name },
      );
    const at = ctx.now();
    const appearance = await appearanceFor(ctx, base, doc, step, who, signers, key, at);
    return signWith(ctx, base, key, {
      fieldName: input.role,
      reason: REASON[input.role],
      location: (await signers.loadFacts()).council.name,
      appearance,
    });
  });

  const sha = storeIssued(ctx.paths.issuedDir, signed.bytes);
  await runWrite(call, async ({ trx, at, actor, audit }) => {
    await sameSteps(trx, doc.id, steps);
    const id = await insertSignedCopy(trx, doc, {
      fileName: signedFileName(doc.fileName, input.role),
      sha256: sha,
      bytes: signed.bytes.length,
      pages: doc.pages,
      at,
      actor,
    });
    await insertSignature(trx, {
      issueId: id,
      inputId: inputEntry.issueId,
      role: input.role,
      signerName: signed.signer.commonName,
      fingerprint: signed.signer.fingerprint,
      subject: signed.signer.subject,
      issuer: signed.signer.issuer,
      serial: signed.signer.serialHex,
      keySource: input.source.kind,
      signedAt: signed.signedAt,
    });
    await audit({
      action: 'signatures.sign',
      entity: 'session',
      entityId: doc.sessionId,
      after: {
        issueId: id,
        original: doc.id,
        kind: doc.kind,
        role: input.role,
        sha256: sha,
        signer: signed.signer.commonName,
        serial: signed.signer.serialHex,
        source: input.source.kind,
      },
    });
  });
  return documentSignatures(ctx, { issueId: doc.id });
}

/** Attaches a scanned paper copy signed by hand instead of the digital signatures. */
export async function attachScan(call: Call, input: { issueId: number; pdfBase64: string }): Promise<DocumentSignatures> {
  const { ctx } = call;
  const doc = await originalOf(ctx, input.issueId);
  const bytes = new Uint8Array(Buffer.from(input.pdfBase64, 'base64'));
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
    throw new CoreError(
      'VALIDATION',
      'pdfBase64: the scan is not a PDF (it does not start with %PDF-); scan the paper copy signed by hand to PDF',
      { field: 'pdfBase64' },
    );
  let pages: number;
  try {
    const { PDFDocument } = await import('pdf-lib');
    pages = (await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
  } catch (e) {
    throw new CoreError(
      'VALIDATION',
      `pdfBase64: the scan is not a readable PDF (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); scan it again or save it as PDF from the scanner's program`,
      { field: 'pdfBase64' },
    );
  }
  const signers = await signersFor(ctx, doc.sessionId);
  const flow = signingFlow(doc.kind, { organisationSigns: signers.organisation !== null });
  const steps = await stepsOfOriginal(ctx.db, doc.id);
  if (
    !doc.current ||
    !flow ||
    !scanAllowed(
      flow,
      steps.map((s) => s.role),
    )
  )
    throw new CoreError(
      'FORBIDDEN_STATE',
      !doc.current
        ? `Entry ${doc.id} is superseded (its session was reopened); attach the scan to the document issued from the finalization in force`
        : !flow
          ? `A ${doc.kind} is not signed in the app, so no scan replaces its signatures`
          : `Entry ${doc.id} is already ${
              signingProgress(
                flow,
                steps.map((s) => s.role),
              ).state === 'scanned'
                ? 'attached as a hand-signed scan'
                : 'signed by everyone'
            }`,
    );
  const known = await issueByHash(ctx.db, sha256Hex(bytes));
  if (known)
    throw new CoreError(
      'VALIDATION',
      `pdfBase64: this file is already in the register as entry ${known.id} (${known.fileName}); attach the scan of the paper copy signed by hand`,
      { field: 'pdfBase64', entry: known.id },
    );
  const sha = storeIssued(ctx.paths.issuedDir, bytes);
  await runWrite(call, async ({ trx, at, actor, audit }) => {
    await sameSteps(trx, doc.id, steps);
    const id = await insertSignedCopy(trx, doc, {
      fileName: signedFileName(doc.fileName, 'scan'),
      sha256: sha,
      bytes: bytes.length,
      pages,
      at,
      actor,
    });
    await insertSignature(trx, {
      issueId: id,
      inputId: null,
      role: 'scan',
      signerName: actor,
      fingerprint: null,
      subject: null,
      issuer: null,
      serial: null,
      keySource: null,
      signedAt: isoWithOffset(at),
    });
    await audit({
      action: 'signatures.attachScan',
      entity: 'session',
      entityId: doc.sessionId,
      after: { issueId: id, original: doc.id, kind: doc.kind, sha256: sha, bytes: bytes.length, pages },
    });
  });
  return documentSignatures(ctx, { issueId: doc.id });
}

/** Whether the office signs the council's documents for an organisation, and its name. */
export async function organisationSigner(ctx: CoreContext, input: { councilId: number }) {
  return organisationIn(ctx.db, input.councilId);
}

async function organisationIn(db: CoreContext['db'] | Write['trx'], councilId: number) {
  const c = await db.selectFrom('council').select('id').where('id', '=', councilId).executeTakeFirst();
  if (!c) throw new CoreError('NOT_FOUND', `Council ${councilId} does not exist`, { what: 'council', id: councilId });
  return { councilId, name: await organisationOf(db, councilId) };
}

/** Sets (or, with null, ends) the organisation the office signs the council's documents for. */
export async function setOrganisationSigner(w: Write, input: { councilId: number; name: string | null }) {
  const before = await organisationIn(w.trx, input.councilId);
  if (input.name === null)
    await w.trx.deleteFrom('council_organisation_signer').where('council_id', '=', input.councilId).execute();
  else {
    const row = { name: input.name, updated_at: w.at.toISOString(), updated_by: w.actor };
    await w.trx
      .insertInto('council_organisation_signer')
      .values({ council_id: input.councilId, ...row })
      .onConflict((oc) => oc.column('council_id').doUpdateSet(row))
      .execute();
  }
  if (before.name !== input.name)
    await w.audit({
      action: 'signatures.setOrganisation',
      entity: 'council',
      entityId: input.councilId,
      before: { name: before.name },
      after: { name: input.name },
    });
  return { councilId: input.councilId, name: input.name };
}
