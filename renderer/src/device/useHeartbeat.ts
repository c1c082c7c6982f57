import { useEffect } from 'react';
import { call } from '../api/client';
import type { SaveQueue } from '../features/scoring/save-queue';
import type { SheetSaveResult } from '../features/scoring/save-queue-context';

const EVERY_MS = 15_000;

/**
 * Tells the host the device is here and how many changes wait on it, so the secretary sees
 * "Chưa gửi: N" per device: every 15 s, and soon after the count changes.
 */
export function useHeartbeat(queue: SaveQueue<SheetSaveResult>): void {
  useEffect(() => {
    let last = -1;
    let soon: ReturnType<typeof setTimeout> | null = null;
    const beat = () => {
      const unsent = queue.pending().length;
      last = unsent;
      call('room:heartbeat', { unsent }).catch(() => undefined);
    };
    const timer = setInterval(beat, EVERY_MS);
    const off = queue.subscribe(() => {
      if (queue.pending().length === last || soon) return;
      soon = setTimeout(() => {
        soon = null;
        beat();
      }, 1500);
    });
    beat();
    return () => {
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      off();
    };
  }, [queue]);
}
