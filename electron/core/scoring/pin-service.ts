import { notFound } from '../errors';
import type { Write } from '../handlers';
import { hashPin } from './member-pin';

/** Sets or clears a council member's scoring PIN. The PIN itself never reaches the log: only whether one is set. */
export async function setMemberPin(w: Write, input: { memberId: number; pin: string | null }) {
  const m = await w.trx
    .selectFrom('council_member')
    .select(['id', 'pin_hash'])
    .where('id', '=', input.memberId)
    .executeTakeFirst();
  if (!m) throw notFound('Council member', input.memberId);
  await w.trx
    .updateTable('council_member')
    .set({ pin_hash: input.pin === null ? null : hashPin(input.pin) })
    .where('id', '=', input.memberId)
    .execute();
  await w.audit({
    action: 'scoring.pin.set',
    entity: 'council_member',
    entityId: input.memberId,
    before: { hasPin: m.pin_hash !== null },
    after: { hasPin: input.pin !== null },
  });
  return { memberId: input.memberId, hasPin: input.pin !== null };
}
