import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StateReport } from '../../../shared/api/channels/integrity';
import { run } from '../../cli/test/run-cli';
import { GENESIS_HASH, auditHash } from '../audit/chain';
import { openCore } from '../context';
import { verifyState } from './state-verify';
import { finalizedDemoFolder } from './test/demo-folder';

/**
 * Issue 14's tamper cases, each done as an attacker with the file would: with the sqlite3 command
 * line or a raw connection, after dropping the immutability triggers. `audit verify` must catch
 * every one and name the first difference (table, key, expected, found).
 */

async function verifyDir(dir: string, against?: string): Promise<StateReport> {
  const core = await openCore({ dataDir: dir, host: 'cli' });
  try {
    return await verifyState({ db: core.ctx.db, sqlite: core.ctx.sqlite }, against ? { against: [{ path: against }] } : {});
  } finally {
    core.close();
  }
}

/** An attacker's connection: every trigger dropped first. */
function attack(file: string, f: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[])
      db.exec(`DROP TRIGGER "${t}"`);
    f(db);
  } finally {
    db.close();
  }
}

/** The sqlite3 command line, as a person at the keyboard would use it. */
function sqlite3(file: string, script: string): void {
  const triggers = execFileSync('sqlite3', [file, "SELECT name FROM sqlite_master WHERE type = 'trigger'"], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  execFileSync('sqlite3', [file], { input: triggers.map((t) => `DROP TRIGGER "${t}";`).join('\n') + '\n' + script });
}

function submittedSheet(db: Database.Database): { id: number; code: string; level: number; maxLevel: number } {
  const r = db
    .prepare(
      `SELECT a.sheet_id AS id, a.criterion_code AS code, a.level_index AS level
       FROM score_answer a JOIN score_sheet s ON s.id = a.sheet_id
       WHERE s.status = 'submitted' AND a.level_index IS NOT NULL ORDER BY a.sheet_id, a.criterion_code LIMIT 1`,
    )
    .get() as { id: number; code: string; level: number };
  return { ...r, maxLevel: 2 };
}

const first = (r: StateReport) => r.differences[0]!;

describe('audit verify catches each tamper case of issue 14', () => {
  it('a submitted answer’s level changed (sqlite3 command line)', async () => {
    const { dir, db } = await finalizedDemoFolder();
    const probe = new Database(db, { readonly: true });
    const s = submittedSheet(probe);
    probe.close();
    const other = s.level === 0 ? 1 : 0;
    sqlite3(db, `UPDATE score_answer SET level_index = ${other} WHERE sheet_id = ${s.id} AND criterion_code = '${s.code}';`);
    const r = await verifyDir(dir);
    expect(r.ok).toBe(false);
    expect(first(r)).toMatchObject({ check: 'answers-replay', table: 'score_answer', key: `sheet ${s.id}, criterion ${s.code}` });
    expect(first(r).expected).toContain(`"level":${s.level}`);
    expect(first(r).found).toContain(`"level":${other}`);
  }, 120_000);

  it('a submitted answer’s level changed in the answer AND its event (consistent rewrite): the audit event and the submission disagree', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let s!: ReturnType<typeof submittedSheet>;
    attack(db, (x) => {
      s = submittedSheet(x);
      const other = s.level === 0 ? 1 : 0;
      x.prepare('UPDATE score_answer SET level_index = ? WHERE sheet_id = ? AND criterion_code = ?').run(other, s.id, s.code);
      x.prepare('UPDATE score_answer_event SET level_index = ? WHERE sheet_id = ? AND target = ?').run(other, s.id, s.code);
    });
    const r = await verifyDir(dir);
    expect(r.ok).toBe(false);
    const checks = new Set(r.differences.map((d) => d.check));
    expect(checks).toContain('submissions');
    expect(r.differences.some((d) => d.table === 'score_answer_event' || d.table === 'score_answer')).toBe(true);
  }, 120_000);

  it('a submitted answer deleted', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let s!: ReturnType<typeof submittedSheet>;
    attack(db, (x) => {
      s = submittedSheet(x);
      x.prepare('DELETE FROM score_answer WHERE sheet_id = ? AND criterion_code = ?').run(s.id, s.code);
    });
    const r = await verifyDir(dir);
    expect(first(r)).toMatchObject({
      check: 'answers-replay',
      table: 'score_answer',
      key: `sheet ${s.id}, criterion ${s.code}`,
      found: 'null',
    });
  }, 120_000);

  it('a sheet’s total raised by 20', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let sheet = 0;
    let total = 0;
    attack(db, (x) => {
      ({ id: sheet, total_points: total } = x
        .prepare("SELECT id, total_points FROM score_sheet WHERE status = 'submitted' LIMIT 1")
        .get() as {
        id: number;
        total_points: number;
      });
      x.prepare('UPDATE score_sheet SET total_points = total_points + 20 WHERE id = ?').run(sheet);
    });
    const r = await verifyDir(dir);
    expect(first(r)).toMatchObject({
      check: 'sheet-totals',
      table: 'score_sheet',
      key: `sheet ${sheet}, total_points`,
      expected: String(total),
      found: String(total + 20),
    });
  }, 120_000);

  it('a registration’s product swapped', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let reg = 0;
    let from = 0;
    let to = 0;
    attack(db, (x) => {
      const r = x.prepare('SELECT id, product_id, round_id FROM registration ORDER BY id LIMIT 1').get() as {
        id: number;
        product_id: number;
        round_id: number;
      };
      reg = r.id;
      from = r.product_id;
      // Another product with no registration in that round (one registration per product and round).
      to = x
        .prepare(
          'SELECT id FROM product WHERE id NOT IN (SELECT product_id FROM registration WHERE round_id = ?) ORDER BY id LIMIT 1',
        )
        .pluck()
        .get(r.round_id) as number;
      x.prepare('UPDATE registration SET product_id = ? WHERE id = ?').run(to, reg);
    });
    const r = await verifyDir(dir);
    const d = r.differences.find((x) => x.table === 'registration')!;
    expect(d).toMatchObject({ check: 'dossiers', expected: String(from), found: String(to) });
    expect(d.key).toMatch(new RegExp(`^registration ${reg}, product_id`));
  }, 120_000);

  it('a product renamed', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let id = 0;
    attack(db, (x) => {
      id = x.prepare('SELECT id FROM product ORDER BY id LIMIT 1').pluck().get() as number;
      x.prepare("UPDATE product SET name = 'Nước mắm giả' WHERE id = ?").run(id);
    });
    const r = await verifyDir(dir);
    const d = r.differences.find((x) => x.table === 'product')!;
    expect(d.key).toMatch(new RegExp(`^product ${id}, name`));
    expect(d.found).toBe('Nước mắm giả');
  }, 120_000);

  it('a registration’s current stars set to 5', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let id = 0;
    attack(db, (x) => {
      id = x
        .prepare('SELECT id FROM registration WHERE current_stars IS NULL OR current_stars < 5 ORDER BY id LIMIT 1')
        .pluck()
        .get() as number;
      x.prepare('UPDATE registration SET current_stars = 5 WHERE id = ?').run(id);
    });
    const r = await verifyDir(dir);
    const d = r.differences.find((x) => x.table === 'registration')!;
    expect(d.key).toMatch(new RegExp(`^registration ${id}, current_stars`));
    expect(d.found).toBe('5');
  }, 120_000);

  it('a submitted sheet and its answers deleted', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let sheet = 0;
    attack(db, (x) => {
      sheet = x.prepare("SELECT id FROM score_sheet WHERE status = 'submitted' ORDER BY id LIMIT 1").pluck().get() as number;
      x.pragma('foreign_keys = OFF');
      for (const t of ['score_answer', 'score_declaration', 'score_answer_event'])
        x.prepare(`DELETE FROM ${t} WHERE sheet_id = ?`).run(sheet);
      x.prepare('DELETE FROM score_sheet WHERE id = ?').run(sheet);
    });
    const r = await verifyDir(dir);
    expect(r.ok).toBe(false);
    expect(r.differences).toContainEqual(
      expect.objectContaining({ check: 'sheets-audit', table: 'score_sheet', key: `sheet ${sheet}`, found: 'missing' }),
    );
    expect(r.differences.some((d) => d.check === 'answer-audit' && d.found === 'missing')).toBe(true);
  }, 120_000);

  it('a member’s attendance flipped', async () => {
    const { dir, db } = await finalizedDemoFolder();
    let m!: { session_id: number; member_id: number; present: number };
    attack(db, (x) => {
      m = x
        .prepare('SELECT session_id, member_id, present FROM session_attendance WHERE present IS NOT NULL LIMIT 1')
        .get() as typeof m;
      x.prepare('UPDATE session_attendance SET present = ? WHERE session_id = ? AND member_id = ?').run(
        m.present ? 0 : 1,
        m.session_id,
        m.member_id,
      );
    });
    const r = await verifyDir(dir);
    const d = r.differences.find((x) => x.check === 'attendance')!;
    expect(d.key).toMatch(new RegExp(`^session ${m.session_id}, member ${m.member_id}`));
    expect([d.expected, d.found]).toEqual(m.present ? ['present', 'absent'] : ['absent', 'present']);
  }, 120_000);

  it('the last audit rows deleted: the data is newer than its history; a backup taken before shows the truncation', async () => {
    const { dir, db } = await finalizedDemoFolder();
    const backup = path.join(dir, 'backups', 'kept-on-usb.sqlite');
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    const src = new Database(db, { readonly: true });
    await src.backup(backup);
    const last = src.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    // From the finalization on (the registrations' outcomes follow it since issue 16).
    const cut = src.prepare("SELECT max(seq) FROM audit_log WHERE action = 'results.finalize'").pluck().get() as number;
    src.close();
    attack(db, (x) => x.prepare('DELETE FROM audit_log WHERE seq >= ?').run(cut));
    const r = await verifyDir(dir);
    expect(r.ok).toBe(false);
    // The finalization (and what it changed) now has no event behind it.
    expect(r.differences.map((d) => d.check)).toEqual(expect.arrayContaining(['finalizations']));
    const anchored = await verifyDir(dir, backup);
    expect(anchored.anchors[0]).toMatchObject({ source: 'backup', seq: last, ok: false });
    expect(anchored.differences).toContainEqual(
      expect.objectContaining({
        check: 'anchors',
        table: 'audit_log',
        key: `event ${cut} (in the backup)`,
        found: `missing: the log ends at event ${cut - 1}`,
      }),
    );
  }, 120_000);

  it('a middle audit event edited and every later hash recomputed: the chain holds, the data and the anchors do not', async () => {
    const { dir, db } = await finalizedDemoFolder();
    const backup = path.join(dir, 'before.sqlite');
    const src = new Database(db, { readonly: true });
    await src.backup(backup);
    src.close();
    let seq = 0;
    attack(db, (x) => {
      // An answer event in the middle of the log: its recorded level changed.
      const row = x
        .prepare("SELECT seq, after_json FROM audit_log WHERE action = 'scoring.answer' ORDER BY seq LIMIT 1 OFFSET 20")
        .get() as { seq: number; after_json: string };
      seq = row.seq;
      const after = JSON.parse(row.after_json) as { value: { levelIndex: number; points: number } };
      after.value.levelIndex = after.value.levelIndex === 0 ? 1 : 0;
      x.prepare('UPDATE audit_log SET after_json = ? WHERE seq = ?').run(JSON.stringify(after), seq);
      rehashFrom(x, seq);
    });
    const r = await verifyDir(dir);
    expect(r.checks.find((c) => c.id === 'chain')).toMatchObject({ ok: true });
    expect(first(r)).toMatchObject({ check: 'answer-audit', table: 'score_answer_event' });
    const anchored = await verifyDir(dir, backup);
    expect(anchored.differences).toContainEqual(
      expect.objectContaining({ check: 'anchors', key: `event ${seq} (in the backup)` }),
    );
  }, 120_000);

  it('rows inserted behind the app’s back, a recusal removed and a session’s status changed', async () => {
    const { dir, db, meetingSessionId } = await finalizedDemoFolder();
    attack(db, (x) => {
      const p = x.prepare('SELECT * FROM product ORDER BY id LIMIT 1').get() as Record<string, unknown>;
      x.prepare(
        `INSERT INTO product (producer_id, name, name_folded, set_key, specification, packaging, product_code, code_province, code_commune, code_seq, code_year, note, created_at, updated_at)
         VALUES (?, 'Sản phẩm ma', 'san pham ma', ?, '', '', ?, ?, ?, 999, ?, '', ?, ?)`,
      ).run(
        p.producer_id,
        p.set_key,
        `${String(p.code_province)}-${String(p.code_commune)}-999-${String(p.code_year)}`,
        p.code_province,
        p.code_commune,
        p.code_year,
        p.created_at,
        p.created_at,
      );
      x.prepare('DELETE FROM session_conflict').run();
      x.prepare("UPDATE session SET status = 'closed' WHERE id = ?").run(meetingSessionId);
    });
    const r = await verifyDir(dir);
    const checks = r.differences.map((d) => `${d.check}:${d.table}`);
    expect(checks).toEqual(expect.arrayContaining(['dossiers:product', 'recusals:session_conflict', 'session-status:session']));
    expect(r.differences).toContainEqual(
      expect.objectContaining({
        table: 'session',
        key: expect.stringContaining(`session ${meetingSessionId}, status`),
        expected: 'finalized',
        found: 'closed',
      }),
    );
  }, 120_000);

  it('the CLI names the first difference (table, key, expected, found) and exits 1; an intact folder exits 0', async () => {
    const { dir, db } = await finalizedDemoFolder();
    const ok = await run(['audit', 'verify', '--data-dir', dir]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('The database matches its history');
    attack(db, (x) =>
      x
        .prepare(
          "UPDATE score_sheet SET total_points = total_points + 20 WHERE status = 'submitted' AND id = (SELECT min(id) FROM score_sheet WHERE status = 'submitted')",
        )
        .run(),
    );
    const bad = await run(['audit', 'verify', '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/THE DATABASE DOES NOT MATCH ITS HISTORY: (1 difference|\d+ differences)\. The first:/);
    expect(bad.out).toMatch(/table:\s+score_sheet\n\s+key:\s+sheet \d+, total_points\n\s+expected: \d+\n\s+found:\s+\d+/);
    const json = JSON.parse((await run(['audit', 'verify', '--json', '--data-dir', dir])).out);
    expect(json).toMatchObject({ ok: false, first: { check: 'sheet-totals', table: 'score_sheet' } });
  }, 120_000);
});

/** What an attacker with the file can do: recompute every hash from `seq` on (plain SHA-256, no key). */
function rehashFrom(db: Database.Database, seq: number): void {
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as {
    seq: number;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entity_id: string | null;
    before_json: string | null;
    after_json: string | null;
  }[];
  let prev =
    (db
      .prepare('SELECT hash FROM audit_log WHERE seq = ?')
      .pluck()
      .get(seq - 1) as string | undefined) ?? GENESIS_HASH;
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const hash = auditHash(prev, {
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
    });
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}
