import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test/fixtures';
import { UNHANDLED_MARKER } from '../../server/process-guards';
import { abortedPost, rawGet, rawPost, rawRequest } from '../../server/test/raw-http';

/**
 * The real `ocop serve` process under every request that used to kill it (issue 14): after the
 * attack it must still be running, answer, have logged no unhandled rejection, and stop cleanly.
 */
let child: ChildProcess;
let started: { url: string; loginUrl: string; port: number; token: string };
let stderr = '';

beforeAll(async () => {
  const renderer = tempDir('ocop-serve-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body>APP</body></html>');
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli/index.ts',
      'serve',
      '--json',
      '--port',
      '0',
      '--data-dir',
      tempDir('ocop-serve-'),
      '--renderer',
      renderer,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  started = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /\{[\s\S]*"token"[\s\S]*\}/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[0]) as typeof started);
      }
    });
  });
}, 90_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('ocop serve survives hostile requests', () => {
  it('prints a one-time sign-in address and an API token, and the page never carries the token', async () => {
    expect(started.loginUrl).toMatch(/\/login\?token=/);
    const page = await rawGet(started.port, '/');
    expect(page.status).toBe(401);
    expect(page.body).not.toContain(started.token);
  });

  it('is still running and serving after every reproduction, with no unhandled rejection', async () => {
    const port = started.port;
    const auth = { 'x-ocop-token': started.token };
    for (const target of ['/%', '/%E0%A4%A', '/%C0%AF', '/api/app:ping%ZZ'])
      expect((await rawGet(port, target)).status).toBe(400);
    expect((await rawPost(port, '/api/%', '{}')).status).toBe(400);
    expect((await rawRequest(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).status).toBe(
      400,
    );
    for (const depth of [3000, 5000]) {
      const body = '['.repeat(depth) + ']'.repeat(depth);
      expect((await rawPost(port, '/api/scoring:importPreview', `{"document":${body}}`, auth)).status).toBe(400);
    }
    await abortedPost(port, '/api/settings:set', auth, 10_000, 500);
    expect((await rawPost(port, '/api/app:ping', '{}', { ...auth, 'x-ocop-actor': '%E0%A4%A' })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));

    expect(child.exitCode).toBeNull();
    const ping = await rawPost(port, '/api/app:ping', '{}', auth);
    expect(JSON.parse(ping.body)).toMatchObject({ ok: true });
    expect(stderr).not.toContain(UNHANDLED_MARKER);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(0);
  });
});
