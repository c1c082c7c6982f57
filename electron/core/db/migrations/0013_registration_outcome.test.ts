import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, type MigratingDatabase } from '../../test/migrate-to';

let m: MigratingDatabase;
afterEach(() => m?.close());

const at = '2026-05-01T00:00:00.000Z';
const hex = (c: string) => c.repeat(64);

/**
 * As schema 0012c stored them: five registrations of one producer, one session whose first
 * finalization was reopened and whose second is in force, and one registration on no results.
 */
function seed(db: MigratingDatabase['sqlite']) {
  db.prepare(
    `INSERT INTO producer (id, kind, name, name_folded, search_folded, address, commune_code, commune_name, province_code, province_name, created_at, updated_at)
     VALUES (1, 'cooperative', 'Hợp tác xã Đại Phát', 'hop tac xa dai phat', 'hop tac xa dai phat', 'Thôn Đông', '29500', 'Xã Mỹ Hiệp', '82', 'Đồng Tháp', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO evaluation_round (id, year, number, legal_basis, name, end_date, deadline_date, created_at)
     VALUES (1, 2026, 1, '26/2026/QĐ-TTg', 'Đợt 1 năm 2026', '2026-06-30', '2026-04-30', ?)`,
  ).run(at);
  const set = db.prepare(`SELECT id FROM criteria_set_version WHERE set_key = 'qd26-2026/09'`).get() as { id: number };
  const product = db.prepare(
    `INSERT INTO product (id, producer_id, name, name_folded, set_key, product_code, code_province, code_commune, code_seq, code_year, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'qd26-2026/09', ?, '82', '29500', ?, 2026, ?, ?)`,
  );
  const reg = db.prepare(
    `INSERT INTO registration (id, product_id, round_id, kind, registration_no, reg_province, reg_commune, reg_year, reg_seq, criteria_set_version_id, status, status_at, created_at, updated_at)
     VALUES (?, ?, 1, 'first', ?, '82', '29500', 2026, ?, ?, ?, ?, ?, ?)`,
  );
  const statuses = ['evaluated', 'evaluated', 'result', 'evaluated', 'evaluated'] as const;
  statuses.forEach((status, i) => {
    const n = i + 1;
    product.run(n, `Nước mắm cá cơm ${n}`, `nuoc mam ca com ${n}`, `82-29500-${n}-2026`, n, at, at);
    reg.run(n, n, `${n}/PĐK-82-29500-2026`, n, set.id, status, at, at, at);
  });

  db.prepare(
    `INSERT INTO council (id, name, name_folded, level, created_at, updated_at) VALUES (1, 'Hội đồng tỉnh', 'hoi dong tinh', 'provincial', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO council_rules (id, council_id, version, quorum_numerator, quorum_denominator, chair_required, spread_limit, spread_limit_allowed,
       aggregation, show_info_aggregates, minima_rule, display_decimals, members_see_others_before_submit, created_at, created_by)
     VALUES (1, 1, 1, 2, 3, 1, 20, 1, 'mean', 1, 'mean', 2, 0, ?, 'system')`,
  ).run(at);
  db.prepare(
    `INSERT INTO session (id, council_id, round_id, kind, number, date, rules_id, status, created_at, updated_at)
     VALUES (1, 1, 1, 'meeting', 1, '2026-05-10', 1, 'closed', ?, ?)`,
  ).run(at, at);

  const results = (products: object[]) => JSON.stringify({ products });
  const finalization = db.prepare(
    `INSERT INTO session_finalization (id, session_id, seq, audit_head, results_digest, results_json, finalized_at, finalized_by,
       reopened_at, reopened_by, reopen_reason, reopen_chair_member_id)
     VALUES (?, 1, ?, ?, ?, ?, ?, 'Thư ký', ?, ?, ?, NULL)`,
  );
  // The first finalization was reopened: what it said about registration 1 (3★) is not in force.
  db.prepare(
    `INSERT INTO council_member (id, council_id, full_name, full_name_folded, role, sort_order, active_from, created_at)
     VALUES (1, 1, 'Nguyễn Văn An', 'nguyen van an', 'chair', 1, '2026-01-01', ?)`,
  ).run(at);
  finalization.run(
    1,
    1,
    hex('a'),
    hex('b'),
    results([{ registrationId: 1, finalStar: 3, status: 'complete', recognised: true, proposedToCentral: false }]),
    '2026-05-10T09:00:00.000Z',
    null,
    null,
    null,
  );
  db.prepare(
    `UPDATE session_finalization SET reopened_at = '2026-05-11T08:00:00.000Z', reopened_by = 'Thư ký', reopen_reason = 'Chấm lại', reopen_chair_member_id = 1 WHERE id = 1`,
  ).run();
  finalization.run(
    2,
    2,
    hex('c'),
    hex('d'),
    results([
      { registrationId: 1, finalStar: 4, status: 'complete', recognised: true, proposedToCentral: false },
      { registrationId: 2, finalStar: null, status: 'disqualified', recognised: false, proposedToCentral: false },
      { registrationId: 3, finalStar: 3, status: 'complete', recognised: true, proposedToCentral: false },
      { registrationId: 4, finalStar: 5, status: 'complete', recognised: false, proposedToCentral: true },
    ]),
    '2026-05-12T09:00:00.000Z',
    null,
    null,
    null,
  );
  db.prepare(`UPDATE session SET status = 'finalized', finalized_at = '2026-05-12T09:00:00.000Z' WHERE id = 1`).run();
}

