import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/ocop/iso-date';
import type { StatsReport, StatsTable } from '../../../shared/api/channels/stats';
import type { Core } from '../context';
import { buildWorkbook } from '../registry/import/template';
import { coreAt } from '../registry/test/fixtures';
import { call } from '../test/call';
import { generateHistory, historySheetRows, HISTORY_SECTOR_CHOICES, type Truth } from '../registry/test/history';

/**
 * Every statistic recomputed in this file, independently, from the rows the generator wrote (its
 * own truth: which recognition is which, superseded or revoked, ngành, kind, commune), then
 * compared with the report; every number is drilled and the entries listed must add up to it.
 */

let core: Core;
let truth: Truth[];
const NOW = '2027-12-31T08:00:00.000Z';

beforeAll(async () => {
  core = await coreAt(NOW);
  const rows = generateHistory({ lineages: 320, seed: 4 });
  truth = rows.map((r) => r.truth);
  await call(core, 'registry:import', {
    contentBase64: (await buildWorkbook(historySheetRows(rows))).toString('base64'),
    sectorChoices: HISTORY_SECTOR_CHOICES,
  });
  await call(core, 'registry:saveTarget', {
    label: 'Kế hoạch 2021–2030',
    metric: 'products_recognised',
    minStar: 3,
    fromYear: 2021,
    targetYear: 2030,
    targetCount: 150,
  });
  await call(core, 'registry:saveTarget', {
    label: 'Chủ thể 4 sao',
    metric: 'producers_recognised',
    minStar: 4,
    fromYear: 2019,
    targetYear: 2025,
    targetCount: 40,
  });
  await call(core, 'registry:saveTarget', {
    label: 'Còn hiệu lực',
    metric: 'products_valid',
    minStar: 3,
    fromYear: 2019,
    targetYear: 2027,
    targetCount: 100,
  });
}, 120_000);
afterAll(() => core?.close());

// ───── independent arithmetic (no code of the app) ─────
const pct = (c: number, total: number): string => {
  if (total === 0) return '–';
  const h = Math.floor((2 * c * 10_000 + total) / (2 * total));
  return `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`;
};
const ranked = (t: Truth) => t.star >= 3 && t.decisionDate !== null;
const inForce = (t: Truth, on: string) =>
  ranked(t) && t.decisionDate! <= on && addMonths(t.decisionDate!, 36) >= on && (t.endedOn === null || t.endedOn > on);
const countBy = <K>(xs: Truth[], key: (t: Truth) => K) => {
  const m = new Map<K, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};
const distinct = <K>(xs: Truth[], key: (t: Truth) => K) => new Set(xs.map(key)).size;

function cell(tbl: StatsTable, row: string, col: string) {
  const r = tbl.rows.find((x) => (row === 'total' ? x.total : x.key === row));
  const i = tbl.columns.findIndex((c) => c.key === col);
  return r && i >= 0 ? r.cells[i]! : undefined;
}
const text = (tbl: StatsTable, row: string, col: string) => cell(tbl, row, col)?.text;
const val = (tbl: StatsTable, row: string, col: string) => cell(tbl, row, col)?.value;

