/**
 * The signatures area's services for every host: sign a PDF with a .p12 file or a USB token,
 * list a token's certificates, verify a PDF's signatures against the trust store.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { SignaturesReport, SignedFile, TokenSlot } from '../../../shared/api/channels/signatures';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { runWrite, type Call } from '../handlers';
import { checkSigningCertificate } from './certificate-check';
import { toCoreError } from './errors';
import { p12SigningKey } from './keys/p12-key';
import { listTokens, withTokenKey } from './keys/pkcs11-token';
import type { SigningKey } from './keys/signing-key';
import { isoWithOffset } from './pdf/pdf-syntax';
import { signDocument } from './sign-document';
import { listTrusted, trustAnchors } from './trust-store';
import { readCrls } from './verify/crl';
import { verifyPdfSignatures, type CertificateSummary } from './verify/verify-pdf';
import type { CertificateInfo } from './certificate';
import type { SignPdfOptions } from './pdf/sign-pdf';

const fromBase64 = (b: string) => new Uint8Array(Buffer.from(b, 'base64'));

export const summaryOf = (c: CertificateInfo): CertificateSummary => ({
  commonName: c.commonName,
  subject: c.subject,
  issuer: c.issuer,
  organization: c.organization,
  serialHex: c.serialHex,
  fingerprint: c.fingerprint,
  notBefore: isoWithOffset(c.notBefore),
  notAfter: isoWithOffset(c.notAfter),
});

/** Runs `fn`, turning signing failures into the contract's CoreErrors. */
export async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toCoreError(e);
  }
}

export async function verifySignatures(
  ctx: CoreContext,
  input: { pdfBase64: string; crlBase64?: string },
): Promise<SignaturesReport> {
  let crls;
  try {
    crls = input.crlBase64 ? readCrls(fromBase64(input.crlBase64)) : [];
  } catch (e) {
    throw new CoreError('VALIDATION', `crlBase64: ${(e as Error).message}; give the CRL file (.crl) the CA publishes`);
  }
  const anchors = await trustAnchors(ctx.db);
  const report = await mapped(() => verifyPdfSignatures(fromBase64(input.pdfBase64), { trustAnchors: anchors, crls }));
  return { ...report, trustStoreSize: anchors.length };
}

type SignOpts = Pick<SignPdfOptions, 'fieldName' | 'reason' | 'location' | 'appearance'>;

/** Signs with `key` now (the context's clock) and answers the file with who and when. */
export async function signWith(
  ctx: CoreContext,
  pdf: Uint8Array,
  key: SigningKey,
  opts: SignOpts,
): Promise<SignedFile & { bytes: Uint8Array }> {
  const at = ctx.now();
  const signed = await mapped(() => signDocument(pdf, key, { ...opts, signingTime: at }));
  return {
    bytes: signed.pdf,
    pdfBase64: Buffer.from(signed.pdf).toString('base64'),
    sha256: crypto.createHash('sha256').update(signed.pdf).digest('hex'),
    signer: summaryOf(key.certificate),
    signedAt: isoWithOffset(at),
    fieldName: opts.fieldName,
  };
}

/** Signs a PDF the caller gives with a .p12 key; nothing is stored (the file goes back to the caller). */
export async function signFileWithP12(
  { ctx }: Call,
  input: { pdfBase64: string; p12Base64: string; password: string } & SignOpts,
): Promise<SignedFile> {
  const key = await mapped(async () => p12SigningKey(fromBase64(input.p12Base64), input.password));
  try {
    const { bytes: _bytes, ...out } = await signWith(ctx, fromBase64(input.pdfBase64), key, input);
    return out;
  } finally {
    key.close();
  }
}

function requirePin(ctx: CoreContext) {
  if (!ctx.askPin)
    throw new CoreError(
      'FORBIDDEN_STATE',
      'USB tokens sign only in the desktop app or the command line, where the PIN is asked without passing through a web page; in the browser, sign with a .p12 file',
    );
  return ctx.askPin;
}

/** The module chosen on this computer is kept per computer name (the data folder may travel on a USB stick). */
export async function lastModule(ctx: CoreContext): Promise<{ modulePath: string | null }> {
  const row = await ctx.db
    .selectFrom('pkcs11_module')
    .select('module_path')
    .where('computer', '=', os.hostname())
    .executeTakeFirst();
  return { modulePath: row?.module_path ?? null };
}

/** The slots of a PKCS #11 module with their certificates (no PIN asked); a module that loads is remembered for this computer. */
export async function tokenSlots(call: Call, input: { modulePath: string }): Promise<TokenSlot[]> {
  const { ctx } = call;
  const { modulePath } = input;
  requirePin(ctx);
  const now = ctx.now();
  const slots = await mapped(() => listTokens(modulePath));
  // The module loaded: remember it for this computer (after the module work, in a transaction of its own).
  await runWrite(call, (w) =>
    w.trx
      .insertInto('pkcs11_module')
      .values({ computer: os.hostname(), module_path: modulePath, updated_at: w.at.toISOString() })
      .onConflict((oc) => oc.column('computer').doUpdateSet({ module_path: modulePath, updated_at: w.at.toISOString() }))
      .execute(),
  );
  return slots.map((s) => ({
    slotId: s.slotId,
    description: s.description,
    token: s.token
      ? {
          label: s.token.label,
          manufacturer: s.token.manufacturer,
          model: s.token.model,
          serial: s.token.serial,
          pinState: s.token.pinState,
        }
      : null,
    // Only end-entity certificates are offered; CA certificates on the token are not signing keys.
    certificates: s.certificates
      .filter((c) => !c.certificate.isCa)
      .map((c) => ({ ...summaryOf(c.certificate), problems: checkSigningCertificate(c.certificate, now).problems })),
  }));
}

/** Signs a PDF the caller gives with a token's key, the PIN asked by the host; nothing is stored. */
export async function signFileWithToken(
  { ctx }: Call,
  input: { pdfBase64: string; modulePath: string; slotId: string; certificateFingerprint: string } & SignOpts,
): Promise<SignedFile> {
  const askPin = requirePin(ctx);
  const pdf = fromBase64(input.pdfBase64);
  return mapped(() =>
    withTokenKey(input, askPin, async (key) => {
      const { bytes: _bytes, ...out } = await signWith(ctx, pdf, key, input);
      return out;
    }),
  );
}

export { listTrusted };
