import { openCore, type Core } from '../../context';
import { fixedClock, tempDir } from '../../test/fixtures';

/** A core on :memory: whose clock reads `at` (the history's decisions must all lie in the past). */
export const coreAt = (at: string, file?: string): Promise<Core> =>
  openCore({ dataDir: tempDir(), databaseFile: file ?? ':memory:', host: 'cli', now: fixedClock(at) });