function check(report: StatsReport, from: number, to: number, round: number | null) {
  const inPeriod = truth.filter((t) => t.year >= from && t.year <= to && (round === null || t.roundNo === round));
  const rk = inPeriod.filter(ranked);
  const T = (id: string) => report.tables.find((x) => x.id === id)!;
  expect(rk.length).toBeGreaterThan(0);

  // Overview
  const o = T('overview');
  expect(val(o, 'entered', 'value')).toBe(inPeriod.length);
  expect(val(o, 'ranked', 'value')).toBe(rk.length);
  expect(val(o, 'notRanked', 'value')).toBe(inPeriod.filter((t) => t.state === 'not_recognised').length);
  expect(val(o, 'proposed', 'value')).toBe(0);
  expect(val(o, 'products', 'value')).toBe(distinct(rk, (t) => t.lineage));
  expect(val(o, 'producers', 'value')).toBe(distinct(rk, (t) => t.producerKey));

  // By year, with the change from the year before (the year before the period counts too).
  const y = T('byYear');
  let prev = truth.filter((t) => t.year === from - 1 && (round === null || t.roundNo === round) && ranked(t)).length;
  for (let year = from; year <= to; year++) {
    const ys = inPeriod.filter((t) => t.year === year);
    const yr = ys.filter(ranked);
    const k = String(year);
    expect([year, val(y, k, 'entered'), val(y, k, 'ranked')]).toEqual([year, ys.length, yr.length]);
    for (const s of [3, 4, 5]) expect(val(y, k, `star${s}`)).toBe(yr.filter((t) => t.star === s).length);
    for (const kind of ['first', 'upgrade', 'reevaluation'])
      expect(val(y, k, kind)).toBe(yr.filter((t) => t.kind === kind).length);
    expect(val(y, k, 'notRanked')).toBe(ys.filter((t) => t.state === 'not_recognised').length);
    expect(val(y, k, 'change')).toBe(yr.length - prev);
    prev = yr.length;
  }
  expect(val(y, 'total', 'ranked')).toBe(rk.length);

  // Shares: by star, sector, group, kind of producer, commune, district, legal basis.
  const shares = (id: string, key: (t: Truth) => string, base = rk, col = 'count') => {
    const tbl = T(id);
    const counts = countBy(base, key);
    for (const [k, n] of counts) {
      expect([id, k, val(tbl, k, col)]).toEqual([id, k, n]);
      expect([id, k, text(tbl, k, 'percent')]).toEqual([id, k, pct(n, base.length)]);
    }
    expect([id, val(tbl, 'total', col)]).toEqual([id, base.length]);
    expect(text(tbl, 'total', 'percent')).toBe(base.length ? '100,00' : '–');
  };
  shares('byStar', (t) => String(t.star));
  shares('bySector', (t) => t.nganhNo);
  shares('byGroup', (t) => t.nhom ?? '');
  shares('byProducerKind', (t) => t.producerGroup);
  shares('byCommune', (t) => t.communeKey);
  shares(
    'byDistrict',
    (t) => t.districtText,
    rk.filter((t) => t.districtText !== ''),
  );
  shares('byBasis', (t) => t.legalBasis);
  for (const no of ['I', 'II', 'III', 'IV', 'V', 'VI']) {
    for (const s of [3, 4, 5])
      expect(val(T('bySector'), no, `star${s}`) ?? 0).toBe(rk.filter((t) => t.nganhNo === no && t.star === s).length);
  }

  // Producers with ≥ 3★, each counted once.
  const pr = T('producers');
  const allProducers = distinct(rk, (t) => t.producerKey);
  for (const g of ['enterprise', 'cooperative', 'cooperative_group', 'household']) {
    const n = distinct(
      rk.filter((t) => t.producerGroup === g),
      (t) => t.producerKey,
    );
    expect([g, val(pr, g, 'producers')]).toEqual([g, n]);
    expect(text(pr, g, 'percent')).toBe(pct(n, allProducers));
  }
  expect(val(pr, 'total', 'producers')).toBe(allProducers);

  // Women-led and ethnic-minority producers where recorded.
  const inc = T('inclusion');
  const wl = rk.filter((t) => t.womenLed !== null);
  expect([val(inc, 'womenLed', 'yes'), val(inc, 'womenLed', 'recorded'), text(inc, 'womenLed', 'percent')]).toEqual([
    wl.filter((t) => t.womenLed).length,
    wl.length,
    pct(wl.filter((t) => t.womenLed).length, wl.length),
  ]);
  const em = rk.filter((t) => t.ethnicMinority !== null);
  expect([val(inc, 'ethnicMinority', 'yes'), val(inc, 'ethnicMinority', 'recorded')]).toEqual([
    em.filter((t) => t.ethnicMinority).length,
    em.length,
  ]);

  // Certificates in force on the report's day, whatever their year.
  const on = report.period.on;
  const valid = truth.filter((t) => inForce(t, on));
  for (const s of [3, 4, 5]) expect(val(T('validOn'), String(s), 'valid')).toBe(valid.filter((t) => t.star === s).length);
  expect(val(T('validOn'), 'total', 'valid')).toBe(valid.length);

  // Targets of the plan.
  const tg = T('targets');
  // Targets are listed by their target year.
  const byLabel = (l: string) => tg.rows.find((x) => x.label.startsWith(l))!;
  const [t1, t2, t3] = [byLabel('Kế hoạch'), byLabel('Chủ thể'), byLabel('Còn hiệu lực')];
  expect(t1!.cells[1]!.value).toBe(
    distinct(
      truth.filter((t) => ranked(t) && t.year >= 2021 && t.year <= Math.min(2030, to)),
      (t) => t.lineage,
    ),
  );
  expect(t2!.cells[1]!.value).toBe(
    distinct(
      truth.filter((t) => ranked(t) && t.star >= 4 && t.year >= 2019 && t.year <= Math.min(2025, to)),
      (t) => t.producerKey,
    ),
  );
  expect(t3!.cells[1]!.value).toBe(
    distinct(
      truth.filter((t) => inForce(t, on)),
      (t) => t.lineage,
    ),
  );
  expect(t1!.cells[2]!.text).toBe(pct(t1!.cells[1]!.value!, 150));
  expect(t1!.cells[3]!.value).toBe(Math.max(0, 150 - t1!.cells[1]!.value!));
}

