import type { Envelope } from '../../../shared/api/envelope';
import { ApiError } from '../api/client';

/**
 * Pairing is not a contract channel: it runs before the device has a credential, and its answer
 * sets the HttpOnly cookie the page itself never sees. The LAN listener serves these two routes.
 */
export interface PairingMember {
  memberId: number;
  fullName: string;
  hasPin: boolean;
}

const screenOf = () => ({ width: window.screen.width, height: window.screen.height });

async function post<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError({ code: 'network', message: String(e) });
  }
  const env = (await res.json().catch(() => null)) as Envelope<T> | null;
  if (!env) throw new ApiError({ code: 'INTERNAL', message: `The host answered ${res.status} without a readable body` });
  if (!env.ok) throw new ApiError(env.error);
  return env.value;
}

export const pairingMembers = (code: string) =>
  post<{ members: PairingMember[]; fingerprint: string | null }>('/room/pair/members', { code, screen: screenOf() });

export const pair = (code: string, memberId: number, pin: string) =>
  post<{ memberName: string }>('/room/pair', { code, memberId, pin, screen: screenOf() });

/** The certificate's fingerprint and the protocol, for the first screen (no credential needed). */
export const roomInfo = () =>
  fetch('/room/info', { credentials: 'same-origin' })
    .then((r) => r.json() as Promise<Envelope<{ fingerprint: string | null; protocol: 'https' | 'http' }>>)
    .then((e) => (e.ok ? e.value : null))
    .catch(() => null);
