import { runCli } from '../main';

/** Runs the CLI in-process as a user would type it, capturing stdout and stderr; closes its core. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const r = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  r.core?.close();
  return { code: r.code, out: out.join('\n'), err: err.join('\n') };
}
