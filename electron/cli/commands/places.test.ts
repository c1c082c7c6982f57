import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI places', () => {
  it('says where to get the list, imports a CSV export and finds a commune without accents', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const none = await run(['places', 'search', 'thanh sen', '--data-dir', dir]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('danhmuchanhchinh.nso.gov.vn');
    const file = path.join(dir, 'danh-sach.csv');
    fs.writeFileSync(
      file,
      'Mã,Tên,Cấp,Mã TP,Tỉnh / Thành Phố\n18073,Phường Thành Sen,Phường,42,Tỉnh Hà Tĩnh\n18A,Xã Lỗi,Xã,42,Tỉnh Hà Tĩnh\n',
    );
    const refused = await run(['places', 'import', file, '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('row 3, column "Mã"');
    fs.writeFileSync(file, 'Mã,Tên,Cấp,Mã TP,Tỉnh / Thành Phố\n18073,Phường Thành Sen,Phường,42,Tỉnh Hà Tĩnh\n');
    expect((await run(['places', 'import', file, '--data-dir', dir])).out).toContain('Imported: 1 commune in 1 province');
    const hit = await run(['places', 'search', 'thanh', 'sen', '--json', '--data-dir', dir]);
    expect(JSON.parse(hit.out)).toMatchObject({ listLoaded: true, communes: [{ code: '18073', provinceCode: '42' }] });
    expect((await run(['places', 'provinces', '--data-dir', dir])).out.split('\n')).toHaveLength(34);
  });
});
