// `npm start`: runs the desktop app when the Electron binary is installed; otherwise (machines that
// cannot download it) serves the same app to the default browser on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
let electronPath = null;
try {
  const p = require('electron');
  if (typeof p === 'string' && fs.existsSync(p)) electronPath = p;
} catch {
  // electron's index.js throws when its binary was not downloaded
}

const args = process.argv.slice(2);
const child = electronPath
  ? spawn(electronPath, ['.', ...args], { stdio: 'inherit' })
  : spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'serve', '--open', ...args], { stdio: 'inherit' });
if (!electronPath) console.log('Electron is not installed here: opening OCOP Council in your browser instead.');
child.on('exit', (code) => process.exit(code ?? 0));
