import { useQueries } from '@tanstack/react-query';
import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import { useRef, type RefObject } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { apiKey, useApiQuery } from '../api/hooks';

/** Rows fetched per request; the virtualiser asks only for the windows on screen. */
export const LIST_PAGE = 100;

/** Channels that list rows page by page: input takes offset/limit, output is `{ rows, total }`. */
export type PagedChannel = {
  [C in Channel]: ChannelInput<C> extends { offset?: number; limit?: number }
    ? ChannelOutput<C> extends { rows: unknown[]; total: number }
      ? C
      : never
    : never;
}[Channel];

export type PagedRow<C extends PagedChannel> = ChannelOutput<C>['rows'][number];
type PagedFilter<C extends PagedChannel> = Omit<ChannelInput<C>, 'offset' | 'limit'>;
type Page<R> = { rows: R[]; total: number };

/**
 * A virtualised list over a paged channel: the first page drives the total (and keeps the old one
 * while a new filter loads, so the list does not flash empty); later pages are fetched only when
 * their rows scroll into view. Query keys are the channel's own, so the invalidation map (shared/api/invalidation.ts) reaches them.
 */
export function usePagedVirtualList<C extends PagedChannel>(channel: C, filter: PagedFilter<C>, rowHeight: number) {
  const input = (offset: number) => ({ ...filter, offset, limit: LIST_PAGE }) as ChannelInput<C>;
  const first = useApiQuery(channel, input(0), { placeholderData: (prev) => prev });
  const firstPage = first.data as Page<PagedRow<C>> | undefined;
  const total = firstPage?.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const pages = [...new Set(items.map((i) => Math.floor(i.index / LIST_PAGE)))].filter((p) => p > 0);
  const more = useQueries({
    queries: pages.map((p) => ({
      queryKey: apiKey(channel, input(p * LIST_PAGE)),
      queryFn: () => call(channel, input(p * LIST_PAGE)),
      staleTime: 30_000,
    })),
  });
  const rowAt = (i: number): PagedRow<C> | undefined => {
    const p = Math.floor(i / LIST_PAGE);
    const data = (p === 0 ? firstPage : more[pages.indexOf(p)]?.data) as Page<PagedRow<C>> | undefined;
    return data?.rows[i - p * LIST_PAGE];
  };
  const list: PagedVirtualList<PagedRow<C>> = { total, scrollRef, virtualizer, items, rowAt, rowHeight };
  return { first, list };
}

/** What <VirtualTable> needs to draw the rows on screen. */
export interface PagedVirtualList<R> {
  total: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  items: VirtualItem[];
  rowAt: (i: number) => R | undefined;
  rowHeight: number;
}
