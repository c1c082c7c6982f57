import { useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelOutput } from '../../../../shared/api/contract';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { apiKey, useApiMutation } from '../../api/hooks';

type SessionChannel = {
  [C in Channel]: ChannelOutput<C> extends SessionDetail ? (SessionDetail extends ChannelOutput<C> ? C : never) : never;
}[Channel];

/**
 * A session change whose answer is the new session detail: the cached detail is replaced at
 * once, so the quorum indicator and the lists change as soon as the core has answered.
 */
export function useSessionMutation<C extends SessionChannel>(channel: C, onDone?: (d: SessionDetail) => void) {
  const qc = useQueryClient();
  return useApiMutation(channel, {
    onSuccess: (value) => {
      const d = value as SessionDetail;
      qc.setQueryData(apiKey('sessions:get', { id: d.session.id }), d);
      onDone?.(d);
    },
  });
}
