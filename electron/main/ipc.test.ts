import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/api/contract';
import { ok } from '../../shared/api/envelope';
import { invoke } from '../core/api';
import type { Core } from '../core/context';
import { memoryCore } from '../core/test/fixtures';
import { APP_ENTRY, isAppUrl, resolveAppLocation } from './app-url';
import { INVOKE_CHANNEL, registerIpc, type IpcOptions } from './ipc';
import { ipcMain, resetFakeElectron } from './test/fake-electron';

const rendererDir = path.resolve('/opt/ocop/out/renderer');
const loc = resolveAppLocation({ isPackaged: true, rendererDir });
const appPage = APP_ENTRY;

/** An IPC event as Electron builds it: the sending frame, and its parent (null for the main frame). */
const fromFrame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } });
const fromApp = fromFrame(`${appPage}#/settings`);

let core: Core;
beforeEach(async () => {
  resetFakeElectron();
  core = await memoryCore();
});
afterEach(() => core.close());

function register(extra: Partial<IpcOptions> = {}) {
  const reg = registerIpc(ipcMain as never, { ctx: core.ctx, isAppUrl: (u) => isAppUrl(u, loc), log: () => {}, ...extra });
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL)!;
  const call = (event: object, request: unknown) =>
    handler(event, request) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  return { reg, call };
}

const auditCount = async () =>
  Number(
    (
      await core.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('registerIpc', () => {
  it('registers a single handler, on ocop:invoke', () => {
    register();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect([...ipcMain.handlers.keys()]).toEqual(['ocop:invoke']);
  });

  it('serves every channel of the contract, each reaching the core under its own name', async () => {
    const spy = vi.fn(async (_ctx: unknown, channel: string) => ok({ reached: channel }));
    const { reg, call } = register({ invoke: spy as never });
    expect(reg.channels).toEqual(channelNames);
    expect(channelNames.length).toBeGreaterThan(0);
    for (const channel of channelNames) {
      expect(await call(fromApp, { channel, input: {} }), channel).toEqual({ ok: true, value: { reached: channel } });
    }
    expect(spy.mock.calls.map((c) => c[1])).toEqual(channelNames);
  });

  it('answers a real call from the app page with the core envelope', async () => {
    const { call } = register();
    const env = await call(fromApp, { channel: 'app:ping', input: { echo: 'xin chào' } });
    expect(env).toEqual({ ok: true, value: { echo: 'xin chào', at: expect.any(String) } });
  });

  it.each([
    ['a web page', fromFrame('https://example.com/')],
    ['a file on disk (the old file: page included)', fromFrame(`file://${path.join(rendererDir, 'index.html')}`)],
    ['another file of the build', fromFrame('app://ocop/assets/x.html')],
    ['another host of the app scheme', fromFrame('app://evil/index.html')],
    ['a sub-frame of the app page', fromFrame(appPage, { url: appPage })],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with FORBIDDEN_SENDER and writes nothing', async (_what, event) => {
    const spy = vi.fn(invoke);
    const { call } = register({ invoke: spy as never });
    const before = await auditCount();
    const env = await call(event, { channel: 'settings:set', input: { language: 'en' } });
    expect(env.ok).toBe(false);
    expect(env.error?.code).toBe('FORBIDDEN_SENDER');
    expect(env.error?.message).toMatch(/only from the app's own page/);
    expect(spy).not.toHaveBeenCalled();
    expect(await auditCount()).toBe(before);
    expect(await invoke(core.ctx, 'settings:get', {})).toMatchObject({ ok: true, value: { language: 'vi' } });
  });

  it.each([null, 'app:info', 42, { input: {} }, { channel: 7, input: {} }])(
    'answers BAD_JSON to a malformed request %j',
    async (request) => {
      const { call } = register();
      expect((await call(fromApp, request)).error?.code).toBe('BAD_JSON');
    },
  );

  it.each(['nope:nothing', '__proto__', 'constructor', 'toString', ''])(
    'answers UNKNOWN_CHANNEL for %j without calling the core',
    async (channel) => {
      const spy = vi.fn(invoke);
      const { call } = register({ invoke: spy as never });
      const env = await call(fromApp, { channel, input: {} });
      expect(env.error?.code).toBe('UNKNOWN_CHANNEL');
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it('passes the core’s validation errors through unchanged', async () => {
    const { call } = register();
    const env = await call(fromApp, { channel: 'settings:set', input: { language: 'fr' } });
    expect(env.error?.code).toBe('VALIDATION');
    expect(env.error?.message).toContain('language');
  });

  it('names the operator from settings as the actor in the audit log', async () => {
    const { call } = register({ actor: () => 'Nguyễn Thị Thư Ký' });
    expect((await call(fromApp, { channel: 'settings:set', input: { textSize: 'large' } })).ok).toBe(true);
    const tail = await invoke(core.ctx, 'audit:tail', { limit: 1 });
    expect(tail.ok && tail.value[0]).toMatchObject({ actor: 'Nguyễn Thị Thư Ký', action: 'settings.set' });
  });

  it('tells main about successful calls only (menu language follows settings:set)', async () => {
    const afterCall = vi.fn();
    const { call } = register({ afterCall });
    await call(fromApp, { channel: 'settings:set', input: { language: 'fr' } });
    expect(afterCall).not.toHaveBeenCalled();
    await call(fromApp, { channel: 'settings:set', input: { language: 'en' } });
    expect(afterCall).toHaveBeenCalledExactlyOnceWith('settings:set', expect.objectContaining({ language: 'en' }));
  });

  it('still answers when the after-call hook throws', async () => {
    const { call } = register({
      afterCall: () => {
        throw new Error('menu broke');
      },
    });
    expect((await call(fromApp, { channel: 'app:ping', input: {} })).ok).toBe(true);
  });

  it('drain waits for calls in flight; dispose stops serving', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = vi.fn(async () => {
      await gate;
      return ok({});
    });
    const { reg, call } = register({ invoke: slow as never });
    const pending = call(fromApp, { channel: 'app:ping', input: {} });
    expect(reg.inFlight()).toBe(1);
    let drained = false;
    const draining = reg.drain(10_000).then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    release();
    await pending;
    await draining;
    expect(drained).toBe(true);
    expect(reg.inFlight()).toBe(0);
    reg.dispose();
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
  });

  it('drain gives up after its timeout', async () => {
    const { reg, call } = register({ invoke: (() => new Promise(() => {})) as never });
    void call(fromApp, { channel: 'app:ping', input: {} });
    const t0 = Date.now();
    await reg.drain(50);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
    expect(reg.inFlight()).toBe(1);
  });
});
