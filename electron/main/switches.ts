/**
 * Command-line switches that would let another program on the computer drive or read the app:
 * Chromium's remote debugging (a DevTools endpoint with full control of every page, including the
 * IPC bridge) and Node's inspector. The inspector flags are already disabled by the
 * EnableNodeCliInspectArguments fuse in packaged builds; the debugging switches have no fuse, so
 * main refuses to start with them.
 */
export const FORBIDDEN_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
] as const;

/**
 * The forbidden switches present, from Chromium's parsed command line (`hasSwitch`) and from
 * argv (both spellings, `--x=1` and `--x 1`; a switch after `--` is still a switch to Chromium).
 */
export function forbiddenSwitches(argv: readonly string[], hasSwitch: (name: string) => boolean): string[] {
  const found = new Set<string>();
  for (const name of FORBIDDEN_SWITCHES) {
    if (hasSwitch(name)) found.add(name);
    for (const arg of argv) {
      const m = /^--?([a-z-]+)(?:=|$)/i.exec(arg);
      if (m && m[1]!.toLowerCase() === name) found.add(name);
    }
  }
  return [...found];
}
