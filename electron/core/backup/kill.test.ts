import { describe, expect, it } from 'vitest';
import { finalizedDemoFolder } from '../integrity/test/demo-folder';
import { killCycle, killTemplate, type KillOutcome } from './test/kill-cycle';

/**
 * kill -9 during a restore and during a backup, at a few points spread over the work (the long
 * run with counts is `npm run bench -- backup-kill`): the database opens, integrity_check and
 * audit verify pass, and it holds the whole old or the whole new state, never a mix.
 */
const judge = (o: KillOutcome, label: string) => {
  expect(o.integrity, label).toBe('ok');
  expect(o.state, label).not.toBe('mix');
  expect(o.verifyOk, label).toBe(true);
  expect(o.badBackups, label).toEqual([]);
};

describe('kill -9 during restore and backup', () => {
  it('restore killed early and midway: old or new state, complete', async () => {
    const t = killTemplate((await finalizedDemoFolder()).dir);
    const early = await killCycle(t, 'restore', 30);
    judge(early, 'restore killed after 30 ms');
    // 30 ms in, the backup is still being checked: really killed mid-work, the old state kept.
    expect(early.completed).toBe(false);
    expect(early.state).toBe('old');
    const later = await killCycle(t, 'restore', 700);
    judge(later, 'restore killed after 700 ms');
  }, 300_000);

  it('backup killed midway: the database is untouched, no half backup is taken for a whole one', async () => {
    const t = killTemplate((await finalizedDemoFolder()).dir);
    const o = await killCycle(t, 'backup', 40);
    judge(o, 'backup killed after 40 ms');
    expect(o.completed).toBe(false);
    expect(o.state).toBe('old');
  }, 300_000);
});
