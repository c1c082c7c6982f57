import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../main/ipc';
import { contextBridge, ipcRenderer } from '../main/test/fake-electron';

vi.mock('electron', () => import('../main/test/fake-electron'));

type Invoke = (channel: unknown, input?: unknown) => Promise<unknown>;
let exposed: Record<string, unknown>;
let exposeCalls: unknown[][];

beforeAll(async () => {
  await import('./index');
  // Vitest clears mock call records before each test: keep the preload's calls now.
  exposeCalls = [...contextBridge.exposeInMainWorld.mock.calls];
  exposed = contextBridge.exposed.get('ocop') as Record<string, unknown>;
});
beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.on.mockClear();
  ipcRenderer.removeListener.mockClear();
});

describe('preload', () => {
  it('exposes exactly one API, window.ocop, with only invoke, savePdf, watchChanges and backupFile', () => {
    expect(exposeCalls).toHaveLength(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['ocop']);
    expect(Object.keys(exposed)).toEqual(['invoke', 'savePdf', 'watchChanges', 'backupFile']);
    expect(typeof exposed.invoke).toBe('function');
    expect(typeof exposed.savePdf).toBe('function');
    expect(typeof exposed.watchChanges).toBe('function');
    expect(typeof exposed.backupFile).toBe('function');
  });

  it('watchChanges listens on ocop:event only, passes the event without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = (exposed.watchChanges as (l: (e: unknown) => void) => () => void)((e) => seen.push(e));
    expect(ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, forward] = ipcRenderer.on.mock.calls[0]!;
    expect(channel).toBe('ocop:event');
    forward({ sender: ipcRenderer }, { channel: 'scoring:submit', sessionId: 1, at: 'x', source: 'device' });
    expect(seen).toEqual([{ channel: 'scoring:submit', sessionId: 1, at: 'x', source: 'device' }]);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('ocop:event', forward);
  });

  it('sends backup file requests on ocop:backupFile only', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { done: false, path: null } });
    const env = await (exposed.backupFile as (r: unknown) => Promise<unknown>)({ action: 'saveCopy' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('ocop:backupFile', { action: 'saveCopy' });
    expect(env).toEqual({ ok: true, value: { done: false, path: null } });
  });

  it('sends savePdf requests on ocop:savePdf only, and turns a failed call into an envelope', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 45]);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { saved: true, path: '/home/u/a.pdf' } });
    const env = await (exposed.savePdf as (r: unknown) => Promise<unknown>)({ fileName: 'a.pdf', bytes });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('ocop:savePdf', { fileName: 'a.pdf', bytes });
    expect(env).toEqual({ ok: true, value: { saved: true, path: '/home/u/a.pdf' } });
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('main is quitting'));
    expect(await (exposed.savePdf as (r: unknown) => Promise<unknown>)({ fileName: 'a.pdf', bytes })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Saving did not reach the application: main is quitting' },
    });
  });

  it('never exposes ipcRenderer or anything holding it', () => {
    expect(Object.values(exposed)).not.toContain(ipcRenderer);
    expect(JSON.stringify(Object.keys(exposed))).not.toMatch(/ipc|send|on/i);
  });

  it('forwards { channel, input } on the single IPC channel and returns the envelope', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { echo: 'a' } });
    const env = await (exposed.invoke as Invoke)('app:ping', { echo: 'a' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNEL, { channel: 'app:ping', input: { echo: 'a' } });
    expect(env).toEqual({ ok: true, value: { echo: 'a' } });
  });

  it('sends {} when no input is given', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: {} });
    await (exposed.invoke as Invoke)('settings:get');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, { channel: 'settings:get', input: {} });
  });

  it.each([
    42,
    null,
    undefined,
    { toString: () => 'app:info' },
    '',
    'app',
    'app:info;rm',
    'ocop:invoke\n',
    `a:${'b'.repeat(200)}`,
  ])('refuses the channel name %j without sending anything', async (channel) => {
    const env = (await (exposed.invoke as Invoke)(channel, {})) as { ok: boolean; error: { code: string } };
    expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call (uncloneable input, main shutting down) into an INTERNAL envelope', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    const env = await (exposed.invoke as Invoke)('app:ping', { f: () => 1 });
    expect(env).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The call app:ping did not reach the application core: An object could not be cloned.',
      },
    });
  });

  it("imports nothing at run time except 'electron' (sandboxed preloads can require nothing else)", () => {
    const source = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
    const imports = [...source.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({
      typeOnly: Boolean(m[1]),
      from: m[2],
    }));
    expect(imports.length).toBeGreaterThan(1);
    expect(imports.filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\(|import\(/);
  });
});
