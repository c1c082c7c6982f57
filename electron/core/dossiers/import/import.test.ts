import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../context';
import { memoryCore } from '../../test/fixtures';
import { makeProducer, makeProduct, makeRegistration } from '../test/fixtures';
import { call, callError } from '../../test/call';
import { producerRow, productRow, registrationRow, workbookWith, type WorkbookRows } from './test-workbook';
import { SHEET_LISTS, SHEET_PRODUCERS, SHEET_PRODUCTS, SHEET_REGISTRATIONS } from './xlsx-columns';

let core: Core;
afterEach(() => core?.close());

const b64 = (b: Buffer) => b.toString('base64');
const importFile = (file: Buffer, over: Record<string, unknown> = {}) =>
  call(core, 'dossiers:import', { contentBase64: b64(file), fileName: 'ds.xlsx', ...over });
const count = (table: string) => (core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const valid: WorkbookRows = {
  producers: [
    producerRow(1),
    producerRow(2, { kind: 'Doanh nghiệp', communeCode: 7, communeName: 'Phường Phúc Xá', phone: 912345679, taxCode: 101234567 }),
  ],
  products: [
    productRow(1, 1),
    productRow(2, 1, { name: 'Mắm tôm Đông Hải' }),
    productRow(3, 2, { name: 'Chè búp', setKey: '11', productCode: '01-00007-5-2025' }),
  ],
  // producer 2 uses the label of older templates ("Doanh nghiệp"); the current one is tested below.
  registrations: [
    registrationRow(1),
    registrationRow(2, {
      kind: 'Nâng hạng',
      currentStars: 3,
      certificateNo: '5/GCN',
      certificateIssuedOn: new Date(Date.UTC(2024, 4, 10)),
    }),
    registrationRow(3, { round: 'Đợt 2/2026', registrationNo: '07-01/PĐK-01-00007-2026' }),
  ],
};

describe('import template', () => {
  it('is generated in code with the three data sheets, the guide and drop-down lists', async () => {
    core = await memoryCore();
    const t = await call(core, 'dossiers:template', {});
    expect(t.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Hướng dẫn',
      SHEET_PRODUCERS,
      SHEET_PRODUCTS,
      SHEET_REGISTRATIONS,
      SHEET_LISTS,
    ]);
    expect(wb.getWorksheet(SHEET_PRODUCERS)!.getRow(1).getCell(1).value).toBe('Mã chủ thể*');
    const lists = wb.getWorksheet(SHEET_LISTS)!;
    expect(lists.getColumn(5).values.filter((v) => typeof v === 'string')).toHaveLength(27); // title + 26 sets
    // The template's words are the screens' words (issue 16): same producer kinds, same set labels.
    const listed = [1, 2, 3, 4, 5].flatMap((c) => lists.getColumn(c).values.filter((v) => typeof v === 'string'));
    expect(listed).toContain('Doanh nghiệp nhỏ và vừa');
    expect(listed).not.toContain('Doanh nghiệp');
    expect(listed).toContain('11. Chè tươi, chè chế biến');
    expect(
      JSON.stringify(
        (wb.getWorksheet(SHEET_PRODUCERS) as unknown as { dataValidations: { model: object } }).dataValidations.model,
      ),
    ).toContain('Danh mục');
  });
});

