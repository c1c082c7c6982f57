/**
 * Issue 13: verify and the register, on a finalized 300-product session (9 members) in a real
 * database file.
 * - Verify the minutes by content (text of every page extracted, the minutes re-rendered from the
 *   database, compared page by page): target < 2 s. Every iteration is a first check: the text of
 *   re-renders verify remembers is forgotten before each one.
 * - The same minutes checked again (the re-render's text remembered; the file still read in full).
 * - The same by hash (the issued file, found in the register): target < 50 ms.
 * - The same by content once the minutes were issued: the database gives the same input as the
 *   issued file, whose kept text stands for the re-render (reported with the same target).
 * - A 150-dpi PNG of a printed page (QR decoded, finalization looked up): target < 1 s.
 * - Listing a register of 10,000 issued documents with filters: target < 50 ms.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { invoke } from '../electron/core/api';
import { forgetVerifiedText } from '../electron/core/documents/register/verify-service';
import type { Core } from '../electron/core/context';
import { seededRng } from '../electron/core/demo/random';
import { seedSession, type Seeded } from '../electron/core/results/test/fixtures';
import { fileCore, tempDir } from '../electron/core/test/fixtures';
import { defineCases } from './harness';

interface State {
  dir: string;
  core: Core;
  seeded: Seeded;
  /** The minutes re-saved by another program (same text, other bytes): not in the register. */
  resaved: string;
  issued: string;
  scan: string;
  pages: number;
  outcome: string;
}

let shared: Promise<State> | null = null;

/** One database for the four cases: seeding, finalizing and rendering 300 products takes a while. */
function setup(): Promise<State> {
  shared ??= (async () => {
    const dir = tempDir('ocop-bench-verify-');
    const core = await fileCore(dir);
    const rand = seededRng(2026).next;
    const quality = Array.from({ length: 300 }, () => 0.15 + 0.85 * rand());
    // Members agree on every criterion (no spread to resolve), so the session can be finalized.
    const seeded = seedSession(core.ctx.sqlite, {
      setKey: 'qd26-2026/13',
      products: 300,
      members: 9,
      withSecretary: true,
      status: 'closed',
      choose: ({ product, levels }) => Math.round(quality[product]! * (levels.length - 1)),
    });
    const ok = <T>(e: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!e.ok) throw new Error(e.error.message);
      return e.value;
    };
    // Names as long as real ones (they wrap in the minutes' table: about 30 pages for 300 products).
    const db = core.ctx.sqlite;
    db.prepare(
      `UPDATE product SET name = 'Nước mắm cá cơm Phú Quốc loại ' || id WHERE id IN (SELECT product_id FROM registration)`,
    ).run();
    db.prepare(`UPDATE producer SET name = 'Hợp tác xã Tân Khánh Trung số ' || id`).run();
    db.prepare(
      `UPDATE registration SET snapshot_product_name = (SELECT p.name FROM product p WHERE p.id = registration.product_id),
         snapshot_producer_name = (SELECT pr.name FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = registration.product_id)
       WHERE snapshot_at IS NOT NULL`,
    ).run();
    ok(await invoke(core.ctx, 'results:finalize', { sessionId: seeded.sessionId, acknowledgeSensitive: true }));
    // Printed, not issued yet: the first case verifies by laying the minutes out again.
    const printed = ok(await invoke(core.ctx, 'documents:render', { sessionId: seeded.sessionId, kind: 'minutes' }));
    const pdf = Buffer.from(printed.pdfBase64, 'base64');
    const resaved = Buffer.from(await (await PDFDocument.load(pdf)).save({ useObjectStreams: false })).toString('base64');
    const file = path.join(dir, 'bien-ban.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'scan')]);
    const scan = fs.readFileSync(path.join(dir, 'scan.png')).toString('base64');
    // 10,000 issued documents over 40 sessions' worth of kinds and dates, written as the register writes them.
    const fin = core.ctx.sqlite.prepare('SELECT id FROM session_finalization WHERE session_id = ?').get(seeded.sessionId) as {
      id: number;
    };
    const insert = core.ctx.sqlite.prepare(
      `INSERT INTO document_issue (session_id, finalization_id, version, kind, registration_id, member_id, doc_ref, doc_number, doc_date, title, file_name, search_folded, sha256, bytes, pages, variant, issued_at, issued_by)
       VALUES (?, ?, 1, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, 1000, 1, 'original', ?, 'bench')`,
    );
    const kinds = ['minutes', 'summary', 'decision', 'certificate', 'sheet', 'sheets'];
    core.ctx.sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const kind = kinds[i % kinds.length]!;
        const title = `${kind === 'certificate' ? 'Giấy chứng nhận' : 'Văn bản'} số ${i} – Sản phẩm ${i % 300}`;
        const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
        insert.run(
          seeded.sessionId,
          fin.id,
          kind,
          `X-${i}`,
          `${i}/BB-HĐ`,
          at.slice(0, 10),
          title,
          `file-${i}.pdf`,
          `${title.toLowerCase()} ${i}/bb-hd file-${i}.pdf x-${i}`.normalize('NFD').replace(/\p{M}/gu, ''),
          i.toString(16).padStart(64, '0'),
          at,
        );
      }
    })();
    return { dir, core, seeded, resaved, issued: printed.pdfBase64, scan, pages: printed.pages, outcome: '' };
  })();
  return shared;
}

