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
 * Keeps the given reads fresh while a screen is open: when a change arrives for this session,
 * they are refetched — at once for submissions and room changes (the spread warning appears
 * as the last sheet of a product arrives), at most once a second for the stream of answers
 * from many devices.
 */
export function useLiveRefresh(sessionId: number, reads: Channel[]): void {
  const qc = useQueryClient();
  const key = reads.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      for (const c of key.split(',')) void qc.invalidateQueries({ queryKey: [c] });
    };
    const off = subscribeLive((e) => {
      if (e.sessionId !== null && e.sessionId !== sessionId) return;
      const urgent = !/^scoring:set|^scoring:undo|^room:heartbeat/.test(e.channel);
      if (urgent) {
        if (timer) clearTimeout(timer);
        refresh();
      } else if (!timer) {
        timer = setTimeout(refresh, 1000);
      }
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [qc, sessionId, key]);
}