describe('import', () => {
  it('imports producers, products and registrations in one transaction with numbering, rounds and one audit event', async () => {
    core = await memoryCore();
    const r = await importFile(await workbookWith(valid));
    expect(r).toMatchObject({
      dryRun: false,
      producers: { created: 2, updated: 0, skipped: 0 },
      products: { created: 3, updated: 0, skipped: 0 },
      registrations: { created: 3, updated: 0, skipped: 0 },
      duplicates: [],
    });
    expect(r.roundsCreated.map((x) => `${x.number}/${x.year}`).sort()).toEqual(['1/2026', '2/2026']);
    const p2 = (await call(core, 'producers:list', { search: 'so 2' })).rows[0]!;
    expect(p2).toMatchObject({ taxCode: '0101234567', phone: '0912345679', communeName: 'Phường Phúc Xá' });
    const codes = (await call(core, 'products:list', {})).rows.map((p) => p.productCode).sort();
    expect(codes).toEqual(['01-00004-1-2026', '01-00004-2-2026', '01-00007-5-2025']);
    const regs = (await call(core, 'registrations:list', { sort: 'product' })).rows;
    expect(regs.map((x) => x.registrationNo).sort()).toEqual([
      '07-01/PĐK-01-00007-2026',
      '1/PĐK-01-00004-2026',
      '2/PĐK-01-00004-2026',
    ]);
    const upgrade = regs.find((x) => x.kind === 'upgrade')!;
    expect((await call(core, 'registrations:get', { id: upgrade.id })).certificateIssuedOn).toBe('2024-05-10');
    const tail = await call(core, 'audit:tail', { limit: 1 });
    expect(tail[0]).toMatchObject({ action: 'dossiers.import', after: { fileSha256: r.fileSha256, fileName: 'ds.xlsx' } });
    expect(await call(core, 'audit:verify', {})).toMatchObject({ ok: true });
    expect((await call(core, 'registrations:list', { search: 'mam tom dong hai' })).total).toBe(1);
  });

  it('a large import rebuilds the search index once and finds every row', async () => {
    core = await memoryCore();
    const n = 600;
    const rows: WorkbookRows = {
      producers: Array.from({ length: 60 }, (_, i) => producerRow(i + 1)),
      products: Array.from({ length: n }, (_, i) => productRow(i + 1, (i % 60) + 1, { name: `Mật ong rừng U Minh ${i + 1}` })),
      registrations: Array.from({ length: n }, (_, i) => registrationRow(i + 1)),
    };
    await importFile(await workbookWith(rows));
    expect((await call(core, 'registrations:list', { search: 'mat ong rung u minh' })).total).toBe(n);
    expect((await call(core, 'registrations:list', { search: 'u minh 599' })).rows.map((r) => r.productName)).toEqual([
      'Mật ong rừng U Minh 599',
    ]);
    expect(count("app_meta WHERE key = 'registration_search_deferred'")).toBe(0);
    // Later edits are indexed row by row again.
    const one = (await call(core, 'products:list', { search: 'u minh 7', limit: 500 })).rows.find(
      (p) => p.name === 'Mật ong rừng U Minh 7',
    )!;
    await call(core, 'products:update', {
      id: one.id,
      data: { producerId: one.producerId, name: 'Mật ong bạc hà', setKey: one.setKey },
    });
    expect((await call(core, 'registrations:list', { search: 'bac ha' })).total).toBe(1);
    expect((await call(core, 'registrations:list', { search: 'mat ong rung' })).total).toBe(n - 1);
  });

  it('dry run validates and counts without writing', async () => {
    core = await memoryCore();
    const r = await importFile(await workbookWith(valid), { dryRun: true });
    expect(r).toMatchObject({ dryRun: true, registrations: { created: 3 } });
    expect(r.roundsCreated.every((x) => x.id === null)).toBe(true);
    expect([count('producer'), count('product'), count('registration'), count('evaluation_round'), count('audit_log')]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });

  it('skips or updates duplicates (same tax number; same product name of the same producer; same product and round)', async () => {
    core = await memoryCore();
    const file = await workbookWith(valid);
    await importFile(file);
    const again = await importFile(file, { onDuplicate: 'skip' });
    expect(again).toMatchObject({
      producers: { created: 0, skipped: 2 },
      products: { created: 0, skipped: 3 },
      registrations: { created: 0, skipped: 3 },
    });
    expect(again.duplicates).toHaveLength(8);
    expect(again.duplicates[0]).toMatchObject({ sheet: SHEET_PRODUCERS, row: 2, entity: 'producer', action: 'skip' });
    expect(count('product')).toBe(3);
    // Update: the file's values replace the stored ones; codes and numbers are kept.
    const changed = await workbookWith({
      ...valid,
      producers: [producerRow(1, { name: 'HTX Nông sản Số Một' }), valid.producers![1]!],
      products: [productRow(1, 1, { name: 'NUOC MAM loai 1', specification: 'Chai 1 lít' }), ...valid.products!.slice(1)],
    });
    const upd = await importFile(changed, { onDuplicate: 'update' });
    expect(upd).toMatchObject({ producers: { updated: 2 }, products: { updated: 3 }, registrations: { updated: 3 } });
    const p = (await call(core, 'products:list', { search: 'nuoc mam loai 1' })).rows[0]!;
    expect(p).toMatchObject({
      name: 'NUOC MAM loai 1',
      specification: 'Chai 1 lít',
      productCode: '01-00004-1-2026',
      producerName: 'HTX Nông sản Số Một',
    });
    expect(count('registration')).toBe(3);
  });

  it('adds products to a producer already in the database through its tax number', async () => {
    core = await memoryCore();
    const existing = await makeProducer(core, { taxCode: '0109999999' });
    await makeProduct(core, existing.id); // takes running number 1 of commune 00004
    const r = await importFile(
      await workbookWith({
        producers: [producerRow(1, { taxCode: '0109999999' })],
        products: [productRow(1, 1)],
        registrations: [registrationRow(1)],
      }),
    );
    expect(r).toMatchObject({ producers: { skipped: 1 }, products: { created: 1 }, registrations: { created: 1 } });
    const prods = await call(core, 'products:list', { producerId: existing.id });
    expect(prods.rows.map((x) => x.productCode).sort()).toEqual(['01-00004-1-2026', '01-00004-2-2026']);
  });

  it('never updates an evaluated registration', async () => {
    core = await memoryCore();
    const { reg, producer, product } = await makeRegistration(core);
    for (const s of ['on_agenda', 'evaluated'] as const) await call(core, 'registrations:setStatus', { id: reg.id, status: s });
    const file = await workbookWith({
      producers: [producerRow(1, { taxCode: producer.taxCode })],
      products: [productRow(1, 1, { name: product.name })],
      registrations: [registrationRow(1)],
    });
    const e = await callError(core, 'dossiers:import', { contentBase64: b64(file), onDuplicate: 'update' });
    expect(e).toMatchObject({
      code: 'IMPORT_INVALID',
      details: { errors: [{ sheet: SHEET_REGISTRATIONS, row: 2, code: 'frozen_registration' }] },
    });
    expect((await importFile(file, { onDuplicate: 'skip' })).registrations.skipped).toBe(1);
  });
});

type Case = [
  name: string,
  rows: WorkbookRows,
  expected: { sheet?: string; row?: number; column?: string; code: string; params?: Record<string, string> },
  edit?: (wb: ExcelJS.Workbook) => void,
];

const one = (over: {
  producer?: Record<string, unknown>;
  product?: Record<string, unknown>;
  registration?: Record<string, unknown>;
}): WorkbookRows => ({
  producers: [producerRow(1, over.producer)],
  products: [productRow(1, 1, over.product)],
  registrations: [registrationRow(1, over.registration)],
});

const CASES: Case[] = [
  [
    'a tax number of 8 digits',
    one({ producer: { taxCode: '01012345' } }),
    { sheet: SHEET_PRODUCERS, row: 2, column: 'Mã số thuế', code: 'invalid_tax_code' },
  ],
  [
    'two phone numbers in one cell',
    one({ producer: { phone: '0912345678 - 0987654321' } }),
    { sheet: SHEET_PRODUCERS, row: 2, column: 'Điện thoại', code: 'invalid_phone' },
  ],
  [
    'an e-mail without domain',
    one({ producer: { email: 'htx@' } }),
    { sheet: SHEET_PRODUCERS, column: 'Email', code: 'invalid_email' },
  ],
  [
    'a commune code with letters',
    one({ producer: { communeCode: 'X0004' } }),
    { sheet: SHEET_PRODUCERS, column: 'Mã xã*', code: 'invalid_commune_code' },
  ],
  [
    'a province code of 3 digits',
    one({ producer: { provinceCode: '001' } }),
    { sheet: SHEET_PRODUCERS, column: 'Mã tỉnh*', code: 'invalid_province_code' },
  ],
  [
    'a date that does not exist',
    one({ producer: { foundedOn: '31/02/2020' } }),
    { sheet: SHEET_PRODUCERS, column: 'Ngày thành lập', code: 'invalid_date' },
  ],
  [
    'a kind not in the list',
    one({ producer: { kind: 'Công ty mẹ' } }),
    { sheet: SHEET_PRODUCERS, column: 'Loại hình*', code: 'invalid_choice' },
  ],
  [
    'a missing producer name',
    one({ producer: { name: null } }),
    { sheet: SHEET_PRODUCERS, column: 'Tên chủ thể*', code: 'required' },
  ],
  [
    'a name over 300 characters',
    one({ producer: { name: 'A'.repeat(301) } }),
    { sheet: SHEET_PRODUCERS, column: 'Tên chủ thể*', code: 'too_long' },
  ],
  [
    'the same producer key twice',
    { ...one({}), producers: [producerRow(1), producerRow(1, { taxCode: '0100000009' })] },
    { sheet: SHEET_PRODUCERS, row: 3, column: 'Mã chủ thể*', code: 'duplicate_key' },
  ],
  [
    'the same tax number twice',
    { ...one({}), producers: [producerRow(1), producerRow(2, { taxCode: producerRow(1).taxCode })] },
    { sheet: SHEET_PRODUCERS, row: 3, code: 'duplicate_tax_code_in_file' },
  ],
  [
    'a criteria set that does not exist',
    one({ product: { setKey: '99 - Không có' } }),
    { sheet: SHEET_PRODUCTS, column: 'Bộ tiêu chí (phân nhóm)*', code: 'invalid_choice' },
  ],
  [
    'a product of an unknown producer',
    one({ product: { producerKey: 'CT9' } }),
    { sheet: SHEET_PRODUCTS, row: 2, column: 'Mã chủ thể*', code: 'unknown_producer_key' },
  ],
  [
    'the same product twice for a producer',
    { ...one({}), products: [productRow(1, 1), productRow(2, 1, { name: 'NƯỚC MẮM LOẠI 1' })] },
    { sheet: SHEET_PRODUCTS, row: 3, code: 'duplicate_product_in_file' },
  ],
  [
    'a product code in the old format',
    one({ product: { productCode: '83-829-28780-3-2022' } }),
    { sheet: SHEET_PRODUCTS, column: 'Mã số sản phẩm', code: 'invalid_product_code' },
  ],
  [
    'a tourism body with a food product',
    one({ producer: { kind: 'Hội (du lịch)' } }),
    { sheet: SHEET_PRODUCTS, code: 'tourism_only' },
  ],
  [
    'a registration of an unknown product',
    one({ registration: { productKey: 'SP7' } }),
    { sheet: SHEET_REGISTRATIONS, column: 'Mã sản phẩm (trong tệp)*', code: 'unknown_product_key' },
  ],
  [
    'a round written in words',
    one({ registration: { round: 'đợt một' } }),
    { sheet: SHEET_REGISTRATIONS, column: 'Đợt*', code: 'invalid_round' },
  ],
  [
    'an upgrade without the current star rank',
    one({ registration: { kind: 'Nâng hạng' } }),
    {
      sheet: SHEET_REGISTRATIONS,
      column: 'Hạng sao hiện tại',
      code: 'kind_rule',
      // The screen words it from the rule and names the column (issue 16: the error did not say what was missing).
      params: { value: '', column: 'Hạng sao hiện tại', kind: 'Nâng hạng', rule: 'upgrade_stars_required' },
    },
  ],
  [
    'a star rank in words',
    one({ registration: { kind: 'Nâng hạng', currentStars: 'ba' } }),
    { sheet: SHEET_REGISTRATIONS, column: 'Hạng sao hiện tại', code: 'invalid_number' },
  ],
  [
    'a malformed form number',
    one({ registration: { registrationNo: '12/ĐK-01-00004' } }),
    { sheet: SHEET_REGISTRATIONS, column: 'Số phiếu đăng ký', code: 'invalid_registration_no' },
  ],
  [
    'a product twice in one round',
    { ...one({}), registrations: [registrationRow(1), registrationRow(1, { round: '1-2026' })] },
    { sheet: SHEET_REGISTRATIONS, row: 3, code: 'duplicate_registration_in_file' },
  ],
  [
    'a missing sheet',
    one({}),
    { sheet: SHEET_REGISTRATIONS, code: 'missing_sheet' },
    (wb) => wb.removeWorksheet(wb.getWorksheet(SHEET_REGISTRATIONS)!.id),
  ],
  [
    'a renamed required column',
    one({}),
    { sheet: SHEET_PRODUCERS, row: 1, column: 'Mã xã*', code: 'missing_column' },
    (wb) => (wb.getWorksheet(SHEET_PRODUCERS)!.getCell('M1').value = 'Xã'),
  ],
  ['only header rows', {}, { code: 'empty_file' }],
];

describe('import refuses malformed files, naming sheet, row and column, and writes nothing', () => {
  it.each(CASES)('%s', async (_name, rows, expected, edit) => {
    core = await memoryCore();
    const e = await callError(core, 'dossiers:import', { contentBase64: b64(await workbookWith(rows, edit)) });
    expect(e.code).toBe('IMPORT_INVALID');
    const errors = (e.details as { errors: Record<string, unknown>[] }).errors;
    expect(errors).toContainEqual(expect.objectContaining(expected));
    expect(errors.every((x) => typeof x.message === 'string' && (x.message as string).length > 10)).toBe(true);
    expect([count('producer'), count('product'), count('registration'), count('evaluation_round'), count('audit_log')]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });

  it('a file that is not a workbook', async () => {
    core = await memoryCore();
    const e = await callError(core, 'dossiers:import', { contentBase64: b64(Buffer.from('Tên,Mã số thuế\nHTX,0101234567\n')) });
    expect(e).toMatchObject({ code: 'IMPORT_INVALID', details: { errors: [{ code: 'not_xlsx' }] } });
  });

  it('lists every error of the file at once, in sheet and row order', async () => {
    core = await memoryCore();
    const rows: WorkbookRows = {
      producers: [producerRow(1, { phone: 'abc' }), producerRow(2, { email: 'x' })],
      products: [productRow(1, 1, { setKey: 'xx' })],
      registrations: [registrationRow(1, { round: '?' })],
    };
    const e = await callError(core, 'dossiers:import', { contentBase64: b64(await workbookWith(rows)) });
    const errors = (e.details as { errors: { sheet: string; row: number; code: string }[]; total: number }).errors;
    expect(errors.map((x) => `${x.sheet}:${x.row}:${x.code}`)).toEqual([
      `${SHEET_PRODUCERS}:2:invalid_phone`,
      `${SHEET_PRODUCERS}:3:invalid_email`,
      `${SHEET_PRODUCTS}:2:invalid_choice`,
      `${SHEET_REGISTRATIONS}:2:invalid_round`,
    ]);
    expect(e.message).toMatch(/4 error\(s\); nothing was imported\. First: sheet "Chủ thể", row 2, column "Điện thoại"/);
  });
});

describe('import reads the labels of the screens and of older templates', () => {
  it.each([
    ['Doanh nghiệp nhỏ và vừa', 'enterprise'],
    ['Doanh nghiệp', 'enterprise'],
    ['HỢP TÁC XÃ', 'cooperative'],
  ])('“%s” is a %s', async (label, kind) => {
    core = await memoryCore();
    await importFile(await workbookWith(one({ producer: { kind: label } })));
    expect(core.ctx.sqlite.prepare('SELECT kind FROM producer').get()).toEqual({ kind });
  });
});

describe('registration kind rules are worded for the screen', () => {
  it('every rule the registration check names has a Vietnamese and an English text that names the column', async () => {
    const fs = await import('node:fs');
    const src = fs.readFileSync(new URL('../registration-service.ts', import.meta.url), 'utf8');
    const rules = [...src.matchAll(/rule: ([^}\n]+)/g)].flatMap((m) =>
      [...m[1]!.matchAll(/'([a-z]+_[a-z_]+)'/g)].map((x) => x[1]!),
    );
    expect(rules.length).toBeGreaterThanOrEqual(8);
    const { default: vi } = await import('../../../../shared/i18n/vi/dossiers');
    const { default: en } = await import('../../../../shared/i18n/en/dossiers');
    for (const rule of rules)
      for (const texts of [vi.importKindRules, en.importKindRules]) {
        const text = (texts as Record<string, string>)[rule];
        expect(text, rule).toBeDefined();
        if (rule !== 'first_has_certificate') expect(text, rule).toContain('{{column}}');
      }
  });
});
