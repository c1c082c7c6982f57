/** The register of issued documents (table document_issue, migration 0010): rows ↔ RegisterEntry. */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { IssueKind, IssueVariant, RegisterEntry, RegisterQuery } from '../../../../shared/api/channels/document-register';
import { foldForSearch } from '../../../../shared/text/normalize';
import type { DB } from '../../db/schema';
import type { DocumentIssueTable } from '../../db/tables/documents';

type Db = Kysely<DB> | Transaction<DB>;

type Row = Selectable<DocumentIssueTable> & {
  session_title: string;
  session_date: string;
  current: number;
  replaced_by: number | null;
  sign_role: string | null;
  sign_name: string | null;
  sign_at: string | null;
};

const toEntry = (r: Row): RegisterEntry => ({
  id: r.id,
  sessionId: r.session_id,
  sessionTitle: r.session_title,
  sessionDate: r.session_date,
  version: r.version,
  current: r.current === 1,
  replacedBy: r.replaced_by,
  correctionOf: correctionOfMeta(r.meta_json),
  kind: r.kind as IssueKind,
  registrationId: r.registration_id,
  memberId: r.member_id,
  docRef: r.doc_ref,
  number: r.doc_number,
  date: r.doc_date,
  title: r.title,
  fileName: r.file_name,
  sha256: r.sha256,
  bytes: r.bytes,
  pages: r.pages,
  variant: r.variant as IssueVariant,
  derivedFrom: r.derived_from,
  signing:
    r.sign_role === null ? null : { role: r.sign_role as SignedRole, signerName: r.sign_name ?? '', signedAt: r.sign_at ?? '' },
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
});

type SignedRole = NonNullable<RegisterEntry['signing']>['role'];

function parseMeta(json: string | null): Record<string, unknown> {
  try {
    const v = json ? (JSON.parse(json) as unknown) : null;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {}; // meta written by another version: nothing to read from it
  }
}

const correctionOfMeta = (json: string | null): number | null => {
  const v = parseMeta(json).correctionOf;
  return typeof v === 'number' ? v : null;
};

/**
 * The corrected version that replaced a document: the first later original of the same document
 * (same finalization and reference) issued as a correction (meta_json.correctionOf). A signed
 * copy is replaced with the original it was signed from.
 */
const replacedBySql = sql<number | null>`(SELECT MIN(n.id) FROM document_issue n
  WHERE n.finalization_id = i.finalization_id AND n.doc_ref = i.doc_ref AND n.id > i.id
    AND n.variant = 'original' AND json_extract(n.meta_json, '$.correctionOf') IS NOT NULL)`;

/** In force: its finalization was not reopened and no corrected version replaced it. */
const inForceSql = sql<boolean>`(f.reopened_at IS NULL AND ${replacedBySql} IS NULL)`;

/** What every listing of entries selects: the row, its session, whether in force, and the signing step of a signed copy. */
const entryColumns = [
  's.title as session_title',
  's.date as session_date',
  sql<number>`CASE WHEN ${inForceSql} THEN 1 ELSE 0 END`.as('current'),
  replacedBySql.as('replaced_by'),
  'g.role as sign_role',
  'g.signer_name as sign_name',
  'g.signed_at as sign_at',
] as const;

function selectEntries(db: Db) {
  return db
    .selectFrom('document_issue as i')
    .innerJoin('session as s', 's.id', 'i.session_id')
    .innerJoin('session_finalization as f', 'f.id', 'i.finalization_id')
    .leftJoin('document_signature as g', 'g.issue_id', 'i.id')
    .selectAll('i')
    .select(entryColumns);
}

export interface NewIssue {
  sessionId: number;
  finalizationId: number;
  version: number;
  kind: IssueKind;
  registrationId: number | null;
  memberId: number | null;
  docRef: string;
  number: string | null;
  date: string | null;
  title: string;
  fileName: string;
  sha256: string;
  bytes: number;
  pages: number;
  variant?: IssueVariant;
  derivedFrom?: number | null;
  meta?: unknown;
  issuedAt: string;
  issuedBy: string;
}

