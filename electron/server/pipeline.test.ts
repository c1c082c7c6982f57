import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline, hostName, parseTarget, type AuthStrategy, type Route } from './pipeline';
import { jsonReply } from './reply';
import { jsonDepth } from './request-body';
import { rawGet, rawPost } from './test/raw-http';
import { EXIT_SOFTWARE, UNHANDLED_MARKER } from './process-guards';

const open: AuthStrategy = {
  authenticate: () => ({ kind: 'test', id: 't' }),
  unauthenticated: () => jsonReply(401, {}),
};

let server: http.Server | null = null;
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = null;
});

async function serve(routes: Route[], log: (m: string, e?: unknown) => void = () => {}): Promise<number> {
  server = http.createServer(createPipeline({ hosts: ['127.0.0.1'], auth: open, routes, log }));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('request pipeline (shared by the bridge and the meeting-room listener)', () => {
  it('turns a route that throws, rejects later, or throws a non-Error into a typed 500 and keeps serving', async () => {
    const logged: string[] = [];
    const port = await serve(
      [
        {
          method: 'GET',
          path: '/sync',
          handle: () => {
            throw new Error('boom at /home/someone/secret.sqlite');
          },
        },
        {
          method: 'GET',
          path: '/async',
          handle: async () => {
            await new Promise((r) => setTimeout(r, 5));
            throw new TypeError('later');
          },
        },
        {
          method: 'GET',
          path: '/odd',
          handle: () => {
            throw 'a string';
          },
        },
        { method: 'POST', path: '/echo', handle: async (rc) => jsonReply(200, await rc.readJson()) },
        { method: 'GET', path: '/ok', handle: () => jsonReply(200, { ok: true }) },
      ],
      (m) => logged.push(m),
    );
    for (const p of ['/sync', '/async', '/odd']) {
      const res = await rawGet(port, p);
      expect(res.status, p).toBe(500);
      const env = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
      expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(env.error.message).not.toMatch(/secret|boom|later|a string|\.ts:/);
      expect((await rawGet(port, '/ok')).status).toBe(200);
    }
    expect(logged.filter((l) => l.includes('failed (ref'))).toHaveLength(3);
    expect((await rawPost(port, '/echo', '{"a":[1,2]}')).body).toBe('{"a":[1,2]}');
    expect((await rawGet(port, '/echo')).status).toBe(405);
    expect((await rawGet(port, '/nothing')).status).toBe(404);
  });

  it('decodes targets and hosts defensively', () => {
    expect(parseTarget('/api/app%3Aping?x=1').path).toBe('/api/app:ping');
    for (const bad of ['/%', '/%E0%A4%A', '/%C0%AF', 'http://[', '*', '/a%00b']) expect(() => parseTarget(bad), bad).toThrow();
    expect(hostName('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(hostName('LOCALHOST')).toBe('localhost');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('a:b:c')).toBeNull();
    expect(hostName(undefined)).toBeNull();
  });

  it('measures JSON depth on the bytes, ignoring brackets inside strings and after escapes', () => {
    const d = (s: string) => jsonDepth(Buffer.from(s));
    expect(d('1')).toBe(0);
    expect(d('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(d('{"a":"[[[[{{{"}')).toBe(1);
    expect(d('{"a":"\\"[[["}')).toBe(1);
    expect(d('["ắ[", ["ệ"]]')).toBe(2);
  });
});

describe('process guards', () => {
  it('an unhandled rejection in a host is reported loudly and ends the process with exit code 70', () => {
    const script = [
      "const { installProcessGuards } = await import('./electron/server/process-guards.ts');",
      'installProcessGuards();',
      "Promise.reject(new Error('forgotten promise'));",
      "setTimeout(() => console.log('still running'), 50);",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toContain(UNHANDLED_MARKER);
    expect(r.stderr).toContain('forgotten promise');
    expect(r.stdout).toContain('still running');
    expect(r.status).toBe(EXIT_SOFTWARE);
  });
});
