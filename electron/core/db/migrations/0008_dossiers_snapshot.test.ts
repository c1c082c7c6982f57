import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, type MigratingDatabase } from '../../test/migrate-to';

let m: MigratingDatabase;
afterEach(() => m?.close());

const at = '2026-05-01T00:00:00.000Z';

/** A producer with three products, each registered once in a different status, as schema 0007 stored them. */
function seedDossiers(db: MigratingDatabase['sqlite']) {
  db.prepare(
    `INSERT INTO producer (id, kind, name, name_folded, search_folded, address, commune_code, commune_name, province_code, province_name, created_at, updated_at)
     VALUES (1, 'cooperative', 'Hợp tác xã Đại Phát', 'hop tac xa dai phat', 'hop tac xa dai phat', 'Thôn Đông', '29500', 'Xã Mỹ Hiệp', '82', 'Đồng Tháp', ?, ?)`,
  ).run(at, at);
  const product = db.prepare(
    `INSERT INTO product (id, producer_id, name, name_folded, set_key, product_code, code_province, code_commune, code_seq, code_year, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'qd26-2026/09', ?, '82', '29500', ?, 2026, ?, ?)`,
  );
  db.prepare(
    `INSERT INTO evaluation_round (id, year, number, legal_basis, name, start_date, end_date, deadline_date, created_at)
     VALUES (1, 2026, 1, '26/2026/QĐ-TTg', 'Đợt 1 năm 2026', NULL, '2026-06-30', '2026-04-30', ?)`,
  ).run(at);
  const set = db.prepare(`SELECT id FROM criteria_set_version WHERE set_key = 'qd26-2026/09'`).get() as { id: number };
  const reg = db.prepare(
    `INSERT INTO registration (product_id, round_id, kind, registration_no, reg_province, reg_commune, reg_year, reg_seq, criteria_set_version_id, status, status_at, created_at, updated_at)
     VALUES (?, 1, 'first', ?, '82', '29500', 2026, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [seq, status] of [
    [1, 'received'],
    [2, 'evaluated'],
    [3, 'result'],
  ] as const) {
    product.run(seq, `Nước mắm cá cơm ${seq}`, `nuoc mam ca com ${seq}`, `82-29500-${seq}-2026`, seq, at, at);
    reg.run(seq, `${seq}/PĐK-82-29500-2026`, seq, set.id, status, `2026-05-0${seq}T00:00:00.000Z`, at, at);
  }
}

describe('0008_dossiers_snapshot', () => {
  it('backfills the names of registrations already evaluated, and only those', async () => {
    m = await migrateTo('0007_documents');
    seedDossiers(m.sqlite);
    await m.migrateTo('0008_dossiers_snapshot');
    expect(m.applied().at(-1)).toBe('0008_dossiers_snapshot');
    const rows = m.sqlite
      .prepare(
        'SELECT status, snapshot_product_name, snapshot_product_code, snapshot_producer_name, snapshot_producer_address, snapshot_at FROM registration ORDER BY reg_seq',
      )
      .all();
    const taken = (seq: number) => ({
      snapshot_product_name: `Nước mắm cá cơm ${seq}`,
      snapshot_product_code: `82-29500-${seq}-2026`,
      snapshot_producer_name: 'Hợp tác xã Đại Phát',
      snapshot_producer_address: 'Thôn Đông, Xã Mỹ Hiệp, Đồng Tháp',
    });
    expect(rows).toEqual([
      {
        status: 'received',
        snapshot_product_name: null,
        snapshot_product_code: null,
        snapshot_producer_name: null,
        snapshot_producer_address: null,
        snapshot_at: null,
      },
      { status: 'evaluated', ...taken(2), snapshot_at: '2026-05-02T00:00:00.000Z' },
      { status: 'result', ...taken(3), snapshot_at: '2026-05-03T00:00:00.000Z' },
    ]);
  });

  it('refuses a migration name that does not exist', async () => {
    await expect(migrateTo('0099_nothing')).rejects.toThrow(/No migration named "0099_nothing"/);
  });
});
