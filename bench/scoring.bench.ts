/**
 * Issue 6: one answer saved through the full autosave path — invoke (zod, NFC) → transaction →
 * sheet and rules check → answer event + current answer + sheet totals → hash-chained audit
 * event — on a file database that already holds 1,000,000 answers (31,250 sheets of the
 * 32-criterion set 07, with as many audit events). Target: median < 1 ms, p99 < 5 ms.
 *
 * The bulk data is written with INSERT … SELECT (the answer triggers still run on every row);
 * the bulk audit rows carry placeholder hashes, which does not change the cost of appending one
 * (appendAudit reads only the last row). The timed answers go through the real path.
 *
 * The tail (p99 9.7 ms, median 0.48 ms before): SQLite checkpointed the WAL from inside the
 * commit that pushed it past 1000 pages. An answer writes ~9 pages (event, its index, current
 * answer, sheet totals, audit row, its index, sequence), so every ~110th answer — 0.9 % of them,
 * right at the p99 — copied 1000 pages into the database file with its fsyncs. Counted by
 * whether the main database file changed during a timed call (only a checkpoint writes it in WAL
 * mode): 18 of 2 000 answers paid one (median 43 ms each at load 14 on 2 cores); with the idle
 * checkpoint, 0 of 2 000. The rest of the tail is the shared machine's scheduling (the CPU-time
 * p99 stays near 3 ms when the wall-clock p99 is 25 ms). Now (electron/core/db/open.ts) the checkpoint runs on
 * an idle timer between calls and the automatic one is only a safety net at 10 000 pages. Between
 * two answers the bench lets the event loop turn once, as it does between two IPC messages.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { invoke } from '../electron/core/api';
import type { Core } from '../electron/core/context';
import { scoringFixture, type ScoringFixture } from '../electron/core/scoring/test/fixtures';
import { fileCore, tempDir } from '../electron/core/test/fixtures';
import { CriteriaSet } from '../shared/ocop/criteria-set';
import { allCriteria } from '../shared/ocop/criteria-set-walk';
import { defineCases } from './harness';

const TARGET_ANSWERS = 1_000_000;

/** One turn of the event loop (timers included), as between two calls arriving over IPC. */
const betweenCalls = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface State {
  core: Core;
  f: ScoringFixture;
  sheetId: number;
  codes: string[];
  levels: Map<string, number>;
  i: number;
  answers: number;
  auditRows: number;
  buildSeconds: number;
}

