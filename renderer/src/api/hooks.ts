import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { staleAfter } from '../../../shared/api/invalidation';
import { call, type ApiError } from './client';

/** Query key of a channel call: invalidate by channel prefix (e.g. ['criteria:list']). */
export const apiKey = <C extends Channel>(channel: C, input?: ChannelInput<C>) =>
  input === undefined ? [channel] : [channel, input];

/** Reads through a contract channel with TanStack Query caching. */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: Omit<UseQueryOptions<ChannelOutput<C>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: apiKey(channel, input),
    queryFn: () => call(channel, input),
    ...options,
  });
}

/**
 * Refetches every cached query that a change on `channel` made stale (shared/api/invalidation.ts):
 * for changes made outside useApiMutation, e.g. when an import job ends.
 */
export function useInvalidateAfter() {
  const qc = useQueryClient();
  return useCallback(
    (channel: Channel) => Promise.all(staleAfter(channel).map((c) => qc.invalidateQueries({ queryKey: [c] }))),
    [qc],
  );
}

/**
 * Writes through a contract channel. When the call succeeds, every query it made stale is
 * refetched (the one map in shared/api/invalidation.ts), then `onSuccess` runs.
 */
export function useApiMutation<C extends Channel>(channel: C, opts: { onSuccess?: (v: ChannelOutput<C>) => void } = {}) {
  const invalidateAfter = useInvalidateAfter();
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async (value) => {
      await invalidateAfter(channel);
      opts.onSuccess?.(value);
    },
  });
}
