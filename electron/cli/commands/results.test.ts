import { describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../../core/api';
import { choicesForTotal } from '../../core/results/test/choices';
import { seedSession } from '../../core/results/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

async function folder(status: 'closed' | 'in_progress') {
  const dir = tempDir();
  const core = await fileCore(dir);
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const plans = [
    [80, 82, 78].map((t) => choicesForTotal(set, t, { keepMarks: true })),
    [80, 80, 80].map((t) => choicesForTotal(set, t, { keepMarks: true, overrides: { '1.5': 1 } })),
  ];
  const s = seedSession(core.ctx.sqlite, {
    products: 2,
    members: 3,
    choose: ({ product, member, code }) => plans[product]![member]![code]!,
    status,
  });
  return { dir, s, core };
}

describe('CLI results', () => {
  it('--json prints per registration the code, name, set, members’ totals by id, part means, mean, spread, band and final stars, capping criteria and status', async () => {
    const { dir, s, core } = await folder('in_progress');
    core.close();
    const r = await run(['results', String(s.sessionId), '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ sessionId: s.sessionId, status: 'in_progress', finalized: false, digest: null });
    const [a, b] = out.registrations;
    expect(a).toMatchObject({
      productCode: s.productCodes[0],
      productName: 'Sản phẩm số 1',
      criteriaSet: { id: s.versionId, setKey: 'qd26-2026/07', version: 1 },
      memberTotals: { [s.memberIds[0]!]: 80, [s.memberIds[1]!]: 82, [s.memberIds[2]!]: 78 },
      mean: { sumCenti: 24000, count: 3, display: '80' },
      spread: 4,
      bandStar: 4,
      finalStar: 4,
      cappingCriteria: [],
      status: 'complete',
    });
    expect(Object.keys(a.partMeans)).toEqual(['A', 'B', 'C']);
    expect(b).toMatchObject({ bandStar: 4, cap: 3, finalStar: 3, cappingCriteria: [{ code: '1.5', requiredStars: 4 }] });
    const text = await run(['results', String(s.sessionId), '--data-dir', dir]);
    expect(text.out).toContain('capped by 1.5');
  });

  it('prints the session digest once finalized', async () => {
    const { dir, s, core } = await folder('closed');
    const f = await invoke(core.ctx, 'results:finalize', { sessionId: s.sessionId, acknowledgeSensitive: true });
    if (!f.ok) throw new Error(f.error.message);
    core.close();
    const out = JSON.parse((await run(['results', String(s.sessionId), '--json', '--data-dir', dir])).out);
    expect(out).toMatchObject({
      status: 'finalized',
      finalized: true,
      digest: f.value.finalization!.resultsDigest,
      auditHead: f.value.finalization!.auditHead,
    });
  });

  it('explains a bad session id (exit 2) and an unknown one (exit 1, NOT_FOUND)', async () => {
    const dir = tempDir();
    const bad = await run(['results', 'abc', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('give the session id as a whole number');
    const missing = await run(['results', '77', '--json', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
