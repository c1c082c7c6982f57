/**
 * The process a kill -9 test kills: opens the core on a data folder as the app does, says "go",
 * then restores a backup (`restore FILE`) or makes one (`backup`). See kill-cycle.ts.
 */
import { invoke } from '../../api';
import { openCore } from '../../context';

const [dataDir, what, file] = process.argv.slice(2);
const core = await openCore({ dataDir: dataDir!, host: 'cli' });
process.stdout.write('go\n');
const env =
  what === 'restore' ? await invoke(core.ctx, 'backup:restore', { path: file! }) : await invoke(core.ctx, 'backup:create', {});
core.close();
process.stdout.write(`${JSON.stringify({ done: env.ok })}\n`);
