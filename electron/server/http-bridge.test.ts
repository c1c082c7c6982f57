import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/context';
import { memoryCore, tempDir } from '../core/test/fixtures';
import { startBridge, type Bridge } from './http-bridge';
import { SECURITY_HEADERS } from './pipeline';
import { abortedPost, rawGet, rawPost, rawRequest } from './test/raw-http';

let core: Core;
let bridge: Bridge;
let rendererDir: string;
let logged: string[];

beforeEach(async () => {
  core = await memoryCore();
  rendererDir = tempDir('ocop-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body>APP</body></html>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  logged = [];
  bridge = await startBridge({ ctx: core.ctx, rendererDir, maxBodyBytes: 4096, log: (m) => logged.push(m) });
});
afterEach(async () => {
  await bridge.close();
  core.close();
});

const tokenHeader = () => ({ 'x-ocop-token': bridge.token });
const post = (channel: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...tokenHeader(), ...headers },
    body,
  });
/** The server still answers a normal call: the proof that the request before did not kill it. */
async function stillServing(): Promise<void> {
  const env = (await (await post('app:ping', '{}')).json()) as { ok: boolean };
  expect(env.ok).toBe(true);
}
/** A browser session cookie, obtained as a browser does: the one-time address. */
async function signIn(): Promise<string> {
  const res = await fetch(bridge.loginUrl, { redirect: 'manual' });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

describe('HTTP bridge: ordinary use', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\?token=[\w-]{20,}$/);
  });

  it('answers a channel with the envelope', async () => {
    const res = await post('app:info', '{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { host: 'cli', schemaVersion: expect.any(Number) } });
  });

  it('refuses a missing or wrong token with 401 UNAUTHORIZED', async () => {
    const none = await fetch(`${bridge.url}api/app:info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await post('app:info', '{}', { 'x-ocop-token': 'x'.repeat(bridge.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses malformed JSON, non-JSON bodies, oversized bodies and unknown channels; nothing is written', async () => {
    expect(await (await post('settings:set', '{"language":')).json()).toMatchObject({ error: { code: 'BAD_JSON' } });
    const text = await post('settings:set', 'language=en', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const big = await post('settings:set', JSON.stringify({ operatorName: 'x'.repeat(5000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const unknown = await post('nothing:here', '{}');
    expect(unknown.status).toBe(404);
    const wrongType = await post('settings:set', '{"textSize":3}');
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const notUtf8 = await rawPost(
      bridge.port,
      '/api/settings:set',
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      tokenHeader(),
    );
    expect(notUtf8.status).toBe(400);
    expect(JSON.parse(notUtf8.body)).toMatchObject({ error: { code: 'BAD_JSON', message: expect.stringContaining('UTF-8') } });
    expect(await (await post('audit:tail', '{}')).json()).toEqual({ ok: true, value: [] });
  });

  it('refuses GET on the API and requests for another Host (DNS rebinding)', async () => {
    const get = await fetch(`${bridge.url}api/app:info`, { headers: tokenHeader() });
    expect(get.status).toBe(405);
    const rebinding = await rawRequest(
      bridge.port,
      `GET / HTTP/1.1\r\nHost: evil.example:${bridge.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(rebinding.status).toBe(403);
  });
});

describe('HTTP bridge: sign-in (one-time address, HttpOnly session cookie)', () => {
  it('never hands the token to a page that asks', async () => {
    const res = await fetch(bridge.url);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('login?token=');
    expect(html).toContain('Each address works once');
    expect(html).not.toContain(bridge.token);
    expect(html).not.toContain('APP');
    expect((await fetch(`${bridge.url}assets/app.js`)).status).toBe(401);
  });

  it('exchanges the one-time address for a Strict HttpOnly cookie; the address then stops working', async () => {
    const first = await fetch(bridge.loginUrl, { redirect: 'manual' });
    expect(first.status).toBe(200);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^ocop_session_${bridge.port}=[\\w-]{40,}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(await first.text()).toContain('http-equiv="refresh"');
    const cookie = setCookie.split(';')[0]!;

    const again = await fetch(bridge.loginUrl);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('đã được dùng rồi');
    // The same spent address in the signed-in browser just opens the app.
    expect((await fetch(bridge.loginUrl, { headers: { cookie } })).status).toBe(200);

    const page = await fetch(bridge.url, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('APP');
    expect(html).not.toContain(bridge.token);
    const api = await fetch(`${bridge.url}api/app:ping`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await api.json()).toMatchObject({ ok: true });
  });

  it('refuses a wrong login token and a forged cookie', async () => {
    expect((await fetch(`${bridge.url}login?token=nope`)).status).toBe(401);
    expect((await fetch(`${bridge.url}login`)).status).toBe(401);
    const forged = await fetch(bridge.url, { headers: { cookie: `ocop_session_${bridge.port}=${'A'.repeat(43)}` } });
    expect(forged.status).toBe(401);
  });

  it('refuses a cookie request coming from another page (another local port is the same site)', async () => {
    const cookie = await signIn();
    const fromOther = await fetch(`${bridge.url}api/app:ping`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://127.0.0.1:9' },
      body: '{}',
    });
    expect(fromOther.status).toBe(403);
    expect(await fromOther.json()).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    const crossSite = await fetch(`${bridge.url}api/app:ping`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const own = await fetch(`${bridge.url}api/app:ping`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: bridge.url.slice(0, -1), 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(own.status).toBe(200);
  });

  it('mints another one-time address only for a program holding the API token', async () => {
    const cookie = await signIn();
    const byPage = await fetch(`${bridge.url}auth/login-link`, { method: 'POST', headers: { cookie } });
    expect(byPage.status).toBe(401);
    const byProgram = await fetch(`${bridge.url}auth/login-link`, { method: 'POST', headers: tokenHeader() });
    const { value } = (await byProgram.json()) as { value: { path: string } };
    expect((await fetch(new URL(value.path, bridge.url))).status).toBe(200);
  });
});

describe('HTTP bridge: static files and headers', () => {
  it('serves nothing outside the renderer folder: ../, encoded ../ and symlinks pointing out', async () => {
    const cookie = await signIn();
    const outside = tempDir('ocop-outside-');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    fs.symlinkSync(outside, path.join(rendererDir, 'outdir'));
    for (const target of [
      '/assets/link.txt',
      '/outdir/secret.txt',
      '/..%2f..%2fetc%2fpasswd',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const res = await rawGet(bridge.port, target, { cookie });
      // 404, or (a plain "/../../etc/passwd" that URL parsing turns into "/etc/passwd") the app's own page.
      if (res.status !== 404) expect(res.body, target).toContain('APP');
      expect(res.body).not.toContain('SECRET');
      expect(res.body).not.toContain('root:');
    }
    const js = await fetch(`${bridge.url}assets/app.js`, { headers: { cookie } });
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${bridge.url}assets/missing.js`, { headers: { cookie } })).status).toBe(404);
  });

  it('sends the security headers on every answer: page, API, refusal, 404, how-to-open page, malformed request', async () => {
    const cookie = await signIn();
    const answers = [
      await rawGet(bridge.port, '/', { cookie }),
      await rawGet(bridge.port, '/'),
      await rawGet(bridge.port, '/assets/nope.js', { cookie }),
      await rawPost(bridge.port, '/api/app:ping', '{}', tokenHeader()),
      await rawPost(bridge.port, '/api/app:ping', '{}'),
      await rawGet(bridge.port, '/%E0%A4%A'),
    ];
    for (const a of answers) {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(a.headers[k], `${k} on ${a.raw.slice(0, 40)}`).toBe(v);
    }
    expect(SECURITY_HEADERS['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('HTTP bridge: every reproduction of issue 14 is answered, and the server keeps serving', () => {
  it('malformed percent escapes and request targets, without the token → 400', async () => {
    for (const target of ['/%', '/%E0%A4%A', '/%C0%AF', '/api/app:ping%ZZ', '/%00', '/assets/%ff']) {
      const res = await rawGet(bridge.port, target);
      expect(res.status, target).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      await stillServing();
    }
    const apiPercent = await rawPost(bridge.port, '/api/%', '{}');
    expect(apiPercent.status).toBe(400);
    const absolute = await rawRequest(
      bridge.port,
      `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nConnection: close\r\n\r\n`,
    );
    expect([400]).toContain(absolute.status);
    const star = await rawRequest(
      bridge.port,
      `OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(star.status).toBe(400);
    const garbage = await rawRequest(bridge.port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    await stillServing();
  });

  it('JSON nested 3,000–100,000 levels → 400 BAD_JSON before any recursive work', async () => {
    const big = await startBridge({ ctx: core.ctx, log: () => {} });
    try {
      for (const depth of [65, 3000, 5000, 100_000]) {
        const body = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
        const res = await rawPost(big.port, '/api/settings:set', body, { 'x-ocop-token': big.token });
        expect(res.status, String(depth)).toBe(400);
        expect(JSON.parse(res.body)).toMatchObject({
          ok: false,
          error: { code: 'BAD_JSON', message: expect.stringContaining('nested more than 64') },
        });
        const arr = '['.repeat(depth) + ']'.repeat(depth);
        expect(
          (await rawPost(big.port, '/api/scoring:importPreview', `{"document":${arr}}`, { 'x-ocop-token': big.token })).status,
        ).toBe(400);
      }
      // Brackets inside strings do not count.
      const inString = await rawPost(big.port, '/api/app:ping', JSON.stringify({ x: '['.repeat(5000) }), {
        'x-ocop-token': big.token,
      });
      expect(JSON.parse(inString.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      await big.close();
    }
    await stillServing();
  });

  it('a client that disconnects mid-body is dropped; nothing unhandled, the server keeps serving', async () => {
    for (let i = 0; i < 5; i++) await abortedPost(bridge.port, '/api/settings:set', tokenHeader(), 3000, 100 + i * 200);
    await abortedPost(bridge.port, '/api/settings:set', {}, 3000, 100);
    await new Promise((r) => setTimeout(r, 50));
    await stillServing();
    expect(await (await post('audit:tail', '{}')).json()).toEqual({ ok: true, value: [] });
  });

  it('an x-ocop-actor header with a bad escape → 400 BAD_REQUEST', async () => {
    for (const actor of ['%', '%E0%A4%A', '%C0%AF']) {
      const res = await rawPost(bridge.port, '/api/app:ping', '{}', { ...tokenHeader(), 'x-ocop-actor': actor });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({
        error: { code: 'BAD_REQUEST', message: expect.stringContaining('x-ocop-actor') },
      });
    }
    await stillServing();
  });

  it('a NUL character in a search is a typed VALIDATION refusal, with no path or SQL in the answer', async () => {
    const env = (await (await post('registrations:list', JSON.stringify({ search: 'nước\u0000mắm' }))).json()) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(env.error.message).toContain('NUL');
    expect(env.error.message).not.toMatch(/sqlite|SELECT|\/tmp|ocop-test/i);
  });

  it('a handler that throws a plain error answers a typed 500 with a reference, never a stack', async () => {
    // A CHECK constraint failure that no service check catches stands in for "a bug in a handler".
    core.ctx.sqlite.exec(
      "CREATE TRIGGER boom BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'secret detail /tmp/x'); END;",
    );
    const res = await post('settings:set', JSON.stringify({ operatorName: 'Nguyễn Văn A' }));
    const env = (await res.json()) as { ok: boolean; error: { code: string; message: string; details: { ref: string } } };
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(env.error.message).toMatch(/reference [0-9a-f]{8}/);
    expect(env.error.message).not.toContain('secret detail');
    expect(env.error.message).not.toContain('/tmp');
    expect(JSON.stringify(env)).not.toMatch(/at .*\.ts:\d+/);
    expect(logged.some((l) => l.includes(env.error.details.ref))).toBe(true);
    await stillServing();
  });
});
