import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { buildBatchWorker } from './scripts/packaging/worker-bundle';

// OCOP_OUT_DIR lets parallel builds (several engineers, CI shards) write to separate folders.
const outDir = process.env.OCOP_OUT_DIR ?? 'out';

// The build's time, shown in Giới thiệu and used for the "a newer version may exist" reminder
// (shared/app/build-age.ts). SOURCE_DATE_EPOCH (seconds) gives reproducible builds a fixed one.
const builtAt = process.env.SOURCE_DATE_EPOCH
  ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString()
  : new Date().toISOString();

/** After the main build: the PDF batch worker as one self-contained file (see scripts/packaging/worker-bundle.ts). */
const batchWorker = (): Plugin => ({
  name: 'ocop:batch-worker',
  apply: 'build',
  closeBundle: () => buildBatchWorker(resolve(outDir, 'main')).then(() => undefined),
});

export default defineConfig({
  main: {
    build: {
      outDir: `${outDir}/main`,
      lib: { entry: { index: 'electron/main/index.ts' } },
      // better-sqlite3 is native and kysely is ESM-only: keep both as runtime requires/imports.
      externalizeDeps: true,
    },
    // The batch printer's worker thread is its own self-contained file (worker-entry.ts finds it).
    plugins: [batchWorker()],
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
    define: { __OCOP_BUILT_AT__: JSON.stringify(builtAt) },
    build: {
      outDir: resolve(outDir, 'renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified code is a third of the bytes V8 must
      // parse on the first screen (docs/benchmarks.md, startup).
      minify: true,
      // index: the app; device: the page members' own devices open in meeting-room mode.
      rolldownOptions: { input: { index: resolve('renderer/index.html'), device: resolve('renderer/device.html') } },
    },
  },
});
