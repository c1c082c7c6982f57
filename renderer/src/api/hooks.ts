import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
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
 * Writes through a contract channel. `invalidates` lists channels whose cached reads become stale
 * when this call succeeds.
 */
export function useApiMutation<C extends Channel>(
  channel: C,
  opts: { invalidates?: Channel[]; onSuccess?: (v: ChannelOutput<C>) => void } = {},
) {
  const qc = useQueryClient();
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async (value) => {
      await Promise.all((opts.invalidates ?? []).map((c) => qc.invalidateQueries({ queryKey: [c] })));
      opts.onSuccess?.(value);
    },
  });
}
