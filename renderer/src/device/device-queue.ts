import { isTransient, sendChange, type SheetSaveResult } from '../features/scoring/save-queue-context';
import { SaveQueue } from '../features/scoring/save-queue';
import { idbStore } from './idb-store';

/**
 * The device's one save queue (the same SaveQueue the desktop uses), kept in IndexedDB. While the
 * host cannot be reached the changes wait on the device and are re-sent by themselves, in
 * order, with their idempotency keys; the browser's "back online" event sends them at once.
 */
export function deviceQueue(sessionId: number, memberId: number): SaveQueue<SheetSaveResult> {
  const queue = new SaveQueue<SheetSaveResult>({
    store: idbStore(sessionId, memberId),
    send: sendChange,
    isTransient,
    retryDelaysMs: [1000, 2000, 4000, 8000, 15000],
  });
  window.addEventListener('online', () => queue.retry());
  return queue;
}
