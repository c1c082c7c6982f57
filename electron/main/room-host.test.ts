import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/context';
import type { CoreEvent } from '../core/events';
import { memoryCore, tempDir } from '../core/test/fixtures';
import { call } from '../core/test/call';
import { attachRoomHost, LIVE_EVENT_CHANNEL } from './room-host';

let core: Core | null = null;
afterEach(() => core?.close());

describe('meeting-room host in the main process', () => {
  it('gives the core a LAN host and forwards change events to the window until disposed', async () => {
    core = await memoryCore();
    const sent: [string, CoreEvent][] = [];
    const host = attachRoomHost({
      ctx: core.ctx,
      rendererDir: tempDir(),
      dataDir: tempDir(),
      send: (channel, e) => sent.push([channel, e]),
      log: () => {},
    });
    expect(core.ctx.lan).toBeDefined();
    expect((await call(core, 'room:status', {})).available).toBe(true);
    await call(core, 'rounds:create', { year: 2026, number: 1, endDate: '2026-06-30', deadlineDate: '2026-04-30' });
    await call(core, 'room:status', {});
    // Reads are not events; room:status is a read. A live channel's success is.
    expect(sent).toEqual([]);
    core.ctx.events.emit({ channel: 'scoring:submit', sessionId: 1, at: 'x', source: 'device' });
    expect(sent).toEqual([[LIVE_EVENT_CHANNEL, { channel: 'scoring:submit', sessionId: 1, at: 'x', source: 'device' }]]);
    await host.dispose();
    expect(core.ctx.lan).toBeUndefined();
    core.ctx.events.emit({ channel: 'scoring:submit', sessionId: 1, at: 'y', source: 'device' });
    expect(sent).toHaveLength(1);
    expect((await call(core, 'room:status', {})).available).toBe(false);
  });
});
