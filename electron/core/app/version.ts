/**
 * The app's version. Electron-vite and tsx both inline/resolve the JSON import, so the CLI,
 * the bridge and the desktop app report the same number.
 */
import pkg from '../../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
export const APP_NAME: string = pkg.productName;
