import type { ParseArgsConfig } from 'node:util';
import type { Core, Host } from '../core/context';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  /** Prints a result: JSON (with --json) or the human text produced by `text`. */
  result: (value: unknown, text?: (v: never) => string) => void;
  info: (line: string) => void;
  error: (line: string) => void;
}

export interface CliRun {
  /** Opens the core on the chosen data directory (migrating it) on first use; `host` says who serves it. */
  core: (host?: Host) => Promise<Core>;
  dataDir: string;
  json: boolean;
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  io: CliIo;
}

export interface CliCommand {
  /** Words that select the command, e.g. "criteria list". */
  name: string;
  usage: string;
  summary: string;
  options?: OptionSpec;
  /** Returns the process exit code (0 = success). */
  run: (r: CliRun) => Promise<number>;
  /** Long-running commands (serve) keep the process alive and close the core themselves. */
  keepsRunning?: boolean;
}
