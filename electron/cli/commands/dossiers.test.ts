import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { producerRow, productRow, registrationRow, workbookWith } from '../../core/dossiers/import/test-workbook';
import { tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI dossiers', () => {
  it('writes the template, imports a filled workbook, lists with accent-free search and shows one registration', async () => {
    const dir = tempDir();
    const tpl = path.join(dir, 'mau.xlsx');
    const t = await run(['dossiers', 'template', '--out', tpl, '--data-dir', dir]);
    expect(t.code).toBe(0);
    expect(fs.readFileSync(tpl).subarray(0, 2).toString()).toBe('PK');

    const file = path.join(dir, 'ds.xlsx');
    fs.writeFileSync(
      file,
      await workbookWith({
        producers: [producerRow(1)],
        products: [productRow(1, 1, { name: 'Nước mắm Đại Phát' })],
        registrations: [registrationRow(1)],
      }),
    );
    const dry = await run(['dossiers', 'import', file, '--dry-run', '--data-dir', dir]);
    expect(dry.out).toContain('Dry run: the file is valid; nothing was written.');
    const imp = await run(['dossiers', 'import', file, '--json', '--data-dir', dir]);
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ registrations: { created: 1 }, roundsCreated: [{ year: 2026, number: 1 }] });

    const list = await run([
      'dossiers',
      'list',
      '--search',
      'nuoc mam dai phat',
      '--round',
      '1/2026',
      '--json',
      '--data-dir',
      dir,
    ]);
    const page = JSON.parse(list.out);
    expect(page).toMatchObject({ total: 1, rows: [{ productName: 'Nước mắm Đại Phát', registrationNo: '1/PĐK-01-00004-2026' }] });
    const text = await run(['dossiers', 'list', '--data-dir', dir]);
    expect(text.out).toContain('1/PĐK-01-00004-2026');
    expect(text.out).toContain('Rows 1–1 of 1.');

    const show = await run(['dossiers', 'show', String(page.rows[0].id), '--data-dir', dir]);
    expect(show.code).toBe(0);
    expect(show.out).toContain('Product:   Nước mắm Đại Phát [01-00004-1-2026]');
    expect(show.out).toContain('→ received');
    expect(JSON.parse((await run(['dossiers', 'show', String(page.rows[0].id), '--json', '--data-dir', dir])).out)).toMatchObject(
      { status: 'received' },
    );

    const again = await run(['dossiers', 'import', file, '--on-duplicate', 'skip', '--data-dir', dir]);
    expect(again.out).toContain('Registrations: 0 created, 0 updated, 1 skipped');
  });

  it('reports row errors with exit 1 (text and JSON), and usage errors with exit 2', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(
      file,
      await workbookWith({
        producers: [producerRow(1, { phone: '123' })],
        products: [productRow(1, 1)],
        registrations: [registrationRow(1)],
      }),
    );
    const bad = await run(['dossiers', 'import', file, '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('1 error; nothing was imported');
    expect(bad.out).toContain('Chủ thể, row 2, column "Điện thoại": ');
    const json = await run(['dossiers', 'import', file, '--json', '--data-dir', dir]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_INVALID', details: { errors: [{ sheet: 'Chủ thể', row: 2, code: 'invalid_phone' }] } },
    });
    expect((await run(['dossiers', 'import', '--data-dir', dir])).code).toBe(2);
    expect((await run(['dossiers', 'show', 'abc', '--data-dir', dir])).code).toBe(2);
    expect((await run(['dossiers', 'template', '--data-dir', dir])).code).toBe(2);
    const noRound = await run(['dossiers', 'list', '--round', '3/2031', '--data-dir', dir]);
    expect(noRound.code).toBe(1);
    expect(noRound.err).toContain('there is no round 3/2031');
  });
});
