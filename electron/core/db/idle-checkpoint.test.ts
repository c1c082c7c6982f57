import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECKPOINT_AFTER_CHANGES,
  CHECKPOINT_AFTER_IDLE_TICKS,
  closeDatabase,
  JOURNAL_SIZE_LIMIT_BYTES,
  openDatabase,
  WAL_AUTOCHECKPOINT_PAGES,
  type OpenedDatabase,
} from './open';

/** WAL checkpoints between calls instead of inside a commit (open.ts, bench/scoring.bench.ts). */

const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) closeDatabase(o);
});

function fileDb(): OpenedDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-checkpoint-'));
  const o = openDatabase(path.join(dir, 'ocop.sqlite'));
  opened.push(o);
  return o;
}

const mainFileSize = (o: OpenedDatabase) => fs.statSync(o.file).size;

describe('idle WAL checkpoints', () => {
  it('raise the automatic checkpoint to a safety net and bound the WAL file kept on disk', () => {
    const o = fileDb();
    expect(o.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(o.sqlite.pragma('journal_size_limit', { simple: true })).toBe(JOURNAL_SIZE_LIMIT_BYTES);
    expect(o.idleCheckpoints).toBeDefined();
  });

  it('copy committed pages into the database file between calls, once per batch of changes', () => {
    const o = fileDb();
    o.sqlite.exec('CREATE TABLE t (x BLOB)');
    o.idleCheckpoints!.tick();
    const before = mainFileSize(o);
    const insert = o.sqlite.prepare('INSERT INTO t VALUES (randomblob(3000))');
    o.sqlite.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run();
    })();
    // Committed, but still only in the WAL (200 pages are far below the automatic threshold).
    expect(mainFileSize(o)).toBe(before);
    expect(o.idleCheckpoints!.tick()).toBe(true);
    expect(mainFileSize(o)).toBeGreaterThan(before + 200 * 3000);
    // Nothing changed since: no checkpoint (and no fsync) on the next tick.
    expect(o.idleCheckpoints!.tick()).toBe(false);
  });

  it('wait for enough changes or for a pause, so scoring at human speed does not checkpoint (and fsync) after every answer', () => {
    const o = fileDb();
    o.sqlite.exec('CREATE TABLE t (x)');
    o.sqlite.prepare('INSERT INTO t VALUES (0)').run();
    expect(o.idleCheckpoints!.tick()).toBe(true);
    // One answer's worth of changes: not yet, and not while changes keep coming.
    o.sqlite.prepare('INSERT INTO t VALUES (1)').run();
    const ticks = Array.from({ length: CHECKPOINT_AFTER_IDLE_TICKS }, () => o.idleCheckpoints!.tick());
    expect(ticks.every((t) => t === false)).toBe(true);
    // After CHECKPOINT_AFTER_IDLE_TICKS quiet ticks the pending change is checkpointed.
    expect(o.idleCheckpoints!.tick()).toBe(true);
    // Many changes at once: the next tick checkpoints without waiting for a pause.
    const insert = o.sqlite.prepare('INSERT INTO t VALUES (?)');
    o.sqlite.transaction(() => {
      for (let i = 0; i < CHECKPOINT_AFTER_CHANGES; i++) insert.run(i);
    })();
    expect(o.idleCheckpoints!.tick()).toBe(true);
  });

  it('never run inside an open transaction', () => {
    const o = fileDb();
    o.sqlite.exec('CREATE TABLE t (x)');
    o.sqlite.exec('BEGIN');
    o.sqlite.exec('INSERT INTO t VALUES (1)');
    expect(o.idleCheckpoints!.tick()).toBe(false);
    o.sqlite.exec('COMMIT');
    expect(o.idleCheckpoints!.tick()).toBe(true);
  });

  it('stop with the connection, even one closed without closeDatabase', () => {
    const o = fileDb();
    o.sqlite.exec('CREATE TABLE t (x)');
    o.sqlite.close();
    expect(o.idleCheckpoints!.tick()).toBe(false);
  });

  it('are not started for in-memory or read-only databases', () => {
    const mem = openDatabase(':memory:');
    opened.push(mem);
    expect(mem.idleCheckpoints).toBeUndefined();
    const o = fileDb();
    const ro = openDatabase(o.file, { readonly: true });
    opened.push(ro);
    expect(ro.idleCheckpoints).toBeUndefined();
  });
});
