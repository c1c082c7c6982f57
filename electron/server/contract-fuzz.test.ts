import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/api/errors';
import { invoke } from '../core/api';
import type { Core } from '../core/context';
import { memoryCore } from '../core/test/fixtures';
import { startBridge, type Bridge } from './http-bridge';
import { casesFor, changedRows, databaseFingerprint } from './test/fuzz-cases';
import { rawPost } from './test/raw-http';

/**
 * Every channel of the contract, attacked through the live HTTP bridge with inputs generated from
 * its own input schema: wrong types for each field, missing and unknown fields, huge and deeply
 * nested values, NUL and lone surrogates, prototype keys. Each answer must be a typed envelope
 * (never INTERNAL, never a path), the server must keep answering, and a refused call must leave
 * the database exactly as it was (a hash of every table).
 */

let core: Core;
let bridge: Bridge;
const logged: string[] = [];

beforeAll(async () => {
  core = await memoryCore();
  const demo = await invoke(core.ctx, 'demo:create', { seed: 7 });
  expect(demo.ok).toBe(true);
  bridge = await startBridge({ ctx: core.ctx, log: (m) => logged.push(m) });
}, 120_000);
afterAll(async () => {
  await bridge?.close();
  core?.close();
});

const changes = () => changedRows(core.ctx.sqlite);
const fingerprint = () => databaseFingerprint(core.ctx.sqlite);

describe('contract fuzz over every channel, through the live HTTP bridge', () => {
  it(
    'answers every generated input with a typed envelope, keeps serving, and never changes the database on a refusal',
    async () => {
      let state = fingerprint();
      let changed = changes();
      const codes = new Map<string, number>();
      let calls = 0;
      const accepted: string[] = [];
      for (const channel of channelNames) {
        for (const body of casesFor(channel)) {
          const res = await rawPost(bridge.port, `/api/${channel}`, body, { 'x-ocop-token': bridge.token });
          calls++;
          const where = `${channel} ← ${body.slice(0, 80)}`;
          expect(res.status, where).not.toBe(0);
          expect(res.status, where).not.toBe(500);
          const env = JSON.parse(res.body) as { ok: boolean; error?: { code: string; message: string } };
          if (env.ok) {
            // The generated input was valid for this channel (e.g. {} or a value in a z.unknown field):
            // it may have written; what matters is the next refusal.
            accepted.push(channel);
            state = fingerprint();
            changed = changes();
            continue;
          }
          expect(ERROR_CODES, where).toContain(env.error!.code);
          expect(env.error!.code, `${where}: ${env.error!.message}`).not.toBe('INTERNAL');
          expect(env.error!.message, where).not.toContain(core.ctx.paths.dataDir);
          expect(env.error!.message, where).not.toMatch(/SQLITE_|\bat \S+\.ts:\d+/);
          codes.set(env.error!.code, (codes.get(env.error!.code) ?? 0) + 1);
          if (changes() !== changed) {
            expect(fingerprint(), `${where} changed the database`).toBe(state);
            changed = changes();
          }
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(logged.filter((l) => l.includes('failed (ref'))).toEqual([]);
      // Every channel was reached, and the refusals were the typed ones.
      expect(calls).toBeGreaterThan(channelNames.length * 20);
      expect([...codes.keys()]).toEqual(expect.arrayContaining(['VALIDATION', 'BAD_JSON']));
      console.info(
        `contract fuzz: ${calls} calls, refusals ${JSON.stringify(Object.fromEntries(codes))}, accepted on ${[...new Set(accepted)].join(' ')}`,
      );
      const ping = await rawPost(bridge.port, '/api/app:ping', '{}', { 'x-ocop-token': bridge.token });
      expect(JSON.parse(ping.body)).toMatchObject({ ok: true });
    },
    15 * 60_000,
  );
});
