import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

/** Renderer build used by the bridge: `npm run build` output, or OCOP_OUT_DIR/renderer for parallel builds. */
export const RENDERER_DIR = path.resolve(process.env.OCOP_OUT_DIR ?? 'out', 'renderer');

export interface ServedApp {
  url: string;
  token: string;
  dataDir: string;
  /** Calls a channel through the bridge, as the renderer does (for arranging data quickly). */
  api: <T = unknown>(channel: string, input?: unknown) => Promise<T>;
}

/** Starts `ocop serve` (the real CLI) on a fresh data folder and waits for its JSON line. */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(
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
      dataDir,
      '--renderer',
      RENDERER_DIR,
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env },
    },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const started = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`ocop serve did not start in 30 s.\nstdout: ${out}\nstderr: ${err}`)),
      30_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/\{[\s\S]*?"token"[\s\S]*?\}/);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[0]) as { url: string; token: string });
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
export const test = base.extend<{ app: ServedApp; operatorName: string }>({
  operatorName: ['Thư ký kiểm thử', { option: true }],
  app: async ({ page, operatorName }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-'));
    const { child, url, token } = await startServe(dataDir);
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
    await use({ url, token, dataDir, api });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
