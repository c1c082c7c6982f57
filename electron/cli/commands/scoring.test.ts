import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../core/test/call';
import { MINI_TOP, scoringFixture } from '../../core/scoring/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI sheets', () => {
  it('exports a session, refuses a damaged file with every problem listed, and imports into another data folder', async () => {
    const src = tempDir();
    const f = await scoringFixture({}, await fileCore(src));
    const { sheet } = await call(f.core, 'scoring:open', {
      sessionId: f.sessionId,
      registrationId: f.regs.a,
      memberId: f.members.m1,
    });
    for (const [criterionCode, levelIndex] of Object.entries(MINI_TOP))
      await call(f.core, 'scoring:setAnswer', { sheetId: sheet.id, criterionCode, levelIndex });
    await call(f.core, 'scoring:submit', { sheetId: sheet.id });
    const sessionId = f.sessionId;
    f.core.close();

    const file = path.join(src, 'phien.json');
    expect((await run(['sheets', 'export', '--data-dir', src])).code).toBe(2);
    const exp = await run(['sheets', 'export', '--session', String(sessionId), '--out', file, '--data-dir', src]);
    expect(exp.code).toBe(0);
    expect(exp.out).toContain('Wrote 1 sheet to');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.format).toBe('ocop-score-sheets');

    const progress = await run(['sheets', 'progress', '--session', String(sessionId), '--data-dir', src]);
    expect(progress.out).toContain('Mứt sen Sa Đéc: 1/4 submitted');
    const spread = await run(['sheets', 'spread', '--session', String(sessionId), '--json', '--data-dir', src]);
    expect(JSON.parse(spread.out)).toMatchObject({ limit: 10, limitAllowed: true });

    const dst = tempDir();
    (await scoringFixture({}, await fileCore(dst))).core.close();
    const bad = path.join(dst, 'bad.json');
    doc.sheets[0].member.fullName = 'Lê Văn Cương';
    doc.sheets[0].answers[0].points = 9;
    fs.writeFileSync(bad, JSON.stringify(doc));
    const refused = await run(['sheets', 'import', bad, '--data-dir', dst]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('2 problems; nothing was imported');
    expect(refused.err).toContain('sheet 1, answers.0.points [POINTS_MISMATCH]');
    expect(refused.err).toContain('sheet 1, member.fullName [MEMBER_NAME_MISMATCH]');

    const dry = await run(['sheets', 'import', file, '--dry-run', '--data-dir', dst]);
    expect(dry.out).toContain('nothing was written');
    const imp = await run(['sheets', 'import', file, '--json', '--data-dir', dst]);
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ dryRun: false, sheets: [{ memberName: 'Lê Văn Cường', totalPoints: 25 }] });
  });
});
