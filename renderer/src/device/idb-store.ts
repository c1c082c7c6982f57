import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PendingChange, PendingStore } from '../features/scoring/save-queue';

interface QueueDb extends DBSchema {
  pending: { key: string; value: PendingChange; indexes: { seq: number } };
}

/**
 * The save queue's store on a member's device: IndexedDB, so unsent changes survive a reload, a
 * closed tab or a browser restart. One database per session and member (a tablet passed from
 * one member to another never sends the first member's changes under the second's pairing).
 */
export function idbStore(sessionId: number, memberId: number): PendingStore & { close: () => void } {
  let db: Promise<IDBPDatabase<QueueDb>> | null = null;
  const open = () =>
    (db ??= openDB<QueueDb>(`ocop-room-s${sessionId}-m${memberId}`, 1, {
      upgrade(d) {
        d.createObjectStore('pending', { keyPath: 'opId' }).createIndex('seq', 'seq');
      },
    }));
  return {
    all: async () => (await open()).getAllFromIndex('pending', 'seq'),
    put: async (p) => {
      // 'strict': on disk before the queue sends it (the default may wait for the OS).
      const tx = (await open()).transaction('pending', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(p), tx.done]);
    },
    remove: async (opId) => {
      await (await open()).delete('pending', opId);
    },
    close: () => {
      void db?.then((d) => d.close());
      db = null;
    },
  };
}
