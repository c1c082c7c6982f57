import { invoke } from '../electron/core/api';
import type { Core } from '../electron/core/context';
import { memoryCore } from '../electron/core/test/fixtures';
import { startBridge, type Bridge } from '../electron/server/http-bridge';
import { defineCases } from './harness';

interface State {
  core: Core;
  bridge: Bridge;
}

const setup = async (): Promise<State> => {
  const core = await memoryCore();
  const bridge = await startBridge({ ctx: core.ctx, log: () => {} });
  return { core, bridge };
};
const teardown = async (s: State) => {
  await s.bridge.close();
  s.core.close();
};

export const cases = defineCases<State>(
  {
    name: 'app:ping through the core directly (invoke: validate, handle, validate output)',
    setup,
    teardown,
    iterations: 5000,
    warmup: 500,
    run: async (s) => {
      const r = await invoke(s.core.ctx, 'app:ping', { echo: 'xin chào' });
      if (!r.ok) throw new Error(r.error.message);
    },
    target: { medianMs: 0.1 },
  },
  {
    name: 'app:ping through the HTTP bridge (127.0.0.1, token, JSON)',
    setup,
    teardown,
    iterations: 2000,
    warmup: 200,
    run: async (s) => {
      const res = await fetch(`${s.bridge.url}api/app:ping`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ocop-token': s.bridge.token },
        body: '{"echo":"xin chào"}',
      });
      const env = (await res.json()) as { ok: boolean };
      if (!env.ok) throw new Error('ping failed');
    },
    target: { medianMs: 2 },
  },
);
