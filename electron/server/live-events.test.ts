import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/context';
import { call } from '../core/test/call';
import { memoryCore } from '../core/test/fixtures';
import { startBridge, type Bridge } from './http-bridge';

let core: Core;
let bridge: Bridge;
beforeEach(async () => {
  core = await memoryCore();
  bridge = await startBridge({ ctx: core.ctx, log: () => {} });
});
afterEach(async () => {
  await bridge.close();
  core.close();
});

/** Reads the stream until `want` events arrived (or gives up after `ms`). */
async function readEvents(res: Response, want: number, ms = 5000): Promise<unknown[]> {
  const reader = res.body!.getReader();
  const events: unknown[] = [];
  let text = '';
  const deadline = Date.now() + ms;
  while (events.length < want && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
    if (chunk === null || chunk.done) continue;
    text += new TextDecoder().decode(chunk.value);
    for (const m of text.matchAll(/event: change\ndata: (.*)\n\n/g)) events.push(JSON.parse(m[1]!));
    text = text.slice(text.lastIndexOf('\n\n') + 2);
  }
  await reader.cancel();
  return events;
}

describe('GET /api/events (server-sent events for live screens)', () => {
  it('streams what changed to a signed-in caller, and stops listening when the client goes away', async () => {
    const res = await fetch(`${bridge.url}api/events`, { headers: { 'x-ocop-token': bridge.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    await new Promise((r) => setTimeout(r, 50));
    expect(core.ctx.events.size).toBe(1);
    const round = await call(core, 'rounds:create', { year: 2026, number: 1, endDate: '2026-06-30', deadlineDate: '2026-04-30' });
    expect(round.id).toBeGreaterThan(0);
    // rounds:create changes nothing the live screens show: no event. A room start attempt that fails: none either.
    core.ctx.events.emit({ channel: 'scoring:submit', sessionId: 3, at: 't', source: 'device' });
    const events = await readEvents(res, 1);
    expect(events).toEqual([{ channel: 'scoring:submit', sessionId: 3, at: 't', source: 'device' }]);
    for (let i = 0; i < 50 && core.ctx.events.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(core.ctx.events.size).toBe(0);
  });

  it('refuses a caller without the session cookie or token', async () => {
    const res = await fetch(`${bridge.url}api/events`);
    expect(res.status).toBe(401);
    expect(core.ctx.events.size).toBe(0);
  });
});
