import path from 'node:path';
import { PRODUCT_NAME } from '../core/app/paths';

/** The folder beside a portable executable that holds its data (database, backups, Chromium's files). */
export const PORTABLE_DATA_FOLDER = `${PRODUCT_NAME} Data`;
/** The development build's own folder, beside the real one, so `electron-vite dev` never migrates real data. */
export const DEV_DATA_FOLDER = `${PRODUCT_NAME} (dev)`;

/** Why this data folder was chosen (shown in logs; tests read it). */
export type DataDirReason = 'OCOP_DATA_DIR' | 'portable' | 'development' | 'user-data';

export interface DataDirInput {
  env: NodeJS.ProcessEnv;
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** Running under `electron-vite dev` (the renderer comes from the dev server). */
  development: boolean;
  /** `app.getPath('appData')`: %APPDATA% on Windows, ~/.config on Linux. */
  appData: string;
  /** `app.getPath('userData')` as Electron computed it: <appData>/OCOP Council. */
  userData: string;
}

/**
 * Where the desktop app keeps everything it writes, in this order:
 * 1. `OCOP_DATA_DIR` when set (the CLI and the HTTP bridge honour it too, see core/app/paths.ts);
 * 2. the portable Windows build (electron-builder sets `PORTABLE_EXECUTABLE_DIR` to the folder of
 *    the .exe the user started): "OCOP Council Data" beside it, so a council's records stay on the
 *    USB stick and nothing is left in a borrowed computer's %APPDATA%;
 * 3. `electron-vite dev`: "OCOP Council (dev)" beside the real folder;
 * 4. otherwise Electron's user-data folder, the one the installer and the CLI use.
 * Main applies the result with `app.setPath('userData', …)` before anything is written, so
 * Chromium's own files (cache, local storage, the single-instance lock) follow the data.
 */
export function resolveDataDir(i: DataDirInput): { dir: string; reason: DataDirReason } {
  const fromEnv = i.env.OCOP_DATA_DIR?.trim();
  if (fromEnv) return { dir: path.resolve(fromEnv), reason: 'OCOP_DATA_DIR' };
  const portable = i.env.PORTABLE_EXECUTABLE_DIR?.trim();
  // Only a packaged app is ever the portable executable; a stray variable in development is ignored.
  if (i.isPackaged && portable) return { dir: path.join(path.resolve(portable), PORTABLE_DATA_FOLDER), reason: 'portable' };
  if (!i.isPackaged && i.development) return { dir: path.join(i.appData, DEV_DATA_FOLDER), reason: 'development' };
  return { dir: i.userData, reason: 'user-data' };
}
