import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { invoke } from '../core/api';
import type { CoreContext } from '../core/context';
import { backupByName } from '../core/backup/backup-service';
import type { Logger, Route } from './pipeline';
import { HttpError, type Reply } from './reply';

/**
 * The browser host's "Lưu bản sao ra…" and archive export: a download the browser saves where the
 * user chooses (the desktop app uses the native dialog instead). Signed-in sessions only, like the
 * API; the file is made in a private temporary folder and removed once sent.
 */
const stamp = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');

const attachment = (file: string, name: string, type: string, cleanup?: () => void): Reply => ({
  status: 200,
  headers: {
    'content-type': type,
    'content-disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'cache-control': 'no-store',
  },
  file: { path: file, ...(cleanup ? { cleanup } : {}) },
});

function temp(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-download-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function downloadRoutes(ctx: CoreContext, log: Logger): Route[] {
  return [
    {
      method: ['GET'],
      path: '/download/backup',
      handle: async (rc) => {
        const name = rc.query.get('name');
        if (name) {
          const file = backupByName(ctx, name);
          return attachment(file, name, 'application/vnd.sqlite3');
        }
        const t = temp();
        const to = path.join(t.dir, `ocop-sao-luu-${stamp()}.sqlite`);
        const env = await invoke(ctx, 'backup:saveCopy', { to }, {}, log);
        if (!env.ok) {
          t.cleanup();
          throw new HttpError(env.error.code, env.error.message, {}, 500);
        }
        return attachment(to, path.basename(to), 'application/vnd.sqlite3', t.cleanup);
      },
    },
    {
      method: ['GET'],
      path: '/download/archive',
      handle: async () => {
        const t = temp();
        const out = path.join(t.dir, `ocop-luu-tru-${stamp()}.tar`);
        const env = await invoke(ctx, 'archive:export', { out }, {}, log);
        if (!env.ok) {
          t.cleanup();
          throw new HttpError(env.error.code, env.error.message, {}, 500);
        }
        return attachment(out, path.basename(out), 'application/x-tar', t.cleanup);
      },
    },
  ];
}