describe('statistics recomputed from the imported history', () => {
  it('the whole history 2019–2027', { timeout: 60_000 }, async () => {
    const r = await call(core, 'stats:report', { yearFrom: 2019, yearTo: 2027 });
    expect(r.period).toEqual({ yearFrom: 2019, yearTo: 2027, roundNo: null, on: '2027-12-31', lang: 'vi' });
    check(r, 2019, 2027, null);
  });

  it('one year, and one round of a year (change from the year before included)', { timeout: 60_000 }, async () => {
    check(await call(core, 'stats:report', { yearFrom: 2024 }), 2024, 2024, null);
    check(await call(core, 'stats:report', { yearFrom: 2025, roundNo: 2 }), 2025, 2025, 2);
    check(await call(core, 'stats:report', { yearFrom: 2021, yearTo: 2023, on: '2023-06-30' }), 2021, 2023, null);
  });

  it('every number drills down to exactly the entries it counts', { timeout: 300_000 }, async () => {
    const period = { yearFrom: 2019, yearTo: 2027 };
    const r = await call(core, 'stats:report', period);
    let drilled = 0;
    for (const tbl of r.tables) {
      for (const row of tbl.rows) {
        for (const [i, c] of row.cells.entries()) {
          const col = tbl.columns[i]!;
          if (!c.drill) continue;
          const rows: { id: number; producerName: string; rootId: number }[] = [];
          let d = await call(core, 'stats:drill', { period, table: tbl.id, row: row.key, column: col.key, limit: 500 });
          rows.push(...d.rows);
          while (rows.length < d.total) {
            d = await call(core, 'stats:drill', {
              period,
              table: tbl.id,
              row: row.key,
              column: col.key,
              limit: 500,
              offset: rows.length,
            });
            rows.push(...d.rows);
          }
          const expected =
            col.kind === 'percent'
              ? tbl.rows.find((x) => x.key === row.key)!.cells[
                  tbl.columns.findIndex(
                    (x) =>
                      x.key === (tbl.id === 'inclusion' ? 'yes' : tbl.id === 'targets' ? 'achieved' : tbl.columns[i - 1]!.key),
                  )
                ]!.value
              : c.value;
          const recount =
            d.measure === 'entries'
              ? rows.length
              : d.measure === 'producers'
                ? new Set(
                    rows.map((x) => x.producerName.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase()),
                  ).size
                : new Set(rows.map((x) => x.rootId)).size;
          expect([tbl.id, row.key, col.key, d.value, recount]).toEqual([tbl.id, row.key, col.key, expected, expected]);
          drilled++;
        }
      }
    }
    expect(drilled).toBeGreaterThan(150);
  });

  it('drilling a star shows only that star; English labels and a decimal point', async () => {
    const period = { yearFrom: 2024, yearTo: 2025 };
    const d = await call(core, 'stats:drill', { period, table: 'byStar', row: '4', column: 'percent' });
    expect(
      d.rows.every(
        (e) => e.star === 4 && e.year >= 2024 && e.year <= 2025 && ['recognised', 'superseded', 'revoked'].includes(e.state),
      ),
    ).toBe(true);
    expect(d).toMatchObject({ rowLabel: '4 sao', columnLabel: 'Tỷ lệ (%)', measure: 'entries' });
    const en = await call(core, 'stats:report', { ...period, lang: 'en' });
    const star = en.tables.find((t) => t.id === 'byStar')!;
    expect(star.rows[0]!.label).toBe('3 stars');
    expect(star.rows[0]!.cells[1]!.text).toMatch(/^\d+\.\d\d$/);
    expect(en.title).toBe('OCOP evaluation and ranking results, 2024–2025');
  });
});

