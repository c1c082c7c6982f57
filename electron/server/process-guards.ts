/**
 * The last line behind the request pipeline: a promise rejection nobody handled is a bug (every
 * request path is guarded), so it is reported loudly — with its stack, under a fixed marker that
 * tests look for — and the process ends with exit code 70 (EX_SOFTWARE) once it stops, so a
 * supervisor or a test run notices. The server keeps serving: SQLite transactions already keep
 * the data consistent, and killing a council's meeting over a logging bug would be worse.
 */
export const UNHANDLED_MARKER = 'OCOP BUG: unhandled promise rejection';
export const EXIT_SOFTWARE = 70;

let installed = false;

export function installProcessGuards(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    write(`${UNHANDLED_MARKER} (the app keeps running; please report this): ${detail}`);
    process.exitCode = EXIT_SOFTWARE;
  });
}
