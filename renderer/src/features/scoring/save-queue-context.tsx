import { createContext, useContext, type ReactNode } from 'react';
import type { SaveResult, UndoResult } from '../../../../shared/api/channels/scoring';
import { ApiError, call } from '../../api/client';
import { memoryStore, SaveQueue, type PendingChange } from './save-queue';

export type SheetSaveResult = SaveResult | UndoResult;

/** One change of the queue → its contract channel. */
export function sendChange(p: PendingChange): Promise<SheetSaveResult> {
  const c = p.change;
  const sheetId = p.sheetId;
  switch (c.kind) {
    case 'level':
      return call('scoring:setAnswer', { sheetId, criterionCode: c.code, levelIndex: c.levelIndex });
    case 'note':
      return call('scoring:setNote', { sheetId, criterionCode: c.code, note: c.note });
    case 'declaration':
      return call('scoring:setDeclaration', { sheetId, ruleId: c.ruleId, holds: c.holds, reason: c.reason });
    case 'opinion':
      return call('scoring:setOpinion', { sheetId, opinion: c.opinion });
    case 'undo':
      return call('scoring:undo', { sheetId });
  }
}

/** The connection, not the host's answer: wait and send again. */
export const isTransient = (e: unknown): boolean => e instanceof ApiError && (e.code === 'network' || e.code === 'DB_LOCKED');

/** The desktop's queue: the host is in the same program, so waiting changes are kept in memory. */
const desktopQueue = new SaveQueue<SheetSaveResult>({ store: memoryStore(), send: sendChange, isTransient });

const SaveQueueContext = createContext<SaveQueue<SheetSaveResult>>(desktopQueue);

/** Meeting-room pages provide their IndexedDB-backed queue; everything else uses the desktop's. */
export function SaveQueueProvider({ queue, children }: { queue: SaveQueue<SheetSaveResult>; children: ReactNode }) {
  return <SaveQueueContext.Provider value={queue}>{children}</SaveQueueContext.Provider>;
}

export const useSaveQueue = (): SaveQueue<SheetSaveResult> => useContext(SaveQueueContext);
