import type { Transaction } from 'kysely';
import { isFrozenStatus, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { changeRegistrationStatus } from '../dossiers/registration-service';

/**
 * Keeps a registration's dossier stage in step with the agenda (dossiers' status flow): put on
 * an agenda → 'on_agenda'; taken off → back to the stage it had before (from its status history).
 */
export async function markOnAgenda(
  trx: Transaction<DB>,
  ctx: CoreContext,
  actor: string,
  registrationId: number,
  note: string,
): Promise<void> {
  const r = await trx.selectFrom('registration').select('status').where('id', '=', registrationId).executeTakeFirstOrThrow();
  if (r.status === 'on_agenda' || isFrozenStatus(r.status as RegistrationStatus)) return;
  await changeRegistrationStatus(trx, ctx, { actor, registrationId, to: 'on_agenda', note });
}

export async function markOffAgenda(
  trx: Transaction<DB>,
  ctx: CoreContext,
  actor: string,
  registrationId: number,
  note: string,
): Promise<void> {
  const r = await trx.selectFrom('registration').select('status').where('id', '=', registrationId).executeTakeFirstOrThrow();
  if (r.status !== 'on_agenda') return;
  const lastEntry = await trx
    .selectFrom('registration_status_event')
    .select('from_status')
    .where('registration_id', '=', registrationId)
    .where('to_status', '=', 'on_agenda')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const back = (lastEntry?.from_status ?? 'received') as RegistrationStatus;
  await changeRegistrationStatus(trx, ctx, { actor, registrationId, to: back === 'on_agenda' ? 'received' : back, note });
}
