import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../core/api';
import { openCore } from '../../core/context';
import { tempDir } from '../../core/test/core-fixture';
import { runCli } from '../main';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const r = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  r.core?.close();
  return { code: r.code, out: out.join('\n'), err: err.join('\n') };
}

/** A data folder whose log holds three settings changes (three audit events). */
async function folderWithEvents(): Promise<string> {
  const dir = tempDir();
  const core = await openCore({ dataDir: dir, host: 'cli' });
  for (const name of ['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C']) {
    const env = await invoke(core.ctx, 'settings:set', { operatorName: name });
    expect(env.ok).toBe(true);
  }
  core.close();
  return dir;
}

describe('CLI audit verify', () => {
  it('reports an intact chain with its length and head, exit 0', async () => {
    const dir = await folderWithEvents();
    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v).toMatchObject({ ok: true, count: 3, firstBrokenSeq: null, reason: null });
    expect(v.head).toMatch(/^[0-9a-f]{64}$/);
    const text = await run(['audit', 'verify', '--data-dir', dir]);
    expect(text.out).toContain('Audit chain intact: 3 event(s)');
  });

  it('an empty log is intact', async () => {
    const r = await run(['audit', 'verify', '--json', '--data-dir', tempDir()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, count: 0, head: null });
  });

  it('detects a row edited with raw SQL after dropping the trigger: exit 1, first broken link named', async () => {
    const dir = await folderWithEvents();
    const raw = new Database(path.join(dir, 'ocop.sqlite'));
    // The trigger stops a casual edit; a deliberate tamperer drops it first.
    expect(() => raw.prepare(`UPDATE audit_log SET actor = 'x' WHERE seq = 2`).run()).toThrow(/append-only/);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET after_json = replace(after_json, 'Trần Thị B', 'Trần Thị Bê') WHERE seq = 2`).run();
    raw.close();

    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, count: 3, firstBrokenSeq: 2, reason: 'event 2 was altered after it was written' });
    const text = await run(['audit', 'verify', '--data-dir', dir]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('AUDIT CHAIN BROKEN at event 2');
  });

  it('detects a deleted event as a broken link at the event after it', async () => {
    const dir = await folderWithEvents();
    const raw = new Database(path.join(dir, 'ocop.sqlite'));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    const r = await run(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, count: 2, firstBrokenSeq: 3, reason: 'event 3 does not link to the event before it' });
  });
});
