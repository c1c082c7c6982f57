/**
 * Asks a secret (PIN, password) on the terminal without echoing it. Without a terminal (a
 * script, a test), reads one line from standard input. Answers null on end of input or Ctrl+C.
 * The secret is returned to the caller only: never logged, never in an error.
 */
import readline from 'node:readline';

let pending: string[] | null = null;
let waiting: ((line: string | null) => void)[] = [];
let ended = false;

/** Lines of a piped standard input, read once and handed out one per question. */
function nextPipedLine(): Promise<string | null> {
  if (!pending) {
    pending = [];
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    rl.on('line', (l) => {
      const w = waiting.shift();
      if (w) w(l);
      else pending!.push(l);
    });
    rl.on('close', () => {
      ended = true;
      for (const w of waiting) w(null);
      waiting = [];
    });
  }
  if (pending.length) return Promise.resolve(pending.shift()!);
  if (ended) return Promise.resolve(null);
  return new Promise((resolve) => waiting.push(resolve));
}

export function promptSecret(question: string): Promise<string | null> {
  if (!process.stdin.isTTY) {
    process.stderr.write(question);
    return nextPipedLine().then((l) => {
      process.stderr.write('\n');
      return l;
    });
  }
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (v: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(v);
    };
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(value);
        if (ch === '\u0003' || ch === '\u0004') return done(null);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
