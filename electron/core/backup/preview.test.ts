import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RestorePreview } from '../../../shared/api/channels/backup';
import { invoke } from '../api';
import { openCore, type Core } from '../context';
import { finalizedDemoFolder } from '../integrity/test/demo-folder';
import { fixedClock, tempDir } from '../test/fixtures';
import { listBackups } from './backup-service';
import { sha256File } from './manifest';

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(`${env.error.code} ${env.error.message}`);
  return env.value;
}

const open = (dir: string, start = '2026-08-01T00:00:00Z'): Promise<Core> =>
  openCore({ dataDir: dir, host: 'cli', now: fixedClock(start) });

describe('backup:preview — what a restore would change, on real SQLite files', () => {
  it('the backup made just before finalizing: the finalized results and the later events would be lost', async () => {
    const { dir, meetingSessionId } = await finalizedDemoFolder();
    const core = await open(dir);
    try {
      const before = listBackups(core.ctx).find((b) => b.kind === 'finalize');
      expect(before, 'results:finalize makes a backup first').toBeDefined();
      const dbSha = sha256File(path.join(dir, 'ocop.sqlite'));
      const head = core.ctx.sqlite.prepare('SELECT seq, at, action FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
        seq: number;
        at: string;
        action: string;
      };

      const p: RestorePreview = await ok(invoke(core.ctx, 'backup:preview', { name: before!.name }));
      expect(p.relation).toBe('older');
      expect(p.commonSeq).toBe(before!.manifest!.auditHead!.seq);
      expect(p.eventsLost).toBe(head.seq - p.commonSeq);
      expect(p.eventsLost).toBeGreaterThan(0);
      expect(p.eventsGained).toBe(0);
      expect(p.current.lastEvent).toMatchObject({ seq: head.seq, at: head.at, action: head.action });
      expect(p.backup.lastEvent?.seq).toBe(p.commonSeq);

      // The meeting: closed with its sheets in the backup, finalized now.
      const meeting = p.sessions.find((s) => s.sessionId === meetingSessionId);
      expect(meeting?.backup).toMatchObject({ status: 'closed', finalized: false });
      expect(meeting?.current).toMatchObject({ status: 'finalized', finalized: true });
      expect(meeting?.backup?.submittedSheets).toBe(meeting?.current?.submittedSheets);
      expect(meeting?.current?.submittedSheets).toBeGreaterThan(0);
      // Sessions that are the same in both are not listed.
      expect(p.sessions.every((s) => JSON.stringify(s.backup) !== JSON.stringify(s.current))).toBe(true);

      // Per round: the same dossiers and sessions, one finalized session fewer in the backup.
      const round = p.rounds.find((r) => r.roundId === meeting!.roundId)!;
      expect(round.current!.finalizedSessions - round.backup!.finalizedSessions).toBe(1);
      expect(round.backup!.dossiers).toBe(round.current!.dossiers);
      expect(round.current!.dossiers).toBeGreaterThan(0);
      expect(p.current.totals.submittedSheets).toBe(
        core.ctx.sqlite.prepare("SELECT count(*) FROM score_sheet WHERE status = 'submitted'").pluck().get(),
      );
      // Read only: the database is byte for byte what it was.
      expect(sha256File(path.join(dir, 'ocop.sqlite'))).toBe(dbSha);

      // After restoring it, the "before restore" backup holds the finalization: the histories
      // share everything up to the pre-finalize backup, then part (the restore's own event).
      const report = await ok(invoke(core.ctx, 'backup:restore', { name: before!.name }));
      const back: RestorePreview = await ok(invoke(core.ctx, 'backup:preview', { path: report.previousSavedAs }));
      expect(back.relation).toBe('diverged');
      expect(back.commonSeq).toBe(p.commonSeq);
      expect(back.eventsLost).toBe(1); // the backup.restore event
      expect(back.eventsGained).toBe(p.eventsLost);
      expect(back.sessions.find((s) => s.sessionId === meetingSessionId)).toMatchObject({
        backup: { status: 'finalized', finalized: true },
        current: { status: 'closed', finalized: false },
      });
    } finally {
      core.close();
    }
  }, 180_000);

  it('a newer copy (another laptop went on working): rounds and sessions would be gained; a fresh backup: nothing but its own event', async () => {
    const laptop = tempDir('ocop-preview-a-');
    const core0 = await open(laptop);
    await ok(invoke(core0.ctx, 'settings:set', { operatorName: 'Thư ký' }));
    core0.close();
    const older = tempDir('ocop-preview-b-');
    fs.cpSync(laptop, older, { recursive: true });

    const a = await open(laptop, '2026-08-02T00:00:00Z');
    let newer: string;
    try {
      await ok(invoke(a.ctx, 'demo:create', { seed: 3 }));
      newer = (await ok(invoke(a.ctx, 'backup:create', {}))).path;
      // A backup just made: the only later event is its own "backup made" entry; no session differs.
      const fresh: RestorePreview = await ok(invoke(a.ctx, 'backup:preview', { path: newer }));
      expect(fresh).toMatchObject({ relation: 'older', eventsLost: 1, eventsGained: 0, sessions: [] });
      expect(fresh.current.lastEvent?.action).toBe('backup.create');
      expect(fresh.rounds.every((r) => JSON.stringify(r.backup) === JSON.stringify(r.current))).toBe(true);
    } finally {
      a.close();
    }

    const b = await open(older, '2026-08-03T00:00:00Z');
    try {
      const p: RestorePreview = await ok(invoke(b.ctx, 'backup:preview', { path: newer }));
      expect(p.relation).toBe('newer');
      expect(p.eventsLost).toBe(0);
      expect(p.eventsGained).toBeGreaterThan(0);
      expect(p.current.totals).toMatchObject({ rounds: 0, sessions: 0, dossiers: 0 });
      expect(p.backup.totals.sessions).toBeGreaterThan(0);
      expect(p.rounds.length).toBe(p.backup.totals.rounds);
      expect(p.rounds.every((r) => r.current === null && r.backup !== null)).toBe(true);
      expect(p.sessions.length).toBe(p.backup.totals.sessions);
      expect(p.sessions.every((s) => s.current === null)).toBe(true);
    } finally {
      b.close();
    }
  }, 180_000);

  it('refuses the database itself, a missing file, a folder and a file that is not a backup — nothing changed', async () => {
    const dir = tempDir('ocop-preview-c-');
    const core = await open(dir);
    try {
      await ok(invoke(core.ctx, 'settings:set', { operatorName: 'Thư ký' }));
      const db = path.join(dir, 'ocop.sqlite');
      const text = path.join(tempDir(), 'ghi-chu.sqlite');
      fs.writeFileSync(text, 'không phải cơ sở dữ liệu');
      const cases: [unknown, string, string | undefined][] = [
        [{ path: db }, 'VALIDATION', 'is_database'],
        [{ path: path.join(dir, 'khong-co.sqlite') }, 'IO', undefined],
        [{ path: dir }, 'IO', undefined],
        [{ path: text }, 'IMPORT_INVALID', 'not_sqlite'],
        [{ name: 'khong-co.sqlite' }, 'NOT_FOUND', undefined],
        [{ name: '../ocop.sqlite' }, 'VALIDATION', undefined],
        [{}, 'VALIDATION', undefined],
        [{ name: 'a.sqlite', path: text }, 'VALIDATION', undefined],
      ];
      const audit = core.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
      for (const [input, code, reason] of cases) {
        const env = await invoke(core.ctx, 'backup:preview', input as never);
        expect(env.ok, JSON.stringify(input)).toBe(false);
        if (env.ok) continue;
        expect(env.error.code, JSON.stringify(input)).toBe(code);
        if (reason) expect((env.error.details as { reason?: string }).reason).toBe(reason);
        expect(env.error.message).not.toMatch(/^\s*$/);
      }
      expect(core.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
    } finally {
      core.close();
    }
  });
});
