/**
 * The document reference printed after a finalized document's anchor ("OCOP:…/BB"): which
 * document of the session the page belongs to, so `verify` knows what to re-render. ASCII,
 * upper-case; registration and member ids are the database's.
 */
export const docRefOf = {
  minutes: () => 'BB',
  summary: () => 'TH',
  decision: () => 'QD',
  certificate: (registrationId: number | string) => `GCN-${registrationId}`,
  sheet: (registrationId: number | string, memberId: number | string) => `PD-${registrationId}-${memberId}`,
} as const;

export type ParsedDocRef =
  | { kind: 'minutes' | 'summary' | 'decision' }
  | { kind: 'certificate'; registrationId: number }
  | { kind: 'sheet'; registrationId: number; memberId: number };

/** Reads a reference back; null when it is not one the app prints. */
export function parseDocRef(ref: string): ParsedDocRef | null {
  if (ref === 'BB') return { kind: 'minutes' };
  if (ref === 'TH') return { kind: 'summary' };
  if (ref === 'QD') return { kind: 'decision' };
  let m = /^GCN-(\d{1,9})$/u.exec(ref);
  if (m) return { kind: 'certificate', registrationId: Number(m[1]) };
  m = /^PD-(\d{1,9})-(\d{1,9})$/u.exec(ref);
  if (m) return { kind: 'sheet', registrationId: Number(m[1]), memberId: Number(m[2]) };
  return null;
}
