// Electron fuses of the packaged app: switches compiled into the Electron binary that the app's
// code cannot turn back on. Flipped by after-pack.mjs on the executable electron-builder just
// copied, before it is signed. `strictlyRequireAllFuses` makes packaging fail when the Electron
// binary has a fuse this list does not decide (a newer Electron): decide it here, then update
// @electron/fuses. fuses.test.ts checks every fuse @electron/fuses knows is decided.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Each fuse with the reason for its value (docs/packaging.md repeats the table). */
export const FUSE_DECISIONS = {
  // `ELECTRON_RUN_AS_NODE=1 ocop.exe script.js` would run any script with the app's identity
  // (and its code signature): off.
  RunAsNode: false,
  // The app receives no cookies: every page is app://ocop (answered by main, no Set-Cookie) and
  // the window's session cancels all network requests. There is nothing to encrypt, and on Linux
  // turning it on makes Chromium ask the desktop keyring (a password prompt on some desktops).
  // It is also one-way: once on, turning it off corrupts the cookie store. Decided: off.
  EnableCookieEncryption: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS from the environment could preload code into main: off.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger on main (and the database): off.
  // (Main also refuses --remote-debugging-port, which no fuse covers: electron/main/switches.ts.)
  EnableNodeCliInspectArguments: false,
  // Electron checks app.asar against the hash electron-builder embeds in the executable
  // (Windows and macOS; Linux has no integrity check): a modified archive does not start.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only resources/app.asar is loaded, never a loose resources/app folder dropped beside it.
  OnlyLoadAppFromAsar: true,
  // No separate browser-process V8 snapshot is shipped.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The app is served from app://ocop; file: pages get no more than a web browser gives them.
  GrantFileProtocolExtraPrivileges: false,
  // WebAssembly trap handlers are a V8 speed and safety feature (bounds checks by guard pages),
  // on by default; nothing in the app conflicts with them: on.
  WasmTrapHandlers: true,
};

/** The configuration for @electron/fuses' flipFuses. */
export function fuseConfig() {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature: false };
  for (const [name, value] of Object.entries(FUSE_DECISIONS)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`fuses.mjs decides ${name}, which @electron/fuses does not know`);
    config[index] = value;
  }
  return config;
}
