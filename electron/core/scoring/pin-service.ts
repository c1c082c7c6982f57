import { memberPinHash, setMemberPinHash } from '../councils/member-repo';
import { notFound } from '../errors';
import type { Write } from '../handlers';
import { hashPin } from './member-pin';

/** Sets or clears a council member's scoring PIN. The PIN itself never reaches the log: only whether one is set. */
export async function setMemberPin(w: Write, input: { memberId: number; pin: string | null }) {
  const before = await memberPinHash(w.trx, input.memberId);
  if (before === undefined) throw notFound('Council member', input.memberId);
  await setMemberPinHash(w.trx, input.memberId, input.pin === null ? null : hashPin(input.pin));
  await w.audit({
    action: 'scoring.pin.set',
    entity: 'council_member',
    entityId: input.memberId,
    before: { hasPin: before !== null },
    after: { hasPin: input.pin !== null },
  });
  return { memberId: input.memberId, hasPin: input.pin !== null };
}
