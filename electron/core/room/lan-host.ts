import type { LanInterface } from '../../../shared/api/channels/room';

/**
 * What the core needs from a host that can listen on the room's network (Electron main and
 * `ocop serve`; electron/server/lan implements it). The core decides who may do what; the host
 * owns the socket, the certificate and the transport rules.
 */
export interface LanHost {
  /** The IPv4 addresses the secretary may choose (tests offer 127.0.0.2 only). */
  interfaces(): LanInterface[];
  /** Starts listening on exactly this address; `port` undefined = the host's usual port. */
  listen(opts: { address: string; port?: number; plainHttp: boolean }): Promise<LanListening>;
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
  /** Where it listens now, or null. */
  current(): LanListening | null;
}

export interface LanListening {
  address: string;
  port: number;
  protocol: 'https' | 'http';
  /** SHA-256 of the certificate presented, "AB:CD:…" (https), or null (http). */
  fingerprint: string | null;
}
