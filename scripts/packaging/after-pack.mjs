// electron-builder `afterPack` hook (electron-builder.yml): flips the Electron fuses of the
// executable it has just copied, before signing (fuses change the binary, so they must come
// first). Uses the project's @electron/fuses, not the older copy inside electron-builder, so
// every fuse of this Electron version is known and decided (see fuses.mjs).
import path from 'node:path';
import { flipFuses } from '@electron/fuses';
import { fuseConfig } from './fuses.mjs';

/** The Electron executable electron-builder produced for this platform (as its own addElectronFuses finds it). */
export function electronExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`after-pack: no Electron executable known for platform ${electronPlatformName}`);
  }
}

export async function afterPack(context) {
  const exe = electronExecutable(context);
  await flipFuses(exe, fuseConfig());
  console.log(`  • fuses flipped  file=${path.relative(process.cwd(), exe)}`);
}

export default afterPack;
