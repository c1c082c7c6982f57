import os from 'node:os';
import path from 'node:path';

/** Must equal package.json "productName": Electron derives its userData folder from it. */
export const PRODUCT_NAME = 'OCOP Council';
export const DATABASE_FILE = 'ocop.sqlite';

/**
 * The folder Electron's `app.getPath('userData')` gives for this app on each platform, so the
 * CLI and the HTTP bridge open the same database as the desktop app for the same user.
 * OCOP_DATA_DIR overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.OCOP_DATA_DIR) return path.resolve(env.OCOP_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}

export interface DataPaths {
  dataDir: string;
  databasePath: string;
  backupsDir: string;
  attachmentsDir: string;
  /** Issued documents (the register's files), stored by SHA-256 like attachments. */
  issuedDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    databasePath: path.join(dataDir, DATABASE_FILE),
    backupsDir: path.join(dataDir, 'backups'),
    attachmentsDir: path.join(dataDir, 'attachments'),
    issuedDir: path.join(dataDir, 'documents'),
  };
}
