/**
 * Signing a finalized session's minutes in the app: the secretary signs first, then the chair,
 * each on the file the previous step produced (an incremental update, so the secretary's
 * signature stays valid). Each step is recorded in `session_signature` and its file kept in the
 * data folder by SHA-256. A scanned paper copy signed by hand may be attached instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  DocumentSignatureState,
  KeySource,
  SessionSignatures,
  SignatureStep,
  SigningRole,
} from '../../../shared/api/channels/signatures';
import { foldForSearch } from '../../../shared/text/normalize';
import { appendAudit } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import { documentFontOptions } from '../documents/document-font';
import { resolveFont } from '../documents/fonts';
import { loadSessionFacts } from '../documents/from-session/session-facts';
import { renderFromSession } from '../documents/from-session/render-from-session';
import { minutesForPrint } from '../documents/settings/for-print';
import { CoreError } from '../errors';
import { openFinalization } from '../results/finalization-repo';
import { p12SigningKey } from './keys/p12-key';
import { withTokenKey } from './keys/pkcs11-token';
import type { SigningKey } from './keys/signing-key';
import { locateSignatureZone } from './locate-zone';
import { isoWithOffset } from './pdf/pdf-syntax';
import { mapped, signWith } from './signing-service';

const MM = 72 / 25.4;

type StepRow = {
  role: string;
  sha256: string;
  signer_name: string;
  signed_at: string;
  key_source: string | null;
  signer_subject: string | null;
  signer_issuer: string | null;
  original_sha256: string | null;
};

const signedDir = (ctx: CoreContext) => path.join(ctx.paths.dataDir, 'signed');
const fileOf = (ctx: CoreContext, sha: string) => path.join(signedDir(ctx), `${sha}.pdf`);

/** Writes a file by its hash (temporary file + rename: a crash leaves either nothing or the whole file). */
function keep(ctx: CoreContext, bytes: Uint8Array): string {
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  fs.mkdirSync(signedDir(ctx), { recursive: true });
  const target = fileOf(ctx, sha);
  if (!fs.existsSync(target)) {
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  }
  return sha;
}

/** Reads a kept file back and checks it still has its hash (a file edited behind the app's back is refused). */
function readKept(ctx: CoreContext, sha: string): Uint8Array {
  const file = fileOf(ctx, sha);
  if (!fs.existsSync(file))
    throw new CoreError(
      'IO',
      `The signed file ${sha}.pdf is missing from ${signedDir(ctx)}; restore the data folder from a backup`,
      { sha256: sha },
    );
  const bytes = new Uint8Array(fs.readFileSync(file));
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha)
    throw new CoreError(
      'IO',
      `The signed file ${sha}.pdf was changed outside the app (its SHA-256 is now ${actual}); restore it from a backup`,
      {
        sha256: sha,
        actual,
      },
    );
  return bytes;
}

async function steps(ctx: CoreContext, sessionId: number, finalizationId: number): Promise<StepRow[]> {
  return ctx.db
    .selectFrom('session_signature')
    .select(['role', 'sha256', 'signer_name', 'signed_at', 'key_source', 'signer_subject', 'signer_issuer', 'original_sha256'])
    .where('session_id', '=', sessionId)
    .where('finalization_id', '=', finalizationId)
    .where('kind', '=', 'minutes')
    .orderBy('id')
    .execute();
}

function stateOf(rows: StepRow[]): DocumentSignatureState {
  if (rows.some((r) => r.role === 'scan')) return 'scanned';
  if (rows.some((r) => r.role === 'chair')) return 'complete';
  if (rows.some((r) => r.role === 'secretary')) return 'secretary-signed';
  return 'unsigned';
}

/** The names the minutes print under THƯ KÝ and CHỦ TỌA (what the signers must be). */
async function printedSigners(ctx: CoreContext, sessionId: number) {
  const facts = await loadSessionFacts(ctx, sessionId);
  const data = await minutesForPrint(ctx, facts);
  return {
    secretary: data.secretarySigner,
    chair: data.chairSigner,
    councilId: facts.detail.session.councilId,
    councilName: facts.council.name,
  };
}

