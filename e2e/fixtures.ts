import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

/** Renderer build used by the bridge: `npm run build` output, or OCOP_OUT_DIR/renderer for parallel builds. */
export const RENDERER_DIR = path.resolve(process.env.OCOP_OUT_DIR ?? 'out', 'renderer');

export interface ServedApp {
  /** The base address; the fixture's page is already signed in (session cookie). */
  url: string;
  /** API token for programs (x-ocop-token header); pages never get it. */
  token: string;
  dataDir: string;
  /** Calls a channel through the bridge, as the renderer does (for arranging data quickly). */
  api: <T = unknown>(channel: string, input?: unknown) => Promise<T>;
  /** Signs another page (another browser context) in, through a fresh one-time address. */
  login: (page: Page) => Promise<void>;
}

/** A fresh one-time sign-in address from a running bridge (programs with the API token may ask). */
export async function newLoginUrl(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}auth/login-link`, { method: 'POST', headers: { 'x-ocop-token': token } });
  const env = (await res.json()) as { ok: boolean; value: { path: string } };
  return new URL(env.value.path, url).toString();
}

/**
 * Signs a page's browser context in as a person would (the one-time address, exchanged for the
 * HttpOnly session cookie), without loading the app: page.request shares the context's cookies.
 */
export async function loginPage(page: Page, loginUrl: string): Promise<void> {
  const res = await page.request.get(loginUrl);
  if (res.status() !== 200) throw new Error(`sign-in through ${loginUrl} answered ${res.status()}`);
}

/** Starts `ocop serve` (the real CLI) on a fresh data folder and waits for its JSON line. */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  /** Runs the server through another program (e2e/read-only.spec.ts: inside a read-only mount). */
  wrap: (command: string, args: string[]) => [string, string[]] = (c, a) => [c, a],
): Promise<{ child: ChildProcess; url: string; token: string; loginUrl: string }> {
  const child = spawn(
    ...wrap(process.execPath, [
      '--import',
      'tsx',
      'electron/cli/index.ts',
      'serve',
      '--json',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--renderer',
      RENDERER_DIR,
      ...extraArgs,
    ]),
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env },
    },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const started = await new Promise<{ url: string; token: string; loginUrl: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`ocop serve did not start in 90 s.\nstdout: ${out}\nstderr: ${err}`)),
      // tsx compiles the CLI at start: on the shared 2-core machine under load that alone took over 30 s.
      90_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/\{[\s\S]*?"token"[\s\S]*?\}/);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[0]) as { url: string; token: string; loginUrl: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ocop serve exited with ${code}.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  return { child, ...started };
}

/**
 * `operatorName`: the name saved before the page opens, so that the first-start prompt (which asks
 * for it) does not cover every test; `test.use({ operatorName: '' })` starts truly empty.
 */
export const test = base.extend<{ app: ServedApp; operatorName: string; serveArgs: string[] }>({
  operatorName: ['Thư ký kiểm thử', { option: true }],
  /** Extra `ocop serve` arguments for a spec (`test.use({ serveArgs: [...] })`), e.g. the meeting-room address. */
  serveArgs: [[], { option: true }],
  app: async ({ page, operatorName, serveArgs }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-'));
    const { child, url, token, loginUrl } = await startServe(dataDir, serveArgs);
    const api: ServedApp['api'] = async (channel, input = {}) => {
      const res = await fetch(`${url}api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ocop-token': token },
        body: JSON.stringify(input),
      });
      const env = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      if (!env.ok) throw new Error(`${channel} failed: ${env.error?.code} ${env.error?.message}`);
      return env.value as never;
    };
    if (operatorName) await api('settings:set', { operatorName });
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await loginPage(page, loginUrl);
    const login = async (other: Page) => loginPage(other, await newLoginUrl(url, token));
    await use({ url, token, dataDir, api, login });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
