import type { Transaction } from 'kysely';
import { isFrozenStatus, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { changeRegistrationStatus } from './registration-service';

/**
 * A registration's own outcome, written when the council finalizes the session that evaluated it
 * (migration 0013): the star or the disqualification, whether it is recognised (3–4 sao by the
 * province) or proposed to the central level (5 sao), and which finalization decided it. The
 * dossier's stage follows: on the agenda → 'evaluated' → 'result'. Reopening the session
 * withdraws the outcome ('result' → 'evaluated'); finalizing again writes the new one. This is
 * the registration's record only; registers of recognitions are built on the finalization itself.
 */

export interface DecidedProduct {
  registrationId: number;
  /** 'complete' products carry their star; 'disqualified' ones none. */
  status: 'complete' | 'disqualified';
  finalStar: number | null;
  recognised: boolean;
  proposedToCentral: boolean;
}

export async function recordOutcomes(
  trx: Transaction<DB>,
  ctx: CoreContext,
  actor: string,
  e: { finalizationId: number; at: string; products: readonly DecidedProduct[] },
): Promise<void> {
  for (const p of e.products) {
    await moveTo(trx, ctx, actor, p.registrationId, 'result', '');
    const disqualified = p.status === 'disqualified' || p.finalStar === null;
    await trx
      .updateTable('registration')
      .set({
        outcome_stars: disqualified ? null : p.finalStar,
        outcome_status: disqualified ? 'disqualified' : 'complete',
        outcome_recognised: !disqualified && p.recognised ? 1 : 0,
        outcome_proposed_central: !disqualified && p.proposedToCentral ? 1 : 0,
        outcome_finalization_id: e.finalizationId,
        outcome_at: e.at,
      })
      .where('id', '=', p.registrationId)
      .execute();
  }
}

/** The session was reopened: its registrations no longer have a result; the chair's reason goes into their history. */
export async function withdrawOutcomes(
  trx: Transaction<DB>,
  ctx: CoreContext,
  actor: string,
  e: { finalizationId: number; reason: string },
): Promise<void> {
  const rows = await trx
    .selectFrom('registration')
    .select(['id'])
    .where('outcome_finalization_id', '=', e.finalizationId)
    .execute();
  for (const r of rows) {
    await trx
      .updateTable('registration')
      .set({
        outcome_stars: null,
        outcome_status: null,
        outcome_recognised: null,
        outcome_proposed_central: null,
        outcome_finalization_id: null,
        outcome_at: null,
      })
      .where('id', '=', r.id)
      .execute();
    await moveTo(trx, ctx, actor, r.id, 'evaluated', e.reason);
  }
}

/**
 * Walks the stage forward along the allowed steps: a registration still 'on_agenda' is first
 * 'evaluated', then 'result'; one moved off its stage by hand is put back on the agenda first.
 */
async function moveTo(
  trx: Transaction<DB>,
  ctx: CoreContext,
  actor: string,
  registrationId: number,
  to: 'evaluated' | 'result',
  note: string,
): Promise<void> {
  const current = async () =>
    (await trx.selectFrom('registration').select('status').where('id', '=', registrationId).executeTakeFirstOrThrow())
      .status as RegistrationStatus;
  let status = await current();
  if (status === to) return;
  if (!isFrozenStatus(status)) {
    if (status !== 'on_agenda') await changeRegistrationStatus(trx, ctx, { actor, registrationId, to: 'on_agenda', note: '' });
    await changeRegistrationStatus(trx, ctx, { actor, registrationId, to: 'evaluated', note: to === 'evaluated' ? note : '' });
    status = 'evaluated';
  }
  if (status !== to) await changeRegistrationStatus(trx, ctx, { actor, registrationId, to, note });
}
