import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

let dir: string;
beforeAll(async () => {
  dir = tempDir('ocop-cli-councils-');
  const r = await run(['demo', '--seed', '5', '--json', '--data-dir', dir]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ seed: 5, meetingSessionId: 1, counts: { councilMembers: 9 } });
}, 120_000);

describe('CLI councils and sessions', () => {
  it('councils list --json gives the council and its advisory group', async () => {
    const r = await run(['councils', 'list', '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { level: string; activeMemberCount: number }[];
    expect(rows.map((c) => [c.level, c.activeMemberCount]).sort()).toEqual([
      ['advisory_group', 5],
      ['provincial', 9],
    ]);
    const text = await run(['councils', 'list', '--level', 'provincial', '--data-dir', dir]);
    expect(text.out).toContain('9 active members');
    expect(text.out).not.toContain('Tổ tư vấn giúp việc Hội đồng OCOP tỉnh Phù Sa (tập huấn)\n');
  });

  it('sessions list and sessions show, as JSON and as text', async () => {
    const list = JSON.parse((await run(['sessions', 'list', '--json', '--data-dir', dir])).out) as {
      id: number;
      status: string;
    }[];
    expect(list.map((s) => s.status).sort()).toEqual(['in_progress', 'preparing']);
    const open = JSON.parse((await run(['sessions', 'list', '--status', 'in_progress', '--json', '--data-dir', dir])).out);
    expect(open).toHaveLength(1);
    const show = await run(['sessions', 'show', '1', '--json', '--data-dir', dir]);
    const d = JSON.parse(show.out);
    expect(d.session.id).toBe(1);
    expect(d.conflicts).toHaveLength(1);
    expect(d.quorum.products).toHaveLength(8);
    const text = await run(['sessions', 'show', '1', '--data-dir', dir]);
    expect(text.out).toMatch(/Quorum: {2}met: 8\/9 take part, 7 needed \(3\/4, chair required\)/);
    expect(text.out).toContain('recused:');
  });

  it('sessions show without an id or with an unknown one fails with a clear message', async () => {
    const missing = await run(['sessions', 'show', '--data-dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('give the session id');
    const unknown = await run(['sessions', 'show', '99', '--json', '--data-dir', dir]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('demo refuses a folder that already has data', async () => {
    const again = await run(['demo', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('[CONFLICT]');
  });
});
