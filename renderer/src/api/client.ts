import type { OcopBridge } from '../../../shared/api/bridge';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import type { ApiErrorBody, ErrorCode, ErrorDetails } from '../../../shared/api/errors';

declare global {
  interface Window {
    ocop?: OcopBridge;
  }
}

/** A failed call, with the core's stable code (translated by the UI with `errors:<code>`). */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly details: ErrorDetails | undefined;
  constructor(body: ApiErrorBody | { code: 'network'; message: string; details?: ErrorDetails }) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

/**
 * In a browser: the HTTP bridge on the same origin. The page signed in through the one-time
 * address, so its HttpOnly session cookie goes with every call; the page itself holds no secret.
 */
function httpTransport(): OcopBridge {
  return {
    invoke: async (channel, input) => {
      let res: Response;
      try {
        res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: `network: ${String(e)}`, details: { network: true } } };
      }
      return (await res.json()) as Envelope<never>;
    },
  };
}

/** Electron's preload bridge when present, otherwise the HTTP bridge. */
export const transport: OcopBridge = typeof window !== 'undefined' && window.ocop ? window.ocop : httpTransport();

/** Calls one contract channel; resolves with its value or throws ApiError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const env = await transport.invoke(channel, input);
  if (env.ok) return env.value;
  throw new ApiError(env.error.details?.network ? { code: 'network', message: env.error.message } : env.error);
}
