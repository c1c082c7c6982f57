import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../context';

/** A fixed clock that advances one second per call: deterministic hashes and ordering. */
export function fixedClock(start = '2026-06-01T08:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** A core on an in-memory database with the real migrations. */
export async function memoryCore(): Promise<Core> {
  return openCore({ dataDir: tempDir(), databaseFile: ':memory:', host: 'cli', now: fixedClock() });
}

/** A core on a real file in a fresh temporary folder. */
export async function fileCore(dataDir = tempDir()): Promise<Core> {
  return openCore({ dataDir, host: 'cli', now: fixedClock() });
}

export function tempDir(prefix = 'ocop-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
