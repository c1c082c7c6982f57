import { runCli } from './main';

// Entry for `npm run ocop -- <command>`. Long-running commands (serve) keep the process alive
// and close the database on SIGINT; every other command closes it before exiting.
const { code, core, keepsRunning } = await runCli(process.argv.slice(2));
if (!keepsRunning) {
  (core as { close: () => void } | null)?.close();
  process.exitCode = code;
}
