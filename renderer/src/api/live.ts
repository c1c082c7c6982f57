import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Channel } from '../../../shared/api/contract';

import type { LiveEvent } from '../../../shared/api/bridge';

type Unsubscribe = () => void;

/**
 * Subscribes to the host's change events: Electron's preload when it offers them, else the
 * bridge's server-sent events at /api/events (the session cookie authenticates the stream).
 * Reconnects by itself (EventSource does); returns the unsubscribe.
 */
export function subscribeLive(onEvent: (e: LiveEvent) => void): Unsubscribe {
  if (window.ocop?.watchChanges) return window.ocop.watchChanges(onEvent);
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/api/events');
  source.addEventListener('change', (m) => {
    try {
      onEvent(JSON.parse((m as MessageEvent<string>).data) as LiveEvent);
    } catch {
      // A malformed line is skipped; the next one is read.
    }
  });
  return () => source.close();
}

/**
 * What a screen does with the host's change events: refetch at once for submissions and room
 * changes (the spread warning appears as the last sheet of a product arrives), at most once a
 * second for the stream of answers from many devices. Events of other sessions are ignored.
 */
export function liveScheduler(sessionId: number, refresh: () => void): { onEvent: (e: LiveEvent) => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    refresh();
  };
  return {
    onEvent: (e) => {
      if (e.sessionId !== null && e.sessionId !== sessionId) return;
      const urgent = !/^scoring:set|^scoring:undo|^room:heartbeat/.test(e.channel);
      if (urgent) {
        if (timer) clearTimeout(timer);
        run();
      } else if (!timer) {
        timer = setTimeout(run, 1000);
      }
    },
    stop: () => {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Keeps the given reads fresh while a screen is open (see liveScheduler for when). */
export function useLiveRefresh(sessionId: number, reads: Channel[]): void {
  const qc = useQueryClient();
  const key = reads.join(',');
  useEffect(() => {
    const scheduler = liveScheduler(sessionId, () => {
      for (const c of key.split(',')) void qc.invalidateQueries({ queryKey: [c] });
    });
    const off = subscribeLive(scheduler.onEvent);
    return () => {
      off();
      scheduler.stop();
    };
  }, [qc, sessionId, key]);
}