export async function sessionSignatures(ctx: CoreContext, sessionId: number): Promise<SessionSignatures> {
  const fin = await openFinalization(ctx.db, sessionId);
  if (!fin) {
    // Throws NOT_FOUND for a session that does not exist.
    await loadSessionFacts(ctx, sessionId);
    return {
      sessionId,
      finalized: false,
      minutes: { state: 'unsigned', next: null, steps: [], latestSha256: null, signers: null },
    };
  }
  const rows = await steps(ctx, sessionId, fin.id);
  const state = stateOf(rows);
  const signers = await printedSigners(ctx, sessionId);
  const next: SessionSignatures['minutes']['next'] =
    state === 'unsigned'
      ? { role: 'secretary', name: signers.secretary.name }
      : state === 'secretary-signed'
        ? { role: 'chair', name: signers.chair.name }
        : null;
  return {
    sessionId,
    finalized: true,
    minutes: {
      state,
      next,
      steps: rows.map((r): SignatureStep => ({
        role: r.role as SignatureStep['role'],
        signerName: r.signer_name,
        signedAt: r.signed_at,
        sha256: r.sha256,
        keySource: (r.key_source as SignatureStep['keySource']) ?? null,
        subject: r.signer_subject,
        issuer: r.signer_issuer,
      })),
      latestSha256: rows.at(-1)?.sha256 ?? null,
      signers: { secretary: signers.secretary.name, chair: signers.chair.name },
    },
  };
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
    .select(['png', 'width_mm'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .where('image_kind', '=', imageKind)
    .executeTakeFirst();
  return row ? { png: new Uint8Array(row.png), widthPt: row.width_mm * MM } : null;
}

async function memberIdByName(ctx: CoreContext, councilId: number, name: string): Promise<number | null> {
  const members = await ctx.db
    .selectFrom('council_member')
    .select(['id', 'full_name'])
    .where('council_id', '=', councilId)
    .execute();
  return members.find((m) => m.full_name === name)?.id ?? null;
}

/** Signs the session's minutes as `role` with the given key source. */
export async function signSessionMinutes(
  ctx: CoreContext,
  actor: string,
  input: { sessionId: number; role: SigningRole; source: KeySource },
): Promise<SessionSignatures> {
  const fin = await openFinalization(ctx.db, input.sessionId);
  if (!fin)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${input.sessionId} is not finalized: only the finalized minutes are signed; finalize the results first`,
    );
  const rows = await steps(ctx, input.sessionId, fin.id);
  const state = stateOf(rows);
  const expected: SigningRole | null = state === 'unsigned' ? 'secretary' : state === 'secretary-signed' ? 'chair' : null;
  if (expected !== input.role)
    throw new CoreError(
      'FORBIDDEN_STATE',
      expected === null
        ? `The minutes of session ${input.sessionId} are already ${state === 'scanned' ? 'attached as a hand-signed scan' : 'signed by the secretary and the chair'}`
        : `role: the ${expected} signs the minutes next (the secretary first, then the chair), not the ${input.role}`,
      { expected, state },
    );
  // The file to sign: the unsigned minutes as printed now, or the secretary's signed file.
  let base: Uint8Array;
  let original: string;
  if (rows.length === 0) {
    const doc = await renderFromSession(ctx, { sessionId: input.sessionId, kind: 'minutes' });
    base = new Uint8Array(Buffer.from(doc.pdfBase64, 'base64'));
    original = keep(ctx, base);
  } else {
    base = readKept(ctx, rows.at(-1)!.sha256);
    original = rows[0]!.original_sha256 ?? rows[0]!.sha256;
  }
  const signers = await printedSigners(ctx, input.sessionId);
  const printed = input.role === 'secretary' ? signers.secretary : signers.chair;
  const zone = await locateSignatureZone(base, { title: printed.title, name: printed.name });
  const memberId = await memberIdByName(ctx, signers.councilId, printed.name);
  const fontFiles = resolveFont(await documentFontOptions(ctx)).files;

  const sign = async (key: SigningKey) => {
    // The certificate must name the person the minutes print (diacritics and case aside).
    if (foldForSearch(key.certificate.commonName) !== foldForSearch(printed.name))
      throw new CoreError(
        'CERTIFICATE_REFUSED',
        `The certificate is ${key.certificate.commonName}'s, but the minutes print ${printed.name} as ${printed.title}; sign with ${printed.name}'s certificate (or correct the name in the print settings)`,
        { problems: ['other-signer'], certificateName: key.certificate.commonName, printedName: printed.name },
      );
    const at = ctx.now();
    const appearance = zone
      ? {
          pageIndex: zone.pageIndex,
          zone: zone.zone,
          signatureImage: await imageOf(ctx, 'member', memberId, 'signature'),
          sealImage: input.role === 'chair' ? await imageOf(ctx, 'council', signers.councilId, 'seal') : null,
          infoLines: [
            `Ký số bởi: ${key.certificate.commonName}`,
            key.certificate.organization ?? signers.councilName,
            `Thời gian ký: ${isoWithOffset(at)}`,
          ],
          fontBytes: fs.readFileSync(fontFiles.normal),
        }
      : null;
    return signWith(ctx, base, key, {
      fieldName: input.role,
      reason: input.role === 'secretary' ? 'Thư ký ký biên bản' : 'Chủ tọa ký biên bản',
      location: signers.councilName,
      appearance,
    });
  };
  const src = input.source;
  const signed =
    src.kind === 'p12'
      ? await (async () => {
          const key = await mapped(async () => p12SigningKey(new Uint8Array(Buffer.from(src.p12Base64, 'base64')), src.password));
          try {
            return await sign(key);
          } finally {
            key.close();
          }
        })()
      : await (async () => {
          if (!ctx.askPin)
            throw new CoreError(
              'FORBIDDEN_STATE',
              'USB tokens sign only in the desktop app, where the PIN is asked without passing through a web page',
            );
          const askPin = ctx.askPin;
          return mapped(() => withTokenKey(src, askPin, sign));
        })();
  const sha = keep(ctx, signed.bytes);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('session_signature')
      .values({
        session_id: input.sessionId,
        finalization_id: fin.id,
        kind: 'minutes',
        role: input.role,
        sha256: sha,
        input_sha256: rows.at(-1)?.sha256 ?? original,
        original_sha256: original,
        bytes: signed.bytes.length,
        signer_name: signed.signer.commonName,
        signer_fingerprint: signed.signer.fingerprint,
        signer_subject: signed.signer.subject,
        signer_issuer: signed.signer.issuer,
        key_source: src.kind,
        signed_at: signed.signedAt,
        recorded_by: actor,
      })
      .execute();
    await appendAudit(trx, ctx.now(), {
      actor,
      action: 'signatures.signSession',
      entity: 'session',
      entityId: input.sessionId,
      after: {
        kind: 'minutes',
        role: input.role,
        sha256: sha,
        signer: signed.signer.commonName,
        serial: signed.signer.serialHex,
        source: src.kind,
      },
    });
  });
  return sessionSignatures(ctx, input.sessionId);
}

export async function sessionSignedFile(
  ctx: CoreContext,
  sessionId: number,
): Promise<{ fileName: string; pdfBase64: string; sha256: string }> {
  const fin = await openFinalization(ctx.db, sessionId);
  const rows = fin ? await steps(ctx, sessionId, fin.id) : [];
  const last = rows.at(-1);
  if (!last)
    throw new CoreError('NOT_FOUND', `The minutes of session ${sessionId} are not signed yet`, {
      what: 'signed minutes',
      id: sessionId,
    });
  const bytes = readKept(ctx, last.sha256);
  const suffix = last.role === 'scan' ? 'ban-quet' : last.role === 'chair' ? 'da-ky' : 'thu-ky-da-ky';
  return {
    fileName: `bien-ban-phien-${sessionId}-${suffix}.pdf`,
    pdfBase64: Buffer.from(bytes).toString('base64'),
    sha256: last.sha256,
  };
}

export async function attachScannedMinutes(
  ctx: CoreContext,
  actor: string,
  input: { sessionId: number; pdfBase64: string },
): Promise<SessionSignatures> {
  const fin = await openFinalization(ctx.db, input.sessionId);
  if (!fin)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${input.sessionId} is not finalized: attach the signed paper minutes after finalizing`,
    );
  const bytes = new Uint8Array(Buffer.from(input.pdfBase64, 'base64'));
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
    throw new CoreError(
      'VALIDATION',
      'pdfBase64: the scan is not a PDF (it does not start with %PDF-); scan the signed minutes to PDF',
    );
  const rows = await steps(ctx, input.sessionId, fin.id);
  if (stateOf(rows) === 'complete' || stateOf(rows) === 'scanned')
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The minutes of session ${input.sessionId} are already ${stateOf(rows) === 'complete' ? 'signed digitally by both signers' : 'attached as a scan'}`,
    );
  const sha = keep(ctx, bytes);
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('session_signature')
      .values({
        session_id: input.sessionId,
        finalization_id: fin.id,
        kind: 'minutes',
        role: 'scan',
        sha256: sha,
        input_sha256: null,
        original_sha256: rows[0]?.original_sha256 ?? null,
        bytes: bytes.length,
        signer_name: actor,
        signer_fingerprint: null,
        signer_subject: null,
        signer_issuer: null,
        key_source: null,
        signed_at: isoWithOffset(at),
        recorded_by: actor,
      })
      .execute();
    await appendAudit(trx, at, {
      actor,
      action: 'signatures.attachScan',
      entity: 'session',
      entityId: input.sessionId,
      after: { kind: 'minutes', sha256: sha, bytes: bytes.length },
    });
  });
  return sessionSignatures(ctx, input.sessionId);
}
