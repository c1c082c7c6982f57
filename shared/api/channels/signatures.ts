/**
 * Digital signatures (issue 15): signing a PDF with a .p12 key or a USB token (PAdES B-B, each
 * signature an incremental update), verifying every signature of a PDF, and the app's trust
 * store of root certificates the user imported.
 */
import { z } from 'zod';
import { SIGNER_ROLES } from '../../ocop/signing-flow';
import { defineChannels } from '../define';
import { IssueKind } from './document-register';

/** About 50 MB of PDF, base64-encoded. */
const MAX_PDF_BASE64 = 70_000_000;
const base64 = (what: string, max: number) =>
  z
    .string()
    .min(4)
    .max(max)
    .regex(/^[A-Za-z0-9+/=\s]+$/u, `${what} must be base64-encoded`);
const pdfBase64 = base64('the PDF', MAX_PDF_BASE64);
const fingerprint = z
  .string()
  .regex(/^[0-9a-f]{64}$/u, 'a certificate fingerprint is the SHA-256 of the certificate: 64 lower-case hex digits');
/** A signature field name: ASCII letters, digits, - and _ (unique within the PDF). */
const fieldName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/u, 'the field name may hold only ASCII letters, digits, - and _ (e.g. "secretary")');

export const CertificateSummary = z.object({
  commonName: z.string(),
  subject: z.string(),
  issuer: z.string(),
  organization: z.string().nullable(),
  serialHex: z.string(),
  fingerprint: z.string(),
  /** ISO 8601 in Vietnam time. */
  notBefore: z.string(),
  notAfter: z.string(),
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;

export const ChangeKind = z.enum(['signature', 'page-content', 'annotation', 'form-field', 'metadata', 'other']);
export type ChangeKind = z.infer<typeof ChangeKind>;

export const CertificateProblem = z.enum(['expired', 'not-yet-valid', 'key-usage', 'unsupported-key']);
export type CertificateProblem = z.infer<typeof CertificateProblem>;

export const SignatureReport = z.object({
  index: z.number().int(),
  fieldName: z.string(),
  subFilter: z.string().nullable(),
  signer: CertificateSummary.nullable(),
  /** The claimed signing time, ISO 8601 with +07:00. */
  signingTime: z.string().nullable(),
  /** The bytes the signature covers are unchanged and the signature value verifies. */
  intact: z.boolean(),
  problems: z.array(
    z.enum([
      'unreadable',
      'no-signer-certificate',
      'unsupported-algorithm',
      'digest-mismatch',
      'bad-signature',
      'signing-certificate-mismatch',
    ]),
  ),
  coversWholeDocument: z.boolean(),
  /** What later incremental updates changed (empty when the signature covers the whole file). */
  laterChanges: z.array(ChangeKind),
  certificate: z.object({
    problemsAtSigningTime: z.array(CertificateProblem),
    chain: z.enum(['trusted', 'untrusted-root', 'incomplete', 'invalid']),
    chainPath: z.array(z.string()),
    trustAnchor: z.string().nullable(),
    chainDetail: z.string(),
  }),
  revocation: z.discriminatedUnion('status', [
    z.object({ status: z.literal('not-checked') }),
    z.object({ status: z.literal('good'), crlThisUpdate: z.string(), crlNextUpdate: z.string().nullable() }),
    z.object({ status: z.literal('revoked'), revokedAt: z.string(), beforeSigning: z.boolean(), crlThisUpdate: z.string() }),
    z.object({ status: z.literal('no-matching-crl'), detail: z.string() }),
  ]),
  pades: z.object({ signingCertificateV2: z.boolean(), cmsSigningTime: z.boolean(), baselineB: z.boolean() }),
});
export type SignatureReport = z.infer<typeof SignatureReport>;

export const SignaturesReport = z.object({
  signatures: z.array(SignatureReport),
  /** Every signature intact, trusted, valid at signing time, not revoked, and the last covering the whole file. */
  allValid: z.boolean(),
  /** How many certificates the trust store holds (0: nothing can be "trusted" yet). */
  trustStoreSize: z.number().int(),
});
export type SignaturesReport = z.infer<typeof SignaturesReport>;

export const TrustedCertificate = CertificateSummary.extend({
  isCa: z.boolean(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type TrustedCertificate = z.infer<typeof TrustedCertificate>;

export const SignedFile = z.object({
  pdfBase64: z.string(),
  /** SHA-256 of the signed file, hex. */
  sha256: z.string(),
  signer: CertificateSummary,
  /** ISO 8601 with +07:00 (the /M of the signature). */
  signedAt: z.string(),
  fieldName: z.string(),
});
export type SignedFile = z.infer<typeof SignedFile>;

export const TokenSlot = z.object({
  slotId: z.string(),
  description: z.string(),
  token: z
    .object({
      label: z.string(),
      manufacturer: z.string(),
      model: z.string(),
      serial: z.string(),
      /** What the token says about its PIN: 'count-low' = wrong PINs were typed, 'final-try' = one left. */
      pinState: z.enum(['ok', 'count-low', 'final-try', 'locked']),
    })
    .nullable(),
  certificates: z.array(
    CertificateSummary.extend({
      /** Why this certificate cannot sign now (empty = it can). */
      problems: z.array(CertificateProblem),
    }),
  ),
});
export type TokenSlot = z.infer<typeof TokenSlot>;

const signOptions = {
  fieldName,
  reason: z.string().max(200).optional(),
  location: z.string().max(200).optional(),
};

const modulePath = z
  .string()
  .min(1)
  .max(1000)
  .refine(
    (p) => /^(\/|[A-Za-z]:[\\/])/u.test(p),
    'the PKCS #11 module path must be absolute (e.g. C:\\Windows\\System32\\vnpt-ca_csp11.dll)',
  );

export const signaturesChannels = defineChannels({
  /** Every signature of a PDF: who, when, intact, whole document or what changed after, certificate and chain, revocation (only with a CRL). */
  'signatures:verify': {
    input: z.object({ pdfBase64, crlBase64: base64('the CRL', 20_000_000).optional() }).strict(),
    output: SignaturesReport,
  },
  /** Signs a PDF (PAdES B-B, incremental) with a .p12/.pfx file and its password; the certificate must be valid now and allow signing. */
  'signatures:signFile': {
    input: z
      .object({ pdfBase64, p12Base64: base64('the .p12 file', 200_000), password: z.string().max(200), ...signOptions })
      .strict(),
    output: SignedFile,
  },
  /** The slots of a vendor's PKCS #11 module, with each token's certificates (no PIN needed). Desktop app and CLI only. */
  'signatures:tokens': {
    input: z.object({ modulePath }).strict(),
    output: z.array(TokenSlot),
  },
  /** The PKCS #11 module last used on this computer (remembered when its tokens were read), or null. */
  'signatures:lastModule': { input: z.object({}).strict(), output: z.object({ modulePath: z.string().nullable() }) },
  /** Signs a PDF with a USB token; the host asks the PIN (never through this channel). Desktop app and CLI only. */
  'signatures:signFileWithToken': {
    input: z
      .object({
        pdfBase64,
        modulePath,
        slotId: z.string().regex(/^\d{1,20}$/u),
        certificateFingerprint: fingerprint,
        ...signOptions,
      })
      .strict(),
    output: SignedFile,
  },
  /** The trust store: root (and intermediate) certificates the user imported. */
  'signatures:trustList': { input: z.object({}).strict(), output: z.array(TrustedCertificate) },
  /** Imports certificates (DER or PEM, several in one PEM file) into the trust store. */
  'signatures:trustImport': {
    input: z.object({ certificateBase64: base64('the certificate file', 2_000_000) }).strict(),
    output: z.object({ imported: z.array(TrustedCertificate), alreadyTrusted: z.array(z.string()) }),
  },
  'signatures:trustRemove': {
    input: z.object({ fingerprint }).strict(),
    output: z.object({ removed: TrustedCertificate }),
  },
});

/** Where an issued document stands: nothing signed, some of its signers signed, all signed, or a hand-signed paper copy attached. */
export const DocumentSignatureState = z.enum(['unsigned', 'partial', 'complete', 'scanned']);
export type DocumentSignatureState = z.infer<typeof DocumentSignatureState>;

/** Who signs (shared/ocop/signing-flow.ts): THƯ KÝ, CHỦ TỌA, the member on their own sheet, the organisation (seal certificate). */
export const SigningRole = z.enum(SIGNER_ROLES);
export type SigningRole = z.infer<typeof SigningRole>;

export const SignatureStep = z.object({
  /** The register row of the signed copy this step produced. */
  issueId: z.number().int(),
  role: z.enum([...SIGNER_ROLES, 'scan']),
  /** The certificate's common name; for a scan, who attached it. */
  signerName: z.string(),
  /** ISO 8601 with +07:00. */
  signedAt: z.string(),
  sha256: z.string(),
  keySource: z.enum(['p12', 'pkcs11']).nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  recordedBy: z.string(),
});
export type SignatureStep = z.infer<typeof SignatureStep>;

export const FlowStepView = z.object({
  role: SigningRole,
  placement: z.enum(['signature-block', 'seal', 'annex-corner']),
  /** Who must sign: the name the document prints for the role, or the organisation's name. */
  name: z.string(),
  done: z.boolean(),
});
export type FlowStepView = z.infer<typeof FlowStepView>;

export const DocumentSignatures = z.object({
  /** The issued original (a register row with variant 'original'). */
  issueId: z.number().int(),
  sessionId: z.number().int(),
  kind: IssueKind,
  title: z.string(),
  number: z.string().nullable(),
  registrationId: z.number().int().nullable(),
  memberId: z.number().int().nullable(),
  /** False once the session was reopened after it was issued: it can no longer be signed. */
  current: z.boolean(),
  /** Who signs, in order; null when the kind is not signed in the app (the province signs decisions and certificates). */
  flow: z.array(FlowStepView).nullable(),
  state: DocumentSignatureState,
  next: FlowStepView.nullable(),
  steps: z.array(SignatureStep),
  /** The latest file: the last signed copy, or the original while unsigned (download with documents:registerFile). */
  latest: z.object({ issueId: z.number().int(), sha256: z.string(), fileName: z.string() }),
  /** A hand-signed scan may still replace the digital signatures. */
  scanAllowed: z.boolean(),
});
export type DocumentSignatures = z.infer<typeof DocumentSignatures>;

export const SessionDocumentSignatures = z.object({
  sessionId: z.number().int(),
  /** False when the session is not finalized now: nothing can be issued or signed. */
  finalized: z.boolean(),
  /** Every original issued from the finalization in force, in the register's order (oldest first). */
  documents: z.array(DocumentSignatures),
});
export type SessionDocumentSignatures = z.infer<typeof SessionDocumentSignatures>;

const sessionId = z.number().int().positive();
const issueId = z.number().int().positive();
export const KeySource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('p12'), p12Base64: base64('the .p12 file', 200_000), password: z.string().max(200) }).strict(),
  z
    .object({
      kind: z.literal('pkcs11'),
      modulePath,
      slotId: z.string().regex(/^\d{1,20}$/u),
      certificateFingerprint: fingerprint,
    })
    .strict(),
]);
export type KeySource = z.infer<typeof KeySource>;

export const OrganisationSigner = z.object({
  councilId: z.number().int(),
  /** The organisation's name as its seal certificate names it; null: the office does not sign for the organisation. */
  name: z.string().nullable(),
});
export type OrganisationSigner = z.infer<typeof OrganisationSigner>;

export const documentSignatureChannels = defineChannels({
  /** The signature state of every document issued from the session's finalization in force (chưa ký / … đã ký / đủ chữ ký / bản quét). */
  'signatures:documents': { input: z.object({ sessionId }).strict(), output: SessionDocumentSignatures },
  /** One issued document's signature state. */
  'signatures:document': { input: z.object({ issueId }).strict(), output: DocumentSignatures },
  /**
   * Signs an issued document as `role`, on the file the previous step produced (the original for
   * the first), as an incremental update; the signed copy enters the register, derived from the
   * original. Who signs and in which order: shared/ocop/signing-flow.ts. The certificate must
   * name the person (or organisation) the document prints.
   */
  'signatures:sign': {
    input: z.object({ issueId, role: SigningRole, source: KeySource }).strict(),
    output: DocumentSignatures,
  },
  /** Attaches a scanned paper copy signed by hand instead of the digital signatures (enters the register, derived from the original). */
  'signatures:attachScan': {
    input: z.object({ issueId, pdfBase64 }).strict(),
    output: DocumentSignatures,
  },
  /** Whether the office signs the council's documents for the organisation (seal certificate), and the organisation's name. */
  'signatures:organisation': {
    input: z.object({ councilId: z.number().int().positive() }).strict(),
    output: OrganisationSigner,
  },
  'signatures:setOrganisation': {
    input: z
      .object({
        councilId: z.number().int().positive(),
        name: z
          .string()
          .trim()
          .min(
            2,
            'name: the organisation’s name as its seal certificate gives it (CN), e.g. Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp',
          )
          .max(200)
          .nullable(),
      })
      .strict(),
    output: OrganisationSigner,
  },
});

export const SignatureImage = z.object({
  ownerKind: z.enum(['member', 'council']),
  ownerId: z.number().int(),
  imageKind: z.enum(['signature', 'seal']),
  pngBase64: z.string(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  /** Width drawn on the page: the seal's real size; the signature's width in the signing space. */
  widthMm: z.number(),
  sha256: z.string(),
});
export type SignatureImage = z.infer<typeof SignatureImage>;

const imageOwner = {
  ownerKind: z.enum(['member', 'council']),
  ownerId: z.number().int().positive(),
  imageKind: z.enum(['signature', 'seal']),
};

export const signatureImageChannels = defineChannels({
  /**
   * Keeps a member's handwritten-signature image or a council's seal (PNG, transparent
   * background, blue ink for a signature, red for a seal; checked, VALIDATION naming each problem).
   * `widthMm`: the width to draw (a seal at its real size); default from the PNG's resolution, else 40 mm / 36 mm.
   */
  'signatures:setImage': {
    input: z
      .object({ ...imageOwner, pngBase64: base64('the PNG image', 3_000_000), widthMm: z.number().min(10).max(80).optional() })
      .strict(),
    output: SignatureImage,
  },
  'signatures:getImage': { input: z.object(imageOwner).strict(), output: SignatureImage.nullable() },
  'signatures:removeImage': { input: z.object(imageOwner).strict(), output: z.object({ removed: z.boolean() }) },
});
