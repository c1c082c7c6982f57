import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// OCOP_OUT_DIR lets parallel builds (several engineers, CI shards) write to separate folders.
const outDir = process.env.OCOP_OUT_DIR ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${outDir}/main`,
      // The batch printer's worker thread is its own file (see electron/core/documents/batch/worker-entry.ts).
      lib: {
        entry: { index: 'electron/main/index.ts', 'documents-batch-worker': 'electron/core/documents/batch/batch-worker.ts' },
      },
      // better-sqlite3 is native and kysely is ESM-only: keep both as runtime requires/imports.
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      outDir: `${outDir}/preload`,
      // index: the app window; pin: the USB-token PIN window (electron/main/pin-prompt.ts).
      lib: { entry: { index: 'electron/preload/index.ts', pin: 'electron/preload/pin.ts' } },
      // A sandboxed preload must be CommonJS and may require nothing but 'electron'.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve(outDir, 'renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
