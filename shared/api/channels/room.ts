import { z } from 'zod';
import { defineChannels } from '../define';
import { Id } from '../fields';

/**
 * Meeting-room mode (issue 18): the secretary's computer is the host; members score on their own
 * phones, tablets or laptops over the room's network. The secretary's channels (`room:status`,
 * `room:start`, …) are never reachable from a member's device; a device reaches only the
 * allowlist in electron/core/room/device-scope.ts, and `room:me` / `room:heartbeat` only from a
 * paired device.
 */

export const DeviceKind = z.enum(['phone', 'tablet', 'laptop']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** A network address the host can listen on: IPv4 of one interface. */
export const LanInterface = z.object({
  name: z.string(),
  address: z.string(),
  /** How the secretary recognises it (Wi-Fi, cable, the laptop's own hotspot). */
  kind: z.enum(['wifi', 'ethernet', 'hotspot', 'loopback', 'other']),
});
export type LanInterface = z.infer<typeof LanInterface>;

export const RoomDevice = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  kind: DeviceKind,
  /** A short description from the browser ("Chrome trên Android"). */
  label: z.string(),
  pairedAt: z.string(),
  lastSeenAt: z.string(),
  /** Changes the device says it still holds, not yet on the host (its last report). */
  unsent: z.number().int(),
  revokedAt: z.string().nullable(),
});
export type RoomDevice = z.infer<typeof RoomDevice>;

export const RoomInfo = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  sessionTitle: z.string(),
  address: z.string(),
  port: z.number().int(),
  protocol: z.enum(['https', 'http']),
  /** What members type or scan: https://<address>:<port>/ */
  url: z.string(),
  /** The address as a QR code (an SVG data: URL) for phones' cameras. */
  qr: z.string(),
  /** SHA-256 of the certificate the devices are shown (https only), "AB:CD:…". */
  fingerprint: z.string().nullable(),
  pairingCode: z.string(),
  codeExpiresAt: z.string(),
  startedAt: z.string(),
  startedBy: z.string(),
  /** false after the app restarted with the room still open: "Bật lại" listens again. */
  listening: z.boolean(),
});
export type RoomInfo = z.infer<typeof RoomInfo>;

export const RoomStatus = z.object({
  /** The open room, or null when meeting-room mode is off. */
  room: RoomInfo.nullable(),
  devices: z.array(RoomDevice),
  /** Whether this host can listen on the network at all (the CLI without `serve` cannot). */
  available: z.boolean(),
  /** Scoring members of the session without a PIN: they cannot pair a device until one is set. */
  membersWithoutPin: z.array(z.object({ memberId: z.number().int(), fullName: z.string() })),
});
export type RoomStatus = z.infer<typeof RoomStatus>;

/** IPv4 dotted quad; which ones are allowed is decided by the host (the interfaces it offers). */
const Ipv4 = z.string().regex(/^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/, 'an IPv4 address');

export const RoomMe = z.object({
  deviceId: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  sessionId: z.number().int(),
  sessionTitle: z.string(),
  councilName: z.string(),
  /** The certificate's fingerprint, so the member can compare it with the browser's. */
  fingerprint: z.string().nullable(),
  protocol: z.enum(['https', 'http']),
});
export type RoomMe = z.infer<typeof RoomMe>;

export const roomChannels = defineChannels({
  'room:status': { input: z.object({ sessionId: Id.optional() }).strict(), output: RoomStatus },
  'room:interfaces': { input: z.object({}).strict(), output: z.array(LanInterface) },
  'room:start': {
    input: z
      .object({
        sessionId: Id,
        address: Ipv4,
        port: z.number().int().min(1024).max(65535).optional(),
        /** Plain HTTP: only on a closed network the secretary trusts; both screens warn. */
        plainHttp: z.boolean().optional(),
      })
      .strict(),
    output: RoomStatus,
  },
  'room:stop': { input: z.object({ reason: z.string().trim().max(500).optional() }).strict(), output: RoomStatus },
  'room:newCode': { input: z.object({}).strict(), output: RoomStatus },
  'room:revoke': {
    input: z.object({ deviceId: Id, reason: z.string().trim().max(500).optional() }).strict(),
    output: RoomStatus,
  },
  /** Device only: who this device is paired as. */
  'room:me': { input: z.object({}).strict(), output: RoomMe },
  /** Device only: "still here, N changes waiting" (also refreshes last seen). */
  'room:heartbeat': {
    input: z.object({ unsent: z.number().int().min(0).max(100_000) }).strict(),
    output: z.object({ at: z.string() }),
  },
});
