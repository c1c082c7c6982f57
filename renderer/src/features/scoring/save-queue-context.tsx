import { createContext, useContext, type ReactNode } from 'react';
import type { SaveResult, UndoResult } from '../../../../shared/api/channels/scoring';
import { ApiError, call } from '../../api/client';
import { memoryStore, SaveQueue, type PendingChange } from './save-queue';

export type SheetSaveResult = SaveResult | UndoResult;

/** One change of the queue → its contract channel, with its idempotency key (the host records it once). */
export function sendChange(p: PendingChange): Promise<SheetSaveResult> {
  const c = p.change;
  const sheetId = p.sheetId;
  const opId = p.opId;
  switch (c.kind) {
    case 'level':
      return call('scoring:setAnswer', { sheetId, criterionCode: c.code, levelIndex: c.levelIndex, opId });
    case 'note':
      return call('scoring:setNote', { sheetId, criterionCode: c.code, note: c.note, opId });
    case 'declaration':
      return call('scoring:setDeclaration', { sheetId, ruleId: c.ruleId, holds: c.holds, reason: c.reason, opId });
    case 'opinion':
      return call('scoring:setOpinion', { sheetId, opinion: c.opinion, opId });
    case 'undo':
      return call('scoring:undo', { sheetId, opId });
  }
}

/**
 * The connection, not the host's answer: wait and send again (the change's key makes that safe).
 * Anything that is not the host's typed answer counts as the connection too: a reply that is not
 * JSON came from something between the device and the host (a captive portal, a proxy).
 */
export const isTransient = (e: unknown): boolean => !(e instanceof ApiError) || e.code === 'network' || e.code === 'DB_LOCKED';

/** The desktop's queue: the host is in the same program, so waiting changes are kept in memory. */
const desktopQueue = new SaveQueue<SheetSaveResult>({ store: memoryStore(), send: sendChange, isTransient });

const SaveQueueContext = createContext<SaveQueue<SheetSaveResult>>(desktopQueue);

/** Meeting-room pages provide their IndexedDB-backed queue; everything else uses the desktop's. */
export function SaveQueueProvider({ queue, children }: { queue: SaveQueue<SheetSaveResult>; children: ReactNode }) {
  return <SaveQueueContext.Provider value={queue}>{children}</SaveQueueContext.Provider>;
}

export const useSaveQueue = (): SaveQueue<SheetSaveResult> => useContext(SaveQueueContext);
