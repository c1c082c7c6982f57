import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/ocop/iso-date';
import { dueStateOn } from '../../../shared/ocop/registry-status';
import type { Core } from '../context';
import { buildWorkbook } from './import/template';
import { call } from '../test/call';
import { coreAt } from './test/fixtures';
import { generateHistory, historySheetRows, HISTORY_SECTOR_CHOICES } from './test/history';

let core: Core;
afterEach(() => core?.close());

/** One recognition per row: decided on `decision`, 3★, in commune 90001. */
const row = (name: string, decision: string, extra: Record<string, unknown> = {}) => ({
  productName: name,
  producerName: `HTX ${name}`,
  sector: 'Gia vị',
  star: 3,
  decisionNo: `${name.length}/QĐ-UBND`,
  decisionDate: new Date(`${decision}T00:00:00Z`),
  year: Number(decision.slice(0, 4)),
  legalBasis: '148/QĐ-TTg',
  communeCode: '90001',
  communeName: 'Xã Một',
  ...extra,
});

async function importCells(c: Core, cells: Record<string, unknown>[]) {
  const { COLUMNS } = await import('./import/columns');
  const rows = cells.map((x) => COLUMNS.map((col) => (x[col.field] as string | number | Date | undefined) ?? null));
  const file = (await buildWorkbook(rows)).toString('base64');
  return call(c, 'registry:import', { contentBase64: file });
}

describe('re-evaluation calendar', () => {
  it('lists coming, open, passed, grace and expired recognitions at the exact boundaries', async () => {
    core = await coreAt('2027-01-10T08:00:00.000Z');
    // Decision dates chosen so that on 2027-01-10 each recognition sits on a boundary.
    const on = '2027-01-10';
    await importCells(core, [
      row('Mở hôm nay', '2024-07-14'),
      row('Đóng hôm nay', '2024-05-10'),
      row('Hết hạn hôm qua', '2024-01-09'),
      row('Quá 180 ngày', '2023-07-13'),
      row('Còn xa', '2026-01-05'),
    ]);
    const due = await call(core, 'registry:due', { on, horizonDays: 90 });
    const by = Object.fromEntries(due.items.map((i) => [i.entry.productName, i]));
    for (const i of due.items) {
      // The list and the pure rule agree on every item.
      expect(i.due).toBe(
        dueStateOn(
          { state: 'recognised', validFrom: i.entry.validFrom, validTo: i.entry.validTo, successorKind: null, endedOn: null },
          on,
          90,
        ),
      );
    }
    // 2024-05-10 → valid to 2027-05-10; 120 days before = 2027-01-10: the last day of the window.
    expect(by['Đóng hôm nay']).toMatchObject({ due: 'open', daysToExpiry: 120 });
    expect(by['Đóng hôm nay']!.entry.windowClosesOn).toBe(on);
    // 2024-01-09 → valid to 2027-01-09: expired yesterday, within the 180 days of Đ12.
    expect(by['Hết hạn hôm qua']).toMatchObject({ due: 'grace', daysToExpiry: -1 });
    // 2023-07-13 → valid to 2026-07-13: 181 days ago → expired, still listed.
    expect(by['Quá 180 ngày']).toMatchObject({ due: 'expired', daysToExpiry: -181 });
    expect(by['Còn xa']).toBeUndefined();
    // 2024-07-14 → valid to 2027-07-14; opens 2027-01-15, within 90 days → coming.
    expect(by['Mở hôm nay']).toMatchObject({ due: 'coming' });
    expect(by['Mở hôm nay']!.entry.windowOpensOn).toBe(addDays(on, 5));
    // Expired first, then by expiry.
    expect(due.items.map((i) => i.due)).toEqual(['expired', 'grace', 'open', 'coming']);
  });

  it('creates re-evaluation registrations in a round, linking products by name, and says why it skips', async () => {
    core = await coreAt('2027-01-10T08:00:00.000Z');
    await importCells(core, [row('Nước mắm Cô Ba', '2024-05-10'), row('Tương ớt Út Hiền', '2024-05-12')]);
    const items = (await call(core, 'registry:due', { on: '2027-01-10', horizonDays: 90 })).items;
    expect(items).toHaveLength(2);
    const round = await call(core, 'rounds:create', { year: 2027, number: 1, legalBasis: '26/2026/QĐ-TTg' });
    // Only one of the two producers is in Hồ sơ.
    const producer = await call(core, 'producers:create', {
      kind: 'cooperative',
      name: 'HTX Nước mắm Cô Ba',
      communeCode: '90001',
      communeName: 'Xã Một',
      provinceCode: '90',
      provinceName: 'Phù Sa',
    });
    const product = await call(core, 'products:create', {
      producerId: producer.id,
      name: 'Nước mắm Cô Ba',
      setKey: 'qd26-2026/09',
    });
    const r = await call(core, 'registry:createReevaluations', { ids: items.map((i) => i.entry.id), roundId: round.id });
    expect(r.created).toHaveLength(1);
    expect(r.skipped).toEqual([
      expect.objectContaining({ code: 'no_product', reason: expect.stringContaining('Tương ớt Út Hiền') }),
    ]);
    const reg = await call(core, 'registrations:get', { id: r.created[0]!.registrationId });
    expect(reg).toMatchObject({
      kind: 'reevaluation',
      currentStars: 3,
      certificateIssuedOn: '2024-05-10',
      certificateExpiresOn: '2027-05-10',
      product: { id: product.id },
    });
    // The entry is now linked, shows its pending dossier, and a second run does not duplicate it.
    const detail = await call(core, 'registry:get', { id: r.created[0]!.entryId });
    expect(detail).toMatchObject({ productId: product.id, pendingRegistration: { id: reg.id, kind: 'reevaluation' } });
    const again = await call(core, 'registry:createReevaluations', { ids: [r.created[0]!.entryId], roundId: round.id });
    expect(again).toMatchObject({ created: [], skipped: [expect.objectContaining({ code: 'already_registered' })] });
  });

  it('exports the due list per commune as XLSX and PDF', { timeout: 60_000 }, async () => {
    core = await coreAt('2027-12-31T08:00:00.000Z');
    const rows = generateHistory({ lineages: 80 });
    await call(core, 'registry:import', {
      contentBase64: (await buildWorkbook(historySheetRows(rows))).toString('base64'),
      sectorChoices: HISTORY_SECTOR_CHOICES,
    });
    const due = await call(core, 'registry:due', { on: '2027-12-31' });
    expect(due.items.length).toBeGreaterThan(5);
    const xlsx = await call(core, 'registry:dueExport', { on: '2027-12-31', format: 'xlsx' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const communes = new Set(due.items.map((i) => i.entry.communeKey));
    expect(wb.worksheets).toHaveLength(1 + communes.size);
    expect(wb.worksheets[0]!.rowCount).toBe(2 + due.items.length);
    const pdf = await call(core, 'registry:dueExport', { on: '2027-12-31', format: 'pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
