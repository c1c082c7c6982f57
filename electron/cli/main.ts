import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/app/paths';
import { openCore, type Core } from '../core/context';
import { CoreError } from '../core/errors';
import type { CliCommand, CliIo } from './command';
import { commands as allCommands } from './registry';

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliStreams {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultStreams: CliStreams = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

function findCommand(argv: string[], commands: CliCommand[]): { cmd: CliCommand; rest: string[] } | null {
  // Longest match first: "criteria import" before "criteria".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const cmd of sorted) {
    const words = cmd.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { cmd, rest: argv.slice(words.length) };
  }
  return null;
}

function helpText(commands: CliCommand[]): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return [
    'Usage: npm run ocop -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Every command accepts --data-dir DIR (default: the desktop app's data folder) and --json.",
  ].join('\n');
}

/**
 * Runs one CLI command and returns its exit code. Errors are reported with their stable code,
 * as JSON on stdout with --json (so scripts can read them) and as text on stderr otherwise.
 */
export async function runCli(
  argv: string[],
  streams: CliStreams = defaultStreams,
  commands: CliCommand[] = allCommands,
): Promise<{ code: number; core: Core | null; keepsRunning: boolean }> {
  const found = findCommand(argv, commands);
  if (!found || argv.includes('--help') || argv.includes('-h')) {
    (found ? streams.out : streams.err)(
      found ? `Usage: npm run ocop -- ${found.cmd.usage}\n${found.cmd.summary}` : helpText(commands),
    );
    return { code: found || argv.length === 0 ? (argv.length === 0 ? 2 : 0) : 2, core: null, keepsRunning: false };
  }
  const { cmd, rest } = found;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...(cmd.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    streams.err(`${cmd.name}: ${e instanceof Error ? e.message : String(e)}\nUsage: npm run ocop -- ${cmd.usage}`);
    return { code: 2, core: null, keepsRunning: false };
  }
  const json = parsed.values.json === true;
  const dataDir = typeof parsed.values['data-dir'] === 'string' ? parsed.values['data-dir'] : defaultDataDir();
  let core: Core | null = null;
  const io: CliIo = {
    result: (value, text) => streams.out(json || !text ? JSON.stringify(value, null, 2) : text(value as never)),
    info: (line) => {
      if (!json) streams.out(line);
    },
    error: (line) =>
      json ? streams.out(JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: line } })) : streams.err(line),
  };
  try {
    const code = await cmd.run({
      core: async (host = 'cli') => (core ??= await openCore({ dataDir, host })),
      dataDir,
      json,
      positionals: parsed.positionals,
      values: parsed.values as Record<string, string | boolean | undefined>,
      io,
    });
    return { code, core, keepsRunning: cmd.keepsRunning === true && code === 0 };
  } catch (e) {
    const err =
      e instanceof CoreError
        ? { code: e.code, message: e.message, details: e.details }
        : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    if (json) streams.out(JSON.stringify({ ok: false, error: err }, null, 2));
    else streams.err(`${cmd.name}: [${err.code}] ${err.message}`);
    return { code: 1, core, keepsRunning: false };
  }
}
