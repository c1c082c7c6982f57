import fs from 'node:fs';
import path from 'node:path';
import { invoke } from '../../core/api';
import { CoreError } from '../../core/errors';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

/** `--input` as given: JSON text, or `@file` holding it; nothing means `{}`. */
function readInput(raw: string | undefined): unknown {
  if (raw === undefined) return {};
  let text = raw;
  if (raw.startsWith('@')) {
    const file = raw.slice(1);
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new CoreError('IO', `Cannot read ${path.resolve(file)}: ${e instanceof Error ? e.message : String(e)}`, {
        field: 'input',
      });
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CoreError(
      'VALIDATION',
      `--input is not JSON (${e instanceof Error ? e.message : String(e)}); give an object such as '{"id": 1}' or @file.json`,
      { field: 'input' },
    );
  }
}

/**
 * Any channel of the contract from the command line, so everything the app can do can be scripted.
 * It goes through `invoke` like the UI and the HTTP bridge: the same input validation, the same
 * audit, the same typed errors (an unknown channel included).
 */
export const callCommand: CliCommand = {
  name: 'call',
  usage: "call <area:verb> [--input '<JSON>' | --input @file.json] [--data-dir DIR] [--json]",
  summary: 'Call any channel of the contract with a JSON input (validated like every host); prints its output',
  options: { input: { type: 'string' } },
  run: async (r) => {
    const channel = r.positionals[0];
    if (!channel || r.positionals.length > 1) {
      r.io.error(`call: give one channel, e.g. call sessions:transition --input '{"id": 1, "to": "in_progress"}'`);
      return 2;
    }
    const input = readInput(typeof r.values.input === 'string' ? r.values.input : undefined);
    const core = await r.core();
    const value = unwrap(await invoke(core.ctx, channel, input));
    r.io.result(value, (v: unknown) => JSON.stringify(v, null, 2));
    return 0;
  },
};
