import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';
import { startDailyBackups } from '../../core/backup/backup-service';
import { startBridge } from '../../server/http-bridge';
import { attachLanToServe, LAN_SERVE_OPTIONS, LAN_SERVE_USAGE, type LanServe } from '../../server/lan/serve-lan';
import { installProcessGuards } from '../../server/process-guards';
import type { CliCommand } from '../command';

const here = path.dirname(fileURLToPath(import.meta.url));
/** out/renderer, built by `npm run build`. */
export const DEFAULT_RENDERER_DIR = path.resolve(here, '../../../out/renderer');

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`));
  child.unref();
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: `serve [--port N] [--open] [--renderer DIR] [--data-dir DIR] ${LAN_SERVE_USAGE} [--json]`,
  summary: 'Serve the app and its API on 127.0.0.1 for a browser (one-time sign-in address)',
  options: { port: { type: 'string' }, open: { type: 'boolean' }, renderer: { type: 'string' }, ...LAN_SERVE_OPTIONS },
  keepsRunning: true,
  run: async (r) => {
    const portText = r.values.port;
    const port = portText === undefined ? 0 : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      r.io.error(`serve: --port must be a whole number from 0 to 65535 (got ${String(portText)})`);
      return 2;
    }
    const rendererDir = path.resolve(typeof r.values.renderer === 'string' ? r.values.renderer : DEFAULT_RENDERER_DIR);
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      r.io.error(`serve: no built app in ${rendererDir}. Run \`npm run build\` first (or use \`npm run serve\`).`);
      return 2;
    }
    installProcessGuards();
    const core = await r.core('http');
    const bridge = await startBridge({ ctx: core.ctx, rendererDir, port });
    // Meeting-room mode: members' devices on the room's network (electron/server/lan).
    const lan = await attachLanToServe(core.ctx, { rendererDir, dataDir: r.dataDir, values: r.values });
    if ('error' in lan) {
      r.io.error(lan.error);
      await bridge.close();
      core.close();
      return 2;
    }
    // The first use of each day leaves a backup (retention keeps 14 daily, 12 monthly).
    const stopDaily = startDailyBackups(core.ctx);
    // The sign-in address works once; the page exchanges it for a session cookie. The API token
    // is for programs (--json output, the x-ocop-token header); no page ever receives it.
    r.io.result(
      { url: bridge.url, loginUrl: bridge.loginUrl, port: bridge.port, token: bridge.token, dataDir: r.dataDir, room: lan.room },
      (v: { loginUrl: string; dataDir: string; room: LanServe['room'] }) =>
        [
          'OCOP Council is running. Open this address in your browser (it works once):',
          `  ${v.loginUrl}`,
          `Data folder: ${v.dataDir}`,
          ...(v.room
            ? [
                `Meeting room: ${v.room.url}  pairing code ${v.room.pairingCode}`,
                `Certificate SHA-256: ${v.room.fingerprint ?? '(plain HTTP)'}`,
              ]
            : []),
          process.stdin.isTTY ? 'Press Enter for another sign-in address, Ctrl+C to stop.' : 'Press Ctrl+C to stop.',
        ].join('\n'),
    );
    if (r.values.open) openBrowser(bridge.loginUrl);
    if (process.stdin.isTTY && !r.json) {
      const rl = readline.createInterface({ input: process.stdin });
      rl.on('line', () => r.io.info(`Another sign-in address (works once): ${bridge.newLoginUrl()}`));
    }
    const stop = async () => {
      await lan.dispose();
      stopDaily();
      await bridge.close();
      core.close();
      process.exit();
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return 0;
  },
};
