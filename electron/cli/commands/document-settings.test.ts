import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSession } from '../../core/results/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI documents settings / number / series', { timeout: 120_000 }, () => {
  it('shows, saves and numbers a session’s minutes through the channels, and prints them with pdf', async () => {
    const dir = tempDir();
    const core = await fileCore(dir);
    const s = seedSession(core.ctx.sqlite, { products: 1, members: 3, withSecretary: true, choose: () => 0, status: 'closed' });
    core.ctx.sqlite.prepare(`UPDATE council SET doc_symbol = 'HĐ', place_name = 'Đồng Tháp' WHERE id = ?`).run(s.councilId);
    core.close();
    const data = ['--data-dir', dir];

    expect(await run(['documents', 'settings', ...data])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--session ID is required'),
    });
    const shown = await run(['documents', 'settings', '--session', String(s.sessionId), '--kind', 'minutes', '--json', ...data]);
    expect(shown.code).toBe(0);
    const view = JSON.parse(shown.out) as { settings: Record<string, unknown>; numberText: string };
    expect(view.numberText).toBe('…/BB-HĐ');
    // The council has no header lines: its name is the issuing body, broken between words to fit the header.
    expect(view.settings.bodyLines).toEqual(['HỘI ĐỒNG ĐÁNH GIÁ,', 'PHÂN HẠNG SẢN PHẨM OCOP', 'TỈNH']);

    const file = path.join(dir, 'minutes.json');
    fs.writeFileSync(file, JSON.stringify({ ...view.settings, place: 'Cao Lãnh', recipients: ['UBND tỉnh (b/c)', 'Lưu: VT'] }));
    const saved = await run([
      'documents',
      'settings',
      '--session',
      String(s.sessionId),
      '--kind',
      'minutes',
      '--save',
      file,
      ...data,
    ]);
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('recipients: UBND tỉnh (b/c); Lưu: VT');

    expect(
      await run([
        'documents',
        'series',
        '--council',
        String(s.councilId),
        '--kind',
        'minutes',
        '--pattern',
        '{n}/BB-HĐĐG',
        '--year',
        '2026',
        '--next',
        '12',
        ...data,
      ]),
    ).toMatchObject({ code: 0, out: 'minutes: {n}/BB-HĐĐG, next 12 in 2026' });
    expect(await run(['documents', 'number', '--session', String(s.sessionId), '--kind', 'minutes', ...data])).toMatchObject({
      code: 0,
      out: 'Số: 12/BB-HĐĐG',
    });
    expect(await run(['documents', 'number', '--session', String(s.sessionId), '--kind', 'minutes', ...data])).toMatchObject({
      code: 1,
      err: expect.stringContaining('already has number 12/BB-HĐĐG'),
    });

    const pdf = path.join(dir, 'bien-ban.pdf');
    expect((await run(['pdf', 'minutes', '--session', String(s.sessionId), '--out', pdf, ...data])).code).toBe(0);
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).toString('utf8').normalize('NFC');
    expect(text).toContain('Số: 12/BB-HĐĐG');
    expect(text).toContain('Cao Lãnh, ngày 10 tháng 6 năm 2026');
    expect(text).toContain('- UBND tỉnh (b/c);');
  });
});