describe('0013_registration_outcome', () => {
  it('gives registrations of finalized sessions the outcome of the finalization in force, with a status event where the status moves', async () => {
    m = await migrateTo('0012c_signatures_in_register');
    seed(m.sqlite);
    await m.migrateTo('0013_registration_outcome');
    expect(m.applied().at(-1)).toBe('0013_registration_outcome');

    const rows = m.sqlite
      .prepare(
        `SELECT id, status, status_at, outcome_stars, outcome_status, outcome_recognised, outcome_proposed_central, outcome_finalization_id, outcome_at
         FROM registration ORDER BY id`,
      )
      .all();
    const finalAt = '2026-05-12T09:00:00.000Z';
    const outcome = (stars: number | null, status: string, recognised: number, central: number) => ({
      outcome_stars: stars,
      outcome_status: status,
      outcome_recognised: recognised,
      outcome_proposed_central: central,
      outcome_finalization_id: 2,
      outcome_at: finalAt,
    });
    const none = {
      outcome_stars: null,
      outcome_status: null,
      outcome_recognised: null,
      outcome_proposed_central: null,
      outcome_finalization_id: null,
      outcome_at: null,
    };
    expect(rows).toEqual([
      // 4★ from the finalization in force, not 3★ from the reopened one.
      { id: 1, status: 'result', status_at: finalAt, ...outcome(4, 'complete', 1, 0) },
      { id: 2, status: 'result', status_at: finalAt, ...outcome(null, 'disqualified', 0, 0) },
      // Already 'result': the outcome is written, the status and its time stay.
      { id: 3, status: 'result', status_at: at, ...outcome(3, 'complete', 1, 0) },
      { id: 4, status: 'result', status_at: finalAt, ...outcome(5, 'complete', 0, 1) },
      // On no results: untouched.
      { id: 5, status: 'evaluated', status_at: at, ...none },
    ]);

    expect(
      m.sqlite
        .prepare('SELECT registration_id, from_status, to_status, at, actor, note FROM registration_status_event ORDER BY id')
        .all(),
    ).toEqual(
      [1, 2, 4].map((id) => ({
        registration_id: id,
        from_status: 'evaluated',
        to_status: 'result',
        at: finalAt,
        actor: 'migration 0013',
        note: 'Kết quả của phiên họp đã chốt trước khi ứng dụng ghi kết quả vào hồ sơ',
      })),
    );
  });

  it('leaves a database without finalized sessions as it was', async () => {
    m = await migrateTo('0012c_signatures_in_register');
    await m.migrateTo('0013_registration_outcome');
    expect(m.sqlite.prepare('SELECT count(*) AS n FROM registration_status_event').get()).toEqual({ n: 0 });
    // The six outcome columns exist, empty.
    expect(
      m.sqlite.prepare(`SELECT name FROM pragma_table_info('registration') WHERE name LIKE 'outcome_%' ORDER BY cid`).all(),
    ).toHaveLength(6);
  });
});