export async function insertIssue(trx: Transaction<DB>, v: NewIssue): Promise<number> {
  const r = await trx
    .insertInto('document_issue')
    .values({
      session_id: v.sessionId,
      finalization_id: v.finalizationId,
      version: v.version,
      kind: v.kind,
      registration_id: v.registrationId,
      member_id: v.memberId,
      doc_ref: v.docRef,
      doc_number: v.number,
      doc_date: v.date,
      title: v.title,
      file_name: v.fileName,
      search_folded: foldForSearch([v.title, v.number ?? '', v.fileName, v.docRef].join(' ')),
      sha256: v.sha256,
      bytes: v.bytes,
      pages: v.pages,
      variant: v.variant ?? 'original',
      derived_from: v.derivedFrom ?? null,
      meta_json: v.meta === undefined ? null : JSON.stringify(v.meta),
      issued_at: v.issuedAt,
      issued_by: v.issuedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function issueById(db: Db, id: number): Promise<RegisterEntry | undefined> {
  const r = await selectEntries(db).where('i.id', '=', id).executeTakeFirst();
  return r ? toEntry(r) : undefined;
}

export async function issueByHash(db: Db, sha256: string): Promise<RegisterEntry | undefined> {
  const r = await selectEntries(db).where('i.sha256', '=', sha256).executeTakeFirst();
  return r ? toEntry(r) : undefined;
}

/** Kinds issued for the session's finalization in force (what locks its print details). */
export async function issuedKindsInForce(db: Db, sessionId: number): Promise<Set<IssueKind>> {
  const rows = await db
    .selectFrom('document_issue as i')
    .innerJoin('session_finalization as f', 'f.id', 'i.finalization_id')
    .select('i.kind')
    .distinct()
    .where('i.session_id', '=', sessionId)
    .where('f.reopened_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.kind as IssueKind));
}

/**
 * One page of the register, newest first. The text filter matches words of the title, number and
 * file name without accents (đ = d), as every search in the app does.
 */
export async function listIssues(db: Db, q: z_RegisterQuery): Promise<{ total: number; entries: RegisterEntry[] }> {
  let base = db
    .selectFrom('document_issue as i')
    .innerJoin('session as s', 's.id', 'i.session_id')
    .innerJoin('session_finalization as f', 'f.id', 'i.finalization_id');
  if (q.sessionId !== undefined) base = base.where('i.session_id', '=', q.sessionId);
  if (q.kind !== undefined) base = base.where('i.kind', '=', q.kind);
  if (q.current !== undefined) base = base.where(q.current ? inForceSql : sql<boolean>`NOT ${inForceSql}`);
  // issued_at is UTC ISO; the filter's dates are Vietnam days (UTC+7, no daylight saving).
  if (q.from) base = base.where('i.issued_at', '>=', new Date(`${q.from}T00:00:00+07:00`).toISOString());
  if (q.to)
    base = base.where('i.issued_at', '<', new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000).toISOString());
  const words = q.q ? foldForSearch(q.q).split(/\s+/u).filter(Boolean) : [];
  for (const w of words) base = base.where(sql<boolean>`instr(i.search_folded, ${w}) > 0`);
  const total = Number((await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .leftJoin('document_signature as g', 'g.issue_id', 'i.id')
    .selectAll('i')
    .select(entryColumns)
    .orderBy('i.issued_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total, entries: rows.map(toEntry) };
}

type z_RegisterQuery = Omit<RegisterQuery, 'limit' | 'offset'> & { limit: number; offset: number };

/** The kept originals of one document of a finalization, with the hash of what they printed (meta.inputSha256). */
export async function issuedOriginals(
  db: Db,
  v: { sessionId: number; version: number; docRef: string },
): Promise<{ sha256: string; inputSha256: string | null }[]> {
  const rows = await db
    .selectFrom('document_issue')
    .select(['sha256', 'meta_json'])
    .where('session_id', '=', v.sessionId)
    .where('version', '=', v.version)
    .where('doc_ref', '=', v.docRef)
    .where('variant', '=', 'original')
    .execute();
  return rows.map((r) => {
    const input = parseMeta(r.meta_json).inputSha256;
    return { sha256: r.sha256, inputSha256: typeof input === 'string' ? input : null };
  });
}

/** The provincial decision as a decision or certificate printed it (register meta_json.decision). */
export interface PrintedDecision {
  decisionNo: string;
  date: string;
  signer: string;
}

const printedDecisionOf = (meta: Record<string, unknown>): PrintedDecision | null | undefined => {
  const d = meta.decision;
  if (d === null) return null;
  if (d === undefined || typeof d !== 'object') return undefined;
  const r = d as Record<string, unknown>;
  return typeof r.decisionNo === 'string' && typeof r.date === 'string' && typeof r.signer === 'string'
    ? { decisionNo: r.decisionNo, date: r.date, signer: r.signer }
    : undefined;
};

/** The last original issued of one document of the session's finalization in force (the version a re-render reproduces). */
export interface LatestIssue {
  id: number;
  kind: IssueKind;
  docRef: string;
  registrationId: number | null;
  number: string | null;
  title: string;
  sha256: string;
  fileName: string;
  issuedAt: string;
  /** The decision it printed: a record, null (none recorded), undefined (issued before this was kept). */
  decision: PrintedDecision | null | undefined;
  /** The corrections (registry_correction ids) a corrected version carries. */
  corrections: number[];
}

function toLatest(r: {
  id: number;
  kind: string;
  doc_ref: string;
  registration_id: number | null;
  doc_number: string | null;
  title: string;
  sha256: string;
  file_name: string;
  issued_at: string;
  meta_json: string | null;
}): LatestIssue {
  const meta = parseMeta(r.meta_json);
  return {
    id: r.id,
    kind: r.kind as IssueKind,
    docRef: r.doc_ref,
    registrationId: r.registration_id,
    number: r.doc_number,
    title: r.title,
    sha256: r.sha256,
    fileName: r.file_name,
    issuedAt: r.issued_at,
    decision: printedDecisionOf(meta),
    corrections: Array.isArray(meta.corrections) ? meta.corrections.filter((n): n is number => typeof n === 'number') : [],
  };
}

const latestColumns = [
  'i.id',
  'i.kind',
  'i.doc_ref',
  'i.registration_id',
  'i.doc_number',
  'i.title',
  'i.sha256',
  'i.file_name',
  'i.issued_at',
  'i.meta_json',
] as const;

/** The last original of each document of the session's finalization in force, for the kinds asked (all when none). */
export async function latestIssues(db: Db, sessionId: number, kinds?: IssueKind[]): Promise<LatestIssue[]> {
  let q = db
    .selectFrom('document_issue as i')
    .innerJoin('session_finalization as f', 'f.id', 'i.finalization_id')
    .select(latestColumns)
    .where('i.session_id', '=', sessionId)
    .where('f.reopened_at', 'is', null)
    .where('i.variant', '=', 'original')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('document_issue as n')
            .select('n.id')
            .whereRef('n.finalization_id', '=', 'i.finalization_id')
            .whereRef('n.doc_ref', '=', 'i.doc_ref')
            .where('n.variant', '=', 'original')
            .whereRef('n.id', '>', 'i.id'),
        ),
      ),
    );
  if (kinds && kinds.length > 0) q = q.where('i.kind', 'in', kinds);
  return (await q.orderBy('i.id').execute()).map(toLatest);
}

/** The last original issued of one document (by its reference) of the session's finalization in force. */
export async function latestIssue(db: Db, sessionId: number, docRef: string): Promise<LatestIssue | undefined> {
  const r = await db
    .selectFrom('document_issue as i')
    .innerJoin('session_finalization as f', 'f.id', 'i.finalization_id')
    .select(latestColumns)
    .where('i.session_id', '=', sessionId)
    .where('f.reopened_at', 'is', null)
    .where('i.variant', '=', 'original')
    .where('i.doc_ref', '=', docRef)
    .orderBy('i.id', 'desc')
    .executeTakeFirst();
  return r ? toLatest(r) : undefined;
}
