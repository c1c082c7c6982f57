import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../shared/api/bridge';
import { liveScheduler } from './live';

const event = (channel: string, sessionId: number | null = 7): LiveEvent => ({ channel, sessionId, at: 't', source: 'device' });

describe('liveScheduler: when an open screen refetches after a change on the host', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refetches at once when a sheet is submitted, so the spread warning shows as the last sheet arrives', () => {
    const refresh = vi.fn();
    const s = liveScheduler(7, refresh);
    s.onEvent(event('scoring:submit'));
    expect(refresh).toHaveBeenCalledTimes(1);
    s.onEvent(event('room:revoke'));
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('gathers a stream of answers and heartbeats into one refetch a second', () => {
    const refresh = vi.fn();
    const s = liveScheduler(7, refresh);
    for (let i = 0; i < 50; i++) s.onEvent(event(i % 2 ? 'scoring:setAnswer' : 'room:heartbeat'));
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(refresh).toHaveBeenCalledTimes(1);
    s.onEvent(event('scoring:undo'));
    vi.advanceTimersByTime(999);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('a submission during a gathered stream refetches at once and drops the pending refetch', () => {
    const refresh = vi.fn();
    const s = liveScheduler(7, refresh);
    s.onEvent(event('scoring:setAnswer'));
    s.onEvent(event('scoring:submit'));
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("ignores another session's changes but not changes that name no session", () => {
    const refresh = vi.fn();
    const s = liveScheduler(7, refresh);
    s.onEvent(event('scoring:submit', 8));
    expect(refresh).not.toHaveBeenCalled();
    s.onEvent(event('settings:set', null));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('stop cancels a gathered refetch (the screen was closed)', () => {
    const refresh = vi.fn();
    const s = liveScheduler(7, refresh);
    s.onEvent(event('scoring:setAnswer'));
    s.stop();
    vi.advanceTimersByTime(5000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