async function build(): Promise<State> {
  const t0 = performance.now();
  const core = await fileCore(tempDir('ocop-bench-scoring-'));
  const f = await scoringFixture({}, core);
  const db = core.ctx.db;
  const row = await db
    .selectFrom('criteria_set_version')
    .select('content_json')
    .where('id', '=', f.realVersionId)
    .executeTakeFirstOrThrow();
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const criteria = allCriteria(set).map((c) => ({
    code: c.criterion.code,
    levelIndex: c.criterion.levels.length - 1,
    points: c.criterion.levels.at(-1)!.points,
  }));
  const memberIds = [f.members.chair, f.members.vice, f.members.m1, f.members.m2];
  const registrations = Math.ceil(TARGET_ANSWERS / (criteria.length * memberIds.length));
  const at = '2026-06-10T02:00:00.000Z';
  const producer = await db.selectFrom('producer').select('id').executeTakeFirstOrThrow();
  const round = await db.selectFrom('evaluation_round').select('id').executeTakeFirstOrThrow();

  await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${registrations})
    INSERT INTO product (producer_id, name, name_folded, set_key, product_code, code_province, code_commune, code_seq, code_year, note, specification, packaging, created_at, updated_at)
    SELECT ${producer.id}, 'Sản phẩm thử ' || i, 'san pham thu ' || i, 'qd26-2026/07', '82-29905-' || (1000 + i) || '-2026', '82', '29905', 1000 + i, 2026, '', '', '', ${at}, ${at} FROM n`.execute(
    db,
  );
  await sql`INSERT INTO registration (product_id, round_id, kind, registration_no, reg_province, reg_commune, reg_year, reg_seq, criteria_set_version_id, status, status_at, note, receiver_name, created_at, updated_at)
    SELECT id, ${round.id}, 'first', code_seq || '/PĐK-29905', '82', '29905', 2026, code_seq, ${f.realVersionId}, 'on_agenda', ${at}, '', '', ${at}, ${at}
    FROM product WHERE code_seq > 1000`.execute(db);
  await sql`INSERT INTO session_agenda_item (session_id, registration_id, position, added_at)
    SELECT ${f.sessionId}, r.id, 3 + r.id, ${at} FROM registration r JOIN product p ON p.id = r.product_id WHERE p.code_seq > 1000`.execute(
    db,
  );
  await sql`INSERT INTO score_sheet (session_id, registration_id, member_id, criteria_set_version_id, rescoring_round, source, status, created_at, updated_at)
    SELECT ${f.sessionId}, r.id, m.value, ${f.realVersionId}, 0, 'member', 'draft', ${at}, ${at}
    FROM registration r JOIN product p ON p.id = r.product_id, json_each(${JSON.stringify(memberIds)}) m WHERE p.code_seq > 1000 ORDER BY r.id, m.value`.execute(
    db,
  );
  await sql`INSERT INTO score_answer_event (sheet_id, kind, target, level_index, points, before_json, at, actor)
    SELECT sh.id, 'level', c.value ->> 'code', c.value ->> 'levelIndex', c.value ->> 'points', '{"levelIndex":null,"points":null}', ${at}, 'bench'
    FROM score_sheet sh, json_each(${JSON.stringify(criteria)}) c WHERE sh.registration_id > ${f.regs.real} ORDER BY sh.id, c.key`.execute(
    db,
  );
  await sql`INSERT INTO score_answer (sheet_id, criterion_code, level_index, points, note, last_seq)
    SELECT sheet_id, target, level_index, points, '', seq FROM score_answer_event WHERE actor = 'bench'`.execute(db);
  const total = criteria.reduce((s, c) => s + c.points, 0);
  await sql`UPDATE score_sheet SET status = 'submitted', submitted_at = ${at}, submitted_by = 'bench', total_points = ${total},
    answered_count = ${criteria.length}, applicable_count = ${criteria.length}, complete = 1 WHERE registration_id > ${f.regs.real}`.execute(
    db,
  );
  await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${TARGET_ANSWERS})
    INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
    SELECT ${at}, 'bench', 'scoring.answer', 'score_sheet', '0', NULL, '{}', printf('%064x', i - 1), printf('%064x', i) FROM n`.execute(
    db,
  );
  await sql`ANALYZE`.execute(db);

  const opened = await invoke(core.ctx, 'scoring:open', {
    sessionId: f.sessionId,
    registrationId: f.regs.real,
    memberId: f.members.m1,
  });
  if (!opened.ok) throw new Error(opened.error.message);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM score_answer_event`.execute(db);
  const audit = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(db);
  return {
    core,
    f,
    sheetId: opened.value.sheet.id,
    codes: criteria.map((c) => c.code),
    levels: new Map(),
    i: 0,
    answers: count.rows[0]!.n,
    auditRows: audit.rows[0]!.n,
    buildSeconds: (performance.now() - t0) / 1000,
  };
}

/** The next answer: criteria in form order, each toggling between its first two levels, so every save changes something. */
function nextAnswer(s: State): { criterionCode: string; levelIndex: number } {
  const code = s.codes[s.i++ % s.codes.length]!;
  const level = (s.levels.get(code) ?? 1) === 1 ? 0 : 1;
  s.levels.set(code, level);
  return { criterionCode: code, levelIndex: level };
}

export const cases = defineCases<State>(
  {
    name: 'scoring:setAnswer — one autosaved answer (validation, transaction, event, totals, audit) with 1,000,000 answers stored',
    setup: build,
    run: async (s) => {
      const r = await invoke(s.core.ctx, 'scoring:setAnswer', { sheetId: s.sheetId, ...nextAnswer(s) });
      if (!r.ok || r.value.seq === null) throw new Error(r.ok ? 'the answer changed nothing' : r.error.message);
    },
    between: betweenCalls,
    teardown: (s) => s.core.close(),
    iterations: 2000,
    warmup: 100,
    target: { medianMs: 1, p99Ms: 5 },
    notes: (s) =>
      `${s.answers.toLocaleString('en')} answer events and ${s.auditRows.toLocaleString('en')} audit events in the file database (built in ${s.buildSeconds.toFixed(0)} s); WAL, synchronous=NORMAL, checkpoints between calls (the event loop turns once between answers); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores at the end`,
  },
  {
    name: 'scoring:setAnswer + scoring:undo — a mistaken answer and its Ctrl+Z, with 1,000,000 answers stored',
    setup: build,
    run: async (s) => {
      const a = await invoke(s.core.ctx, 'scoring:setAnswer', { sheetId: s.sheetId, ...nextAnswer(s) });
      if (!a.ok) throw new Error(a.error.message);
      const u = await invoke(s.core.ctx, 'scoring:undo', { sheetId: s.sheetId });
      if (!u.ok || u.value.undone === null) throw new Error(u.ok ? 'nothing to undo' : u.error.message);
    },
    between: betweenCalls,
    teardown: (s) => s.core.close(),
    iterations: 1000,
    warmup: 50,
    target: { medianMs: 2, p99Ms: 10 },
    notes: (s) =>
      `both calls timed together; ${s.answers.toLocaleString('en')} answer events stored; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores at the end`,
  },
);
