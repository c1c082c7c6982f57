/**
 * Where the batch worker's code is, in each way the core runs:
 * - from source (CLI and HTTP bridge under tsx, tests under Vitest): this module is a .ts file;
 *   the worker is batch-worker.ts beside it, loaded with tsx's hooks (`--import tsx`), because a
 *   worker thread does not inherit the loader that lets its parent import TypeScript;
 * - from the electron-vite build: the core is bundled into out/main (index.js, maybe chunks/);
 *   electron.vite.config.ts builds the worker as one self-contained CommonJS file,
 *   out/main/documents-batch-worker.cjs (scripts/packaging/worker-bundle.ts says why). In the
 *   installed app it is unpacked beside the archive (app.asar.unpacked), and loaded from there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const WORKER_BUNDLE = 'documents-batch-worker.cjs';

export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

export function batchWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (moduleUrl.endsWith('.ts')) {
    return { url: new URL('./batch-worker.ts', moduleUrl), execArgv: ['--import', import.meta.resolve('tsx')] };
  }
  // The bundle's main entry is out/main/index.js; shared code may sit one folder down (chunks/).
  const here = path.dirname(fileURLToPath(moduleUrl));
  for (const dir of [here, path.dirname(here)].flatMap((d) => [unpacked(d), d])) {
    const file = path.join(dir, WORKER_BUNDLE);
    if (fs.existsSync(file)) return { url: pathToFileURL(file), execArgv: [] };
  }
  throw new Error(`The batch worker ${WORKER_BUNDLE} is missing beside ${here}; rebuild the app (electron-vite build)`);
}

/** …/resources/app.asar/out/main → …/resources/app.asar.unpacked/out/main (electron-builder's asarUnpack). */
export function unpacked(dir: string): string {
  return dir.replace(/([\\/])app\.asar([\\/]|$)/, '$1app.asar.unpacked$2');
}
