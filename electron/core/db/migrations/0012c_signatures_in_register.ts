import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';

/**
 * Signed copies become entries of the register of issued documents (issue 15 on issue 13).
 *
 * One record of each file: a signed copy (a signing step, or a scanned paper copy signed by hand)
 * is a `document_issue` row with `variant = 'signed'` and `derived_from` = the issued original,
 * its file kept with the register's files (<data dir>/documents/<aa>/<sha256>.pdf). What only the
 * signing flow needs — which step it was, which file it signed, the certificate — is
 * `document_signature`, one row per signed copy, keyed by its register row.
 *
 * `council_organisation_signer`: where the office signs a council's documents for the
 * organisation with its seal certificate, the organisation's name as that certificate names it
 * (present = the organisation's signature is a step of the minutes and the summary).
 *
 * The signing steps recorded so far in `session_signature` (0012b, the minutes only) move into
 * the register, with their files moved from <data dir>/signed/ to the register's folder (the data
 * folder is the database file's folder); then that table is dropped. An original that was never
 * issued (0012b rendered it when the secretary signed) is entered as issued by whoever signed, at
 * that time; a file that is missing keeps its row (meta_json says so) and is reported when read.
 * Never edit after release.
 */
export async function up(outer: Kysely<unknown>): Promise<void> {
  // One transaction (Kysely runs SQLite migrations without one): stopped half-way, nothing stays.
  await outer.transaction().execute(async (db) => upIn(db));
}

async function upIn(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_signature')
    .addColumn('issue_id', 'integer', (c) => c.primaryKey().references('document_issue.id').onDelete('restrict'))
    // The file this step signed (the original, or the previous step's copy); null for a scan.
    .addColumn('input_id', 'integer', (c) => c.references('document_issue.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('secretary', 'chair', 'member', 'organisation', 'scan')`))
    // The certificate's common name, or who attached a scan.
    .addColumn('signer_name', 'text', (c) => c.notNull().check(sql`length(trim(signer_name)) > 0`))
    .addColumn('signer_fingerprint', 'text', (c) =>
      c.check(sql`signer_fingerprint IS NULL OR (length(signer_fingerprint) = 64 AND signer_fingerprint NOT GLOB '*[^0-9a-f]*')`),
    )
    .addColumn('signer_subject', 'text')
    .addColumn('signer_issuer', 'text')
    .addColumn('signer_serial', 'text')
    .addColumn('key_source', 'text', (c) => c.check(sql`key_source IS NULL OR key_source IN ('p12', 'pkcs11')`))
    // The claimed signing time (/M), ISO 8601 with +07:00; for a scan, when it was attached.
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'document_signature_scan',
      sql`(role = 'scan') = (input_id IS NULL) AND (role = 'scan') = (signer_fingerprint IS NULL) AND (role = 'scan') = (key_source IS NULL)`,
    )
    .execute();
  await db.schema.createIndex('document_signature_input').on('document_signature').column('input_id').execute();

  await db.schema
    .createTable('council_organisation_signer')
    .addColumn('council_id', 'integer', (c) => c.primaryKey().references('council.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await moveSessionSignatures(db);
  await sql`DROP TABLE session_signature`.execute(db);

  await sql`CREATE TRIGGER document_signature_no_update BEFORE UPDATE ON document_signature
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a signature of a document is a record'); END`.execute(db);
  await sql`CREATE TRIGGER document_signature_no_delete BEFORE DELETE ON document_signature
    BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: a signature of a document is never taken back'); END`.execute(db);
  await sql`CREATE TRIGGER document_signature_of_signed_copy BEFORE INSERT ON document_signature
    WHEN (SELECT variant FROM document_issue WHERE id = NEW.issue_id) IS NOT 'signed'
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: a signature step is recorded on a signed copy of the register'); END`.execute(db);
  await sql`CREATE TRIGGER document_signature_once BEFORE INSERT ON document_signature
    WHEN EXISTS (SELECT 1 FROM document_signature s JOIN document_issue i ON i.id = s.issue_id
      WHERE s.role = NEW.role AND i.derived_from = (SELECT derived_from FROM document_issue WHERE id = NEW.issue_id))
    BEGIN SELECT RAISE(ABORT, 'CONFLICT: the document was signed in that role already'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0012c_signatures_in_register cannot be reverted');
}

interface Legacy {
  id: number;
  session_id: number;
  finalization_id: number;
  role: string;
  sha256: string;
  input_sha256: string | null;
  original_sha256: string | null;
  bytes: number;
  signer_name: string;
  signer_fingerprint: string | null;
  signer_subject: string | null;
  signer_issuer: string | null;
  key_source: string | null;
  signed_at: string;
  recorded_by: string;
}

/** 0010's guard, dropped while the rows of finalizations reopened since are moved, then restored as it was. */
const NEEDS_FINALIZATION = `CREATE TRIGGER document_issue_needs_finalization BEFORE INSERT ON document_issue
    WHEN NOT EXISTS (SELECT 1 FROM session_finalization f
      WHERE f.id = NEW.finalization_id AND f.session_id = NEW.session_id AND f.seq = NEW.version AND f.reopened_at IS NULL)
    BEGIN SELECT RAISE(ABORT, 'FORBIDDEN_STATE: documents are issued only for the finalization in force of their session'); END`;

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();

/** The data folder: the folder of the database file (none for an in-memory database). */
async function dataDir(db: Kysely<unknown>): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db);
  const file = rows.find((r) => r.name === 'main')?.file;
  return file ? path.dirname(file) : null;
}

/** Moves a legacy file into the register's folder; answers its page count (null: the file is missing or not itself). */
async function moveFile(dir: string | null, sha: string): Promise<number | null> {
  if (!dir) return null;
  const from = path.join(dir, 'signed', `${sha}.pdf`);
  const to = path.join(dir, 'documents', sha.slice(0, 2), `${sha}.pdf`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(fs.existsSync(to) ? to : from);
  } catch {
    return null;
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha) return null;
  if (!fs.existsSync(to)) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const tmp = `${to}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, to);
  }
  const { PDFDocument } = await import('pdf-lib');
  try {
    return (await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false })).getPageCount();
  } catch {
    return null;
  }
}