async function verify(s: State, fileBase64: string, expect: string): Promise<void> {
  const r = await invoke(s.core.ctx, 'documents:verify', { fileBase64 });
  if (!r.ok) throw new Error(r.error.message);
  if (r.value.outcome !== expect) throw new Error(`expected ${expect}, got ${r.value.outcome}: ${r.value.message}`);
  s.outcome = r.value.outcome;
}

/** The machine's load when a case ends: the 2 cores are shared, and the times scale with it. */
const load = () => `; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;

let closed = 0;
const teardown = (s: State) => {
  // The six cases share the database: the last one closes it.
  if (++closed === 6) {
    s.core.close();
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
};

export const cases = [
  ...defineCases<State>({
    name: 'documents:verify — the 300-product minutes by content (extract, re-render, compare every page)',
    setup,
    teardown,
    before: () => forgetVerifiedText(),
    iterations: 5,
    warmup: 1,
    run: (s) => verify(s, s.resaved, 'matches'),
    target: { medianMs: 2000 },
    notes: (s) =>
      `${s.pages} pages; the file re-saved by pdf-lib (same text, other bytes, not in the register); each check a first one (nothing remembered)` +
      load(),
  }),
  ...defineCases<State>({
    name: 'documents:verify — the same never-issued minutes checked again (the re-render’s text remembered)',
    setup,
    teardown,
    iterations: 5,
    warmup: 1,
    run: (s) => verify(s, s.resaved, 'matches'),
    target: { medianMs: 2000 },
    notes: (s) => `${s.pages} pages; the file’s text read and compared in full, the database’s side not laid out again` + load(),
  }),
  ...defineCases<State>({
    name: 'documents:verify — the same minutes by hash (issued file found in the register)',
    setup: async () => {
      const s = await setup();
      // Issue the minutes now (the same bytes as printed): from here the register knows them.
      const r = await invoke(s.core.ctx, 'documents:issue', { sessionId: s.seeded.sessionId, kind: 'minutes' });
      if (!r.ok || r.value.entry.sha256 === '') throw new Error(r.ok ? 'no entry' : r.error.message);
      return s;
    },
    teardown,
    iterations: 30,
    warmup: 3,
    run: (s) => verify(s, s.issued, 'issued'),
    target: { medianMs: 50 },
    notes: (s) =>
      `${s.pages}-page PDF, ${Math.round((s.issued.length * 3) / 4 / 1024)} kB; 10,000 other documents in the register` + load(),
  }),
  ...defineCases<State>({
    name: 'documents:verify — the issued minutes by content (a re-saved copy; the kept file’s text stands for the re-render)',
    setup,
    teardown,
    iterations: 5,
    warmup: 1,
    run: (s) => verify(s, s.resaved, 'matches'),
    target: { medianMs: 2000 },
    notes: (s) => `${s.pages} pages; same input hash as the issued file, so its kept text is compared` + load(),
  }),
  ...defineCases<State>({
    name: 'documents:verify — a 150-dpi PNG scan of a printed page (QR code)',
    setup,
    teardown,
    iterations: 10,
    warmup: 1,
    run: (s) => verify(s, s.scan, 'current-code'),
    target: { medianMs: 1000 },
    notes: (s) => `1240 × 1754 px PNG, ${Math.round((s.scan.length * 3) / 4 / 1024)} kB` + load(),
  }),
  ...defineCases<State>({
    name: 'documents:register — list 10,000 issued documents filtered by kind, words and status',
    setup,
    teardown,
    iterations: 50,
    warmup: 5,
    run: async (s) => {
      const r = await invoke(s.core.ctx, 'documents:register', {
        kind: 'certificate',
        q: 'giay chung nhan san pham 12',
        current: true,
        limit: 100,
      });
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.total === 0) throw new Error('the filter found nothing');
    },
    target: { medianMs: 50 },
    notes: () => '10,001 rows; kind + accent-free words + in force, newest first, 100 a page with the total' + load(),
  }),
];
