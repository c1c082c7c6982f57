import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppScheme, resolveAppFile } from './app-protocol';
import { APP_ENTRY } from './app-url';
import { APP_CSP_HEADER } from './csp';

// A real folder on disk: the renderer build, a secret beside it, and links in both directions.
let base: string;
let root: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Hội đồng OCOP</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'assets', 'pdf.worker.min-x.mjs'), 'self.onmessage = () => {}');
  fs.writeFileSync(path.join(root, 'assets', 'hướng-dẫn.txt'), 'Vietnamese name');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'ocop.sqlite password');
  fs.mkdirSync(path.join(base, 'elsewhere'));
  fs.writeFileSync(path.join(base, 'elsewhere', 'data.json'), '{}');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
  fs.symlinkSync(path.join(base, 'elsewhere'), path.join(root, 'outside'));
  fs.symlinkSync(path.join(root, 'assets', 'index-abc.js'), path.join(root, 'alias.js'));
  // The install folder itself reached through a link (e.g. /opt/ocop → /usr/lib/ocop).
  fs.symlinkSync(root, path.join(base, 'renderer-link'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET', dir = root) =>
  createAppProtocolHandler({ rendererDir: dir, csp: APP_CSP_HEADER })(new Request(url, { method }));

describe('resolveAppFile', () => {
  it('maps app://ocop/ and its paths to files of the renderer folder', () => {
    const real = fs.realpathSync(root);
    expect(resolveAppFile(root, 'app://ocop/')).toEqual({ ok: true, file: path.join(real, 'index.html') });
    expect(resolveAppFile(root, `${APP_ENTRY}#/dossiers`)).toEqual({ ok: true, file: path.join(real, 'index.html') });
    expect(resolveAppFile(root, 'app://ocop/assets/index-abc.js?v=1')).toEqual({
      ok: true,
      file: path.join(real, 'assets', 'index-abc.js'),
    });
    expect(resolveAppFile(root, `app://ocop/assets/${encodeURIComponent('hướng-dẫn.txt')}`).ok).toBe(true);
  });

  it.each([
    ['an encoded ../ (%2F)', 'app://ocop/..%2Fsecret.txt', 403],
    ['an encoded ../ deeper down', 'app://ocop/assets/..%2F..%2Fsecret.txt', 403],
    ['an encoded ../ to a sibling folder', 'app://ocop/..%2Felsewhere%2Fdata.json', 403],
    ['a double-encoded dot-dot reaching the folder itself', 'app://ocop/%2e%2e%2f', 403],
    ['a NUL byte', 'app://ocop/index.html%00.js', 400],
    ['broken percent-encoding', 'app://ocop/assets/%E0%A4%A', 400],
    ['another host', 'app://evil/index.html', 404],
    ['a port or credentials', 'app://user:pw@ocop/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['a folder', 'app://ocop/assets', 404],
    ['a missing file', 'app://ocop/assets/nope.js', 404],
  ])('refuses %s', (_what, url, status) => {
    const r = resolveAppFile(root, url);
    expect(r.ok).toBe(false);
    expect(r.ok ? 0 : r.status).toBe(status);
  });

  it('plain ../ never leaves the folder: the URL parser removes it, so the secret is simply not found', () => {
    for (const url of ['app://ocop/../secret.txt', 'app://ocop/%2e%2e/secret.txt', 'app://ocop/assets/../../secret.txt']) {
      expect(resolveAppFile(root, url)).toMatchObject({ ok: false, status: 404 });
    }
  });

  it('refuses a link inside the folder that points outside it (file or folder)', () => {
    expect(resolveAppFile(root, 'app://ocop/assets/leak.txt')).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile(root, 'app://ocop/outside/data.json')).toMatchObject({ ok: false, status: 403 });
  });

  it('follows a link that stays inside, and serves a renderer folder reached through a link', () => {
    expect(resolveAppFile(root, 'app://ocop/alias.js')).toMatchObject({ ok: true });
    expect(resolveAppFile(path.join(base, 'renderer-link'), 'app://ocop/assets/index-abc.js')).toMatchObject({ ok: true });
    expect(resolveAppFile(path.join(base, 'renderer-link'), 'app://ocop/assets/leak.txt')).toMatchObject({ status: 403 });
  });

  it.runIf(process.platform !== 'win32')('treats a backslash as part of a name on POSIX (never as a way out)', () => {
    expect(resolveAppFile(root, 'app://ocop/..%5Csecret.txt')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('the app: protocol handler', () => {
  it('serves index.html with its type, the CSP and nosniff', async () => {
    const res = await get('app://ocop/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP_HEADER);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Hội đồng OCOP');
  });

  it('serves scripts and the module worker as JavaScript', async () => {
    expect((await get('app://ocop/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://ocop/assets/pdf.worker.min-x.mjs')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it('answers refusals with a bare status: nothing about the disk reaches the page', async () => {
    for (const url of ['app://ocop/..%2Fsecret.txt', 'app://ocop/assets/leak.txt', 'app://ocop/nope']) {
      const res = await get(url);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await res.text()).toBe('');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://ocop/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://ocop/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('logs what it refused', async () => {
    const log = vi.fn();
    await createAppProtocolHandler({ rendererDir: root, csp: 'x', log })(new Request('app://ocop/..%2Fsecret.txt'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('outside the renderer folder'));
  });
});

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure scheme with fetch, CORS and code cache, and no CSP bypass', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: APP_SCHEME_PRIVILEGES },
    ]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      codeCache: true,
    });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });
});
