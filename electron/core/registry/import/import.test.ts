import { afterEach, describe, expect, it } from 'vitest';
import { entryStatusOn } from '../../../../shared/ocop/registry-status';
import type { Core } from '../../context';
import { statusSql } from '../entry-repo';
import { generateHistory, historySheetRows, HISTORY_SECTOR_CHOICES } from '../test/history';
import { call, callError } from '../../test/call';
import { coreAt } from '../test/fixtures';
import { buildWorkbook } from './template';
import { sql } from 'kysely';

let core: Core;
afterEach(() => core?.close());

const NOW = '2027-12-31T08:00:00.000Z';

async function importHistory(c: Core, rows = generateHistory()) {
  const file = (await buildWorkbook(historySheetRows(rows))).toString('base64');
  return {
    rows,
    file,
    result: await call(c, 'registry:import', {
      contentBase64: file,
      fileName: 'lich-su.xlsx',
      sectorChoices: HISTORY_SECTOR_CHOICES,
    }),
  };
}

describe('import of earlier lists', () => {
  it('asks to confirm an ambiguous sector, then imports every row with its chain and state', { timeout: 60_000 }, async () => {
    core = await coreAt(NOW);
    const rows = generateHistory();
    const file = (await buildWorkbook(historySheetRows(rows))).toString('base64');
    // Without the confirmation: a dry run shows the classification, the import refuses.
    const dry = await call(core, 'registry:import', { contentBase64: file, dryRun: true });
    const craft = dry.sectors.find((s) => s.text === 'Lưu niệm - nội thất - trang trí')!;
    expect(craft).toMatchObject({ status: 'ambiguous', match: null });
    expect(craft.candidates.map((c) => c.nganhNo)).toEqual(['IV', 'V']);
    const refused = await callError(core, 'registry:import', { contentBase64: file });
    expect(refused.code).toBe('IMPORT_INVALID');
    expect(refused.message).toContain('Lưu niệm - nội thất - trang trí');
    expect((await call(core, 'registry:list', {})).total).toBe(0);

    const result = await call(core, 'registry:import', { contentBase64: file, sectorChoices: HISTORY_SECTOR_CHOICES });
    expect(result).toMatchObject({ rows: rows.length, created: rows.length, unchanged: 0, dryRun: false });
    expect(rows.length).toBeGreaterThan(300);
    // Every row as the generator made it: state, kind, link, validity.
    const all = await core.ctx.db.selectFrom('registry_entry').selectAll().orderBy('source_row').execute();
    expect(all).toHaveLength(rows.length);
    const idByIndex = all.map((r) => r.id);
    all.forEach((r, i) => {
      const t = rows[i]!.truth;
      expect({
        row: i,
        state: r.state,
        kind: r.kind,
        star: r.star,
        basis: r.legal_basis,
        nganh: r.nganh_no,
        nhom: r.nhom,
        group: r.producer_group,
      }).toEqual({
        row: i,
        state: t.state,
        kind: t.kind,
        star: t.star,
        basis: t.legalBasis,
        nganh: t.nganhNo,
        nhom: t.nhom,
        group: t.producerGroup,
      });
      expect([i, r.follows_id]).toEqual([i, t.follows === null ? null : idByIndex[t.follows]]);
      expect([i, r.valid_to, r.ended_on, r.commune_key]).toEqual([i, t.validTo, t.endedOn, t.communeKey]);
    });
    // All three legal bases, districts before 1/7/2025, revocations, upgrades and re-evaluations are present.
    const states = new Set(all.map((r) => r.state));
    for (const s of ['recognised', 'superseded', 'revoked', 'not_recognised']) expect(states).toContain(s);
    expect(new Set(all.map((r) => r.legal_basis))).toEqual(new Set(['1048/QĐ-TTg', '148/QĐ-TTg', '26/2026/QĐ-TTg']));
    expect(all.some((r) => r.kind === 'upgrade') && all.some((r) => r.kind === 'reevaluation')).toBe(true);
    expect(all.some((r) => r.district_text !== '' && r.decision_date !== null && r.decision_date < '2025-07-01')).toBe(true);
    expect(all.every((r) => r.district_text === '' || (r.decision_date ?? `${r.year}`) < '2025-07-01')).toBe(true);
    // The chain: every entry shares its root with the one it follows.
    for (const r of all) if (r.follows_id !== null) expect(r.root_id).toBe(all.find((x) => x.id === r.follows_id)!.root_id);

    // The SQL status and the pure rule agree on every entry, on several days.
    for (const on of ['2021-06-30', '2024-02-29', '2025-07-01', '2027-12-31']) {
      const q = await sql<{ id: number; s: string }>`SELECT e.id, ${statusSql(on)} AS s FROM registry_entry e`.execute(
        core.ctx.db,
      );
      const byId = new Map(q.rows.map((x) => [x.id, x.s]));
      for (const r of all) {
        const successor = r.superseded_by_id === null ? null : all.find((x) => x.id === r.superseded_by_id)!.kind;
        const expected = entryStatusOn(
          {
            state: r.state as never,
            validFrom: r.valid_from,
            validTo: r.valid_to,
            successorKind: successor as never,
            endedOn: r.ended_on,
          },
          on,
        );
        expect([r.id, on, byId.get(r.id)]).toEqual([r.id, on, expected]);
      }
    }
  });

  it('importing the same file again changes nothing, not even the audit log', { timeout: 60_000 }, async () => {
    core = await coreAt(NOW);
    const { file } = await importHistory(core);
    const head = (await call(core, 'audit:tail', { limit: 1 }))[0]!.hash;
    const dump = () => core.ctx.sqlite.prepare('SELECT * FROM registry_entry ORDER BY id').all();
    const before = dump();
    const again = await call(core, 'registry:import', { contentBase64: file, sectorChoices: HISTORY_SECTOR_CHOICES });
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 0, importId: null });
    expect(again.unchanged).toBe(before.length);
    expect(dump()).toEqual(before);
    expect((await call(core, 'audit:tail', { limit: 1 }))[0]!.hash).toBe(head);
    // The confirmation is remembered: the same file imports without it.
    expect((await call(core, 'registry:import', { contentBase64: file })).unchanged).toBe(before.length);
  });

  it('the exported list imports back unchanged', { timeout: 60_000 }, async () => {
    core = await coreAt(NOW);
    const { rows } = await importHistory(core);
    const exported = await call(core, 'registry:export', {});
    const back = await call(core, 'registry:import', { contentBase64: exported.contentBase64 });
    expect(back).toMatchObject({ rows: rows.length, created: 0, updated: 0, skipped: 0, unchanged: rows.length });
  });
});
