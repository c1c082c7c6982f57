/**
 * The signing steps of issued documents (table document_signature, migration 0012c): each row
 * belongs to one signed copy in the register (document_issue, variant 'signed'), which holds the
 * file, its hash, who recorded it and when. Rows ↔ SignatureStep.
 */
import type { Kysely, Transaction } from 'kysely';
import type { SignatureStep } from '../../../shared/api/channels/signatures';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;
type StepRole = SignatureStep['role'];

export interface NewSignature {
  issueId: number;
  inputId: number | null;
  role: StepRole;
  signerName: string;
  fingerprint: string | null;
  subject: string | null;
  issuer: string | null;
  serial: string | null;
  keySource: 'p12' | 'pkcs11' | null;
  signedAt: string;
}

export async function insertSignature(trx: Transaction<DB>, s: NewSignature): Promise<void> {
  await trx
    .insertInto('document_signature')
    .values({
      issue_id: s.issueId,
      input_id: s.inputId,
      role: s.role,
      signer_name: s.signerName,
      signer_fingerprint: s.fingerprint,
      signer_subject: s.subject,
      signer_issuer: s.issuer,
      signer_serial: s.serial,
      key_source: s.keySource,
      signed_at: s.signedAt,
    })
    .execute();
}

function selectSteps(db: Db) {
  return db
    .selectFrom('document_signature as g')
    .innerJoin('document_issue as i', 'i.id', 'g.issue_id')
    .select([
      'g.issue_id',
      'g.input_id',
      'g.role',
      'g.signer_name',
      'g.signer_subject',
      'g.signer_issuer',
      'g.key_source',
      'g.signed_at',
      'i.sha256',
      'i.file_name',
      'i.issued_by',
      'i.derived_from',
    ]);
}

type StepRow = Awaited<ReturnType<ReturnType<typeof selectSteps>['execute']>>[number];

export interface StoredStep extends SignatureStep {
  inputId: number | null;
  fileName: string;
  originalId: number;
}

const toStep = (r: StepRow): StoredStep => ({
  issueId: r.issue_id,
  inputId: r.input_id,
  role: r.role as StepRole,
  signerName: r.signer_name,
  signedAt: r.signed_at,
  sha256: r.sha256,
  keySource: r.key_source as SignatureStep['keySource'],
  subject: r.signer_subject,
  issuer: r.signer_issuer,
  recordedBy: r.issued_by,
  fileName: r.file_name,
  originalId: r.derived_from!,
});

/** Every step recorded on copies of the original `originalId`, in the order they were recorded. */
export async function stepsOfOriginal(db: Db, originalId: number): Promise<StoredStep[]> {
  const rows = await selectSteps(db).where('i.derived_from', '=', originalId).orderBy('i.id').execute();
  return rows.map(toStep);
}

/** The steps of many originals at once (a session's documents). */
export async function stepsOfOriginals(db: Db, originalIds: number[]): Promise<Map<number, StoredStep[]>> {
  const out = new Map<number, StoredStep[]>();
  if (originalIds.length === 0) return out;
  const rows = await selectSteps(db).where('i.derived_from', 'in', originalIds).orderBy('i.id').execute();
  for (const r of rows.map(toStep)) out.set(r.originalId, [...(out.get(r.originalId) ?? []), r]);
  return out;
}

/** The steps that led to the signed copy `issueId`, first to last (empty for an original or an unknown id). */
export async function chainOf(db: Db, issueId: number): Promise<StoredStep[]> {
  const first = await selectSteps(db).where('g.issue_id', '=', issueId).executeTakeFirst();
  if (!first) return [];
  const all = await stepsOfOriginal(db, first.derived_from!);
  const byId = new Map(all.map((s) => [s.issueId, s]));
  const chain: StoredStep[] = [];
  for (let s = byId.get(issueId); s && chain.length <= all.length; s = s.inputId === null ? undefined : byId.get(s.inputId))
    chain.unshift(s);
  return chain;
}

/** The organisation the office signs the council's documents for (null: it does not). */
export async function organisationOf(db: Db, councilId: number): Promise<string | null> {
  const r = await db
    .selectFrom('council_organisation_signer')
    .select('name')
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return r?.name ?? null;
}
