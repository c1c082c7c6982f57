import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, type MigratingDatabase } from '../../test/migrate-to';

let m: MigratingDatabase | undefined;
afterEach(() => m?.close());

const at = '2026-06-01T08:00:00.000Z';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function pdf(pages: number, text: string): Promise<Uint8Array> {
  const d = await PDFDocument.create();
  for (let i = 0; i < pages; i++) d.addPage().drawText(`${text} ${i + 1}`);
  return d.save();
}

/** Two finalized sessions as 0012b left them: rows in session_signature, files in <data>/signed/. */
async function seed(dir: string) {
  const db = m!.sqlite;
  // Only the rows the migration reads; the council, round and rules they reference are not its concern.
  db.pragma('foreign_keys = OFF');
  const session = db.prepare(
    `INSERT INTO session (id, council_id, round_id, kind, number, title, date, rules_id, status, created_at, updated_at)
     VALUES (?, 1, 1, 'meeting', ?, ?, '2026-05-20', 1, 'closed', ?, ?)`,
  );
  const fin = db.prepare(
    `INSERT INTO session_finalization (id, session_id, seq, audit_head, results_digest, results_json, finalized_at, finalized_by)
     VALUES (?, ?, 1, ?, ?, '{}', ?, 'Thư ký')`,
  );
  session.run(1, 1, 'Phiên họp thứ nhất', at, at);
  session.run(2, 2, '', at, at);
  fin.run(1, 1, 'a'.repeat(64), 'b'.repeat(64), at);
  fin.run(2, 2, 'c'.repeat(64), 'd'.repeat(64), at);
  db.pragma('foreign_keys = ON');

  const files = {
    original: await pdf(3, 'minutes'),
    secretary: await pdf(3, 'minutes, secretary signed'),
    chair: await pdf(3, 'minutes, chair signed'),
    scan: await pdf(2, 'scan'),
  };
  fs.mkdirSync(path.join(dir, 'signed'));
  // The scan of session 2 is missing from the folder (deleted behind the app's back).
  for (const k of ['original', 'secretary', 'chair'] as const)
    fs.writeFileSync(path.join(dir, 'signed', `${sha(files[k])}.pdf`), files[k]);
  const row = db.prepare(
    `INSERT INTO session_signature (session_id, finalization_id, kind, role, sha256, input_sha256, original_sha256, bytes,
       signer_name, signer_fingerprint, signer_subject, signer_issuer, key_source, signed_at, recorded_by)
     VALUES (?, ?, 'minutes', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Thư ký')`,
  );
  const fp = 'e'.repeat(64);
  row.run(
    1,
    1,
    'secretary',
    sha(files.secretary),
    sha(files.original),
    sha(files.original),
    files.secretary.length,
    'Nguyễn Thị Thư',
    fp,
    'CN=Nguyễn Thị Thư',
    'CN=CA thử',
    'p12',
    '2026-06-01T15:00:00+07:00',
  );
  row.run(
    1,
    1,
    'chair',
    sha(files.chair),
    sha(files.secretary),
    sha(files.original),
    files.chair.length,
    'Trần Văn Chủ',
    fp.replace(/^e/u, 'f'),
    'CN=Trần Văn Chủ',
    'CN=CA thử',
    'pkcs11',
    '2026-06-01T15:05:00+07:00',
  );
  row.run(
    2,
    2,
    'scan',
    sha(files.scan),
    null,
    null,
    files.scan.length,
    'Thư ký',
    null,
    null,
    null,
    null,
    '2026-06-01T16:00:00+07:00',
  );
  return files;
}

