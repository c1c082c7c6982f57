import { useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/api/contract';
import type { SheetView } from '../../../../shared/api/channels/scoring';
import { call, type ApiError } from '../../api/client';
import { apiKey } from '../../api/hooks';
import { useSaveQueue } from './save-queue-context';

export interface OpenedSheet {
  view: SheetView;
  /** The save queue's mark taken just before the read (see SaveQueue.changesAfter). */
  mark: number;
}

/**
 * Opens (or creates) the member's sheet for a product. The queue's mark is taken before the
 * read, so the editor lays over it exactly the changes the read may have missed: those still
 * waiting and those stored while the read travelled (without it, two answers sent during the
 * read would vanish from the screen until the next reload).
 */
export function useOpenSheet(input: ChannelInput<'scoring:open'>) {
  const queue = useSaveQueue();
  return useQuery<OpenedSheet, ApiError>({
    queryKey: apiKey('scoring:open', input),
    queryFn: async () => {
      const mark = queue.sentMark();
      return { view: await call('scoring:open', input), mark };
    },
    staleTime: Infinity,
    gcTime: 0,
  });
}