describe('the report as files', () => {
  it('PDF in the Decree 30 layout with charts, read back with pdftotext', { timeout: 120_000 }, async () => {
    const { execFileSync } = await import('node:child_process');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { tempDir } = await import('../test/fixtures');
    const out = await call(core, 'stats:export', {
      period: { yearFrom: 2019, yearTo: 2027 },
      format: 'pdf',
      setup: {
        issuerParent: 'UBND tỉnh Phù Sa',
        issuerBody: 'Sở Nông nghiệp | và Môi trường',
        number: '125/BC-SNNMT',
        place: 'Phù Sa',
        signerTitle: 'Giám đốc',
        signerName: 'Trần Văn Bình',
      },
    });
    const dir = process.env.OCOP_KEEP_PDF ?? tempDir();
    const file = path.join(dir, out.fileName);
    fs.writeFileSync(file, Buffer.from(out.contentBase64, 'base64'));
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/SỞ NÔNG NGHIỆP\s.*\n.*VÀ MÔI TRƯỜNG/u);
    expect(flat).toContain('Số: 125/BC-SNNMT');
    expect(flat).toContain('Phù Sa, ngày 31 tháng 12 năm 2027');
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('giai đoạn 2019–2027');
    expect(flat).toContain('Biểu đồ 1. Sản phẩm được công nhận theo năm và hạng sao');
    expect(flat).toContain('Trần Văn Bình');
    // The numbers printed are the report's.
    const r = await call(core, 'stats:report', { yearFrom: 2019, yearTo: 2027 });
    const star = r.tables.find((t) => t.id === 'byStar')!;
    for (const row of star.rows) expect(flat).toContain(`${row.label} ${row.cells[0]!.text} ${row.cells[1]!.text}`);
    // Chart text is real text in the document's font (Vietnamese), not outlines; no English
    // thousands separator anywhere (chart-svg.test.ts draws counts in the thousands).
    expect(flat).toContain('Thực phẩm');
    expect(text).not.toMatch(/\b\d{1,3},\d{3}\b/u);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/Tinos|Times/);
    expect(fonts).not.toMatch(/Helvetica|Roboto/);
  });

  it('XLSX with one sheet per table, numbers as numbers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const out = await call(core, 'stats:export', { period: { yearFrom: 2024 }, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const r = await call(core, 'stats:report', { yearFrom: 2024 });
    expect(wb.worksheets).toHaveLength(r.tables.length);
    const ws = wb.worksheets[2]!; // byStar
    const star = r.tables[2]!;
    expect(ws.getCell('A2').value).toBe(star.title);
    expect(ws.getCell('B4').value).toBe(star.rows[0]!.cells[0]!.value);
    expect(ws.getCell('C4').value).toBe(star.rows[0]!.cells[1]!.value! / 100);
  });
});
