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

/** What every listing of entries selects: the row, its session, whether in force, and the signing step of a signed copy. */
const entryColumns = [
  's.title as session_title',
  's.date as session_date',
  sql<number>`CASE WHEN f.reopened_at IS NULL THEN 1 ELSE 0 END`.as('current'),
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
  if (q.current !== undefined) base = base.where('f.reopened_at', q.current ? 'is' : 'is not', null);
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
  const inputOf = (json: string | null): unknown => {
    try {
      return json ? (JSON.parse(json) as { inputSha256?: unknown }).inputSha256 : null;
    } catch {
      return null; // meta written by another version: no input hash to match
    }
  };
  return rows.map((r) => {
    const input = inputOf(r.meta_json);
    return { sha256: r.sha256, inputSha256: typeof input === 'string' ? input : null };
  });
}
