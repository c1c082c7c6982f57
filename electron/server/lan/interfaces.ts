import os from 'node:os';
import type { LanInterface } from '../../../shared/api/channels/room';

/**
 * The IPv4 addresses of this computer that a member's device could reach: every interface that
 * is up and not loopback. The kind is a guess from the interface's name and address, only to
 * help the secretary choose ("Wi-Fi", "Điểm phát Wi-Fi của máy này").
 */
export function networkInterfaces(source: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): LanInterface[] {
  const out: LanInterface[] = [];
  for (const [name, infos] of Object.entries(source)) {
    for (const i of infos ?? []) {
      if (i.family !== 'IPv4' || i.internal) continue;
      out.push({ name, address: i.address, kind: kindOf(name, i.address) });
    }
  }
  // Wi-Fi and the hotspot first: what a meeting room uses.
  const rank = { hotspot: 0, wifi: 1, ethernet: 2, other: 3, loopback: 4 } as const;
  return out.sort((a, b) => rank[a.kind] - rank[b.kind]);
}

export function kindOf(name: string, address: string): LanInterface['kind'] {
  if (address.startsWith('127.')) return 'loopback';
  // Windows' Mobile Hotspot is always 192.168.137.1; macOS Internet Sharing uses bridge100; Linux hostapd often ap0.
  if (address === '192.168.137.1' || /^(bridge1\d\d|ap\d|uap\d)$/i.test(name)) return 'hotspot';
  if (/wi-?fi|wlan|wlp|wireless|wl\d|airport/i.test(name)) return 'wifi';
  if (/ethernet|^eth\d|^en[ops]\d|^enx|^em\d|local area connection/i.test(name)) return 'ethernet';
  return 'other';
}

/** The addresses a test or an unusual network asks for (`--lan-address 127.0.0.2`), instead of the interfaces. */
export function fixedInterfaces(addresses: readonly string[]): LanInterface[] {
  return addresses.map((address) => ({ name: address, address, kind: kindOf('', address) }));
}
