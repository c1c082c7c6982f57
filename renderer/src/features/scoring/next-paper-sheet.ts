/** Where the secretary goes after confirming a paper sheet (issue 16 item 11: "no way onward"). */
import type { SessionProgress } from '../../../../shared/api/channels/scoring';

export type PaperKey = { sessionId: number; memberId: number; registrationId: number };

/** The first sheet nobody has started after `current`: same member's later products first, then the following members'. */
export function nextPaperSheet(
  progress: SessionProgress,
  current: PaperKey,
): { memberId: number; memberName: string; registrationId: number; productName: string } | null {
  const products = [...progress.products].sort((a, b) => a.position - b.position);
  const members = progress.members.filter((m) => m.present !== false);
  const open = (memberId: number, registrationId: number) => {
    const c = progress.cells.find((x) => x.memberId === memberId && x.registrationId === registrationId);
    return c?.state === 'not_started';
  };
  const start = Math.max(
    0,
    members.findIndex((m) => m.memberId === current.memberId),
  );
  for (let k = 0; k < members.length; k++) {
    const m = members[(start + k) % members.length]!;
    for (const p of products) {
      if (m.memberId === current.memberId && p.registrationId === current.registrationId) continue;
      if (open(m.memberId, p.registrationId))
        return { memberId: m.memberId, memberName: m.fullName, registrationId: p.registrationId, productName: p.productName };
    }
  }
  return null;
}
