/**
 * The PDF batch worker (electron/core/documents/batch/batch-worker.ts) built as ONE self-contained
 * CommonJS file, out/main/documents-batch-worker.cjs: pdfmake, pdf-lib, fontkit, qrcode, i18next
 * and the core code it uses are all inside; it requires nothing but Node's built-in modules.
 *
 * Why: main starts it with worker_threads. In the installed app everything else lives in
 * app.asar, and a worker thread loading ES modules or packages from inside the archive depends on
 * Electron's asar support in workers and its ESM loader; a single CommonJS file with no imports,
 * unpacked from the archive (electron-builder.yml asarUnpack), depends on neither.
 * electron.vite.config.ts runs this after the main build; worker-bundle.test.ts inspects the
 * result and runs it from a folder with no node_modules.
 */
import path from 'node:path';
import { build } from 'vite';

export const WORKER_ENTRY = 'electron/core/documents/batch/batch-worker.ts';
export const WORKER_FILE = 'documents-batch-worker.cjs';

export async function buildBatchWorker(outDir: string, root = process.cwd()): Promise<string> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: path.resolve(root, WORKER_ENTRY),
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: WORKER_FILE, inlineDynamicImports: true },
      },
    },
    // Bundle every package (Node's own modules stay require()s).
    ssr: { noExternal: true, target: 'node' },
  });
  return path.join(outDir, WORKER_FILE);
}
