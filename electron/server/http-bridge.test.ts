import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/context';
import { memoryCore, tempDir } from '../core/test/core-fixture';
import { startBridge, type Bridge } from './http-bridge';

let core: Core;
let bridge: Bridge;
let rendererDir: string;

beforeEach(async () => {
  core = await memoryCore();
  rendererDir = tempDir('ocop-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  bridge = await startBridge({ ctx: core.ctx, rendererDir, maxBodyBytes: 1024, log: () => {} });
});
afterEach(async () => {
  await bridge.close();
  core.close();
});

const post = (channel: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ocop-token': bridge.token, ...headers },
    body,
  });

describe('HTTP bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers a channel with the envelope', async () => {
    const res = await post('app:info', '{}');
    expect(res.status).toBe(200);
    const env = await res.json();
    expect(env).toMatchObject({ ok: true, value: { host: 'cli', schemaVersion: expect.any(Number) } });
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
    const big = await post('settings:set', JSON.stringify({ operatorName: 'x'.repeat(2000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const unknown = await post('nothing:here', '{}');
    expect(unknown.status).toBe(404);
    const wrongType = await post('settings:set', '{"textSize":3}');
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await (await post('audit:tail', '{}')).json()).toEqual({ ok: true, value: [] });
  });

  it('refuses GET on the API and requests for another Host (DNS rebinding)', async () => {
    const get = await fetch(`${bridge.url}api/app:info`, { headers: { 'x-ocop-token': bridge.token } });
    expect(get.status).toBe(405);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: bridge.port, path: '/', headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with the run token injected, and nothing outside its folder', async () => {
    const html = await (await fetch(bridge.url)).text();
    expect(html).toContain(`<meta name="ocop-api-token" content="${bridge.token}">`);
    const js = await fetch(`${bridge.url}assets/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    const traversal = await fetch(`${bridge.url}..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
    const missing = await fetch(`${bridge.url}assets/missing.js`);
    expect(missing.status).toBe(404);
  });
});
