/**
 * Entry of the Electron main process (built to out/main/index.js). Everything happens in
 * start.ts so it can be tested with a mocked `electron`; this file only supplies where the
 * build put the other pieces and reports a failure nobody else caught.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { startApp } from './start';

const mainDir = path.dirname(fileURLToPath(import.meta.url));

startApp({ mainDir }).catch((e: unknown) => {
  console.error('[ocop-main] start failed', e);
  app.exit(1);
});