describe('0012c_signatures_in_register', () => {
  it('moves the signing steps of 0012b into the register with their files; the chain and the guards hold', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-0012c-'));
    m = await migrateTo('0012b_session_signatures', path.join(dir, 'ocop.sqlite'));
    const files = await seed(dir);
    await m.migrateTo('0012c_signatures_in_register');
    expect(m.applied().at(-1)).toBe('0012c_signatures_in_register');
    const db = m.sqlite;
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'session_signature'`).get()).toBeUndefined();

    const issues = db
      .prepare(
        'SELECT id, session_id, kind, title, file_name, sha256, bytes, pages, variant, derived_from, meta_json, issued_by FROM document_issue ORDER BY id',
      )
      .all() as {
      id: number;
      sha256: string;
      variant: string;
      derived_from: number | null;
      meta_json: string;
      pages: number;
      title: string;
      file_name: string;
      session_id: number;
    }[];
    expect(issues.map((i) => [i.sha256, i.variant, i.derived_from, i.file_name, i.pages])).toEqual([
      [sha(files.original), 'original', null, 'bien-ban-phien-1.pdf', 3],
      [sha(files.secretary), 'signed', 1, 'bien-ban-phien-1-da-ky-thu-ky.pdf', 3],
      [sha(files.chair), 'signed', 1, 'bien-ban-phien-1-da-ky-chu-toa.pdf', 3],
      // Session 2's scan had no issued original: entered as the council's own record, its file missing is said.
      [sha(files.scan), 'original', null, 'bien-ban-phien-2-ban-quet.pdf', 1],
    ]);
    expect(issues[0]!.title).toBe('Biên bản họp Phiên họp thứ nhất');
    expect(JSON.parse(issues[3]!.meta_json)).toEqual({
      migratedFrom: 'session_signature',
      fileMissing: true,
      scanWithoutOriginal: true,
    });
    // Every file that was there now sits with the register's files, byte for byte.
    for (const k of ['original', 'secretary', 'chair'] as const) {
      const h = sha(files[k]);
      expect(sha(fs.readFileSync(path.join(dir, 'documents', h.slice(0, 2), `${h}.pdf`)))).toBe(h);
    }

    const steps = db
      .prepare('SELECT issue_id, input_id, role, signer_name, key_source, signed_at FROM document_signature ORDER BY issue_id')
      .all();
    expect(steps).toEqual([
      {
        issue_id: 2,
        input_id: 1,
        role: 'secretary',
        signer_name: 'Nguyễn Thị Thư',
        key_source: 'p12',
        signed_at: '2026-06-01T15:00:00+07:00',
      },
      {
        issue_id: 3,
        input_id: 2,
        role: 'chair',
        signer_name: 'Trần Văn Chủ',
        key_source: 'pkcs11',
        signed_at: '2026-06-01T15:05:00+07:00',
      },
    ]);

    // The guards: records stay, one step per role, 0010's trigger is back.
    expect(() => db.prepare(`UPDATE document_signature SET signer_name = 'x'`).run()).toThrow(/IMMUTABLE/u);
    expect(() => db.prepare('DELETE FROM document_signature').run()).toThrow(/IMMUTABLE/u);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'document_issue_needs_finalization'`).get()).toBeTruthy();
    const again = db.prepare(
      `INSERT INTO document_issue (session_id, finalization_id, version, kind, doc_ref, title, file_name, search_folded, sha256, bytes, pages, variant, derived_from, issued_at, issued_by)
       VALUES (1, 1, 1, 'minutes', 'BB', 't', 'f.pdf', 't', ?, 10, 1, 'signed', 1, ?, 'x')`,
    );
    again.run('9'.repeat(64), at);
    expect(() =>
      db
        .prepare(
          `INSERT INTO document_signature (issue_id, input_id, role, signer_name, signer_fingerprint, key_source, signed_at) VALUES (?, 3, 'chair', 'Ai đó', ?, 'p12', ?)`,
        )
        .run(Number(db.prepare('SELECT max(id) AS id FROM document_issue').pluck().get()), '1'.repeat(64), at),
    ).toThrow(/CONFLICT/u);
  });

  it('an empty session_signature migrates to empty tables', async () => {
    m = await migrateTo('0012b_session_signatures');
    await m.migrateTo('0012c_signatures_in_register');
    expect(m.sqlite.prepare('SELECT count(*) FROM document_signature').pluck().get()).toBe(0);
    expect(m.sqlite.prepare('SELECT count(*) FROM document_issue').pluck().get()).toBe(0);
  });
});
