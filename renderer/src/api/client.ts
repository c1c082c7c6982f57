import type { OcopBridge } from '../../../shared/api/bridge';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import type { ApiErrorBody, ErrorCode } from '../../../shared/api/errors';

declare global {
  interface Window {
    ocop?: OcopBridge;
  }
}

/** A failed call, with the core's stable code (translated by the UI with `errors:<code>`). */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly details: unknown;
  constructor(body: ApiErrorBody | { code: 'network'; message: string; details?: unknown }) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

const TOKEN_META = 'ocop-api-token';

/** In a browser the HTTP bridge puts its per-run token into the served page. */
function httpTransport(): OcopBridge {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
  return {
    invoke: async (channel, input) => {
      let res: Response;
      try {
        res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-ocop-token': token },
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
  const details = env.error.details as { network?: boolean } | undefined;
  throw new ApiError(details?.network ? { code: 'network', message: env.error.message } : env.error);
}