async function moveSessionSignatures(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<Legacy>`SELECT * FROM session_signature ORDER BY id`.execute(db);
  if (rows.length === 0) return;
  const dir = await dataDir(db);
  await sql.raw('DROP TRIGGER document_issue_needs_finalization').execute(db);

  const issueBySha = async (sha: string) =>
    (await sql<{ id: number; pages: number }>`SELECT id, pages FROM document_issue WHERE sha256 = ${sha}`.execute(db)).rows[0];
  const insertIssue = async (v: {
    l: Legacy;
    version: number;
    title: string;
    fileName: string;
    sha: string;
    bytes: number;
    pages: number;
    variant: 'original' | 'signed';
    derivedFrom: number | null;
    meta: Record<string, unknown>;
    issuedAt: string;
  }): Promise<number> => {
    const r = await sql<{ id: number }>`INSERT INTO document_issue
      (session_id, finalization_id, version, kind, registration_id, member_id, doc_ref, doc_number, doc_date, title,
       file_name, search_folded, sha256, bytes, pages, variant, derived_from, meta_json, issued_at, issued_by)
      VALUES (${v.l.session_id}, ${v.l.finalization_id}, ${v.version}, 'minutes', NULL, NULL, 'BB', NULL, NULL, ${v.title},
       ${v.fileName}, ${fold(`${v.title} ${v.fileName} BB`)}, ${v.sha}, ${v.bytes}, ${v.pages}, ${v.variant}, ${v.derivedFrom},
       ${JSON.stringify(v.meta)}, ${v.issuedAt}, ${v.l.recorded_by})
      RETURNING id`.execute(db);
    return r.rows[0]!.id;
  };

  const chains = new Map<string, Legacy[]>();
  for (const r of rows) {
    const k = `${r.session_id}/${r.finalization_id}`;
    chains.set(k, [...(chains.get(k) ?? []), r]);
  }
  for (const chain of chains.values()) {
    const first = chain[0]!;
    const { rows: meta } = await sql<{ seq: number; title: string; number: string }>`SELECT f.seq, s.title, s.number
      FROM session_finalization f JOIN session s ON s.id = f.session_id WHERE f.id = ${first.finalization_id}`.execute(db);
    const { seq: version, title: sessionTitle, number: sessionNumber } = meta[0]!;
    const title = `Biên bản họp ${sessionTitle || sessionNumber}`.normalize('NFC');
    const base = `bien-ban-phien-${first.session_id}`;
    const issuedAt = (iso: string) => new Date(iso).toISOString();

    // The original: issued already (the register has its bytes), else entered now from the kept file.
    let originalId: number | null;
    let originalPages = 1;
    const originalSha = first.original_sha256;
    if (originalSha) {
      const known = await issueBySha(originalSha);
      if (known) [originalId, originalPages] = [known.id, known.pages];
      else {
        const pages = await moveFile(dir, originalSha);
        originalPages = pages ?? 1;
        const size = dir
          ? fs.statSync(path.join(dir, 'documents', originalSha.slice(0, 2), `${originalSha}.pdf`), { throwIfNoEntry: false })
              ?.size
          : undefined;
        originalId = await insertIssue({
          l: first,
          version,
          title,
          fileName: `${base}.pdf`,
          sha: originalSha,
          bytes: size ?? first.bytes,
          pages: originalPages,
          variant: 'original',
          derivedFrom: null,
          meta: { migratedFrom: 'session_signature', ...(pages === null ? { fileMissing: true } : {}) },
          issuedAt: issuedAt(first.signed_at),
        });
      }
    } else {
      // A scan attached before anything was signed: the minutes issued for that finalization, if any.
      const { rows: issued } = await sql<{ id: number }>`SELECT id FROM document_issue
        WHERE finalization_id = ${first.finalization_id} AND kind = 'minutes' AND variant = 'original' ORDER BY id DESC LIMIT 1`.execute(
        db,
      );
      originalId = issued[0]?.id ?? null;
    }

    const idBySha = new Map<string, number>();
    if (originalSha && originalId !== null) idBySha.set(originalSha, originalId);
    for (const l of chain) {
      const pages = await moveFile(dir, l.sha256);
      const scan = l.role === 'scan';
      const suffix = scan ? 'ban-quet' : l.role === 'chair' ? 'da-ky-chu-toa' : 'da-ky-thu-ky';
      const m = { migratedFrom: 'session_signature', ...(pages === null ? { fileMissing: true } : {}) };
      // A scan with no original to derive from is entered as the council's own record of the minutes.
      const derivedFrom = originalId;
      const id = await insertIssue({
        l,
        version,
        title,
        fileName: `${base}-${suffix}.pdf`,
        sha: l.sha256,
        bytes: l.bytes,
        pages: pages ?? originalPages,
        variant: derivedFrom === null ? 'original' : 'signed',
        derivedFrom,
        meta: derivedFrom === null ? { ...m, scanWithoutOriginal: true } : m,
        issuedAt: issuedAt(l.signed_at),
      });
      idBySha.set(l.sha256, id);
      if (derivedFrom === null) continue;
      const inputId = scan ? null : (idBySha.get(l.input_sha256 ?? '') ?? originalId);
      await sql`INSERT INTO document_signature
        (issue_id, input_id, role, signer_name, signer_fingerprint, signer_subject, signer_issuer, signer_serial, key_source, signed_at)
        VALUES (${id}, ${inputId}, ${l.role}, ${l.signer_name}, ${scan ? null : l.signer_fingerprint}, ${l.signer_subject},
          ${l.signer_issuer}, NULL, ${scan ? null : l.key_source}, ${l.signed_at})`.execute(db);
    }
  }
  await sql.raw(NEEDS_FINALIZATION).execute(db);
}
