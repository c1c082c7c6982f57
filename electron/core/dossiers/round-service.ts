import type { EvaluationRound } from '../../../shared/api/channels/dossiers-fields';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { auditDossier } from './dossier-audit';
import { fieldError } from './dossier-common';
import { findRoundId, getRound, insertRound, type RoundValues } from './round-repo';

export function checkRoundDates(v: RoundValues): void {
  if (v.startDate && v.endDate && v.endDate < v.startDate)
    throw fieldError('endDate', `the round ends (${v.endDate}) before it starts (${v.startDate})`);
  if (v.deadlineDate && v.endDate && v.deadlineDate > v.endDate) {
    throw fieldError(
      'deadlineDate',
      `the deadline for proposals (${v.deadlineDate}) is after the end of the round (${v.endDate})`,
    );
  }
}

export async function createRound(ctx: CoreContext, actor: string, v: RoundValues): Promise<EvaluationRound> {
  checkRoundDates(v);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findRoundId(trx, v.year, v.number);
    if (existing !== undefined)
      throw new CoreError('CONFLICT', `number: round ${v.number}/${v.year} already exists (#${existing})`, {
        field: 'number',
        existingId: existing,
      });
    const id = await insertRound(trx, v, ctx.now().toISOString());
    const after = (await getRound(trx, id))!;
    await auditDossier(trx, ctx, { actor, action: 'rounds.create', entity: 'evaluation_round', entityId: id, after });
    return after;
  });
}
